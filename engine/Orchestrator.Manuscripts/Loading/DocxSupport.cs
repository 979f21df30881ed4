using System.Diagnostics.CodeAnalysis;

namespace Orchestrator.Manuscripts.Loading;

/// <summary>
/// Whether this process reads .docx manuscripts: yes, unless its host turns the feature switch off, as the native build
/// of the command does. OpenXml's element types are more than half of what native AOT would compile into that build
/// (and of its memory at run time), so it hands a .docx manuscript to the JIT build instead; it asks
/// <see cref="ManuscriptLoader.ReadsDocx"/> first. With the switch off, a .docx is an unsupported format to the loader.
/// </summary>
public static class DocxSupport
{
    public const string Switch = "Orchestrator.Manuscripts.Docx";

    [FeatureSwitchDefinition(Switch)]
    public static bool IsEnabled => !AppContext.TryGetSwitch(Switch, out var enabled) || enabled;
}
