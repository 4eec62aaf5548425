"""Belly and gut: abdominal pain, GI bleeding, vomiting, diarrhoea, dehydration, urinary and testes."""

from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "abdominal_pain",
        ko=(
            (
                r"(?:배|복부|아랫배|윗배|옆구리|하복부|상복부|오른쪽아랫배|왼쪽아랫배|배꼽|"
                r"뱃속){p}{g}(?:아프|아파|아픈|아퍼|아플|통증|쑤시|찌르|뒤틀|꼬이|꼬여|쥐어짜|당기|땡기|"
                r"살살|콕콕|끊어질|찢어질|찢어지)"
            ),
            r"복통|배앓이|급체",
        ),
        en=(
            (
                r"(?:stomach|belly|tummy|abdominal|abdomen|lower abdominal|side|pelvic)\s+{w}(?:pain|ache|"
                r"aches|hurts?|hurting|cramp\w*|killing)"
            ),
            (
                r"stomach ?ache|bellyache|tummy ?ache|pain in {poss} (?:stomach|belly|abdomen|side|tummy|"
                r"lower (?:belly|abdomen))"
            ),
        ),
    ),
    Concept(
        "rigid_abdomen",
        ko=(
            r"(?:배|복부|배가){p}{G}(?:딱딱|돌처럼|판자|단단|굳어)",
            r"복부경직",
            r"(?:돌|판자|나무판자|바위)처럼(?:딱딱|단단|굳)",
        ),
        en=(
            (
                r"(?:belly|abdomen|stomach|tummy)\s+{w}(?:rigid|hard|rock[- ]hard|board[- ]like|tense|"
                r"distended)|rigid (?:belly|abdomen)"
            ),
        ),
    ),
    Concept(
        "appendicitis_self",
        ko=(
            (
                r"(?:맹장|맹장염|충수염|복막염|장폐색|장꼬임){p}{g}(?:같아|같애|같은데|인것같|인듯|터진|"
                r"인가봐|일까봐)"
            ),
        ),
        en=(
            (
                r"(?:think|might be|could be|maybe|feels like|is this|worried)\s+{w}(?:appendicitis|"
                r"appendix|bowel obstruction)"
            ),
        ),
    ),
    Concept(
        "hematemesis",
        ko=(
            r"피(?!부){p}(?:를)?{g}(?:토하|토해|토했|토한|게워)|토혈",
            r"(?:토|구토|토사물){p}{g}(?:피|핏|혈)",
            r"피(?!부){p}섞인(?:토|구토)",
            r"커피(?:찌꺼기|가루|색|같은){g}(?:토|구토|나와|나왔)",
        ),
        en=(
            (
                r"(?:vomit\w*|throw\w* up|threw up|puk\w*|sick)\s+{w}blood|blood(?:y)? (?:in )?(?:my |his |"
                r"her )?(?:vomit|sick)"
            ),
            r"coffee[- ]?grounds?|hematemesis|haematemesis",
        ),
    ),
    Concept(
        "melena",
        ko=(
            r"(?:(?<!소)변|대변|똥|응가){p}{g}(?:까맣|까만|검|검은|시커|새까|짜장|흑색|검정)",
            r"(?:검은|까만|검정|시커먼|새까만|짜장같은|짜장)(?:색)?(?:변|똥|대변)|흑색변|혈변{g}(?:검|까)",
        ),
        en=(
            (
                r"black (?:tarry |sticky )?(?:stools?|poop|poo|bowel movements?)|tarry (?:stools?|poop)|"
                r"melena|melaena"
            ),
            (
                r"(?:poop|poo|stools?|bowel movements?) (?:is |are |was |were |looks? |turned |"
                r"has been )?(?:black|tarry|jet black)"
            ),
        ),
    ),
    Concept(
        "hematochezia",
        ko=(r"혈변|피똥|(?:(?<!소)변|대변|똥){p}{g}(?:피|빨간|붉은)|항문{g}피",),
        en=(
            (
                r"blood in (?:my |his |her )?(?:stool|poop|poo)|bloody (?:stool|diarrh\w*|poop)|"
                r"rectal bleeding|bleeding from (?:my |the )?(?:bottom|rectum|anus)"
            ),
        ),
    ),
    Concept(
        "hemoptysis",
        ko=(r"각혈|객혈|(?:기침|가래){p}{g}(?:피|핏|혈)|피(?!부){p}(?:를)?{g}(?:기침|뱉|토하듯)|피가래",),
        en=(
            (
                r"cough\w*\s+{W}blood|blood when (?:i|he|she) cough\w*|hemoptysis|haemoptysis|"
                r"bloody (?:sputum|phlegm|mucus)"
            ),
        ),
    ),
    Concept(
        "vomiting",
        ko=(r"토하|토했|토해|토를|구토|게워|오바이트|토가|토할|토하고",),
        en=(r"vomit\w*|throw\w* up|threw up|puk\w*|barf\w*|being sick",),
    ),
    Concept(
        "diarrhea",
        ko=(r"설사|물똥|묽은변|물설사|장염",),
        en=(r"diarr?h?o?ea|diarrh\w*|diahr\w*|loose stools?|the runs|gastro\w*",),
    ),
    Concept(
        "cant_keep_down",
        ko=(
            r"물{p}(?:도|만)?{g}(?:토|못마|못먹|게워|넘기지못|안넘어)",
            r"아무것도{g}(?:못먹|못마|토|안넘어|먹지를?못)",
            r"먹는{g}족족|먹기만하면{g}토|마시면{g}토|먹으면{g}다토",
        ),
        en=(
            r"(?:can'?t|cannot|unable to|couldn'?t|not) (?:even )?keep(?:ing)? (?:\w+ ){0,2}down",
            (
                r"(?:throws|throwing|brings?|bringing) up (?:everything|anything|water|all fluids)|"
                r"vomits? (?:everything|any fluids)"
            ),
        ),
    ),
    Concept(
        "dehydration_sign",
        ko=(
            r"입{p}{g}(?:마르|말라|바짝|바싹|건조)|입술{p}{g}(?:마르|말라|갈라|건조)",
            r"(?:소변|오줌){p}{g}(?:안나|안봐|안보|못봐|못보|거의안|거의못|줄었|적게|진해|안눠|못눠|잘안)",
            r"눈{p}{g}(?:움푹|퀭)|탈수|일어나면{g}어지|어지러워서{g}(?:일어|서있|못서)",
            (
                r"기저귀{p}{g}(?:안젖|마른|젖지|그대로|뽀송)|눈물{p}(?:이)?(?:안나|없)|숨구멍{g}(?:들어|"
                r"꺼)|대천문"
            ),
        ),
        en=(
            (
                r"dry mouth|mouth (?:is )?dry|(?:no|not|barely|hardly|not much|little) (?:pee\w*|urin\w*|"
                r"wet diapers?|wet nappies)"
            ),
            (
                r"dark urine|sunken (?:eyes|fontanelle|soft spot)|dehydrat\w*|dizzy (?:when|"
                r"on) (?:standing|getting up|i stand)"
            ),
            r"no tears|(?:haven'?t|hasn'?t|not) (?:peed|urinated)|dry diapers?",
        ),
    ),
    Concept(
        "urinary",
        ko=(
            r"(?:소변|오줌){p}{g}(?:따끔|아프|아파|통증|화끈|쓰라|자주|피|찔끔|시원하지)",
            r"배뇨통|잔뇨|혈뇨|방광염|요로감염|빈뇨",
        ),
        en=(
            (
                r"burn\w* (?:when|while) (?:i )?(?:pee|urinat\w*)|pain\w* (?:when )?(?:peeing|urinating|"
                r"urination)"
            ),
            (
                r"blood in (?:my )?(?:urine|pee)|\buti\b|bladder infection|urinary (?:tract )?infection|"
                r"pee (?:a lot|often|all the time)|need to (?:pee|go) (?:often|all the time)"
            ),
            r"painful urination",
        ),
    ),
    Concept(
        "urinary_retention",
        ko=(r"(?:소변|오줌){p}{g}(?:안나와|안나오|나오지(?:가|를)?안|못보겠|볼수(?:가)?없|막혔)",),
        en=(r"(?:can'?t|cannot|unable to) (?:pee|urinate)|no urine (?:for|since)",),
    ),
    Concept(
        "testicular_pain",
        ko=(r"(?:고환|불알|음낭|낭심){p}{g}(?:아프|아파|아픈|통증|붓|부었|부어|땡기|찌르)",),
        en=(
            (
                r"(?:testic\w*|testis|testes|scrot\w*|balls?|nuts?)\s+{w}(?:pain|hurt\w*|ache\w*|swell\w*|"
                r"swollen)"
            ),
            r"pain in (?:my|his) (?:testic\w*|balls|scrot\w*)|testicular pain",
        ),
    ),
)
