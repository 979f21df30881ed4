using Orchestrator.Manuscripts.Genres;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// The built-in theme lexicons of the <c>themes</c> node: fifteen themes, each a list of 40–80 stems and
/// irregular forms. Every stem also matches its regular inflections (<see cref="Inflections"/>: betray →
/// betrays, betrayed, betraying); a possessive <c>’s</c> is ignored, and the parts of a hyphenated word count
/// when the whole does not (<c>brother-in-law</c> → brother).
/// </summary>
/// <remarks>
/// <para>What the lists hold: the words that name the theme, its people, acts, places and objects, chosen so that a
/// hit usually means the theme is on the page. A word may belong to more than one theme (<c>orphan</c>: family and
/// death). Single words only; phrases (<c>coming of age</c>, <c>best friend</c>) are matched through their words.</para>
/// <para>Left out on purpose, because in fiction their common sense is another one: <c>might</c> (the modal verb),
/// <c>grace</c> (elegance, "your Grace"), <c>honour</c> ("I have the honour"), <c>pardon</c> ("I beg your
/// pardon"), <c>dear</c> ("my dear"), <c>lovely</c> (pretty), <c>amiable</c>, <c>acquaintance</c>, <c>poor</c>
/// ("poor Jane"), <c>court</c> (courtship, law, royalty), <c>spirit</c>, <c>fate</c>, <c>captain</c> and
/// <c>colonel</c> (titles of address), <c>mate</c> (a ship's officer), <c>home</c>, <c>young</c>, <c>grow</c>,
/// <c>blood</c>, <c>fellow</c>, <c>station</c>, <c>lie</c> (lie down), <c>bond</c>, <c>dare</c> ("I dare say"),
/// <c>desire</c> ("he desired me to"), <c>scheme</c> (a plan), <c>character</c> (reputation), <c>partner</c> (at a
/// dance), <c>confess</c> ("I must confess"), <c>restore</c> and <c>renew</c>. The lists were checked against the
/// development corpus by reading the most frequent matches of each.</para>
/// <para>Requested themes are resolved by <see cref="TryGet"/>: the key, its display name or an alias
/// (<c>vengeance</c> → revenge, <c>religion</c> → faith, <c>growing up</c> → coming-of-age), ignoring case and
/// separators.</para>
/// </remarks>
public static class ThemeLexicons
{
    /// <summary>The fifteen themes, in a stable order (the order of metrics and of ties).</summary>
    public static IReadOnlyList<Lexicon> All { get; } =
    [
        Lexicon.Of("heroism", "heroism", """
            hero heroes heroic heroism heroine brave bravery courage courageous valour valor valiant gallant gallantry
            bold boldness daring dauntless fearless intrepid undaunted rescue rescuer saviour savior sacrifice
            champion glory glorious feat deed legend legendary triumph triumphant defend defender protect protector
            guardian chivalry chivalrous fortitude peril perilous venture adventure adventurous hardihood staunch
            stalwart selfless noble-hearted great-hearted lionhearted
            """),
        Lexicon.Of("friendship", "friendship", """
            friend friendship friendly friendless befriend unfriendly companion companionship companionable comrade
            comradeship ally alliance loyal loyalty disloyal faithful fidelity trust trusty trustworthy confidant
            confidante confide intimate intimacy fellowship pal buddy chum playmate schoolfellow schoolmate classmate
            teammate brotherhood sisterhood solidarity camaraderie amity sympathy sympathise
            sympathize steadfast bosom-friend
            """),
        Lexicon.Of("love", "love", """
            love lover beloved unloved loveless affection affectionate adore adoration passion passionate ardent
            ardour ardor tender tenderness romance romantic kiss embrace caress longing yearn devotion devoted
            darling sweetheart heart heartbreak heartbroken lovesick amorous enamoured enamored marry marriage wed
            wedding bride bridegroom courtship suitor woo proposal propose flirt flirtation coquette infatuate
            infatuation admire admirer admiration attachment fond fondness jealous jealousy honeymoon elope elopement
            smitten betrothed betrothal
            """),
        Lexicon.Of("betrayal", "betrayal", """
            betray betrayal betrayer traitor traitorous treachery treacherous treason deceive deceit deceitful
            deception deceiver falsehood faithless disloyal disloyalty perfidy perfidious duplicity double-cross
            backstab conspire conspiracy conspirator schemer intrigue dupe trick trickery cheat swindle liar
            infidelity unfaithful adultery forsake forsook forsaken abandon abandonment turncoat renegade informer
            judas mislead misled hypocrisy hypocrite two-faced seduce seduction seducer
            """),
        Lexicon.Of("death", "death", """
            death deathly deathbed die died dying dead deadly mortal mortality grave graveyard tomb tombstone bury
            burial funeral coffin corpse cadaver carcass skeleton skull ghost spectre specter phantom mourn mourning
            mourner grief grieve widow widower orphan perish kill killer murder murderer slay slew slain lifeless
            deceased decease demise doom gallows noose suicide drown shroud epitaph requiem elegy churchyard
            sepulchre sepulcher hearse undertaker embalm executioner afterlife
            """),
        Lexicon.Of("family", "family", """
            family father mother sister brother daughter son parent child children aunt uncle cousin niece nephew
            husband wife wives grandfather grandmother grandson granddaughter grandchild grandchildren grandparent
            mama mamma papa mum mom dad daddy mommy baby infant orphan sibling household kin kinsman kinswoman
            kindred relation ancestor ancestral descendant lineage nursery cradle domestic motherly fatherly maternal
            paternal filial offspring twin stepmother stepfather stepson stepdaughter forefather patriarch matriarch
            clan brotherly sisterly motherhood fatherhood upbringing adopt adoption foster
            """),
        Lexicon.Of("power", "power", """
            power powerful powerless mighty almighty authority authoritative command commander control dominate
            domination dominion ruler reign sovereign sovereignty king queen emperor empress empire throne crown
            monarch monarchy tyrant tyranny tyrannical despot despotic master mastery lord obey obedience obedient
            submit submission subjugate oppress oppression oppressor conquer conqueror conquest supreme supremacy
            ambition ambitious influence force govern government governor dictator vassal overlord coerce coercion
            wield sceptre scepter potent potentate omnipotent imperious domineer
            """),
        Lexicon.Of("freedom", "freedom", """
            freedom free liberty liberate liberation liberator independence independent escape release emancipate
            emancipation slave slavery enslave captive captivity prison prisoner imprison imprisonment chain cage
            confine confinement bondage shackle fetter rebel rebellion revolt unfettered unbound unchained wander
            wanderer roam autonomy jail gaol captor ransom fugitive freely manumission
            """),
        Lexicon.Of("identity", "identity", """
            identity identify self selfhood mask disguise pretend pretence pretense persona individual individuality
             conscience consciousness origin heritage ancestry belong belonging outsider stranger exile
            foreigner mirror transform transformation authentic authenticity inner innermost nameless namesake
            incognito alias impostor imposter conform conformity unique uniqueness reputation self-knowledge
            """),
        Lexicon.Of("revenge", "revenge", """
            revenge vengeance avenge avenger vengeful retribution retaliate retaliation vindictive vendetta grudge
            spite spiteful malice malicious malignity hatred hate hateful enemy foe wrath fury furious rage
            resentment resent resentful reprisal requite unforgiving implacable rancour rancor hostility hostile
            enmity punish punishment nemesis vindicate
            """),
        Lexicon.Of("redemption", "redemption", """
            redemption redeem redeemer atone atonement forgive forgiveness forgave forgiven repent repentance
            penitent penitence penance remorse remorseful contrition contrite absolve absolution salvation saviour
            savior reform reformation amend amends reconcile reconciliation mercy merciful guilt guilty shame
            ashamed rebirth reborn heal expiate expiation purify humility
            """),
        Lexicon.Of("war", "war", """
            war warfare warrior battle battlefield soldier army armies troop regiment militia military sword spear
            gun rifle musket cannon artillery bullet bayonet weapon fight fought combat enemy foe invade invasion
            invader siege defeat victory surrender retreat wound slaughter massacre bloodshed casualty veteran
            fortress trench ambush raid skirmish cavalry infantry navy naval admiral fleet warship frigate garrison
            sentry sentinel battalion brigade combatant truce armistice
            """),
        Lexicon.Of("coming-of-age", "coming of age", """
            childhood boyhood girlhood youth youthful adolescence adolescent teen teenager teenage mature maturity
            immature innocence naive naivety schoolboy schoolgirl schoolroom school lesson education educate pupil
            student tutor governess teacher apprentice apprenticeship rite initiation puberty manhood womanhood
            juvenile youngster lad lass birthday boyish girlish childish inexperience inexperienced coming-of-age
            grown-up
            """),
        Lexicon.Of("faith", "faith", """
            faith god goddess heaven heavenly hell hellish soul pray prayer church chapel cathedral sermon preach
            preacher priest clergy clergyman parson vicar rector bishop monk nun convent holy sacred divine
            divinity sin sinner sinful angel angelic devil demon fiend satan bible scripture gospel psalm hymn
            christian christianity pagan heathen idol idolatry worship belief creed religion religious pious piety
            bless blessing providence eternal eternity immortal immortality resurrection creator deity altar temple
            saint apostle amen damnation unholy ungodly godless infidel quaker baptism baptize
            """),
        Lexicon.Of("class", "class", """
            class rank society gentleman gentlemen gentlewoman ladyship lordship noble nobility nobleman aristocrat
            aristocracy aristocratic gentry peasant peasantry poverty pauper wealth wealthy rich riches fortune
            income estate inheritance inherit heir heiress property status superior superiority inferior inferiority
            condescend condescension connexion breeding well-bred ill-bred vulgar vulgarity genteel gentility
            respectable respectability tradesman trade merchant shopkeeper labourer laborer servant maid maidservant
            butler housekeeper footman coachman valet landlord tenant landowner snob snobbery upstart parvenu dowry
            pedigree privilege degrade degradation penniless destitute impoverished wages
            """),
    ];

