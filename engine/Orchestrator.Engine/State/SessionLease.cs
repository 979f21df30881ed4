using System.ComponentModel;
using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Orchestrator.Engine.Files;

namespace Orchestrator.Engine.State;

/// <summary>Settings of <see cref="SessionLease"/>.</summary>
public sealed record SessionLeaseOptions
{
    public static SessionLeaseOptions Default { get; } = new();

    /// <summary>A lease not renewed for this long is stale, whoever holds it (this is what frees a lease held on another host).</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How often the holder renews its lease in the background; null: only when <see cref="SessionLease.Renew"/> is called.</summary>
    public TimeSpan? RenewEvery { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>An unreadable lease file younger than this is taken for one another process is writing right now.</summary>
    public TimeSpan UnreadableGrace { get; init; } = TimeSpan.FromSeconds(5);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>This machine's name as written in leases; a lease with another host name cannot be checked by pid.</summary>
    public string HostName { get; init; } = Environment.MachineName;
}

/// <summary>What a lease file (<c>lease.json</c>) says about its holder.</summary>
public sealed record LeaseInfo
{
    public required int Pid { get; init; }
    public required string Host { get; init; }

    /// <summary>When the holder process started, so that a reused pid is not taken for the holder.</summary>
    public DateTimeOffset? ProcessStartedAt { get; init; }
    public required DateTimeOffset AcquiredAt { get; init; }
    public required DateTimeOffset RenewedAt { get; init; }

    /// <summary>Random; tells this holder's lease from a later one with the same pid.</summary>
    public required string Token { get; init; }

    public override string ToString() => $"pid {Pid} on host {Host} (since {AcquiredAt:u}, renewed {RenewedAt:u})";
}

public enum LeaseStatus
{
    /// <summary>No lease file.</summary>
    Free,
    /// <summary>Held by a live process (or one that renewed recently enough).</summary>
    Held,
    /// <summary>Left by a process that is gone or stopped renewing: the next <see cref="SessionLease.Acquire"/> takes it over.</summary>
    Stale,
}

/// <summary>The state of a session's lease file and why; <see cref="Holder"/> is null when the file is missing or unreadable.</summary>
public sealed record LeaseInspection(LeaseStatus Status, LeaseInfo? Holder, string Reason);

/// <summary>
/// The lock that keeps two processes from driving one session: a lease file <c>&lt;session&gt;/lease.json</c>
/// (pid, host, process start time, acquired and renewed times, a random token) created with
/// <see cref="FileMode.CreateNew"/>, so exactly one process creates it.
/// </summary>
/// <remarks>
/// <para>A second process is refused with <see cref="SessionLockedException"/> naming the holder. A lease is
/// stale, and taken over (<see cref="TakeoverNote"/> says so), when: on this host, its pid is not running,
/// or is running but started at another time than the holder (the pid was reused); on any host, it was
/// not renewed for <see cref="SessionLeaseOptions.StaleAfter"/>; or the file is unreadable and older than
/// <see cref="SessionLeaseOptions.UnreadableGrace"/>. A takeover renames the stale file aside and checks it
/// moved the very bytes it judged stale, so two processes taking over at once cannot both win.</para>
/// <para>The holder renews in the background every <see cref="SessionLeaseOptions.RenewEvery"/>. If it finds
/// the file is no longer its own (it stalled past <see cref="SessionLeaseOptions.StaleAfter"/> and another
/// process took over), <see cref="Lost"/> is cancelled: the holder must stop writing the session.
/// Disposing releases the lease (deletes the file if it is still its own).</para>
/// <para>Advisory: it binds only code that takes the lease. Meant for a local file system; on a network
/// file system CreateNew and rename are as atomic as that file system makes them.</para>
/// </remarks>
public sealed class SessionLease : ISessionLease
{
    public const string FileName = "lease.json";
    private static readonly TimeSpan StartTimeTolerance = TimeSpan.FromSeconds(2);
    private static readonly Lazy<DateTimeOffset?> SelfStartedAt = new(() => Probe(Environment.ProcessId).StartedAt);

    private readonly SessionLeaseOptions _options;
    private readonly CancellationTokenSource _lost = new();
    private readonly Lock _gate = new();
    private readonly ITimer? _timer;
    private bool _disposed;

    private SessionLease(string path, LeaseInfo info, SessionLeaseOptions options, string? takeoverNote)
    {
        Path = path;
        Info = info;
        _options = options;
        TakeoverNote = takeoverNote;
        if (options.RenewEvery is { } every)
            _timer = options.Time.CreateTimer(_ => RenewInBackground(), null, every, every);
    }

    /// <summary>The lease file.</summary>
    public string Path { get; private set; }

