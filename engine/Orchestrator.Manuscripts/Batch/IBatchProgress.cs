namespace Orchestrator.Manuscripts.Batch;

/// <summary>Hears a batch as it goes; called from several workers at once, so implementations synchronise.</summary>
public interface IBatchProgress
{
    void Started(BatchItem item);
    void Finished(BatchItem item, BatchResult result);
}
