namespace Orchestrator.Manuscripts.Text;

/// <summary>How headings are marked in the text.</summary>
public enum TextMarkup
{
    /// <summary>Plain text: headings are recognised by their wording (Chapter 1, CHAPTER I., Letter 1, a roman numeral alone...).</summary>
    PlainText,

    /// <summary>Markdown: <c>#</c>/<c>##</c> (and setext) headings are headings too, whatever they say.</summary>
    Markdown,
}
