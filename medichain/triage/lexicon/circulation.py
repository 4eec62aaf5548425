"""Heart, circulation and bleeding: arrest, chest pain, collapse, haemorrhage, shock."""

from medichain.triage.lexicon.base import Concept

_CHEST_KO = (
    r"(?:가슴|흉부|앞가슴|왼쪽가슴|심장)(?:[이가은는도을를]?(?:한가운데|가운데|중앙|왼쪽|오른쪽|부위|안쪽|"
    r"쪽))?"
)
_CHEST_EN = r"(?:chest|sternum|breastbone)"

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "not_breathing",
        ko=(
            r"숨(?:을|도)?(?:안쉬(?!어지|어져|어질|기)|쉬지(?:를|도)?안|멎|멈췄|멈춰|멈추|안쉰)",
            r"숨안쉬(?!어지|어져)",
            r"호흡{p}(?:없|멈|멎|정지|안해|안하)",
            r"숨소리{p}(?:없|안들)",
            r"맥박{p}{g}(?:없|안잡|안뛰|안느껴|안만져|안짚|멈)",
            r"심장{p}(?:멈|멎|안뛰|정지|이멈)",
            r"심정지|심폐정지",
            (
                r"(?:심폐소생술|cpr|가슴압박|심장마사지){p}{g}(?:하고있|하는중|중이|중인|시작했|했는데|"
                r"하고있는데)"
            ),
        ),
        en=(
            r"(?:not|isn'?t|is not|wasn'?t|stopped|no longer|aren'?t) breath\w*",
            r"no (?:breathing|pulse|heartbeat|heart beat)",
            r"(?:can'?t|cannot|couldn'?t) (?:find|feel) {poss} ?pulse",
            r"heart (?:has |had )?stopped",
            r"cardiac arrest|without a pulse|pulseless",
            (
                r"(?:doing|performing|giving|started|starting|am doing|is doing) (?:cpr|"
                r"chest compressions)|cpr (?:in progress|is being)"
            ),
        ),
    ),
    Concept(
        "unresponsive",
        ko=(
            r"의식{p}(?:없|불명|이없|을잃|잃)",
            r"의식불명|무의식",
            (
                r"(?:불러도|깨워도|흔들어도|꼬집어도|때려도|불러봐도|깨워봐도){g}(?:(?:대답|반응){p}(?:없|"
                r"안|못)|안일어|못일어|안깨|못깨|꿈쩍(?:도)?안|눈을안|눈을못|소용없)"
            ),
            r"반응{p}(?:없|이없)",
            r"(?:깨어나지|깨어나질|일어나지를|깨지를|깨질)안",
            r"(?:안|못)깨어나",
            r"정신{p}(?:을)?(?:못차|안차|안돌아|못돌아)",
        ),
        en=(
            r"unresponsive|(?<!knocked )unconscious(?!ness)",
            (
                r"(?:not|isn'?t|is not|won'?t|doesn'?t|does not|no longer) (?:respond\w*|reacting|waking|"
                r"wake)(?! up properly| properly| fully)"
            ),
            r"(?:can'?t|cannot|couldn'?t|unable to) (?:wake|rouse) (?:him|her|them|my \w+|\w+)",
            r"won'?t come (?:to|round|around)|no response|lifeless|out cold",
        ),
    ),
    Concept(
        "collapse",
        ko=(r"쓰러(?:졌|져|지셨|지셔|진채|지더니|지고|짐)", r"픽쓰러|털썩"),
        en=(r"collaps\w*", r"keeled over|dropped to the (?:floor|ground)|slumped over|fell unconscious"),
    ),
    Concept(
        "syncope",
        ko=(
            r"기절|실신",
            r"(?:정신|의식){p}(?:을)?잃었",
            r"잠깐{g}(?:정신|의식){p}(?:을)?잃",
            r"쓰러졌다(?:가|깨|일어)",
        ),
        en=(
            r"fainted|passed out|blacked out|lost consciousness|syncope",
            r"knocked (?:out|unconscious)",
        ),
    ),
    Concept(
        "dizzy",
        ko=(
            r"어지러|어지럽|어지럼|어찔|핑돌|핑도|아찔|현기증|빙글빙글|빙빙",
            r"쓰러질(?:것|거|듯)",
            r"눈앞{p}(?:이)?(?:캄캄|까매|하얘|노래)",
            r"휘청",
        ),
        en=(
            r"dizz\w*|light[- ]?headed\w*|woozy|vertigo|faint\b|feel(?:ing)? faint",
            (
                r"(?:about|going|like) (?:to )?pass(?:ing)? out|like i (?:might|could|"
                r"am going to) (?:faint|pass out)"
            ),
            r"room (?:is )?spinning",
        ),
    ),
    Concept(
        "chest_pain",
        ko=(
            _CHEST_KO
            + (
                r"{p}{g}(?:아프|아파|아픈|아퍼|아팠|아플|통증|쑤시|찌르|찌릿|결리|뻐근|답답|조이|조여|조인|"
                r"쪼이|쪼여|쪼인|죄|쥐어짜|짓누|짓눌|누르|눌리|눌려|터질|무거|묵직|뜨끔|콕콕|욱신|저리|"
                r"저려|불편)"
            ),
            r"흉통|협심통",
            r"가슴{p}(?:을)?(?:움켜|부여잡|쥐고)",
        ),
        en=(
            _CHEST_EN + r" (?:pain|pian|ache|aches|hurts?|hurting|discomfort|pressure|tightness|heaviness)",
            r"(?:pain|pressure|tightness|heaviness|ache|discomfort) (?:in|on|across) {poss} " + _CHEST_EN,
            _CHEST_EN + r" (?:is |feels |felt )?(?:tight|heavy|sore|painful|hurting|killing)",
            r"(?:tight|heavy|sore|painful|crushing) " + _CHEST_EN,
            r"clutch\w* (?:at )?{poss} " + _CHEST_EN,
            r"angina|heart (?:hurts|is hurting|pain|aches)",
        ),
    ),
    Concept(
        "chest_pressure",
        ko=(
            _CHEST_KO
            + (
                r"{p}{g}(?:쥐어짜|짓누|짓눌|누르는|눌리|눌려|조이|조여|조인|쪼이|쪼여|쪼인|죄어|죄는|꽉|"
                r"묵직|무거|압박|터질|돌덩이|막힌|막혀)"
            ),
            r"가슴{p}(?:을)?(?:움켜|부여잡)",
        ),
        en=(
            r"(?:crushing|squeezing|squeezed|pressing|vice|vise|heavy weight|elephant)\b{W}"
            + r"(?:on |in |of )?{poss}? ?"
            + _CHEST_EN,
            _CHEST_EN
            + r" (?:\w+ ){0,3}(?:crushing|squeezing|squeezed|pressure|tightness|heaviness|heavy|tight)",
            r"(?:pressure|tightness|heaviness) (?:in|on|across) {poss} " + _CHEST_EN,
            r"elephant (?:sitting |standing )?on {poss} " + _CHEST_EN,
            r"(?:standing|sitting|sat|pressing|pushing|kneeling) on {poss} " + _CHEST_EN,
            r"like an? elephant",
        ),
    ),
    Concept(
        "radiation",
        ko=(
            (
                r"(?:왼|오른|양)?(?:팔|어깨|턱|목|등|왼팔|팔뚝){p}(?:까지|으로|쪽으로){g}(?:뻗|퍼지|퍼져|"
                r"번지|번져|저리|저려|저린|당기|땡기|아프|아파|통증|뻐근|내려|전해)"
            ),
            (
                r"(?:왼|오른|양)?(?:팔|어깨|턱|왼팔){p}{g}(?:뻗|퍼지|퍼져|번지|번져|저리|저려|저린|당기|"
                r"땡기|아프|아파|통증|뻐근)"
            ),
            r"(?:뻗치|뻗쳐|뻗어|퍼지|퍼져|번져|방사)",
        ),
        en=(
            (
                r"(?:spread\w*|radiat\w*|going|goes|went|moving|moves|shoot\w*|travel\w*)\s+{w}(?:to|into|"
                r"down|up|through|towards?)\s+{w}(?:arm|arms|shoulder|shoulders|jaw|neck|back)"
            ),
            r"(?:left |right )?(?:arm|jaw|shoulder) (?:pain|hurts|aches|is numb|numb|tingl\w*|feels numb)",
            r"pain in {poss} (?:left |right )?(?:arm|jaw|shoulder)",
            r"numb (?:left |right )?arm",
        ),
    ),
    Concept(
        "sweating",
        ko=(r"식은땀|진땀", r"땀{p}{g}(?:나|흘|줄줄|뻘뻘|흥건|범벅|비오듯|쏟|흠뻑)", r"땀범벅"),
        en=(r"sweat\w*|clammy|diaphore\w*|cold sweat|drenched",),
    ),
    Concept(
        "palpitations",
        ko=(
            r"(?:가슴|심장){p}{g}(?:두근|벌렁|쿵쾅|빨리뛰|빠르게뛰|미친듯이뛰|터질듯뛰|불규칙)",
            r"두근거|두근두근|심계항진|부정맥",
            r"맥박{p}{g}(?:빠르|빨라|불규칙|너무빨)",
        ),
        en=(
            (
                r"palpitation\w*|heart (?:is )?(?:racing|pounding|fluttering|skipping|beating (?:really |"
                r"very |so )?fast)"
            ),
            r"racing heart|irregular heart ?beat|heart rate (?:is )?(?:very |really )?(?:high|fast)",
        ),
    ),
    Concept(
        "tearing_pain",
        ko=(r"(?:가슴|등|허리|흉부){p}{g}(?:찢어지|찢기|찢어질|째지|찢는|뜯기|갈라지|찢어져)",),
        en=(
            r"(?:tearing|ripping|torn|tear\w*|rip\w*)\s+{w}(?:pain|chest|back)",
            r"(?:chest|back) pain (?:that )?(?:feels )?(?:like )?(?:tearing|ripping|something tearing)",
        ),
    ),
    Concept(
        "heart_attack_self",
        ko=(
            (
                r"(?:심근경색|심장마비|심장발작|협심증|급성심근){p}{g}(?:같아|같애|같습|같은데|같다|인것같|"
                r"온것같|인듯|온듯|왔어|왔나|왔다|왔는|인가봐|일까봐|증상이있)"
            ),
        ),
        en=(
            (
                r"(?:having|have|am having|is having|are having|getting) (?:a |an )?(?:heart attack|"
                r"cardiac event|mi\b)"
            ),
            r"(?:think|sure|worried|afraid|feels like|feel like|might be|could be|may be|looks like|"
            r"seems like|is this)"
            r"\s+{w}(?:a )?heart attack",
        ),
    ),
    Concept(
        "epigastric_pain",
        ko=(r"명치{p}{g}(?:아프|아파|아픈|통증|답답|쥐어|찌르|쓰리|쓰려|뻐근)",),
        en=(r"(?:upper (?:stomach|abdominal|belly) pain|epigastric|pit of {poss} stomach)",),
    ),
    Concept(
        "bleeding_uncontrolled",
        ko=(
            (
                r"피(?!부){p}{g}(?:안멈|안멎|멈추지|멈추질|멈추지를|멎지|계속나|계속흘|계속쏟|계속새|"
                r"안그쳐|그치지|철철|콸콸|펑펑|뿜|솟|분수|쏟아|줄줄)"
            ),
            r"(?:지혈|출혈){p}{g}(?:안되|안돼|되지|이안|멈추지|안멈|심)",
            r"(?:눌러도|압박해도|꽉눌러도|누르고있어도|눌러봐도){g}(?:피|출혈)",
            r"과다출혈|대량출혈|동맥{g}(?:끊|잘|터|출혈|베)",
        ),
        en=(
            (
                r"(?:bleed\w*|blood)\s+{w}(?:won'?t|will not|doesn'?t|does not|didn'?t|isn'?t|is not|not|"
                r"hasn'?t|can'?t|cannot)\s+(?:stop\w*|slow\w*|stay)"
            ),
            r"(?:can'?t|cannot|unable to|couldn'?t) (?:stop|control) (?:the |his |her |my )?bleed\w*",
            (
                r"spurt\w*|gush\w*|pouring (?:out )?blood|blood (?:is )?(?:pouring|gushing|spurting|"
                r"squirting|everywhere)"
            ),
            r"soak\w* (?:through|multiple|several|\w+ towels)|keeps? bleeding|won'?t stop bleeding",
            (
                r"severed (?:an )?artery|arterial bleed\w*|bleeding (?:out|heavily|profusely|badly)|"
                r"hemorrhag\w*|haemorrhag\w*"
            ),
        ),
    ),
    Concept(
        "heavy_blood",
        ko=(
            r"피(?!부){p}(?:를)?{g}(?:많이|엄청|한가득|흥건|너무많|한바가지|잔뜩)",
            r"피(?!부){p}(?:가)?(?:많이|엄청)",
            r"출혈{p}(?:이)?(?:많|심)",
            r"피범벅|피투성이|피바다",
        ),
        en=(
            r"(?:lots|lot|loads|tons|pool) of blood|lost (?:a lot of|lots of|so much) blood",
            r"bleeding (?:a lot|so much|heavily)|blood everywhere|covered in blood",
        ),
    ),
    Concept(
        "shock_signs",
        ko=(
            r"창백|새하얗|하얗게질",
            r"(?:몸|손|손발|피부|팔다리){p}{g}(?:차가|차갑|싸늘|얼음)",
            r"맥박{p}{g}(?:약하|약해|빠르|빨라)",
            r"의식{p}{g}(?:흐려|흐릿|몽롱|가물|오락가락)",
        ),
        en=(
            r"pale|cold and clammy|clammy|grey|gray|ashen|(?:skin|hands) (?:is |are )?cold",
            r"(?:is|are|feels?|looks?|so|very|pale|and|turning|went) cold\b",
            r"weak (?:and rapid )?pulse|barely (?:responding|conscious|awake)|fading",
        ),
    ),
)
