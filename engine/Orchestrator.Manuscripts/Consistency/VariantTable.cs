namespace Orchestrator.Manuscripts.Consistency;

/// <summary>
/// The built-in table of spelling variants: a few hundred stems, expanded by vetted suffix patterns into
/// pairs of the same word spelt two ways. Only words listed here are ever compared; nothing is guessed from
/// a word's ending, so advise, surprise, exercise, otherwise, wise, rise, promise, enterprise (-ise in
/// British and American English alike), size, prize, seize (-ize alike), humorous, vigorous, laborious (the
/// same on both sides) and criticism, cancellation, controlled (no variation) can never be flagged.
/// </summary>
/// <remarks>
/// <para>Sources: the spelling-difference lists of the Oxford English Dictionary and Merriam-Webster as
/// summarised in Wikipedia's "American and British English spelling differences"; the older forms are those
/// of eighteenth- and nineteenth-century printing (Johnson's Dictionary; Austen, Shelley and Melville as
/// published).</para>
/// <para>Patterns (stem → side A / side B, each with the suffixes listed):</para>
/// <list type="bullet">
/// <item>-our/-or: <c>colour</c> → colour+s / color+s for "", s, ed, ing, er, ers, able, ably, al, ful, fully, less,
/// ite, ites, hood, hoods, ly, y (never -ous: humorous, vigorous are one spelling).</item>
/// <item>-ise/-ize: root <c>real</c> → realis+e / realiz+e for e, es, ed, ing, er, ers, ation, ations, able
/// (never -ism, -ist: criticism is one spelling).</item>
/// <item>-yse/-yze: root <c>analy</c> → analyse/analyze, -ses/-zes, -sed/-zed, -sing/-zing, -ser/-zer, -sers/-zers.</item>
/// <item>-re/-er: root <c>cent</c> → centre/center, -res/-ers, -red/-ered, -ring/-ering, -rely/-erly
/// (metre is left out: meter is also an instrument in British English).</item>
/// <item>-ll-/-l-: stem <c>travel</c> → travell+ed / travel+ed for ed, ing, er, ers, or, ors, ous, ously; the
/// reverse (fulfil/fulfill, skilful/skillful) is listed pair by pair.</item>
/// <item>ae/oe, other British/American, older and preference pairs are listed pair by pair.</item>
/// </list>
/// <para>Left out on purpose: pairs where one spelling is a different word in the same variety
/// (licence/license and practice/practise are noun/verb in British English; tyre/tire, kerb/curb,
/// storey/story, draught/draft, cheque/check, programme/program, whilst/while, backwards/backward), and
/// metre/meter.</para>
/// <para>A generated form that is not a word (tumourhood) costs nothing: it never occurs.</para>
/// </remarks>
public static class VariantTable
{
    private static readonly string[] OurStems =
    [
        "arbour", "ardour", "armour", "behaviour", "candour", "clamour", "colour", "demeanour", "discolour", "dishonour",
        "endeavour", "favour", "fervour", "flavour", "harbour", "honour", "humour", "labour", "misbehaviour", "neighbour",
        "odour", "parlour", "rancour", "rigour", "rumour", "saviour", "savour", "splendour", "succour", "tumour",
        "unfavour", "valour", "vapour", "vigour", "enamour",
    ];

    private static readonly string[] OurSuffixes =
        ["", "s", "ed", "ing", "er", "ers", "able", "ably", "al", "ful", "fully", "less", "ite", "ites", "hood", "hoods", "ly", "y"];

