using Orchestrator.Engine.State;
using Orchestrator.Manuscripts.Loading;
using Orchestrator.Manuscripts.Text;
using Serilog;

namespace Orchestrator.Manuscripts.Coordination;

/// <summary>
/// What a resume starts from, checked against what the session began with: the input (from its path, or the copy
/// the store kept when the path is gone) and what changed since (the pipeline, its rules, the input's content).
/// </summary>
internal sealed record ResumeCheck(ManuscriptDocument Input, string InputHash, bool FromCopy, IReadOnlyList<string> Changes)
{
    public static async Task<ResumeCheck> RunAsync(ISessionStore store, SessionState state, string pipelineName, string pipelineHash,
        string? pipelineSource, ManuscriptLoadOptions loading, ILogger log, CancellationToken ct)
    {
        var changes = new List<string>();
        if (state.PipelineName != pipelineName)
            changes.Add($"it ran pipeline '{state.PipelineName}', not '{pipelineName}'");
        else if (state.PipelineHash != pipelineHash)
            changes.Add($"pipeline '{state.PipelineName}' ({pipelineSource ?? "in memory"}), its rules, or what its nodes read (a reference library, a model file) changed since the session began");

        ManuscriptDocument input;
        // A chapter folder's path ends with a separator (see ManuscriptLoader.LoadChapterFolderAsync).
        var fromCopy = !File.Exists(state.InputPath) && !Directory.Exists(state.InputPath);
        if (!fromCopy)
        {
            input = await ManuscriptLoader.LoadAsync(state.InputPath, loading, ct).ConfigureAwait(false);
        }
        else
        {
            // The input moved or was deleted: the copy taken when the session began is what it analysed.
            var copy = await store.ReadInputAsync(state.SessionId, ct).ConfigureAwait(false)
                ?? throw new ManuscriptLoadException(state.InputPath, LoadFailureReason.NotFound, "the input is gone and the session has no copy of it");
            log.Warning("Session {Session}: {Input} is gone; resuming from the copy taken when the session began", state.SessionId, state.InputPath);
            input = ManuscriptLoader.Load(state.InputPath, copy, loading);
        }
        var inputHash = ManuscriptSubject.HashOf(input);
        if (inputHash != state.InputHash && !fromCopy)
            changes.Add($"the input {state.InputPath} changed since the session began (content hash {Short(state.InputHash)} then, {Short(inputHash)} now)");
        return new ResumeCheck(input, inputHash, fromCopy, changes);
    }

    public static string Short(string hash) =>
        hash.StartsWith(ContentHash.Prefix, StringComparison.Ordinal) ? hash[ContentHash.Prefix.Length..][..12] : hash[..Math.Min(12, hash.Length)];
}
