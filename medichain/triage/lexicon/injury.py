"""Injuries: falls, road accidents, burns, electrocution, drowning, bites, fractures and cuts."""

from medichain.triage.lexicon.base import Concept

_BURN_KO = r"(?:화상|데었|데였|데여|데어|덴|그을|타서|탔|튀어|튀었|쏟|엎)"
_BURN_EN = r"(?:burn\w*|scald\w*)"
_SITE_KO = r"(?:얼굴|손(?!가락|톱|끝|목|등)|손바닥|양손|생식기|성기|음부|사타구니|목|눈|입안|입술)"
_SITE_EN = r"(?:face|hands?\b|palms?|genital\w*|groin|neck|eyes?\b|mouth|lips|private (?:parts|area))"
_LARGE_KO = (
    r"(?:크게|넓게|온몸|전신|몸전체|등전체|다리전체|팔전체|배전체|넓은|여러군데|손바닥보다|심하게|"
    r"살이벗겨|살이하얗|살이까맣|살갗이벗|몸통|등|가슴|배|허벅지)"
)
_LARGE_EN = (
    r"(?:whole (?:arm|leg|back|chest|body|side|stomach)|entire (?:arm|leg|back|chest|body)|large area|"
    r"big area|"
    r"most of (?:my|his|her)|all over|huge|skin (?:is )?(?:peeling off|white|charred|black))"
)

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "high_fall",
        ko=(
            (
                r"(?:높은곳|높은데|옥상|지붕|사다리|나무|베란다|발코니|건물|[2-9]층|[1-9][0-9]층|[2-9]m|"
                r"[1-9][0-9]m|[2-9]미터|[1-9][0-9]미터|공사장|비계|절벽|난간|담장|창문){p}{g}(?:떨어|추락|"
                r"굴러)"
            ),
            r"추락",
        ),
        en=(
            (
                r"fell\s+{w}(?:from|off|out of)\s+{w}(?:roof|ladder|balcony|building|tree|scaffold\w*|"
                r"cliff|window|wall|\d+(?:st|nd|rd|th)? (?:floor|story|storey)|height)"
            ),
            (
                r"fall from (?:a )?height|fell (?:\d+|several|many|two|three|four|five|ten) (?:feet|ft|"
                r"meters|metres|m|stories|storeys|floors)"
            ),
            r"(?:fallen|fell) (?:from|off) (?:a |the )?(?:ladder|roof|balcony|scaffold)",
        ),
    ),
    Concept(
        "stairs_fall",
        ko=(r"계단{p}{g}(?:굴러|떨어|넘어|구르)",),
        en=(r"fell down (?:the |a flight of )?stairs|fall down (?:the )?stairs|tumbled down",),
    ),
    Concept(
        "road_accident",
        ko=(
            (
                r"교통사고|차사고|차량사고|자동차사고|충돌사고|사고가크게|오토바이{g}(?:사고|넘어|부딪)|"
                r"자전거{g}(?:사고|넘어)"
            ),
            r"(?:차|차량|트럭|버스|오토바이|택시|킥보드){p}(?:에|한테)?{g}(?:치였|치어|받혔|받쳐|깔렸|부딪)",
            r"뺑소니|전복|차가뒤집|정면충돌|추돌",
        ),
        en=(
            (
                r"car (?:crash|accident|wreck|collision)|crash\w*\s+{w}(?:car|bike|motorcycle|scooter)|"
                r"motorcycle (?:crash|accident)"
            ),
            (
                r"(?:hit|struck|run over|ran over|knocked down|mowed down) by (?:a |an )?(?:car|truck|bus|"
                r"vehicle|van|motorcycle|taxi)"
            ),
            (
                r"(?:rolled (?:over|the car)|head-on|head on (?:collision|crash)|rollover|pile-?up|"
                r"road accident|traffic accident|auto accident|collision)"
            ),
        ),
    ),
    Concept(
        "pedestrian_or_serious",
        ko=(r"(?:치였|치어|깔렸|깔려|튕겨|뒤집|전복|갇혔|갇혀|찌그러|폐차|정면|고속도로|크게|심하게)",),
        en=(
            (
                r"(?:hit|struck|run over|ran over|knocked down) by|rolled|head-on|trapped|pinned|"
                r"high speed|totaled|ejected"
            ),
            r"(?:bad|serious|major|terrible|horrible) (?:car )?(?:crash|accident|wreck)",
        ),
    ),
    Concept(
        "penetrating_trauma",
        ko=(
            r"(?:칼|흉기|송곳|가위|못|유리){p}(?:에|로)?{g}(?:찔렸|찔려|찔린|박혔)",
            r"총{p}(?:에|을)?맞|총상|자상",
        ),
        en=(
            (
                r"stabb\w*|(?:stab|knife|puncture|gunshot|bullet) wound|gunshot|shot (?:in|at) (?:the|my|"
                r"his|her)|been shot|got shot|impaled"
            ),
        ),
    ),
    Concept(
        "crush_injury",
        ko=(r"(?:깔렸|깔려|끼였|끼어서|압사|기계에{g}(?:끼|말려))",),
        en=(r"crushed|pinned under|trapped under|caught in (?:a |the )?machine",),
    ),
    Concept(
        "burn",
        ko=(
            r"화상|데었|데였|데여|데어|덴곳|델때|그을렸|불에{g}(?:탔|데)|화염",
            (
                r"(?:끓는|뜨거운){g}(?:물|기름|국|커피|차|라면|냄비|수증기|증기){g}(?:쏟|엎|튀|부|데|맞|닿|"
                r"뒤집어)"
            ),
            r"열탕|증기{p}{g}데",
        ),
        en=(r"burn(?:ed|t|s)?\b|scald\w*|blister\w* from (?:the )?(?:heat|hot|fire|stove|iron)",),
    ),
    Concept(
        "burn_site_critical",
        ko=(
            _SITE_KO + r"{p}{G}" + _BURN_KO,
            _BURN_KO + r"{p}{G}" + _SITE_KO,
        ),
        en=(
            _BURN_EN + r"\s+{W}" + _SITE_EN,
            _SITE_EN + r"\s+{W}" + _BURN_EN,
        ),
    ),
    Concept(
        "burn_large",
        ko=(
            _LARGE_KO + r"{p}{G}" + _BURN_KO,
            _BURN_KO + r"{p}{G}" + _LARGE_KO,
            r"[23]도화상|삼도화상|이도화상{g}(?:넓|크)",
        ),
        en=(
            _BURN_EN + r"\s+{W}" + _LARGE_EN,
            _LARGE_EN + r"\s+{W}" + _BURN_EN,
            r"third[- ]degree|(?:severe|bad|serious|major) burns?",
        ),
    ),
    Concept(
        "chemical",
        ko=(r"염산|황산|양잿물|가성소다|락스|세제|화학|약품|산성|알칼리|표백제|시멘트|석회|소독약|뚫어뻥",),
        en=(r"chemical\w*|acid|\blye\b|drain cleaner|bleach|caustic|alkali|cement|oven cleaner",),
    ),
    Concept(
        "smoke_inhalation",
        ko=(
            r"연기{p}(?:를)?{g}(?:마셨|마시|흡입|들이마|들이켰|많이)",
            r"코털{p}(?:이)?(?:탔|그을)|그을음|목소리{p}(?:가)?(?:쉬|변)|유독가스|화재{g}(?:연기|갇혀|갇혔)",
        ),
        en=(
            (
                r"smoke inhalation|(?:breathed|inhaled|swallowed) (?:a lot of |lots of |some )?smoke|"
                r"singed nose hairs|soot (?:in|around)"
            ),
        ),
    ),
    Concept(
        "chemical_eye",
        ko=(
            (
                r"눈{p}{g}(?:락스|세제|화학|약품|염산|석회|시멘트|표백제|소독약|산|세정제){g}(?:들어|튀|닿|"
                r"들어갔)"
            ),
            r"(?:락스|세제|화학약품|염산|표백제|시멘트|세정제){p}{g}눈{p}{g}(?:들어|튀|닿)",
        ),
        en=(
            (
                r"(?:bleach|chemical|acid|cleaner|lye|cement|detergent)\s+{w}(?:in|into) (?:my|his|her|"
                r"their) eyes?"
            ),
            r"splash\w*\s+{w}(?:in|into) (?:my|his|her|their) eyes?",
        ),
    ),
    Concept(
        "electrocution",
        ko=(
            r"감전|(?<!정)전기{p}{g}(?:감전|통했|쏘였|충격|올랐|흘렀)|(?<!정)전기충격|고압선|낙뢰",
            r"(?:벼락|번개){p}(?:에|을)?맞(?!은것처럼|은듯|은것같|은거처럼|은거같|은것마냥)",
        ),
        en=(
            (
                r"electrocut\w*|electric(?:al)? (?:shock|burn)|shocked by|got (?:a )?shock from|"
                r"struck by lightning|lightning strike"
            ),
            r"live wire|high voltage|power line",
        ),
    ),
    Concept(
        "drowning",
        ko=(
            (
                r"물{p}{g}(?:빠졌|빠져|빠진|잠겼|가라앉)|익수|익사|물{p}(?:을)?많이먹(?!고싶)|"
                r"수영장{g}(?:빠|가라앉)|바다{g}(?:빠졌|휩쓸)"
            ),
        ),
        en=(
            r"drown\w*|near[- ]drowning",
            (
                r"pulled\s+{w}out of (?:the )?(?:water|pool|lake|river|sea|bath|tub)|went under|"
                r"face down in (?:the )?(?:water|pool|bath)"
            ),
        ),
    ),
    Concept(
        "snake_bite",
        ko=(r"뱀{p}{g}(?:물|물렸|물린)|독사|살모사|까치살모사|뱀독|능구렁이",),
        en=(
            (
                r"snake ?bites?|bit(?:ten)? by (?:a |an )?(?:\w+ )?snake|snake bit|rattlesnake|viper|cobra|"
                r"copperhead|\badder\b"
            ),
        ),
    ),
    Concept(
        "animal_bite",
        ko=(r"(?:개|강아지|고양이|들개|진돗개|쥐|원숭이){p}(?:한테|에게|에)?{g}(?:물렸|물린|물려|할퀴)",),
        en=(
            (
                r"(?:dog|cat|animal|puppy|monkey|rat) (?:bite|bit|scratch)|bitten by (?:a |the |our |"
                r"my )?(?:[\w']+ )?(?:dog|cat|puppy|animal|monkey)|dog bit"
            ),
        ),
    ),
    Concept(
        "injury_context",
        ko=(
            (
                r"넘어|넘어져|넘어졌|다쳤|다쳐|삐끗|삐었|접질|부딪|떨어졌|떨어져|맞았|꺾였|밟|찧|충돌|사고|"
                r"굴렀|깔렸|미끄러|엎어"
            ),
        ),
        en=(
            (
                r"fell|fall\b|fallen|tripped|slipped|twist\w*|rolled (?:my|his|her)|sprain\w*|injur\w*|"
                r"crash\w*|hit by|landed on"
            ),
            (
                r"stubbed|accident|tackle\w*|(?:playing|during) (?:soccer|football|basketball|sports)|"
                r"bang\w* (?:my|his|her)"
            ),
        ),
    ),
    Concept(
        "fracture_sign",
        ko=(
            r"부러|골절|금{p}(?:이)?(?:간|갔)|뼈{p}{g}(?:이상|어긋|빠졌|튀어|나왔|보여)",
            (
                r"(?:모양|각도|방향){p}{g}(?:이상|휘|틀어|돌아|꺾)|이상하게{g}(?:휘|꺾|돌아|구부러)|휘었|"
                r"휘어졌|탈구|빠졌어"
            ),
        ),
        en=(
            (
                r"\bbroke\b|broken|fractur\w*|deform\w*|bent (?:the )?wrong way|(?:looks|is) (?:crooked|"
                r"bent|out of place|deformed)"
            ),
            r"dislocat\w*|snapped",
        ),
    ),
    Concept(
        "weight_bearing_loss",
        ko=(
            (
                r"(?:디딜|딛을|걸을|설|짚을)수{p}(?:가)?없|못디디|못딛|못짚|디디지를?못|딛지를?못|"
                r"체중{g}(?:못|실을수없)|못걷"
            ),
        ),
        en=(r"(?:can'?t|cannot|unable to) (?:put|bear) (?:any )?weight|(?:can'?t|cannot) (?:walk|stand) on",),
    ),
    Concept(
        "spine_immobile",
        ko=(r"(?:허리|목|등|척추){p}{g}(?:못움직|안움직|움직일수(?:가)?없|못펴|못굽|감각{p}(?:이)?없)",),
        en=(
            (
                r"(?:can'?t|cannot|unable to) (?:move|feel) (?:\w+ ){0,2}(?:back|neck|legs)|(?:back|neck|"
                r"spine) (?:injury|is broken)"
            ),
        ),
    ),
    Concept(
        "open_fracture",
        ko=(r"뼈{p}{g}(?:튀어나|밖으로|보여|보이|살을뚫)",),
        en=(r"bone\s+{w}(?:sticking|poking|showing|through the skin|out)|open fracture|compound fracture",),
    ),
    Concept(
        "swelling",
        ko=(r"부었|부어|붓고|부은|퉁퉁|부기|붓기|부어올",),
        en=(r"swell\w*|swollen|puffy",),
    ),
    Concept(
        "cut",
        ko=(
            (
                r"베었|베였|베여|벴|베인|베어|찢어졌|찢어져서|찢어진|찢겼|칼에|유리에|깨진{g}(?:유리|병|"
                r"컵)|칼질하다|열상"
            ),
        ),
        en=(
            (
                r"cut (?:my|his|her|myself|himself|herself|it|the|open|into)|(?:a|deep|bad|big|small|this|"
                r"the) cut|got cut"
            ),
            r"sliced (?:my|his|her|open|into)|gash\w*|lacerat\w*",
        ),
    ),
    Concept(
        "deep_cut",
        ko=(
            (
                r"깊게|깊이|깊숙|깊어|깊은|깊다|살이벌어|벌어졌|벌어져|쩍|살점|뼈가보|꿰매|봉합|속살|"
                r"하얀게보|지방이보"
            ),
        ),
        en=(r"deep|gaping|gash|won'?t close|stitches|sutures|to the bone|flap of skin|wide open|split open",),
    ),
    Concept(
        "nosebleed",
        ko=(r"코피",),
        en=(r"nose ?bleed\w*|nose (?:is )?bleeding|bleeding (?:from )?(?:my |his |her )?nose|bloody nose",),
    ),
    Concept(
        "eye_injury",
        ko=(r"눈{p}{g}(?:찔렸|다쳤|맞았|베였|긁혔|박혔|들어가서안빠)",),
        en=(
            (
                r"(?:poked|hit|scratched|injured|cut) (?:in )?(?:my|his|her|the) eye|eye injury|"
                r"something (?:stuck )?in (?:my|his|her) eye"
            ),
        ),
    ),
)
