namespace Orchestrator.Server.Security;

/// <summary>
/// Where the API key comes from: a file (<c>--api-key-file</c>) or the <c>ORCHESTRATOR_API_KEY</c> environment
/// variable, never the command line (it would show in process lists and shell history).
/// </summary>
public static class ApiKeySource
{
    public const string EnvironmentVariable = "ORCHESTRATOR_API_KEY";

    /// <exception cref="ServerStartException">The file is missing or empty.</exception>
    public static string? Read(string? keyFile)
    {
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile)) throw new ServerStartException($"--api-key-file {keyFile}: file not found");
            var key = File.ReadAllText(keyFile).Trim();
            if (key.Length == 0) throw new ServerStartException($"--api-key-file {keyFile}: the file is empty");
            return key;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable)?.Trim();
        return string.IsNullOrEmpty(fromEnvironment) ? null : fromEnvironment;
    }
}
