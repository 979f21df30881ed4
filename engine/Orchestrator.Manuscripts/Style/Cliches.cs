namespace Orchestrator.Manuscripts.Style;

/// <summary>
/// Common clichés of English prose, matched as word sequences (case and punctuation between the words are
/// ignored, so "last, but not least" matches). <c>*</c> stands for any one word, usually a possessive
/// ("sent shivers down * spine" matches "his spine" and "Mary's spine"). When two phrases match at the same
/// place the longer one is reported, and a match is never counted twice.
/// </summary>
public static class Cliches
{
    /// <summary>The phrases, one per line, lower case.</summary>
    public static IReadOnlyList<string> Phrases { get; } = """
        at the end of the day
        avoid like the plague
        better late than never
        bite the bullet
        break the ice
        calm before the storm
        crystal clear
        dead as a doornail
        dead as a dodo
        easier said than done
        silver lining
        few and far between
        fit as a fiddle
        head over heels
        nick of time
        last but not least
        let the cat out of the bag
        piece of cake
        pale as a ghost
        white as a sheet
        white as snow
        cold as ice
        quiet as a mouse
        busy as a bee
        light as a feather
        sharp as a tack
        blind as a bat
        sick as a dog
        strong as an ox
        stubborn as a mule
        good as gold
        old as the hills
        plain as day
        clear as a bell
        clear as crystal
        black as night
        black as pitch
        black as coal
        dark as night
        smooth as silk
        soft as silk
        hard as nails
        solid as a rock
        steady as a rock
        still as a statue
        silent as the grave
        quiet as the grave
        sober as a judge
        mad as a hatter
        thick as thieves
        cool as a cucumber
        cool calm and collected
        happy as a clam
        happy as a lark
        free as a bird
        proud as a peacock
        quick as a flash
        quick as lightning
        fast as lightning
        bat out of hell
        blink of an eye
        wink of an eye
        only time will tell
        time will tell
        all in all
        at long last
        beat around the bush
        bottom line
        skin of * teeth
        shivers down * spine
        shiver down * spine
        chill down * spine
        chills down * spine
        blood ran cold
        heart skipped a beat
        heart in * mouth
        breath * didn't know
        butterflies in * stomach
        knot in * stomach
        pit of * stomach
        time stood still
        dark and stormy night
        moth to a flame
        madly in love
        love at first sight
        lost in thought
        dead of night
        all of a sudden
        out of the blue
        once in a blue moon
        needle in a haystack
        tip of the iceberg
        under the weather
        without a doubt
        shadow of a doubt
        as luck would have it
        writing on the wall
        a far cry from
        last straw
        final straw
        add insult to injury
        spilt milk
        spilled milk
        hit the nail on the head
        two birds with one stone
        in the same boat
        elephant in the room
        blessing in disguise
        better safe than sorry
        against all odds
        race against time
        heat of the moment
        moment of truth
        crack of dawn
        scared to death
        bored to death
        scared stiff
        out of * wits
        fell on deaf ears
        sight for sore eyes
        apple of * eye
        heart of gold
        heart of stone
        nerves of steel
        sigh of relief
        stopped dead in * tracks
        dead in * tracks
        caution to the wind
        at a loss for words
        words cannot describe
        all is said and done
        rest is history
        long story short
        every fibre of * being
        every fiber of * being
        deafening silence
        pregnant pause
        force to be reckoned with
        powers that be
        plenty of fish in the sea
        slept like a log
        slept like a baby
        kid in a candy store
        head in the clouds
        head in the sand
        from ear to ear
        between a rock and a hard place
        whole nine yards
        hook line and sinker
        lock stock and barrel
        over the moon
        on cloud nine
        actions speak louder than words
        fair in love and war
        beauty is only skin deep
        early bird catches the worm
        curiosity killed the cat
        tower of strength
        wolf in sheep's clothing
        eye of the storm
        tip of * tongue
        chilled to the bone
        soaked to the skin
        larger than life
        drop of a hat
        without further ado
        par for the course
        when pigs fly
        in a nutshell
        best of both worlds
        second to none
        cold sweat
        blood boiled
        green with envy
        red as a beet
        like two peas in a pod
        lap of luxury
        fit for a king
        weight in gold
        salt of the earth
        drop in the bucket
        drop in the ocean
        like the back of * hand
        at the drop of a hat
        the last laugh
        no stone unturned
        neck of the woods
        rise and shine
        safe and sound
        sick and tired
        slowly but surely
        spread like wildfire
        take the bull by the horns
        the world is * oyster
        think outside the box
        through thick and thin
        tongue in cheek
        touch and go
        up in arms
        wake-up call
        wild goose chase
        wild-goose chase
        worst nightmare
        """.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
