using System.Net;

namespace Orchestrator.Server.Security;

/// <summary>Refuses to listen beyond this machine without an API key.</summary>
public static class BindGuard
{
    /// <exception cref="ServerStartException">A URL binds a non-loopback address and no key is set, or a URL does not parse.</exception>
    public static void Check(string urls, string? apiKey)
    {
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"), UriKind.Absolute, out var uri))
                throw new ServerStartException($"--urls: '{url}' is not a URL (e.g. {ServerOptions.DefaultUrls})");
            if (IsLoopback(uri.Host) || apiKey is not null) continue;
            throw new ServerStartException(
                $"--urls {url} listens beyond this machine, and no API key is set. Put a key in a file and pass " +
                $"--api-key-file FILE, or set {ApiKeySource.EnvironmentVariable}; or bind to 127.0.0.1.");
        }
    }

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
}
