namespace Orchestrator.Manuscripts.Text;

/// <summary>How a heading line is built; decides how much context it needs to be believed.</summary>
internal enum HeadingForm : byte
{
    /// <summary>Keyword and number only (<c>CHAPTER XII.</c>, <c>Letter 1</c>, <c>Epilogue</c>).</summary>
    Bare,

    /// <summary>A number alone: Roman (<c>XII.</c>) or Arabic (<c>12</c>). Believed only when it stands alone.</summary>
    NumberAlone,

    /// <summary>A title after a separator (<c>CHAPTER 1. Loomings.</c>, <c>Chapter One: Home</c>, two spaces).</summary>
    Separated,

    /// <summary>A capitalised title after a single space (<c>Chapter 3 The Storm</c>).</summary>
    Loose,

    /// <summary>A Roman numeral, a separator and a title-case title (<c>IV. The Red House</c>), as story collections
    /// head their stories. Believed only when it stands alone.</summary>
    NumberTitled,
}