    /// <summary>Theme keys, for messages ("known: heroism, friendship, ...").</summary>
    public static IReadOnlyList<string> Known { get; } = All.Select(l => l.Key).ToArray();

    private static readonly Dictionary<string, Lexicon> ByKey = All.ToDictionary(l => l.Key, StringComparer.Ordinal);

    /// <summary>Aliases (normalised like <see cref="GenreNorms"/> keys: lower case, words joined by '-') to theme keys.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["heroes"] = "heroism", ["hero"] = "heroism", ["courage"] = "heroism", ["bravery"] = "heroism",
        ["friends"] = "friendship", ["friend"] = "friendship", ["loyalty"] = "friendship",
        ["romance"] = "love", ["romantic-love"] = "love",
        ["treachery"] = "betrayal", ["deception"] = "betrayal",
        ["mortality"] = "death", ["loss"] = "death", ["grief"] = "death",
        ["families"] = "family", ["kinship"] = "family",
        ["authority"] = "power", ["ambition"] = "power",
        ["liberty"] = "freedom", ["independence"] = "freedom",
        ["self"] = "identity", ["self-discovery"] = "identity",
        ["vengeance"] = "revenge",
        ["forgiveness"] = "redemption", ["atonement"] = "redemption",
        ["warfare"] = "war", ["conflict"] = "war",
        ["growing-up"] = "coming-of-age", ["coming-of-age-story"] = "coming-of-age", ["maturity"] = "coming-of-age",
        ["religion"] = "faith", ["belief"] = "faith", ["spirituality"] = "faith",
        ["social-class"] = "class", ["classes"] = "class", ["wealth"] = "class", ["status"] = "class",
    };

    /// <summary>
    /// Finds the lexicon of a requested theme: a key, an alias, case, surrounding spaces and separators
    /// (space, '-', '_') ignored ("Coming of Age", "coming_of_age", "vengeance").
    /// </summary>
    public static bool TryGet(string? theme, out Lexicon lexicon)
    {
        var key = GenreNorms.Normalize(theme);
        if (ByKey.TryGetValue(key, out lexicon!)) return true;
        if (Aliases.TryGetValue(key, out var canonical))
        {
            lexicon = ByKey[canonical];
            return true;
        }
        lexicon = null!;
        return false;
    }
}
