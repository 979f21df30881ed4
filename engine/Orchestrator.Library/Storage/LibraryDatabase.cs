using Microsoft.Data.Sqlite;

namespace Orchestrator.Library.Storage;

/// <summary>
/// One library database file: opens pooled connections with the settings every connection needs (foreign keys, a busy
/// wait so two processes take turns instead of failing), creates the schema once, in WAL mode, and checks on open that
/// the file is a library of a version this build reads. Every SQLite failure that means "this file is not usable"
/// becomes a <see cref="LibraryException"/> naming the file.
/// </summary>
internal sealed class LibraryDatabase
{
    /// <summary>How long a connection waits for another writer (another process adding) before giving up.</summary>
    private static readonly TimeSpan BusyWait = TimeSpan.FromSeconds(60);

    private readonly string _connectionString;

    private LibraryDatabase(string path, string connectionString)
    {
        Path = path;
        _connectionString = connectionString;
    }

    public string Path { get; }

    /// <summary>
    /// Opens the library at <paramref name="path"/>, creating it (and its folder) when <paramref name="create"/> is set.
    /// </summary>
    /// <exception cref="LibraryException">Missing (and not to be created), damaged, not a library, or of a newer schema.</exception>
    public static async Task<LibraryDatabase> OpenAsync(string path, bool create, CancellationToken ct)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            if (!create) throw new LibraryException(path, "no such library (see: orchestrator library list)");
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            ForeignKeys = true,
            DefaultTimeout = (int)BusyWait.TotalSeconds,
        };
        var database = new LibraryDatabase(path, builder.ToString());
        PoolUsers.Join(database._connectionString);
        try
        {
            await database.RunAsync(async connection => await database.PrepareAsync(connection, create, ct).ConfigureAwait(false), ct).ConfigureAwait(false);
            return database;
        }
        catch
        {
            database.Release();
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> on an open connection, mapping SQLite failures to <see cref="LibraryException"/>.</summary>
    public async Task<T> RunAsync<T>(Func<SqliteConnection, Task<T>> work, CancellationToken ct)
    {
        try
        {
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(ct).ConfigureAwait(false);
            await using (var pragma = connection.CreateCommand())
            {
                // WAL makes a commit one append and a fsync of the log: NORMAL is durable across process crashes.
                pragma.CommandText = $"PRAGMA busy_timeout = {(int)BusyWait.TotalMilliseconds}; PRAGMA synchronous = NORMAL;";
                await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            return await work(connection).ConfigureAwait(false);
        }
        catch (SqliteException ex)
        {
            throw Translate(ex);
        }
    }

    public Task RunAsync(Func<SqliteConnection, Task> work, CancellationToken ct) =>
        RunAsync(async c => { await work(c).ConfigureAwait(false); return true; }, ct);

    /// <summary>Closes this handle on the file: the last one open in the process lets go of the pooled connections.</summary>
    public void Release() => PoolUsers.Leave(_connectionString);

    private LibraryException Translate(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 => new LibraryException(Path, "not a library: the file is not an SQLite database (damaged, or another kind of file)", ex),
        11 => new LibraryException(Path, $"the library is damaged ({ex.Message.TrimEnd('.')}); remove the file and add the documents again", ex),
        8 => new LibraryException(Path, "the library is read-only (check the file's permissions)", ex),
        5 or 6 => new LibraryException(Path, $"the library stayed locked by another process for more than {BusyWait.TotalSeconds:0} s", ex),
        14 => new LibraryException(Path, "the library file cannot be opened (check the path and permissions)", ex),
        _ => new LibraryException(Path, $"SQLite error {ex.SqliteErrorCode}: {ex.Message}", ex),
    };

    private async Task PrepareAsync(SqliteConnection connection, bool create, CancellationToken ct)
    {
        var (applicationId, version, tables) = await ReadHeaderAsync(connection, ct).ConfigureAwait(false);
        if (applicationId == 0 && tables == 0)
        {
            if (!create) throw new LibraryException(Path, "not a library: an empty database");
            await CreateAsync(connection, ct).ConfigureAwait(false);
            (applicationId, version, _) = await ReadHeaderAsync(connection, ct).ConfigureAwait(false);
        }
        if (applicationId != LibrarySchema.ApplicationId)
            throw new LibraryException(Path, "not a library: an SQLite database of another program");
        if (version > LibrarySchema.Version)
            throw new LibraryException(Path, $"made by a newer version of orchestrator (library schema {version}; this one reads up to {LibrarySchema.Version})");
        if (version < 1)
            throw new LibraryException(Path, $"the library is damaged (schema version {version})");
    }

    /// <summary>
    /// Reads the marks and the table count in one statement, so in one snapshot: read as three statements, each its own
    /// read, a second process could see the marks before a first one's schema commit and the tables after it, and take
    /// the new library for another program's database.
    /// </summary>
    private static async Task<(int ApplicationId, int Version, long Tables)> ReadHeaderAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT application_id FROM pragma_application_id()), (SELECT user_version FROM pragma_user_version()), (SELECT count(*) FROM sqlite_master);";
        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        await reader.ReadAsync(ct).ConfigureAwait(false);
        return (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt64(2));
    }

    /// <summary>Creates the schema; two processes creating the same new library at once take turns, and the second finds it made.</summary>
    private static async Task CreateAsync(SqliteConnection connection, CancellationToken ct)
    {
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode = WAL;";
            await wal.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(ct).ConfigureAwait(false);
        await using (var check = connection.CreateCommand())
        {
            check.Transaction = transaction;
            check.CommandText = "SELECT count(*) FROM sqlite_master;";
            if ((long)(await check.ExecuteScalarAsync(ct).ConfigureAwait(false))! > 0) return;
        }
        await using (var command = connection.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = LibrarySchema.Create
                + $"\nPRAGMA application_id = {LibrarySchema.ApplicationId};\nPRAGMA user_version = {LibrarySchema.Version};"
                + $"\nINSERT INTO meta(key, value) VALUES ('{LibrarySchema.VersionKey}', '{LibraryVersion.Empty}');";
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }
}
