using System.Reflection;
using System.Runtime.Loader;

namespace Orchestrator.Engine.Scripting;

/// <summary>A compiled rule's assembly, loaded, with the delegate that runs it.</summary>
internal sealed record LoadedRule(Delegate Factory, Assembly Assembly, Type GlobalsType, RuleOrigin Origin);

/// <summary>
/// Loads the assembly of a compiled rule (from the disk cache or fresh from the compiler) into its
/// own collectable <see cref="AssemblyLoadContext"/> and finds the script's factory method once.
/// </summary>
/// <remarks>
/// This class and everything it calls must not touch Microsoft.CodeAnalysis: it is the cached
/// path, which exists so that a process whose rules are all cached never loads the compiler.
/// </remarks>
internal static class RuleAssemblyLoader
{
    /// <summary>Name of the static method that Roslyn generates on a script's submission class.</summary>
    private const string FactoryName = "<Factory>";

    public static LoadedRule Load(byte[] image, RuleKind kind, Type globalsType, string name, RuleOrigin origin)
    {
        var context = new RuleLoadContext(name, globalsType);
        try
        {
            using var stream = new MemoryStream(image, writable: false);
            var assembly = context.LoadFromStream(stream);
            var factory = FindFactory(assembly)
                ?? throw new InvalidDataException($"{name}: no {FactoryName} method in the compiled rule");
            var delegateType = kind == RuleKind.Stop
                ? typeof(Func<object?[], Task<bool>>)
                : typeof(Func<object?[], Task<IEnumerable<string>>>);
            return new LoadedRule(factory.CreateDelegate(delegateType), assembly, globalsType, origin);
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    private static MethodInfo? FindFactory(Assembly assembly)
    {
        foreach (var type in assembly.GetTypes())
        {
            var method = type.GetMethod(FactoryName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
            if (method is not null) return method;
        }
        return null;
    }

    /// <summary>
    /// A collectable context per rule. The rule's references (the engine, the globals' assemblies)
    /// resolve to the copies already loaded where the globals type lives, so the rule and the
    /// engine agree on every type, also when the engine itself runs in a plug-in context.
    /// </summary>
    private sealed class RuleLoadContext(string name, Type globalsType)
        : AssemblyLoadContext("rule " + name, isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName)
        {
            var home = GetLoadContext(globalsType.Assembly);
            return home is null || home == Default ? null : home.LoadFromAssemblyName(assemblyName);
        }
    }
}
