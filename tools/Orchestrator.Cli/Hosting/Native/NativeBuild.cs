using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Cli.Hosting.Native;

/// <summary>
/// Which build of the command is running. The usual build runs on the JIT; the native build (README: Native
/// start) is the same program compiled ahead of time by native AOT, for the verbs people start again and again
/// (<c>run</c>, <c>check</c>, <c>validate</c>): a cold run takes about a quarter of the JIT build's time and 60% of its
/// memory (README: Benchmarks). What needs the JIT or would weigh most (C# rules through Roslyn, the llm node, the
/// reference library, .docx files, the server and the cluster) is not compiled into it; a command line that meets one
/// of those is handed to the JIT build beside it (<see cref="JitHandoff"/>, <see cref="NativeScope"/>).
/// </summary>
public static class NativeBuild
{
    /// <summary>The feature switch the native build sets to false (Orchestrator.Cli.csproj, <c>Native</c>).</summary>
    public const string JitSwitch = "Orchestrator.Cli.JitAvailable";

    /// <summary>
    /// True in the JIT build. The native build's compiler reads it as the constant false and drops the code it guards,
    /// so an <c>if (NativeBuild.JitAvailable)</c> branch is how a verb keeps Roslyn, LLamaSharp and the rest out of it.
    /// </summary>
    [FeatureSwitchDefinition(JitSwitch)]
    [FeatureGuard(typeof(RequiresDynamicCodeAttribute))]
    [FeatureGuard(typeof(RequiresUnreferencedCodeAttribute))]
    public static bool JitAvailable => !AppContext.TryGetSwitch(JitSwitch, out var available) || available;
}