    private static readonly string[] IseRoots =
    [
        "agon", "anatom", "antagon", "apolog", "apostroph", "author", "bapt", "canon", "capital", "catech", "categor",
        "character", "civil", "colon", "critic", "crystall", "demoral", "deput", "dramat", "econom", "emphas", "empath",
        "energ", "epitom", "equal", "eulog", "evangel", "extempor", "familiar", "fantas", "fertil", "final", "formal",
        "fossil", "fratern", "galvan", "general", "harmon", "hospital", "human", "hypnot", "hypothes", "ideal", "idol",
        "immortal", "immun", "italic", "item", "jeopard", "legal", "legitim", "liberal", "lion", "local", "magnet",
        "marginal", "mechan", "memor", "mesmer", "militar", "minim", "mobil", "modern", "monopol", "moral", "national",
        "natural", "neutral", "normal", "optim", "organ", "ostrac", "parenthes", "pasteur", "patron", "penal",
        "personal", "philosoph", "plagiar", "polar", "popular", "public", "pulver", "random", "rational", "real",
        "recogn", "revolution", "romantic", "satir", "scandal", "scrutin", "secular", "sensit", "serial", "social",
        "soliloqu", "solemn", "special", "spiral", "spiritual", "stabil", "standard", "steril", "stigmat", "subsid",
        "subtil", "summar", "symbol", "sympath", "synchron", "systemat", "tantal", "tempor", "terror", "theor",
        "tranquill", "trivial", "tyrann", "urban", "util", "vapor", "victim", "visual", "vocal", "vulgar",
    ];

    private static readonly string[] IseSuffixes = ["e", "es", "ed", "ing", "er", "ers", "ation", "ations", "able"];

    private static readonly string[] YseRoots = ["analy", "breathaly", "cataly", "dialy", "electroly", "hydroly", "paraly", "psychoanaly"];

    private static readonly (string A, string B)[] YseSuffixes =
        [("se", "ze"), ("ses", "zes"), ("sed", "zed"), ("sing", "zing"), ("ser", "zer"), ("sers", "zers")];

    private static readonly string[] ReRoots =
    [
        "accout", "calib", "cent", "fib", "goit", "lust", "meag", "mit", "och", "reconnoit", "sab", "saltpet", "scept",
        "sepulch", "somb", "spect", "theat", "lit",
    ];

    private static readonly (string A, string B)[] ReSuffixes =
        [("re", "er"), ("res", "ers"), ("red", "ered"), ("ring", "ering"), ("rely", "erly")];

    private static readonly string[] DoubleLStems =
    [
        "bevel", "cancel", "channel", "chisel", "counsel", "cudgel", "dial", "dishevel", "drivel", "duel", "enamel",
        "equal", "fuel", "funnel", "gambol", "gravel", "grovel", "imperil", "initial", "jewel", "kennel", "label",
        "level", "libel", "marshal", "marvel", "model", "panel", "pencil", "pummel", "quarrel", "ravel", "refuel",
        "revel", "rival", "shovel", "signal", "snivel", "spiral", "swivel", "tassel", "total", "travel", "tunnel",
        "unravel", "victual", "yodel",
    ];

    private static readonly string[] DoubleLSuffixes = ["ed", "ing", "er", "ers", "or", "ors", "ous", "ously"];

