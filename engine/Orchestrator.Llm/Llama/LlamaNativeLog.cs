using LLama.Native;
using Serilog;

namespace Orchestrator.Llm.Llama;

/// <summary>
/// Sends llama.cpp's native log to Serilog at Debug. The native callback is process-wide and must be set before the
/// native library loads, so it is set once, by the first <see cref="LlamaModels"/>, and forwards to a logger that
/// later hosts may replace.
/// </summary>
internal static class LlamaNativeLog
{
    private static readonly Lock Gate = new();
    private static bool _installed;
    private static volatile ILogger _target = Serilog.Core.Logger.None;

    public static void Install(ILogger log)
    {
        _target = log.ForContext("SourceContext", "llama.cpp");
        lock (Gate)
        {
            if (_installed) return;
            NativeLibraryConfig.All.WithLogCallback(static (level, message) =>
            {
                var text = message.TrimEnd('\n');
                if (text.Length > 0) _target.Debug("{Level}: {Message}", level, text);
            });
            _installed = true;
        }
    }
}
