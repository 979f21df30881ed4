using Orchestrator.Manuscripts.Genres;

namespace Orchestrator.Manuscripts.Themes;

/// <summary>
/// The built-in genre lexicons of the <c>themes</c> node, one per genre of the structure node's table
/// (<see cref="GenreNorms"/>: same keys, same order), each 50–80 stems expanded like the theme lexicons
/// (<see cref="Inflections"/>). They hold the furniture of the genre — its people, objects, places and acts —
/// not its themes: a romance is told by its suitors, kisses and balls, a thriller by its guns, spies and chases.
/// </summary>
/// <remarks>
/// A genre's vocabulary says what a book is about on the surface; a literary novel has little furniture of its
/// own, so its list is the vocabulary of reflection and inner life. Requested genres are resolved with
/// <see cref="GenreNorms.TryGet"/>, so its aliases (<c>sci-fi</c>, <c>YA</c>, <c>crime</c>) work here too.
/// </remarks>
public static class GenreLexicons
{
    /// <summary>The genre lexicons, in the order of <see cref="GenreNorms.All"/>.</summary>
    public static IReadOnlyList<Lexicon> All { get; } = Build();

    /// <summary>
    /// The distinctive part of each genre lexicon (same keys and order): its stems that are not in the Dale–Chall list
    /// of 3,000 words familiar to fourth-graders (<see cref="Readability.DaleChallWords"/>), the general baseline.
    /// "love", "heart", "kiss" and "ball" are familiar words every novel uses; "vampire", "harpoon" and
    /// "laboratory" say much more about which shelf a book belongs on.
    /// </summary>
    public static IReadOnlyList<Lexicon> Distinctive { get; } = All.Select(l =>
        Lexicon.Of(l.Key, l.Name, string.Join(' ', l.Stems.Where(stem => !Readability.DaleChallWords.List.Contains(stem))))).ToArray();

    private static readonly Dictionary<string, Lexicon> ByKey = All.ToDictionary(l => l.Key, StringComparer.Ordinal);

    /// <summary>The lexicon of a genre name (canonical key or any alias <see cref="GenreNorms.TryGet"/> accepts).</summary>
    public static bool TryGet(string? genre, out Lexicon lexicon)
    {
        lexicon = null!;
        return GenreNorms.TryGet(genre, out var norm) && ByKey.TryGetValue(norm.Key, out lexicon!);
    }

