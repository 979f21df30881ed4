using Orchestrator.Manuscripts.Lexicons;

namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Words ending in -ly that are not adverbs: nouns and verbs (family, reply, belly, ally, supply), and
/// adjectives (early, holy, ugly, lovely, friendly, elderly, ghastly...). Every other word of four letters or
/// more ending in -ly, written in lower case, is read as an adverb.
/// </summary>
public static class AdverbExceptions
{
    public static WordSet Set { get; } = WordSet.Parse("""
        only family early holy reply ugly belly fly ally rely supply apply imply comply multiply july italy bully
        jolly folly lily holly sly jelly rally tally sally dally silly chilly hilly frilly curly burly surly pearly
        lovely lonely friendly unfriendly lively likely unlikely daily weekly monthly yearly hourly nightly
        quarterly fortnightly bodily costly deadly elderly ghastly ghostly heavenly homely manly unmanly womanly
        masterly motherly fatherly brotherly sisterly orderly disorderly portly stately timely untimely unruly
        seemly unseemly woolly worldly beastly cowardly courtly comely gentlemanly goodly grisly leisurely lowly
        miserly neighbourly neighborly niggardly beggarly dastardly prickly princely queenly saintly scholarly
        sickly slovenly sprightly earthly unearthly deathly godly ungodly kingly lordly matronly maidenly wifely
        shapely unsightly melancholy anomaly monopoly assembly homily doily butterfly dragonfly firefly gadfly
        mayfly horsefly housefly wily oily gully sully billy emily molly polly kelly nelly willy smelly wobbly
        bubbly bristly gristly crinkly wrinkly jiggly gnarly rely ply poly
        """);
}
