namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// What kind of variation a family of the <see cref="VariantTable"/> is. The first six are spelling
/// conventions: a book should follow each one throughout (all -our or all -or), so they are also checked
/// across families (<see cref="ConsistencyRules.SpellingConvention"/>). Side A is always the British (or
/// older, or longer) form, side B the American (or modern, or shorter) one.
/// </summary>
public enum VariantClass
{
    /// <summary>colour/color, honour/honor, neighbourhood/neighborhood.</summary>
    OurOr,
    /// <summary>realise/realize, organisation/organization (never advise, surprise, exercise, wise...: -ise everywhere).</summary>
    IseIze,
    /// <summary>analyse/analyze, paralysed/paralyzed.</summary>
    YseYze,
    /// <summary>centre/center, theatre/theater, sombre/somber.</summary>
    ReEr,
    /// <summary>travelling/traveling, marvellous/marvelous; and the other way round, fulfil/fulfill, skilful/skillful.</summary>
    DoubleL,
    /// <summary>mediaeval/medieval, manoeuvre/maneuver, foetus/fetus.</summary>
    AeOe,
    /// <summary>Other British/American pairs with no general rule: grey/gray, plough/plow, defence/defense.</summary>
    BritishAmerican,
    /// <summary>Older spellings and their modern forms: shew/show, chuse/choose, connexion/connection.</summary>
    Archaic,
    /// <summary>Two accepted forms, one more British, one more American: towards/toward, amongst/among, learnt/learned.</summary>
    Preference,
}