    /// <summary>Families listed pair by pair: class, confidence, then the pairs (the first is the family's name).</summary>
    private static readonly (VariantClass Class, double Confidence, string Pairs)[] Listed =
    [
        // -l-/-ll- the other way round: British single, American double.
        (VariantClass.DoubleL, 0.9, "fulfil/fulfill fulfils/fulfills fulfilment/fulfillment fulfilments/fulfillments"),
        (VariantClass.DoubleL, 0.9, "enrol/enroll enrols/enrolls enrolment/enrollment enrolments/enrollments"),
        (VariantClass.DoubleL, 0.9, "instil/instill instils/instills"),
        (VariantClass.DoubleL, 0.9, "distil/distill distils/distills"),
        (VariantClass.DoubleL, 0.9, "enthral/enthrall enthrals/enthralls"),
        (VariantClass.DoubleL, 0.9, "appal/appall appals/appalls"),
        (VariantClass.DoubleL, 0.9, "skilful/skillful skilfully/skillfully"),
        (VariantClass.DoubleL, 0.9, "wilful/willful wilfully/willfully"),
        (VariantClass.DoubleL, 0.9, "instalment/installment instalments/installments"),
        (VariantClass.DoubleL, 0.9, "woollen/woolen woollens/woolens"),
        (VariantClass.DoubleL, 0.9, "jewellery/jewelry"),

        // ae/oe.
        (VariantClass.AeOe, 0.9, "mediaeval/medieval"),
        (VariantClass.AeOe, 0.9, "encyclopaedia/encyclopedia encyclopaedias/encyclopedias encyclopaedic/encyclopedic"),
        (VariantClass.AeOe, 0.9, "foetus/fetus foetuses/fetuses foetal/fetal"),
        (VariantClass.AeOe, 0.9, "manoeuvre/maneuver manoeuvres/maneuvers manoeuvred/maneuvered manoeuvring/maneuvering manoeuvrable/maneuverable"),
        (VariantClass.AeOe, 0.9, "anaemia/anemia anaemic/anemic"),
        (VariantClass.AeOe, 0.9, "haemorrhage/hemorrhage haemorrhages/hemorrhages haemorrhaged/hemorrhaged haemorrhaging/hemorrhaging"),
        (VariantClass.AeOe, 0.9, "oesophagus/esophagus"),
        (VariantClass.AeOe, 0.9, "diarrhoea/diarrhea"),
        (VariantClass.AeOe, 0.9, "oestrogen/estrogen"),
        (VariantClass.AeOe, 0.9, "paediatric/pediatric paediatrician/pediatrician paediatricians/pediatricians"),
        (VariantClass.AeOe, 0.9, "orthopaedic/orthopedic"),
        (VariantClass.AeOe, 0.9, "leukaemia/leukemia"),
        (VariantClass.AeOe, 0.9, "anaesthetic/anesthetic anaesthetics/anesthetics anaesthesia/anesthesia anaesthetist/anesthetist"),
        (VariantClass.AeOe, 0.9, "haemoglobin/hemoglobin"),
        (VariantClass.AeOe, 0.9, "oedema/edema"),
        (VariantClass.AeOe, 0.9, "homoeopathy/homeopathy homoeopathic/homeopathic"),
        (VariantClass.AeOe, 0.9, "palaeontology/paleontology palaeolithic/paleolithic"),
        (VariantClass.AeOe, 0.9, "gynaecology/gynecology"),
        (VariantClass.AeOe, 0.9, "aeon/eon aeons/eons"),
        (VariantClass.AeOe, 0.9, "caesarean/cesarean"),
        (VariantClass.AeOe, 0.9, "aetiology/etiology"),
        (VariantClass.AeOe, 0.9, "faeces/feces"),

        // Other British/American pairs.
        (VariantClass.BritishAmerican, 0.9, "grey/gray greys/grays greyer/grayer greyest/grayest greyish/grayish greyness/grayness greyed/grayed greying/graying"),
        (VariantClass.BritishAmerican, 0.9, "plough/plow ploughs/plows ploughed/plowed ploughing/plowing ploughman/plowman ploughmen/plowmen ploughshare/plowshare ploughshares/plowshares"),
        (VariantClass.BritishAmerican, 0.9, "mould/mold moulds/molds moulded/molded moulding/molding mouldy/moldy moulder/molder mouldered/moldered mouldering/moldering"),
        (VariantClass.BritishAmerican, 0.9, "smoulder/smolder smoulders/smolders smouldered/smoldered smouldering/smoldering"),
        (VariantClass.BritishAmerican, 0.9, "moult/molt moults/molts moulted/molted moulting/molting"),
        (VariantClass.BritishAmerican, 0.9, "defence/defense defences/defenses defenceless/defenseless"),
        (VariantClass.BritishAmerican, 0.9, "offence/offense offences/offenses"),
        (VariantClass.BritishAmerican, 0.9, "pretence/pretense pretences/pretenses"),
        (VariantClass.BritishAmerican, 0.9, "sceptic/skeptic sceptics/skeptics sceptical/skeptical sceptically/skeptically scepticism/skepticism"),
        (VariantClass.BritishAmerican, 0.9, "moustache/mustache moustaches/mustaches moustached/mustached"),
        (VariantClass.BritishAmerican, 0.9, "pyjamas/pajamas"),
        (VariantClass.BritishAmerican, 0.9, "cosy/cozy cosier/cozier cosiest/coziest cosily/cozily cosiness/coziness"),
        (VariantClass.BritishAmerican, 0.9, "ageing/aging"),
        (VariantClass.BritishAmerican, 0.9, "judgement/judgment judgements/judgments"),
        (VariantClass.BritishAmerican, 0.9, "acknowledgement/acknowledgment acknowledgements/acknowledgments"),
        (VariantClass.BritishAmerican, 0.9, "sulphur/sulfur sulphurous/sulfurous sulphuric/sulfuric"),
        (VariantClass.BritishAmerican, 0.9, "aluminium/aluminum"),
        (VariantClass.BritishAmerican, 0.9, "artefact/artifact artefacts/artifacts"),
        (VariantClass.BritishAmerican, 0.9, "catalogue/catalog catalogues/catalogs catalogued/cataloged cataloguing/cataloging"),
        (VariantClass.BritishAmerican, 0.9, "gaol/jail gaols/jails gaoler/jailer gaolers/jailers gaoled/jailed"),
        (VariantClass.BritishAmerican, 0.9, "doughnut/donut doughnuts/donuts"),
        (VariantClass.BritishAmerican, 0.9, "pedlar/peddler pedlars/peddlers"),
        (VariantClass.BritishAmerican, 0.9, "yoghurt/yogurt"),
        (VariantClass.BritishAmerican, 0.9, "omelette/omelet omelettes/omelets"),
        (VariantClass.BritishAmerican, 0.9, "mollusc/mollusk molluscs/mollusks"),
        (VariantClass.BritishAmerican, 0.9, "furore/furor"),
        (VariantClass.BritishAmerican, 0.9, "behove/behoove behoves/behooves"),
        (VariantClass.BritishAmerican, 0.9, "worshipped/worshiped worshipping/worshiping worshipper/worshiper worshippers/worshipers"),
        (VariantClass.BritishAmerican, 0.9, "kidnapped/kidnaped kidnapping/kidnaping kidnapper/kidnaper kidnappers/kidnapers"),

        // Older spellings and their modern forms.
        (VariantClass.Archaic, 0.85, "shew/show shews/shows shewed/showed shewn/shown shewing/showing"),
        (VariantClass.Archaic, 0.85, "chuse/choose chuses/chooses chusing/choosing"),
        (VariantClass.Archaic, 0.85, "connexion/connection connexions/connections"),
        (VariantClass.Archaic, 0.85, "ancle/ankle ancles/ankles"),
        (VariantClass.Archaic, 0.85, "surprize/surprise surprized/surprised surprizes/surprises surprizing/surprising"),
        (VariantClass.Archaic, 0.85, "despatch/dispatch despatched/dispatched despatches/dispatches despatching/dispatching"),
        (VariantClass.Archaic, 0.85, "inclose/enclose inclosed/enclosed incloses/encloses inclosing/enclosing inclosure/enclosure"),
        (VariantClass.Archaic, 0.85, "intire/entire intirely/entirely"),
        (VariantClass.Archaic, 0.85, "sopha/sofa sophas/sofas"),
        (VariantClass.Archaic, 0.85, "burthen/burden burthens/burdens burthened/burdened"),
        (VariantClass.Archaic, 0.85, "negociate/negotiate negociated/negotiated negociating/negotiating negociation/negotiation negociations/negotiations"),
        (VariantClass.Archaic, 0.85, "waggon/wagon waggons/wagons waggoner/wagoner"),
        (VariantClass.Archaic, 0.85, "phrenzy/frenzy"),
        (VariantClass.Archaic, 0.85, "gulph/gulf gulphs/gulfs"),
        (VariantClass.Archaic, 0.85, "controul/control controuled/controlled"),
        (VariantClass.Archaic, 0.85, "expence/expense expences/expenses"),
        (VariantClass.Archaic, 0.85, "chearful/cheerful chearfully/cheerfully chearfulness/cheerfulness"),
        (VariantClass.Archaic, 0.85, "extasy/ecstasy extasies/ecstasies"),
        (VariantClass.Archaic, 0.85, "headach/headache"),
        (VariantClass.Archaic, 0.85, "teaze/tease teazed/teased teazing/teasing"),

        // Two accepted forms.
        (VariantClass.Preference, 0.8, "towards/toward"),
        (VariantClass.Preference, 0.8, "afterwards/afterward"),
        (VariantClass.Preference, 0.8, "amongst/among"),
        (VariantClass.Preference, 0.8, "amidst/amid"),
        (VariantClass.Preference, 0.7, "learnt/learned"), // learned is also the adjective ("a learned man")
        (VariantClass.Preference, 0.8, "spelt/spelled"),
        (VariantClass.Preference, 0.7, "burnt/burned"), // burnt is also the adjective everywhere
        (VariantClass.Preference, 0.8, "dreamt/dreamed"),
        (VariantClass.Preference, 0.8, "leant/leaned"),
        (VariantClass.Preference, 0.8, "leapt/leaped"),
        (VariantClass.Preference, 0.7, "spoilt/spoiled"),
        (VariantClass.Preference, 0.8, "spilt/spilled"),
        (VariantClass.Preference, 0.8, "knelt/kneeled"),
        (VariantClass.Preference, 0.7, "smelt/smelled"), // smelt is also the verb for ore
        (VariantClass.Preference, 0.8, "dwelt/dwelled"),
    ];

