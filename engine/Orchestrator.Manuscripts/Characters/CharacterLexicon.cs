using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Characters;

/// <summary>
/// The built-in word lists of character detection. Case-insensitive; a capitalised token found in a
/// "never" list is never part of a person's name, whatever the statistics of the book say.
/// </summary>
internal static class CharacterLexicon
{
    /// <summary>Titles of address: they introduce a name (Mr. Darcy, Captain Ahab) and are never a character alone.</summary>
    public static readonly WordSet AddressTitles = WordSet.Parse("""
        Mr Mrs Ms Mx Miss Mister Missus Master Madam Madame Mme Mlle Mademoiselle Monsieur Messrs Signor Signora Signorina
        Senor Señor Senora Señora Don Donna Herr Frau Fraulein Fräulein Sir Dame Lady Lord Dr Doctor Captain Capt Colonel Col
        Major Maj General Gen Lieutenant Lt Sergeant Sgt Corporal Cpl Admiral Adm Commodore Commander Cmdr Ensign Professor
        Prof Reverend Rev Revd Father Mother Sister Brother Aunt Uncle Cousin Grandmother Grandfather Grandma Grandpa Granny
        Gran Nurse Judge Justice Governor Gov Mayor Bishop Archbishop Cardinal Squire Elder Deacon Parson Vicar
        Rector Chief Officer Constable Inspector Superintendent Supt Detective Agent President Senator Mistress
        """);

    /// <summary>Ranks that introduce a name (King Arthur) but may also stand alone for one person (the Queen).</summary>
    public static readonly WordSet RankTitles = WordSet.Parse("""
        King Queen Prince Princess Duke Duchess Emperor Empress Earl Count Countess Baron Baroness Marquis Marquess
        Marchioness Viscount Viscountess Sultan Sultana Czar Tsar Czarina Tsarina Pharaoh Khan Rajah Rani Caliph Pope Shah
        """);

    /// <summary>Titles after which the name is usually a given name (Lady Catherine, Sir William, Aunt Polly).</summary>
    public static readonly WordSet GivenNameTitles = WordSet.Parse("""
        Sir Dame Lady Lord Aunt Uncle Cousin Brother Sister Father Mother Miss Master Mademoiselle Mlle Signorina
        King Queen Prince Princess Emperor Empress Czar Tsar Pope
        """);

    /// <summary>Titles that mark a woman: a bare surname rarely means her (Miss Bingley is not "Bingley").</summary>
    public static readonly WordSet FemaleTitles = WordSet.Parse("""
        Mrs Ms Miss Missus Madam Madame Mme Mlle Mademoiselle Signora Signorina Senora Señora Donna Frau Fraulein Fräulein
        Dame Lady Mother Sister Aunt Grandmother Grandma Granny Nurse Mistress Queen Princess Duchess Empress Countess
        Baroness Marchioness Viscountess Sultana Czarina Tsarina Rani
        """);

    /// <summary>Abbreviations whose period does not end a run of capitalised words (Mr. Darcy, St. Paul's).</summary>
    public static readonly WordSet AbbreviatedTitles = WordSet.Parse("""
        Mr Mrs Ms Mx Mme Mlle Messrs Dr Capt Col Maj Gen Lt Sgt Cpl Adm Cmdr Prof Rev Revd Gov Supt St Ste M
        """);

    /// <summary>Lower-case particles inside a name (Lady Catherine de Bourgh, Ludwig van Beethoven).</summary>
    public static readonly WordSet Particles = WordSet.Parse("de du des van von der den la le di da del della dos das ten ter");

