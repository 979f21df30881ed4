namespace Orchestrator.Cli.Hosting;

/// <summary>The command line this process was started with, as a user would type it again in a POSIX shell.</summary>
internal static class CommandLineText
{
    /// <summary><c>orchestrator</c> and this process's arguments, each quoted when the shell would split or expand it.</summary>
    public static string Current() => Of(Environment.GetCommandLineArgs().Skip(1));

    public static string Of(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote).Prepend("orchestrator"));

    private static string Quote(string argument) =>
        argument.Length > 0 && argument.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,@%+".Contains(c))
            ? argument
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
