"""Everyday complaints: fever, cough and cold, ear, tooth, throat, rash and minor allergy."""

from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "fever_word",
        ko=(
            r"열{p}(?:이)?(?:나|났|나서|나고|나는|나요|있|올라|오르|높|펄펄|심|안떨어|안내려|계속|많이)",
            r"고열|발열|열감|몸{p}(?:이)?불덩이|불덩이|열나|신열|오한|으슬으슬",
            r"(?:몸|이마|머리){p}{g}(?:뜨거|뜨끈|펄펄)",
        ),
        en=(
            r"fever\w*|feverish|febrile|burning up|running a (?:temp|temperature|fever)|high temp\w*|chills",
            r"(?:feels?|is|felt|feeling|skin is) (?:very |really |so )?hot(?: to the touch)?",
        ),
    ),
    Concept(
        "high_fever_word",
        ko=(r"고열|열{p}{g}(?:펄펄|불덩이|엄청|너무|심하게)|불덩이",),
        en=(r"high fever|very high (?:temp\w*|fever)|raging fever|burning up",),
    ),
    Concept(
        "low_fever_word",
        ko=(r"미열|열{p}{g}(?:약간|살짝|조금)",),
        en=(
            (
                r"low[- ]grade (?:fever|temp\w*)|(?:slight|mild|low|little|small) (?:fever|temp\w*)|"
                r"bit of a (?:fever|temp\w*)"
            ),
        ),
    ),
    Concept(
        "stiff_neck",
        ko=(
            (
                r"(?:(?<![손발])목|뒷목|목덜미){p}{g}(?:뻣뻣|굳어|안숙여|못숙|숙이지(?:를|도)?못|"
                r"숙이기{p}(?:가)?(?:힘들|어렵)|숙이면{g}아|안숙|숙일수없)"
            ),
            r"경부경직|목경직",
        ),
        en=(
            r"stiff neck|neck (?:is |feels )?(?:stiff|rigid)|neck stiffness",
            r"(?:can'?t|cannot|unable to) (?:bend|touch|move|put) (?:\w+ ){0,2}(?:neck|chin)",
        ),
    ),
    Concept(
        "nonblanching_rash",
        ko=(
            (
                r"(?:눌러도|누르면|컵으로|유리컵|눌러봐도){g}(?:안없어|없어지지|사라지지|그대로|안사라|"
                r"색이안|안빠지|안지워|안변)"
            ),
            r"보라색{g}(?:반점|점|발진|멍)|자반|점상출혈|자색반",
        ),
        en=(
            (
                r"(?:rash|spots?|blotches)\s+{w}(?:doesn'?t|does not|won'?t|don'?t|do not|didn'?t|not|"
                r"isn'?t) (?:fade|blanch|go away|disappear)"
            ),
            r"non[- ]?blanching|glass test|purple (?:spots|rash|blotches|dots)|purpura|petechia\w*",
        ),
    ),
    Concept(
        "ear_pain",
        ko=(r"귀{p}{g}(?:아프|아파|아픈|통증|진물|고름|먹먹|쑤|찌르)|중이염|외이도염",),
        en=(r"ear ?ache|ear (?:pain|infection|is draining|discharge|hurts)|ears? (?:hurts?|aches?)",),
    ),
    Concept(
        "toothache",
        ko=(r"치통|(?:이빨|치아|어금니|사랑니|잇몸|앞니){p}{g}(?:아프|아파|아픈|욱신|시려|붓|부었|부어)",),
        en=(
            (
                r"tooth ?ache|tooth (?:pain|hurts|is killing)|(?:gum|gums) (?:swollen|swelling|pain|"
                r"infection)|swollen gums?|wisdom tooth"
            ),
        ),
    ),
    Concept(
        "throat_infection",
        ko=(
            (
                r"편도{p}{g}(?:붓|부었|염|아프)|(?:침|음식){p}(?:을)?{g}삼키기{p}(?:가)?(?:힘들|아프|어렵)|"
                r"삼킬때{g}아"
            ),
        ),
        en=(r"tonsil\w*|strep|swallowing (?:is )?(?:painful|hurts)|(?:hurts|painful) to swallow",),
    ),
    Concept(
        "severe_hypertension_word",
        ko=(r"혈압{p}{g}(?:너무높|엄청높|200|190|180)",),
        en=(r"(?:blood pressure|bp)\s+{w}(?:through the roof|very high|really high)",),
    ),
)