    /// <summary>Every family, in a fixed order (patterns first, then the listed families as above).</summary>
    public static IReadOnlyList<VariantFamily> Families { get; } = Build();

    /// <summary>Number of (A, B) pairs over all families.</summary>
    public static int PairCount { get; } = Families.Sum(f => f.Pairs.Count);

    /// <summary>The side label of a class: "British"/"American", "older"/"modern", or the forms themselves.</summary>
    public static (string A, string B) SideNames(VariantClass kind) => kind switch
    {
        VariantClass.Archaic => ("older", "modern"),
        VariantClass.Preference => ("British-leaning", "American-leaning"),
        _ => ("British", "American"),
    };

    /// <summary>How a convention's two sides are named in messages ("-our" / "-or").</summary>
    public static (string A, string B) ConventionNames(VariantClass kind) => kind switch
    {
        VariantClass.OurOr => ("-our", "-or"),
        VariantClass.IseIze => ("-ise", "-ize"),
        VariantClass.YseYze => ("-yse", "-yze"),
        VariantClass.ReEr => ("-re", "-er"),
        VariantClass.DoubleL => ("British -l-/-ll-", "American -l-/-ll-"),
        VariantClass.AeOe => ("ae/oe", "e"),
        _ => SideNames(kind),
    };

    private static List<VariantFamily> Build()
    {
        var families = new List<VariantFamily>();
        foreach (var stem in OurStems)
        {
            var us = stem[..^3] + "or";
            families.Add(Family(VariantClass.OurOr, 0.9, OurSuffixes.Select(s => (stem + s, us + s))));
        }
        foreach (var root in IseRoots)
            families.Add(Family(VariantClass.IseIze, 0.9, IseSuffixes.Select(s => (root + "is" + s, root + "iz" + s))));
        foreach (var root in YseRoots)
            families.Add(Family(VariantClass.YseYze, 0.9, YseSuffixes.Select(s => (root + s.A, root + s.B))));
        foreach (var root in ReRoots)
            families.Add(Family(VariantClass.ReEr, 0.9, ReSuffixes.Select(s => (root + s.A, root + s.B))));
        foreach (var stem in DoubleLStems)
            families.Add(Family(VariantClass.DoubleL, 0.9, DoubleLSuffixes.Select(s => (stem + "l" + s, stem + s))));
        foreach (var (kind, confidence, pairs) in Listed)
        {
            families.Add(Family(kind, confidence, pairs.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(p =>
            {
                var slash = p.IndexOf('/', StringComparison.Ordinal);
                return (p[..slash], p[(slash + 1)..]);
            })));
        }
        return families;
    }

    private static VariantFamily Family(VariantClass kind, double confidence, IEnumerable<(string A, string B)> pairs)
    {
        var list = pairs.ToArray();
        return new VariantFamily($"{list[0].A}/{list[0].B}", kind, list, confidence);
    }
}
