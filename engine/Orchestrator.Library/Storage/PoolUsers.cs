using Microsoft.Data.Sqlite;

namespace Orchestrator.Library.Storage;

/// <summary>
/// Counts the open libraries of each database file in this process, and clears a file's connection pool only when the
/// last of them closes. The pool is per process and per connection string, so it is shared by every library open on the
/// same file (two sessions of a server consulting one series bible); and Microsoft.Data.Sqlite's pool clear may dispose
/// the native handle of a connection another user is just taking, which that user meets as an
/// <see cref="ObjectDisposedException"/>. Clearing under the same lock that new users take leaves no such user.
/// </summary>
internal static class PoolUsers
{
    private static readonly Dictionary<string, int> Open = new(StringComparer.Ordinal);

    /// <summary>One more user of the pool of <paramref name="connectionString"/>; pair it with <see cref="Leave"/>.</summary>
    public static void Join(string connectionString)
    {
        lock (Open)
            Open[connectionString] = Open.GetValueOrDefault(connectionString) + 1;
    }

    /// <summary>One user fewer; the last one lets go of the pooled connections (so the file can be moved or deleted).</summary>
    public static void Leave(string connectionString)
    {
        lock (Open)
        {
            var users = Open[connectionString] - 1;
            if (users > 0)
            {
                Open[connectionString] = users;
                return;
            }
            Open.Remove(connectionString);
            using var connection = new SqliteConnection(connectionString);
            SqliteConnection.ClearPool(connection);
        }
    }
}