    /// <summary>
    /// Capitalised words that are never (part of) a person's name: pronouns, interjections, days, religious
    /// terms, nationalities and languages, common geography, forms of address that stand for a title
    /// (her Ladyship, your Majesty), and book furniture (Chapter, Volume, Project Gutenberg).
    /// </summary>
    public static readonly WordSet Never = WordSet.Parse("""
        I I'm I'll I've I'd I’m I’ll I’ve I’d Me My Mine Myself We Us Our You Your He Him His She Her It They Them Their Thee Thou
        Thy Ye One
        Oh O Ah Aha Alas Ha Hah Ho Oho Hey Hi Hello Hullo Hallo Hum Hem Hm Hmm Eh Pooh Pshaw Bah Tut Lo Nay Aye Ay
        Yes No Yea Hurrah Hurra Ahoy Egad Zounds Heigh Hush Amen Bravo Adieu Farewell Well Why Indeed Dear Pray
        Ugh Ouch Whew Wow Gosh Golly Alack Fie Hark Heyday Bless Goodness Gracious
        Monday Tuesday Wednesday Thursday Friday Saturday Sunday
        January February April June July September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
        God Gods Goddess Lord Lords Heaven Heavens Christ Jesus Jehovah Providence Almighty Deity Divinity Saviour Savior
        Redeemer Creator Maker Bible Scripture Scriptures Gospel Gospels Testament Sabbath Paradise Hell Hades Satan Devil
        Lucifer Beelzebub Pagan Pagans Heathen Heathens Christian Christians Christianity Christendom Catholic Catholics
        Protestant Protestants Presbyterian Methodist Puritan Puritans
        Mohammedan Moslem Moslems Muslim Muslims Hindu Hindus Jew Jews Jewish Allah Ramadan Church Chapel
        Easter Christmas Lent Whitsuntide Pentecost Candlemas Jove Jupiter Mars Venus Neptune Apollo
        English Englishman Englishmen Englishwoman British Briton Britons Scotch Scottish Scot Scots Irish Irishman Welsh
        French Frenchman Frenchmen German Germans Dutch Dutchman Dutchmen Spanish Spaniard Spaniards Portuguese Italian
        Italians Swiss Russian Russians Greek Greeks Grecian Roman Romans Turk Turks Turkish Arab Arabs Arabian Arabians
        Arabic Persian Persians Indian Indians Chinese Japanese American Americans Yankee Yankees European Europeans African
        Africans Asiatic Asiatics Asian Egyptian Egyptians Hebrew Hebrews Latin Norwegian Norwegians Swedish Swede Swedes
        Danish Dane Danes Polish Austrian Prussian Hungarian Saxon Saxons Norman Normans Celtic Gothic Oriental Malay Malays
        Polynesian Moor Moors Negro Negroes Gentile Gentiles Briton Scandinavian Icelandic
        England Britain London Scotland Ireland Wales France Paris Germany Italy Rome Spain Portugal Russia Europe Asia Africa
        America India Indies China Japan Egypt Greece Holland Switzerland Austria Prussia Turkey Persia Arabia Canada Mexico
        Peru Brazil Chile Atlantic Pacific Mediterranean Baltic Arctic Antarctic Thames Rhine Nile Alps Oxford
        Cambridge Edinburgh Dublin Bath York Boston Vienna Berlin Venice Naples Florence Constantinople Jerusalem
        Babylon Israel Palestine Syria Assyria Lisbon Madrid Amsterdam Rotterdam Hamburg Moscow Petersburg
        Calcutta Bombay Madras
        Iceland Norway Sweden Denmark Poland Hungary Bohemia Africa Orient Occident North South East West Northern Southern
        Eastern Western Equator Line Pole Hemisphere Ocean Sea Seas Street Square Lane Road Avenue Row Place Park Lodge House
        Hall Court Manor Abbey Castle Cathedral Inn Hotel Tavern Bridge River Lake Bay Gulf Cape Island Islands Isle Isles
        Mount Mountain Mountains Hill Hills Valley Forest Wood Woods Farm Cottage Rectory Vicarage Common Heath
        Moor Town City County Shire Channel Strait Straits Harbour Harbor Port Point Gate Wharf Quay Dock Docks Gardens
        Ladyship Lordship Majesty Majesties Highness Excellency Honour Honor Worship Reverence Sire Holiness Eminence
        Chapter Chapters Volume Vol Book Books Part Letter Letters Section Preface Introduction Contents Appendix Epilogue
        Prologue Index Illustration Illustrations Project Gutenberg Gutenberg-tm Fig Page Note Notes Footnote Editor Author
        Finis End Esq Esquire Etc Ibid Anno Domini AD BC PS Mss Ms Co Company Messrs Society Parliament Government Navy Army
        Regiment Militia Bank Exchange Museum College University School Academy Hospital Library Times Gazette Magazine
        Review Journal Post Chronicle Herald
        """);