    private static Lexicon[] Build()
    {
        var stems = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["fantasy"] = """
                magic magical magician wizard witch witchcraft sorcerer sorceress sorcery spell enchant enchantment
                enchanter enchantress wand potion amulet talisman rune dragon elf elves elven dwarf dwarves goblin
                troll ogre giant fairy faerie pixie unicorn griffin gryphon phoenix kingdom realm quest prophecy oracle
                sword knight castle throne crown mage necromancer curse hex mythical legend beast monster dungeon
                scroll relic portal otherworld sprite nymph centaur basilisk incantation
                """,
            ["science-fiction"] = """
                science scientific scientist experiment experimental laboratory apparatus machine machinery mechanical
                mechanism technology invention invent inventor chemistry chemist physics physicist electricity electric
                electrical galvanism robot android cyborg computer planet planetary galaxy galactic spaceship starship
                spacecraft rocket orbit orbital satellite telescope microscope asteroid comet alien extraterrestrial
                laser radiation atomic atom nuclear quantum reactor gene genetic clone mutation mutant virus bacteria
                hypothesis calculation engineer engineering dimension teleport
                """,
            ["thriller"] = """
                danger dangerous threat threaten hunt hunter chase trap hostage kidnap ransom bomb explosion explode
                gun pistol bullet shoot shot knife blade assassin assassinate agent spy espionage conspiracy terror
                terrorist terrify panic alarm urgent urgency deadline countdown pursuit pursue pursuer ambush attack
                adrenaline fear killer psychopath stalker stalk menace sinister ominous suspense sniper detonate hijack
                smuggle cartel mafia gangster
                """,
            ["mystery"] = """
                mystery mysterious detective inspector constable police policeman clue evidence witness alibi suspect
                suspicion suspicious crime criminal murder murderer victim motive investigate investigation inquiry
                enquiry inquest deduce deduction solve solution puzzle riddle secret secrecy conceal theft thief steal
                stole stolen robbery burglar poison fingerprint footprint confession accuse accusation trial
                jury verdict magistrate unexplained enigma enigmatic cryptic sleuth informant
                """,
            ["romance"] = """
                love lover beloved passion passionate kiss embrace caress tender tenderness heart romance romantic
                darling sweetheart marry marriage wedding wed bride bridegroom courtship suitor woo proposal propose
                flirt flirtation admire admirer admiration attachment affection fond fondness handsome beautiful beauty
                charming dance ball blush longing yearn jealous jealousy heartbreak honeymoon elope elopement smitten
                attraction attractive lips
                """,
            ["horror"] = """
                horror horrible horrid horrify dread dreadful terror terrible fiend fiendish demon devil ghost
                ghastly ghoul spectre specter phantom apparition haunt vampire werewolf monster monstrous corpse
                cadaver carcass grave graveyard churchyard tomb crypt coffin sepulchre charnel skeleton skull bones blood
                bloody shriek scream shudder tremble trembling nightmare hideous loathsome abhor abhorred abhorrence
                deformed deformity wretch wretched wretchedness misery miserable anguish desolation desolate creature unearthly supernatural eerie uncanny sinister doom damned curse
                midnight darkness shadow gloom gloomy dungeon madness lunatic insane fright frightful frighten
                """,
            ["adventure"] = """
                adventure adventurer voyage voyager expedition explore explorer exploration journey perilous peril
                ship sail sailor mariner seaman crew captain deck mast rigging
                boat canoe raft oar anchor compass map chart island isle shore coast reef wreck shipwreck storm gale
                tempest wave waves ocean sea seas jungle wilderness desert mountain summit glacier ice iceberg sledge
                treasure pirate musket rifle hunt hunter chase quest camp trek scout survival rescue castaway
                """,
            ["literary"] = """
                memory memories recollection nostalgia silence silent solitude solitary loneliness lonely grief sorrow
                sorrowful melancholy despair regret yearning reflect reflection contemplate contemplation meditate
                meditation consciousness existence existential meaning truth mortality absurd irony ironic ambiguity
                paradox perception perceive introspection ennui disillusion alienation isolation suffering
                felicity sensibility philosophy
                philosophical metaphysical transcendent epiphany ephemeral fleeting transient
                """,
            ["historical"] = """
                century ancient antiquity medieval empire imperial colonial colony revolution regiment militia musket
                cannon carriage coach horseback estate manor squire duke duchess earl baron baroness countess viscount
                marquis parliament monarchy aristocracy peasant serf feudal courtier knight armour armor chivalry crusade
                pilgrim pilgrimage abbey monastery cathedral candle candlelight lantern quill parchment inkwell ballroom
                gown bonnet petticoat corset waistcoat cravat wig snuff footman butler governess dowry inheritance entail
                shilling guinea tavern inn highwayman gallows plague smallpox telegraph locomotive gaslight stagecoach
                """,
            ["young-adult"] = """
                teen teenager teenage school high-school classmate homework exam locker cafeteria prom boyfriend
                girlfriend phone texting texted selfie online parents mom dad mum bully bullying detention semester
                college university campus curfew gossip rumor rumour hormones puberty skateboard sneakers jeans hoodie
                playlist headphones instagram snapchat facebook tiktok sophomore freshman dorm mall laptop smartphone
                textbook gym
                """,
            ["middle-grade"] = """
                adventure adventurous treasure secret puzzle riddle fun funny silly giggle grin mum mom dad grandma
                grandpa granny gran nana puppy kitten pet hamster pony rabbit school teacher classroom homework recess
                playground lunchbox backpack bike bicycle treehouse sleepover camp camping magic monster creature tummy
                candy sweets cookie cake tart toy game naughty mischief mischievous cheeky pirate dinosaur
                """,
        };

        var lexicons = new Lexicon[GenreNorms.All.Count];
        for (var i = 0; i < lexicons.Length; i++)
        {
            var norm = GenreNorms.All[i];
            // A genre added to the table without a list here fits nothing (its fit is 0) until it gets one.
            lexicons[i] = Lexicon.Of(norm.Key, norm.Name, stems.GetValueOrDefault(norm.Key, ""));
        }
        return lexicons;
    }
}
