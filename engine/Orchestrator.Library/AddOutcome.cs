namespace Orchestrator.Library;

/// <summary>What adding one document did.</summary>
public enum AddOutcome
{
    /// <summary>A new document: its chunks, names and traits are stored.</summary>
    Added,

    /// <summary>A document of that name was there with other content: its chunks, names and traits were replaced.</summary>
    Replaced,

    /// <summary>The same content was already there (by content hash): nothing changed.</summary>
    Unchanged,
}