    /// <summary>
    /// The most frequent English words: capitalised only where capitals are automatic (or in titles), so never a
    /// name; the lower-case count skips them (they are half of any text) and the name test is not asked.
    /// </summary>
    public static readonly WordSet FunctionWords = WordSet.Parse("""
        the a an and or but nor so yet for of to in on at by with from into onto upon over under about above below after
        before between through during without within against among around across along behind beyond near off out up down
        than then there here where when while whence why how what which who whom whose that this these those such same
        other another each every either neither both all any some many much more most few less least no not only own
        is are was were be been being am have has had having do does did done shall will should would might must can
        could ought it its itself he him his himself she her hers herself they them their theirs themselves we us our ours
        ourselves you your yours yourself yourselves me my mine myself i one ones if unless though although because since
        as until till whether also too very just even still again ever never always often now once soon already perhaps
        indeed well quite rather almost enough however therefore thus hence
        """);

    /// <summary>Months that are also names or name parts (the March Hare, May, June, August): allowed inside a longer
    /// name, never a character alone.</summary>
    public static readonly WordSet NotAlone = WordSet.Parse("March May August");

    /// <summary>Words that start a place name: the capitalised words after one are a place, not a person (Mont Blanc, Cape Horn, St. Paul's).</summary>
    public static readonly WordSet PlacePrefixes = WordSet.Parse("Mount Mont Monte Lake Loch Cape Fort Port Point St Ste Saint San Santa Sao Glen");

    /// <summary>Titles after which a single name is a given name, not a surname, when no other title is used with it
    /// (Miss Elizabeth is Elizabeth; Miss Bennet is one of five sisters).</summary>
    public static readonly WordSet MissTitles = WordSet.Parse("Miss Master Mlle Mademoiselle Signorina Senorita Señorita Fraulein Fräulein");

    /// <summary>Verbs of speech that attribute a line of dialogue: "said Holmes", "Elizabeth replied".</summary>
    public static readonly WordSet SpeechVerbs = WordSet.Parse("""
        said says say replied replies cried cries answered answers asked asks exclaimed exclaims returned continued added
        observed whispered whispers shouted shouts muttered mutters remarked repeated rejoined resumed interrupted began
        called screamed shrieked sobbed murmured murmurs roared growled urged insisted declared responded retorted protested
        pleaded demanded inquired enquired explained suggested stammered faltered persisted ventured concluded added cried
        laughed sighed grumbled snapped sneered snarled bellowed yelled hissed groaned moaned gasped panted thundered
        """);

    /// <summary>Verbs a person does right after being named (Elizabeth smiled): evidence that a capitalised word is a person.</summary>
    public static readonly WordSet PersonVerbs = WordSet.Parse("""
        said says replied cried answered asked exclaimed thought felt knew smiled laughed sighed nodded looked wondered
        hesitated whispered told spoke heard saw shook turned began continued added observed returned muttered shouted
        screamed wept frowned blushed coloured colored trembled remarked rejoined resumed interrupted murmured sobbed
        grinned shrugged glanced paused listened watched hoped wished feared believed replied
        """);

    /// <summary>Prepositions that put a place after them: "at Longbourn", "in Hertfordshire", "to London".</summary>
    public static readonly WordSet Locatives = WordSet.Parse("at in into near towards toward through within throughout inside outside beyond from to of round around across about");

    /// <summary>The strongest of <see cref="Locatives"/>: people are rarely "at" or "in" someone.</summary>
    public static readonly WordSet StrongLocatives = WordSet.Parse("at in into near within throughout inside");

