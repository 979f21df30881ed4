using System.Security.Cryptography;
using Orchestrator.Engine.Files;
using System.Text;

namespace Orchestrator.Engine.Scripting;

/// <summary>
/// The text of one decision rule and where it came from. <see cref="Name"/> is what messages show
/// before <c>:line:column</c>: the path of a <c>.csx</c> file, or <c>rules.select</c> /
/// <c>rules.stop</c> for an inline expression.
/// </summary>
public sealed record RuleSource
{
    /// <summary>Name of an inline select rule in messages.</summary>
    public const string InlineSelectName = "rules.select";

    /// <summary>Name of an inline stop rule in messages.</summary>
    public const string InlineStopName = "rules.stop";

    public RuleSource(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        Name = name;
        Text = text;
        Hash = HashOf(text);
    }

    /// <summary>The file path (as resolved against the pipeline's folder) or <c>rules.select</c>/<c>rules.stop</c>.</summary>
    public string Name { get; }

    /// <summary>The C# text: an expression, or statements ending with <c>return</c> or a final expression.</summary>
    public string Text { get; }

    /// <summary>SHA-256 of <see cref="Text"/> (UTF-8), lower-case hex.</summary>
    public string Hash { get; }

    /// <summary>True when the text was read from a <c>.csx</c> file.</summary>
    public bool IsFile { get; private init; }

    /// <summary>An inline rule, named <c>rules.select</c> or <c>rules.stop</c> in messages.</summary>
    public static RuleSource Inline(RuleKind kind, string expression) =>
        new(kind == RuleKind.Select ? InlineSelectName : InlineStopName, expression);

    /// <summary>Reads a <c>.csx</c> file; the path is the rule's name in messages.</summary>
    /// <exception cref="RuleCompilationException">The file cannot be read (the message says why).</exception>
    public static RuleSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        // Checked before opening: a FIFO would block the read, a device never end it.
        var kind = FileKinds.Of(path);
        if (kind != FileKind.Regular)
            throw CannotRead(path, kind == FileKind.Missing ? "file not found" : $"it is {FileKinds.Describe(kind)}, not a regular file");
        try
        {
            // Four bytes a character at most: a longer file cannot be under the limit, and is not read whole.
            var length = new FileInfo(path).Length;
            if (length > 4L * RuleSyntaxPolicy.MaxLength)
                throw CannotRead(path, $"the file is {length:N0} bytes long; a rule is at most {RuleSyntaxPolicy.MaxLength:N0} characters");
            return new RuleSource(path, File.ReadAllText(path)) { IsFile = true };
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var why = e switch
            {
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                UnauthorizedAccessException => "permission denied",
                _ => e.Message,
            };
            throw CannotRead(path, why);
        }
    }

    private static RuleCompilationException CannotRead(string path, string why) =>
        new([new RuleDiagnostic(path, null, null, $"cannot read the rule: {why}")]);

    /// <summary>
    /// The rule a pipeline's <c>rules.select</c> or <c>rules.stop</c> value stands for: a value
    /// ending in <c>.csx</c> is a file path, relative to the folder of the pipeline file (or to the
    /// current folder when the pipeline was not read from a file); anything else is inline C#.
    /// </summary>
    /// <exception cref="RuleCompilationException">A <c>.csx</c> file that cannot be read.</exception>
    public static RuleSource Resolve(RuleKind kind, string value, string? pipelinePath)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!IsFilePath(value)) return Inline(kind, value);
        var relative = value.Trim();
        var folder = pipelinePath is null ? null : Path.GetDirectoryName(pipelinePath);
        return FromFile(string.IsNullOrEmpty(folder) ? relative : Path.Combine(folder, relative));
    }

    /// <summary>True when a rule value names a <c>.csx</c> file rather than being inline C#.</summary>
    public static bool IsFilePath(string value) =>
        value.TrimEnd().EndsWith(".csx", StringComparison.OrdinalIgnoreCase);

    internal static string HashOf(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