    /// <summary>
    /// Follows the session folder after the store renamed it (a session is built in a staging folder, lease
    /// included, then moved into place whole): renewals and the release then find the file where it now is.
    /// </summary>
    internal void MovedTo(string sessionFolder)
    {
        lock (_gate) Path = System.IO.Path.Combine(sessionFolder, FileName);
    }

    /// <summary>What the lease file says now (renewals move <see cref="LeaseInfo.RenewedAt"/>).</summary>
    public LeaseInfo Info { get; private set; }

    /// <summary>Set when this lease replaced a stale one: whose it was and why it was stale.</summary>
    public string? TakeoverNote { get; }

    /// <summary>Cancelled when another process has taken the lease over; the holder must stop writing.</summary>
    public CancellationToken Lost => _lost.Token;

    public bool IsLost => _lost.IsCancellationRequested;

    /// <summary>Takes the lease of the session in <paramref name="sessionFolder"/> (created if missing); throws <see cref="SessionLockedException"/> when it is held.</summary>
    public static SessionLease Acquire(string sessionFolder, SessionLeaseOptions? options = null) =>
        TryAcquire(sessionFolder, options, out var lease, out var refusal) ? lease : throw new SessionLockedException(sessionFolder, refusal);

    /// <summary>Takes the lease, or says who holds it.</summary>
    public static bool TryAcquire(string sessionFolder, SessionLeaseOptions? options,
        [NotNullWhen(true)] out SessionLease? lease, out LeaseInspection refusal)
    {
        options ??= SessionLeaseOptions.Default;
        Directory.CreateDirectory(sessionFolder);
        var path = System.IO.Path.Combine(sessionFolder, FileName);
        string? takeover = null;
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var now = options.Time.GetUtcNow();
            var info = new LeaseInfo
            {
                Pid = Environment.ProcessId,
                Host = options.HostName,
                ProcessStartedAt = SelfStartedAt.Value,
                AcquiredAt = now,
                RenewedAt = now,
                Token = Guid.NewGuid().ToString("N"),
            };
            if (TryCreate(path, info))
            {
                lease = new SessionLease(path, info, options, takeover);
                refusal = new LeaseInspection(LeaseStatus.Free, null, "acquired");
                return true;
            }
            var (inspection, bytes) = InspectFile(path, options);
            switch (inspection.Status)
            {
                case LeaseStatus.Free:
                    continue;
                case LeaseStatus.Held:
                    lease = null;
                    refusal = inspection;
                    return false;
                default:
                    if (TryRemoveStale(path, bytes!))
                        takeover = $"took over a stale lease: {inspection.Reason}";
                    break;
            }
        }
        lease = null;
        refusal = new LeaseInspection(LeaseStatus.Held, null, "other processes keep taking the lease; try again");
        return false;
    }

    /// <summary>Whether the session in <paramref name="sessionFolder"/> is free, held (by whom) or stale (why), without taking it.</summary>
    public static LeaseInspection Inspect(string sessionFolder, SessionLeaseOptions? options = null) =>
        InspectFile(System.IO.Path.Combine(sessionFolder, FileName), options ?? SessionLeaseOptions.Default).Inspection;