    /// <summary>Common hypocoristics: a nickname merges into the one character whose given name it shortens, when they share chapters.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Nicknames = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Lizzy"] = ["Elizabeth"], ["Lizzie"] = ["Elizabeth"], ["Liz"] = ["Elizabeth"], ["Eliza"] = ["Elizabeth"],
        ["Beth"] = ["Elizabeth"], ["Betsy"] = ["Elizabeth"], ["Betty"] = ["Elizabeth"], ["Bess"] = ["Elizabeth"],
        ["Kitty"] = ["Catherine", "Katherine"], ["Kate"] = ["Catherine", "Katherine"], ["Katie"] = ["Catherine", "Katherine"],
        ["Cathy"] = ["Catherine"], ["Kathy"] = ["Katherine"], ["Bill"] = ["William"], ["Billy"] = ["William"],
        ["Will"] = ["William"], ["Willy"] = ["William"], ["Bob"] = ["Robert"], ["Bobby"] = ["Robert"], ["Rob"] = ["Robert"],
        ["Dick"] = ["Richard"], ["Rick"] = ["Richard"], ["Tom"] = ["Thomas"], ["Tommy"] = ["Thomas"], ["Jim"] = ["James"],
        ["Jimmy"] = ["James"], ["Jamie"] = ["James"], ["Jack"] = ["John"], ["Johnny"] = ["John"], ["Ned"] = ["Edward", "Edmund"],
        ["Ted"] = ["Edward", "Theodore"], ["Teddy"] = ["Edward", "Theodore"], ["Harry"] = ["Henry", "Harold"],
        ["Hal"] = ["Henry"], ["Charlie"] = ["Charles"], ["Chuck"] = ["Charles"], ["Fred"] = ["Frederick", "Alfred"],
        ["Freddy"] = ["Frederick"], ["Sam"] = ["Samuel", "Samantha"], ["Sammy"] = ["Samuel"], ["Ben"] = ["Benjamin"],
        ["Joe"] = ["Joseph"], ["Nick"] = ["Nicholas"], ["Tony"] = ["Anthony"], ["Andy"] = ["Andrew"], ["Pete"] = ["Peter"],
        ["Mike"] = ["Michael"], ["Steve"] = ["Stephen", "Steven"], ["Dan"] = ["Daniel"], ["Danny"] = ["Daniel"],
        ["Matt"] = ["Matthew"], ["Alex"] = ["Alexander", "Alexandra"], ["Sandy"] = ["Alexander", "Alexandra"],
        ["Georgie"] = ["George", "Georgiana"], ["Polly"] = ["Mary"], ["Molly"] = ["Mary"], ["Mamie"] = ["Mary"],
        ["Peggy"] = ["Margaret"], ["Meg"] = ["Margaret"], ["Maggie"] = ["Margaret"], ["Madge"] = ["Margaret"],
        ["Sally"] = ["Sarah"], ["Sukey"] = ["Susan"], ["Sue"] = ["Susan", "Susanna"], ["Susie"] = ["Susan"],
        ["Nancy"] = ["Anne", "Ann"], ["Nan"] = ["Anne", "Ann"], ["Annie"] = ["Anne", "Ann"], ["Fanny"] = ["Frances"],
        ["Jenny"] = ["Jane", "Jennifer"], ["Jennie"] = ["Jane"], ["Nelly"] = ["Ellen", "Eleanor", "Helen"],
        ["Nell"] = ["Ellen", "Eleanor", "Helen"], ["Patty"] = ["Martha"], ["Mattie"] = ["Martha"], ["Dolly"] = ["Dorothy"],
        ["Dot"] = ["Dorothy"], ["Abby"] = ["Abigail"], ["Becky"] = ["Rebecca"], ["Jo"] = ["Josephine"], ["Tilly"] = ["Matilda"],
        ["Louie"] = ["Louisa", "Louis"], ["Lou"] = ["Louisa", "Louis"], ["Em"] = ["Emma", "Emily"], ["Emmy"] = ["Emma", "Emily"],
        ["Letty"] = ["Letitia"], ["Kit"] = ["Christopher", "Catherine"], ["Chris"] = ["Christopher", "Christine"],
    };
}
