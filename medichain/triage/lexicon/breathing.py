"""Airway and breathing: choking, breathlessness, cyanosis, asthma, allergy and anaphylaxis."""

from medichain.triage.lexicon.base import Concept

_FOODS_KO = (
    r"(?:땅콩|견과|호두|아몬드|잣|새우|게|꽃게|대게|랍스터|갑각류|조개|굴|홍합|해산물|생선|우유|계란|달걀|"
    r"밀가루|밀|메밀|복숭아|키위|참깨|깨|번데기|콩|대두|토마토|고등어|오징어|땅콩버터)"
)
_DRUGS_KO = r"(?:약|항생제|진통제|소염제|해열제|주사|조영제|백신|예방주사|페니실린|아스피린|마취제|수액)"
_FOODS_EN = (
    r"(?:peanuts?|peanut butter|nuts?|tree nuts?|cashews?|almonds?|walnuts?|shellfish|shrimps?|prawns?|crab|"
    r"lobster|fish|milk|dairy|eggs?|wheat|sesame|soy|kiwi|peach(?:es)?|seafood)"
)
_DRUGS_EN = (
    r"(?:penicillin|amoxicillin|antibiotics?|medicine|medication|drug|pill|tablet|injection|shot|vaccine|"
    r"contrast(?: dye)?|ibuprofen|aspirin|anesthetic|anaesthetic)"
)

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "dyspnea_severe",
        ko=(
            (
                r"숨{p}{g}(?:못쉬|안쉬어지|안쉬어져|안쉬어질|안쉬여|쉬기{p}(?:힘들|어렵|곤란|벅차)|"
                r"쉴수{p}(?:가)?없|쉬어지지(?:가|를)?안|쉬기가힘|막히|막혀|막힌|넘어가|끊어질|꼴딱)"
            ),
            r"숨쉬기{p}{g}(?:힘들|어렵|곤란|벅차|힘듦)",
            r"숨쉬는게{g}(?:힘들|어렵)",
            r"호흡곤란|호흡{p}(?:이)?(?:힘들|곤란|어렵|가빠|가쁘|안돼|안되)",
            r"숨이턱턱|숨이막혀|숨을헐떡",
        ),
        en=(
            (
                r"(?:can'?t|cannot|can not|couldn'?t|unable to|barely|hardly) (?:breathe|breath|"
                r"catch {poss} breath|get (?:enough )?air)"
            ),
            r"(?:struggling|fighting|gasping) (?:to breathe|for (?:air|breath))",
            (
                r"(?:hard|difficult|impossible) to breathe|difficulty (?:in )?breath\w*|trouble breathing|"
                r"hard time breathing"
            ),
            (
                r"labou?red breathing|suffocat\w*|not getting (?:enough )?air|breathing (?:is )?(?:very |"
                r"really )?(?:difficult|hard|laboured|labored)"
            ),
        ),
    ),
    Concept(
        "dyspnea_mild",
        ko=(
            r"숨{p}{g}(?:차|가빠|가쁘|가쁜|헐떡|답답|모자라|모자르|벅차)",
            r"숨찬|숨참|숨가쁨|숨이가빠",
        ),
        en=(
            r"short(?:ness)? of breath|short of breath|\bsob\b|breathless\w*|winded|out of breath",
            r"breathing (?:is )?(?:fast|heavy|rapid|shallow)|puffing|can'?t get {poss} breath",
        ),
    ),
    Concept(
        "gasping",
        ko=(
            r"헐떡|꺽꺽|끅끅|숨을몰아|컥컥",
            r"숨{p}(?:을)?몰아쉬",
            r"숨소리{p}{g}(?:이상|그르렁|거칠|컥컥|꺽꺽)",
            r"숨{p}(?:을)?이상하게(?:쉬|쉽|쉰)",
        ),
        en=(r"gasp\w*|agonal|breathing (?:weird|strangely|irregularly)",),
    ),
    Concept(
        "cyanosis",
        ko=(
            (
                r"(?:입술|얼굴|입|손톱|손끝|피부|몸|입주변){p}{g}(?:파래|파랗|퍼래|퍼렇|새파|시퍼|보라|"
                r"검푸|청색)"
            ),
            r"청색증",
        ),
        en=(
            (
                r"(?:lips?|face|skin|fingers?|fingertips|nails?|mouth|he|she|baby)\s+{w}(?:turn\w*|go\w*|"
                r"went|is|are|look\w*)?\s*(?:blue|purple|dusky|grey|gray)"
            ),
            r"cyano\w*|blue lips|(?:turning|going|turned|went) (?:blue|purple)",
        ),
    ),
    Concept(
        "cant_speak_breathless",
        ko=(
            r"숨{g}(?:서|어서|해서){g}말{p}(?:을)?{g}(?:못|할수없|한마디도)",
            r"말{p}(?:을)?한마디도못",
        ),
        en=(
            (
                r"(?:can'?t|cannot|unable to) (?:speak|talk|say) (?:a word|more than (?:a|one|two|"
                r"a few) words?|in (?:full )?sentences)"
            ),
            r"too (?:breathless|short of breath|out of breath) to (?:talk|speak)",
        ),
    ),
    Concept(
        "choke_obstruct",
        ko=(
            (
                r"(?:(?<![손발])목|목구멍|기도|식도|목안){p}{g}(?:걸렸|걸려|걸린|걸리셨|걸리셔|걸리신|막혔|"
                r"막혀|막힌|끼었|끼여|꼈|턱걸)"
            ),
            (
                r"(?:떡|사탕|포도|음식|고기|땅콩|젤리|방울토마토|알사탕|장난감|구슬|떡볶이|밥|빵|"
                r"견과){p}{g}(?:걸렸|걸려|막혔|막혀|삼키다|넘어가지)"
            ),
            r"질식",
            (
                r"(?:삼켰|삼킨|삼키다|먹다가|먹던중|먹는중)(?:는데|고|어서|더니|자마자|가)?숨{p}(?:을|이|"
                r"도)?(?:못|안쉬)"
            ),
        ),
        en=(
            r"chok\w*",
            (
                r"(?:something|food|it|a \w+|piece of \w+) (?:is |got |was )?(?:stuck|"
                r"lodged) in {poss} (?:throat|windpipe|airway)"
            ),
            r"(?:stuck|lodged) in {poss} (?:throat|windpipe|airway)",
            r"(?:swallowed|eating|ate)\s+{W}(?:can'?t|cannot|couldn'?t|not) breath",
        ),
    ),
    Concept(
        "choke_severe_sign",
        ko=(
            r"기침{p}(?:도)?(?:못|안나|안해|할수없)",
            r"소리{p}(?:도)?(?:안나|안내|못내|를못)",
            r"(?:울지|울음){p}(?:도)?(?:못|안)",
            r"말{p}(?:도)?못해",
            r"목을(?:움켜|잡고)",
            r"얼굴{p}{g}(?:파래|파랗|보라|새빨)",
        ),
        en=(
            (
                r"(?:can'?t|cannot|unable to|isn'?t|not|couldn'?t) (?:cough|speak|talk|cry|make (?:a |"
                r"any )?sound|breathe)"
            ),
            r"no sound|silent|clutching (?:at )?{poss} throat|turning (?:blue|purple|red)",
        ),
    ),
    Concept(
        "choke_partial",
        ko=(r"기침{p}(?:은|을|는)?(?:해|하고|계속|세게|심하게)", r"숨{p}(?:은)?쉬어"),
        en=(r"(?:is |still |keeps? )?coughing|can (?:still )?(?:breathe|talk|speak|cough)",),
    ),
    Concept(
        "fishbone",
        ko=(r"(?:생선)?가시|뼈조각",),
        en=(r"fish ?bone|bone stuck",),
    ),
    Concept(
        "airway_closing",
        ko=(
            r"(?:(?<![손발])목|목구멍|목안|기도){p}{g}(?:조여|조이|조인|좁아|막혀오|막히는|잠겨|잠기|닫히)",
            r"기도{p}{g}(?:막|붓|부어)",
        ),
        en=(
            r"throat\s+{w}(?:closing|tightening|constrict\w*|feels? tight|is tight|swelling shut|closing up)",
            r"(?:closing|tight) throat|airway (?:is )?(?:closing|swelling|blocked)",
        ),
    ),
    Concept(
        "throat_swell",
        ko=(r"(?:(?<![손발])목|목구멍|목안){p}{g}(?:붓|부어|부었|부은|부풀)",),
        en=(r"throat\s+{w}(?:swell\w*|swollen)|swollen throat",),
    ),
    Concept(
        "angioedema",
        ko=(
            r"(?:입술|혀|입|입안|혓바닥){p}{g}(?:붓|부어|부었|부은|퉁퉁|부풀|두꺼워)",
            r"혀가굳",
        ),
        en=(
            r"(?:lips?|tongue|mouth)\s+{w}(?:swell\w*|swollen|puff\w*|getting (?:big|bigger|fat))",
            r"swollen (?:lips?|tongue|mouth)|(?:lip|tongue) swelling",
        ),
    ),
    Concept(
        "face_swelling",
        ko=(r"(?:얼굴|눈|눈두덩|눈꺼풀|눈가){p}{g}(?:붓|부어|부었|부은|퉁퉁)",),
        en=(r"(?:face|eyes?|eyelids?)\s+{w}(?:swell\w*|swollen|puff\w*)|swollen (?:face|eyes?)",),
    ),
    Concept(
        "hives",
        ko=(
            r"두드러기|담마진|발진|붉은반점|빨간반점|알레르기반응",
            r"(?:온몸|전신|몸){p}{g}(?:가려|빨갛|빨개|울긋|돋|올라)",
        ),
        en=(r"hives|welts|urticaria|rash|itchy bumps|allergic reaction|breaking out",),
    ),
    Concept(
        "widespread",
        ko=(r"온몸|전신|몸전체|온몸에|여기저기|퍼지|번지|번져|퍼져|몸여기저기|얼굴까지",),
        en=(r"all over|everywhere|spreading|whole body|entire body|head to toe|all of {poss} body",),
    ),
    Concept(
        "allergen_exposure",
        ko=(
            _FOODS_KO + r"{p}{g}(?:먹|먹고|먹었|먹은|닿|만지|만졌|들어간)",
            r"(?:벌|말벌|꿀벌|땅벌|개미|해파리){p}{g}(?:쏘|쐬|물)",
            r"벌침|벌쏘임",
            _DRUGS_KO
            + (
                r"{p}{g}(?:먹고|먹은후|먹은뒤|먹었더니|먹자마자|맞고|맞은후|맞은뒤|맞았더니|맞자마자|투여|"
                r"복용후)"
            ),
        ),
        en=(
            r"(?:ate|eating|eaten|had|eat|after|from|bit into|tasted|touched)\s+{w}" + _FOODS_EN,
            r"(?:stung|sting|stings)\b|bee sting|wasp|hornet",
            r"(?:took|taking|taken|after|given|got|had)\s+{w}" + _DRUGS_EN,
            r"(?:new|started) (?:a )?(?:medicine|medication|antibiotic)",
        ),
    ),
    Concept(
        "asthma",
        ko=(r"천식|기관지경련|흡입기|벤토린|기관지확장제",),
        en=(r"asthma\w*|inhaler|puffer|nebuli[sz]er|ventolin|albuterol|salbutamol",),
    ),
    Concept(
        "asthma_attack",
        ko=(r"천식{p}{g}(?:발작|악화|심해|도졌|도져|와서|왔|터졌)", r"천식발작"),
        en=(r"asthma (?:attack|flare\w*|is (?:bad|acting up|flaring))|flar\w* up|acting up",),
    ),
    Concept(
        "wheeze",
        ko=(r"쌕쌕|쌔액|그렁그렁|휘파람소리|쉭쉭|색색거",),
        en=(r"wheez\w*|whistling (?:when|while) (?:breathing|i breathe)",),
    ),
    Concept(
        "inhaler_fail",
        ko=(
            (
                r"(?:흡입기|벤토린|기관지확장제|스프레이|약|네뷸라이저){p}{g}(?:써도|뿌려도|사용해도|"
                r"했는데도|흡입해도|마셔도|썼는데도|뿌렸는데도){G}(?:안나|소용없|효과없|그대로|안들|안좋아|"
                r"나아지지|안나아|여전|계속|똑같)"
            ),
        ),
        en=(
            (
                r"(?:inhaler|puffer|ventolin|albuterol|nebuli[sz]er|medication)\s+{w}(?:isn'?t|is not|not|"
                r"doesn'?t|does not|didn'?t|did not|hasn'?t|has not|won'?t)\s+(?:help\w*|work\w*|"
                r"do\w* anything)"
            ),
            r"(?:no|without) relief (?:from|with) (?:the |my |his |her )?(?:inhaler|puffer)",
        ),
    ),
    Concept(
        "inhaler_helps",
        ko=(r"(?:흡입기|벤토린){p}{g}(?:쓰니|쓰면|뿌리니|뿌리면){g}(?:좀|조금|약간)?(?:나아|괜찮|좋아)",),
        en=(r"inhaler (?:helps|helped|is helping|works)",),
    ),
)
