"""Poisoning, overdose, swallowed objects and carbon monoxide."""

from medichain.triage.lexicon.base import Concept

_HAZARD_KO = (
    r"(?:락스|표백제|세제|세정제|캡슐세제|섬유유연제|퐁퐁|곰팡이제거제|살충제|농약|제초제|그라목손|"
    r"쥐약|부동액|"
    r"휘발유|석유|등유|경유|신나|시너|메탄올|공업용알코올|손소독제|아세톤|리무버|염산|황산|양잿물|가성소다|"
    r"뚫어뻥|배수구세정제|건전지|배터리|수은|자석|독버섯|야생버섯|복어|방향제|모기약|바퀴벌레약|"
    r"담배꽁초|담배|니코틴|"
    r"전자담배액|화학약품|독극물|독약|방충제|나프탈렌|식기세척기세제|세척제|소독약|물파스|버섯)"
)
_MEDICINE_KO = (
    r"(?:약|알약|수면제|수면유도제|진통제|타이레놀|해열제|감기약|혈압약|당뇨약|정신과약|우울증약|"
    r"항우울제|신경안정제|"
    r"안정제|철분제|영양제|비타민|아세트아미노펜|이부프로펜|부루펜|졸피뎀|스틸녹스|약통|약봉지|젤리약|시럽)"
)
_INGEST_KO = (
    r"(?:먹었|먹어버|먹은것|먹은거|먹은듯|먹어서|삼켰|삼킨|삼켜|마셨|마신|마셔버|들이켰|핥|입에넣|"
    r"씹어먹|주워먹|"
    r"집어먹|복용했|털어넣|입에물|입에대|먹었어|먹은|깨물|씹었|씹어|빨아먹|빨았|드셨|드신|잡수|복용한)"
)
_HAZARD_EN = (
    r"(?:bleach|detergent|laundry (?:pods?|packets?|capsules?)|tide pods?|dish ?washer (?:pods?|"
    r"tablets?|detergent)|"
    r"(?:drain|oven|toilet|floor|household) cleaner|cleaning (?:products?|fluid|liquid)|antifreeze|"
    r"pesticide|insecticide|"
    r"weed ?killer|herbicide|rat poison|paraquat|gasoline|petrol|kerosene|lighter fluid|lamp oil|methanol|"
    r"windshield (?:washer )?fluid|button batter(?:y|ies)|batter(?:y|ies)|magnets?|wild mushrooms?|"
    r"mushrooms?|"
    r"nail polish remover|acetone|hand sanitizer|mouthwash|e-?liquid|vape (?:juice|liquid)|nicotine|"
    r"cigarettes?|"
    r"poison\w*|chemicals?|\blye\b|ammonia|mothballs?|cleaner|soap)"
)
_MEDICINE_EN = (
    r"(?:pills?|tablets?|meds|medicines?|medications?|tylenol|acetaminophen|paracetamol|ibuprofen|"
    r"advil|motrin|aspirin|"
    r"sleeping (?:pills|tablets)|antidepressants?|opioids?|oxycodone|fentanyl|iron (?:pills|tablets|"
    r"supplements)|"
    r"vitamins|gummies|xanax|benzos?|painkillers?|sleeping aids?|melatonin)"
)
_INGEST_EN = (
    r"(?:swallow\w*|drank|drunk|drinking|ate|eaten|eating|ingest\w*|got into|took|taken|chew\w*|licked|"
    r"gulped|downed)"
)

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "hazard_ingested",
        ko=(_HAZARD_KO + r"{p}{g}" + _INGEST_KO,),
        en=(
            _INGEST_EN + r"\s+{w}" + _HAZARD_EN,
            _HAZARD_EN + r"\s+{w}(?:was |were |got )?(?:swallowed|ingested|eaten|drunk)",
            r"(?:poisoned|poisoning)",
        ),
    ),
    Concept(
        "medicine_ingested",
        ko=(
            _MEDICINE_KO + r"{p}{G}" + _INGEST_KO,
            r"(?:뭘|뭔가|뭔가를|이상한것|이상한걸)(?:잘못)?{g}" + _INGEST_KO,
        ),
        en=(_INGEST_EN + r"\s+{W}" + _MEDICINE_EN,),
    ),
    Concept(
        "overdose_amount",
        ko=(
            r"한통|한병|통째|한움큼|움큼|한줌|전부|몽땅|다먹|다삼|다털|왕창|잔뜩|한꺼번에|한번에|"
            r"과다복용|과량|많이|"
            r"수십|[1-9][0-9]{1,2}(?:알|정|개|캡슐)|여러알|여러개|한주먹|한봉지|한박스|한상자|있는대로",
        ),
        en=(
            (
                r"overdos\w*|\bod\b|od'?d|too many|too much|whole (?:bottle|box|pack|packet|strip|jar)|"
                r"entire (?:bottle|box|pack)"
            ),
            (
                r"handful|bunch of|lots of|a lot of|all (?:of )?(?:my|his|her|the) (?:\w+ )?(?:pills|meds|"
                r"medications?|tablets)"
            ),
            r"on purpose|intentionally|deliberately|double (?:dose|the dose)",
            r"[1-9][0-9]{1,2}\s+(?:\w+\s+)?" + _MEDICINE_EN,
        ),
    ),
    Concept(
        "overdose_self",
        ko=(r"과다복용|약물중독|음독|약을?{g}과하게",),
        en=(r"overdos\w*|took an? (?:od|overdose)|\bod'?d\b",),
    ),
    Concept(
        "coin_swallowed",
        ko=(
            r"(?<!건전지)(?<!배터리)동전(?!건전지|배터리|형){p}{g}(?:삼켰|삼킨|먹었|삼켜)",
            r"(?:구슬|단추|장난감|레고|핀|못){p}{g}(?:삼켰|삼킨|삼켜)",
        ),
        en=(r"(?:swallowed|ate) (?:a |an |some )?(?:coin|penny|marble|bead|lego|toy|button|pin|screw)",),
    ),
    Concept(
        "co_source",
        ko=(
            r"(?:co|일산화탄소|가스)(?:경보|감지기)|일산화탄소|연탄|번개탄|숯불|숯|갈탄|보일러|"
            r"가스{p}(?:가)?(?:새|누출|냄새|샌|샜)|가스냄새|가스누출|"
            r"난로|발전기|화로|캠핑{g}(?:텐트|난로)|텐트{g}(?:난로|숯|화로)",
        ),
        en=(
            (
                r"carbon monoxide|\bco\b (?:alarm|detector|poisoning)|charcoal|gas (?:leak|smell)|"
                r"smell\w* (?:of )?gas"
            ),
            r"generator|boiler|furnace|space heater|fireplace|gas heater|exhaust fumes",
        ),
    ),
    Concept(
        "co_self",
        ko=(r"(?:일산화탄소|가스|연탄가스){p}중독",),
        en=(r"carbon monoxide poisoning|co poisoning",),
    ),
    Concept(
        "group",
        ko=(
            (
                r"가족{p}(?:모두|다|전부|들)|다같이|모두|다들|여러명|온가족|둘다|셋다|같이있던|함께있던|"
                r"같이자던|식구들"
            ),
        ),
        en=(
            r"everyone|everybody|all of us|we all|whole (?:family|household)|both of us|family (?:all|both)",
            r"several (?:people|of us)|kids and (?:i|me)|(?:kids|children) (?:all|both)",
        ),
    ),
    Concept(
        "nausea",
        ko=(r"메스꺼|메슥|울렁|토할것|토할거|토할듯|구역|오심|토하|토했|토해|구토|토를|토가",),
        en=(
            (
                r"nause\w*|queasy|vomit\w*|throw\w* up|threw up|puk\w*|sick to {poss} stomach|feel(?:ing|"
                r"s)? sick"
            ),
        ),
    ),
)
