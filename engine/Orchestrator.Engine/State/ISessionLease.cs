namespace Orchestrator.Engine.State;

/// <summary>
/// The right to drive one session, held by one host at a time. How it is held (a lease file with a pid, a key with
/// an expiry in a shared store) is the store's business; a holder only needs to know when it lost it.
/// </summary>
public interface ISessionLease : IDisposable
{
    /// <summary>Cancelled when another holder has taken the lease over; the holder must stop writing the session.</summary>
    CancellationToken Lost { get; }

    /// <summary>Set when this lease replaced a stale one: whose it was and why it was stale.</summary>
    string? TakeoverNote { get; }
}