    /// <summary>Writes a new renewal time; throws <see cref="SessionLeaseLostException"/> when the lease is no longer this holder's.</summary>
    public void Renew()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var current = TryReadInfo(Path);
            if (IsLost || current?.Token != Info.Token)
            {
                MarkLost();
                throw new SessionLeaseLostException(Path, current);
            }
            var renewed = Info with { RenewedAt = _options.Time.GetUtcNow() };
            // A renewal is not fsynced: after a power cut the holder is gone anyway, and the lease only has to be whole.
            AtomicFile.Write(Path, JsonSerializer.SerializeToUtf8Bytes(renewed, SessionStateJson.Info<LeaseInfo>()), flushToDisk: false, sharedTarget: true);
            Info = renewed;
        }
    }

    /// <summary>Releases the lease: stops renewing and deletes the file if it is still this holder's.</summary>
    public void Dispose()
    {
        _timer?.Dispose();
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            if (!IsLost && TryReadInfo(Path)?.Token == Info.Token)
                AtomicFile.TryDelete(Path);
        }
        // _lost is not disposed: Lost stays readable after release, and the source holds no timer.
    }

    private void RenewInBackground()
    {
        try
        {
            lock (_gate)
                if (_disposed || IsLost) return;
            Renew();
        }
        catch (SessionLeaseLostException)
        {
            // Lost is cancelled; the holder reacts to it.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ObjectDisposedException)
        {
            // A passing I/O error: the next tick tries again, well before the lease turns stale.
        }
    }

    private void MarkLost()
    {
        if (!_lost.IsCancellationRequested) _lost.Cancel();
    }

    private static bool TryCreate(string path, LeaseInfo info)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
        using (stream)
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(info, SessionStateJson.Info<LeaseInfo>()));
            stream.Flush();
        }
        return true;
    }

    private static (LeaseInspection Inspection, byte[]? Bytes) InspectFile(string path, SessionLeaseOptions options)
    {
        byte[] bytes;
        DateTime writtenAt;
        try
        {
            bytes = File.ReadAllBytes(path);
            writtenAt = File.GetLastWriteTimeUtc(path);
        }
        catch (FileNotFoundException)
        {
            return (new LeaseInspection(LeaseStatus.Free, null, "no lease"), null);
        }
        catch (DirectoryNotFoundException)
        {
            return (new LeaseInspection(LeaseStatus.Free, null, "no lease"), null);
        }
        var now = options.Time.GetUtcNow();
        var holder = TryParse(bytes);
        if (holder is null)
        {
            var age = now - new DateTimeOffset(writtenAt, TimeSpan.Zero);
            return age < options.UnreadableGrace
                ? (new LeaseInspection(LeaseStatus.Held, null, "another process is writing the lease file right now"), bytes)
                : (new LeaseInspection(LeaseStatus.Stale, null, "the lease file is unreadable"), bytes);
        }
        return (Judge(holder, options, now), bytes);
    }

    private static LeaseInspection Judge(LeaseInfo holder, SessionLeaseOptions options, DateTimeOffset now)
    {
        if (string.Equals(holder.Host, options.HostName, StringComparison.OrdinalIgnoreCase))
        {
            var (alive, startedAt) = Probe(holder.Pid);
            if (!alive)
                return new LeaseInspection(LeaseStatus.Stale, holder, $"process {holder.Pid} on {holder.Host} is no longer running");
            if (holder.ProcessStartedAt is { } expected && startedAt is { } actual && (expected - actual).Duration() > StartTimeTolerance)
                return new LeaseInspection(LeaseStatus.Stale, holder,
                    $"pid {holder.Pid} on {holder.Host} is now another process (started {actual:u}; the holder started {expected:u})");
        }
        var silence = now - holder.RenewedAt;
        if (silence > options.StaleAfter)
            return new LeaseInspection(LeaseStatus.Stale, holder,
                $"pid {holder.Pid} on {holder.Host} has not renewed it for {silence.TotalSeconds:F0} s (stale after {options.StaleAfter.TotalSeconds:F0} s)");
        return new LeaseInspection(LeaseStatus.Held, holder, $"held by {holder}");
    }

    private static bool TryRemoveStale(string path, byte[] judged)
    {
        var aside = path + "." + Guid.NewGuid().ToString("N") + ".stale";
        try
        {
            File.Move(path, aside);
        }
        catch (IOException)
        {
            return false; // gone already: someone else took it over or released it
        }
        try
        {
            if (File.ReadAllBytes(aside).AsSpan().SequenceEqual(judged))
                return true;
            // Another process replaced the stale lease between our read and our rename: put its lease back.
            File.Move(aside, path, overwrite: false);
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        finally
        {
            AtomicFile.TryDelete(aside);
        }
    }

    private static LeaseInfo? TryReadInfo(string path)
    {
        try
        {
            return TryParse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static LeaseInfo? TryParse(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, SessionStateJson.Info<LeaseInfo>());
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static (bool Alive, DateTimeOffset? StartedAt) Probe(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            DateTimeOffset? startedAt = null;
            try
            {
                startedAt = new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero);
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
            }
            return (true, startedAt);
        }
        catch (ArgumentException)
        {
            return (false, null);
        }
        catch (InvalidOperationException)
        {
            return (false, null);
        }
    }
}

/// <summary>The session is driven by another process; <see cref="Holder"/> says which (null when its lease file is being written).</summary>
public class SessionLockedException(string sessionFolder, LeaseInspection refusal)
    : IOException($"session {System.IO.Path.GetFileName(System.IO.Path.TrimEndingDirectorySeparator(sessionFolder))} is in use: {refusal.Reason}")
{
    public string SessionFolder { get; } = sessionFolder;
    public LeaseInfo? Holder { get; } = refusal.Holder;
    public string Reason { get; } = refusal.Reason;
}

/// <summary>
/// A store was asked to create a session whose id another session already has. A caller that chose the id itself hears
/// it as any locked session; one that let the id be drawn at random (two sessions of a batch drawn in the same second
/// may share one) draws another.
/// </summary>
public sealed class SessionIdTakenException(string sessionFolder)
    : SessionLockedException(sessionFolder, new LeaseInspection(LeaseStatus.Held, null, "a session of that id exists"));

/// <summary>Another process took this lease over (this holder stalled past the stale time); stop writing the session.</summary>
public sealed class SessionLeaseLostException(string path, LeaseInfo? newHolder)
    : IOException($"the lease {path} was taken over{(newHolder is null ? "" : $" by {newHolder}")}; this process must stop writing the session")
{
    public LeaseInfo? NewHolder { get; } = newHolder;
}
