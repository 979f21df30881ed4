namespace Orchestrator.Manuscripts.Batch;

/// <summary>One manuscript of a batch: a file, or a folder of chapter files.</summary>
/// <param name="Name">The path relative to the batch folder, with '/' between folders; a chapter folder's ends with '/'.</param>
/// <param name="Path">The full path of the file or folder.</param>
/// <param name="OutputName">The name of its sub-folder of the output folder (unique within the batch).</param>
public sealed record BatchItem(string Name, string Path, bool IsChapterFolder, string OutputName);
