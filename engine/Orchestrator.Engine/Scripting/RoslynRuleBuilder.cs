using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Scripting;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The compile path, and the only code that uses Roslyn: parse, compile against the globals type,
/// refuse what a rule may not write or use (<see cref="RuleSyntaxPolicy"/>, <see cref="RulePolicy"/>), instrument (<see cref="RuleInstrumenter"/>)
/// and emit an assembly with an embedded PDB (so a rule that throws reports its line).
/// </summary>
internal static class RoslynRuleBuilder
{
    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static readonly string[] BaseImports =
    [
        "System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Text.RegularExpressions",
        "Orchestrator.Engine.Scripting", "Orchestrator.Engine.Pipelines", "Orchestrator.Engine.Dataflow",
    ];

    /// <summary>
    /// The only framework assemblies a rule is compiled against: what the allow-list needs
    /// (<see cref="RuleAllowList"/>). A type from anywhere else (System.Xml, System.Diagnostics.Process,
    /// System.ComponentModel...) does not even resolve.
    /// </summary>
    private static readonly string[] FrameworkAssemblies =
        ["System.Private.CoreLib", "System.Runtime", "System.Collections", "System.Linq", "System.Text.RegularExpressions"];

    /// <summary>One reference per file for the life of the process: Roslyn reuses the metadata it read.</summary>
    private static readonly ConcurrentDictionary<string, MetadataReference> ReferencesByPath = new(StringComparer.Ordinal);

    private static readonly ConcurrentDictionary<Type, RuleEnvironment> Environments = new();

    public static byte[] Build(RuleSource source, RuleKind kind, Type globalsType, string assemblyName)
    {
        if (RuleSyntaxPolicy.CheckLength(source) is { } tooLong) throw new RuleCompilationException([tooLong]);
        var parsed = CSharpSyntaxTree.ParseText(source.Text, ParseOptions, source.Name);
        var refusedSyntax = RuleSyntaxPolicy.Check(parsed, source.Name);
        if (refusedSyntax.Count > 0) throw new RuleCompilationException(refusedSyntax);

        var environment = Environments.GetOrAdd(globalsType, CreateEnvironment);
        var options = ScriptOptions.Default
            .WithReferences(environment.References)
            .WithImports(environment.Imports)
            .WithMetadataResolver(NoMetadataResolver.Instance)
            .WithSourceResolver(NoSourceResolver.Instance)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithAllowUnsafe(false)
            .WithCheckOverflow(false)
            .WithFileEncoding(Encoding.UTF8)
            .WithFilePath(source.Name)
            .WithLanguageVersion(LanguageVersion.Latest);
        Script script = kind == RuleKind.Stop
            ? CSharpScript.Create<bool>(source.Text, options, globalsType)
            : CSharpScript.Create<IEnumerable<string>>(source.Text, options, globalsType);
        var compilation = script.GetCompilation();

        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceSpan.Start)
            .Select(d => ToRuleDiagnostic(d, source.Name))
            .ToList();
        if (errors.Count > 0) throw new RuleCompilationException(errors);

        var tree = compilation.SyntaxTrees.Single();
        var model = compilation.GetSemanticModel(tree);
        var forbidden = new RulePolicy(compilation, model, globalsType, environment.ApplicationAssemblies, source.Name)
            .Check(tree.GetRoot());
        if (forbidden.Count > 0) throw new RuleCompilationException(forbidden);

        // The instrumented tree is built from nodes, not reparsed, and adds no line breaks: the
        // lines in the PDB stay those of the user's text.
        var instrumentedRoot = new RuleInstrumenter(model).Visit(tree.GetRoot());
        var instrumentedTree = CSharpSyntaxTree.Create((CSharpSyntaxNode)instrumentedRoot, (CSharpParseOptions)tree.Options,
            tree.FilePath, Encoding.UTF8);
        var instrumented = compilation.ReplaceSyntaxTree(tree, instrumentedTree).WithAssemblyName(assemblyName);

        using var image = new MemoryStream();
        var emitted = instrumented.Emit(image, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emitted.Success)
            throw new RuleCompilationException(emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => ToRuleDiagnostic(d, source.Name) with
                {
                    Message = "internal error instrumenting the rule (please report it): " + d.GetMessage(CultureInfo.InvariantCulture),
                })
                .ToList());
        return image.ToArray();
    }

    internal static RuleDiagnostic ToRuleDiagnostic(Diagnostic diagnostic, string name)
    {
        var message = $"{diagnostic.Id}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}";
        if (!diagnostic.Location.IsInSource) return new RuleDiagnostic(name, null, null, message);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return new RuleDiagnostic(name, start.Line + 1, start.Character + 1, message);
    }

    /// <summary>References, imports and the application's assemblies for one globals type.</summary>
    private sealed record RuleEnvironment(
        ImmutableArray<MetadataReference> References,
        ImmutableArray<string> Imports,
        ImmutableHashSet<string> ApplicationAssemblies);

    /// <summary>
    /// The minimal framework set and the assemblies of the globals type and its base types (located
    /// through the runtime's trusted platform assemblies, without loading them). Those are the
    /// application's: rules may use only the types their globals lead to from them.
    /// </summary>
    private static RuleEnvironment CreateEnvironment(Type globalsType)
    {
        var platform = TrustedPlatformAssemblies();
        var paths = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var application = ImmutableHashSet.CreateBuilder<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in FrameworkAssemblies)
            if (platform.TryGetValue(name, out var path)) paths.TryAdd(name, path);
        var imports = new List<string>(BaseImports);
        for (var type = globalsType; type is not null && type != typeof(object); type = type.BaseType)
        {
            var assembly = type.Assembly;
            var name = assembly.GetName().Name!;
            if (paths.TryAdd(name, assembly.Location)) application.Add(name);
            if (type.Namespace is { } ns && !imports.Contains(ns)) imports.Add(ns);
        }

        var references = paths.Values
            .Select(path => ReferencesByPath.GetOrAdd(path, p => MetadataReference.CreateFromFile(p)))
            .ToImmutableArray();
        return new RuleEnvironment(references, [.. imports], application.ToImmutable());
    }

    private static Dictionary<string, string> TrustedPlatformAssemblies()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") is string list)
            foreach (var path in list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
                map.TryAdd(Path.GetFileNameWithoutExtension(path), path);
        return map;
    }

    /// <summary>Resolves no <c>#r</c>: rules reference nothing beyond what the engine gives them.</summary>
    private sealed class NoMetadataResolver : MetadataReferenceResolver
    {
        public static readonly NoMetadataResolver Instance = new();

        public override ImmutableArray<PortableExecutableReference> ResolveReference(string reference, string? baseFilePath,
            MetadataReferenceProperties properties) => [];

        public override bool Equals(object? other) => other is NoMetadataResolver;

        public override int GetHashCode() => 1;
    }

    /// <summary>Resolves no <c>#load</c>.</summary>
    private sealed class NoSourceResolver : SourceReferenceResolver
    {
        public static readonly NoSourceResolver Instance = new();

        public override string? NormalizePath(string path, string? baseFilePath) => null;

        public override string? ResolveReference(string path, string? baseFilePath) => null;

        public override Stream OpenRead(string resolvedPath) => throw new NotSupportedException("rules cannot #load files");

        public override bool Equals(object? other) => other is NoSourceResolver;

        public override int GetHashCode() => 1;
    }
}
