"""Brain and nerves: stroke signs, seizures, consciousness, headache, head injury, vision."""

from medichain.triage.lexicon.base import Concept

_LIMB_KO = (
    r"(?:팔|다리|팔다리|손|발|손발|몸|한쪽|반쪽|왼쪽|오른쪽|왼팔|오른팔|왼손|오른손|왼다리|오른다리|왼발|"
    r"오른발|반신|하반신|손가락)"
)
_LIMB_EN = r"(?:arms?|legs?|hands?|foot|feet|side|fingers)"

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "face_droop",
        ko=(
            (
                r"(?:입|입꼬리|입술|얼굴|한쪽얼굴|눈꺼풀|볼|얼굴한쪽|한쪽입){p}{g}(?:돌아가|돌아갔|돌아간|"
                r"비뚤|삐뚤|틀어|내려가|내려갔|내려간|처지|처졌|처져|쳐지|쳐졌|쳐져|일그러|마비|굳어|"
                r"감각{p}(?:이)?없)"
            ),
            r"안면마비|구안와사|와사풍",
        ),
        en=(
            (
                r"(?:face|mouth|smile|lips?|eyelid)\s+{w}(?:droop\w*|sag\w*|crooked|lopsided|uneven|"
                r"paraly\w*|twisted|falling)"
            ),
            r"(?:droop\w*|crooked|lopsided|uneven|sagging) (?:face|smile|mouth)",
            r"facial (?:droop\w*|paralysis|weakness|palsy)|bell'?s palsy",
        ),
    ),
    Concept(
        "limb_weak_strong",
        ko=(
            _LIMB_KO
            + (
                r"{p}{g}(?:힘{p}(?:이)?(?:안들어|안들|빠져|빠지|풀려|풀리|하나도없)|마비|안움직|못움직|"
                r"움직이지(?:가|를|도)?안|움직여지지|움직일수(?:가)?없|말을안들|말을듣지|"
                r"감각{p}(?:이)?(?:없|사라)|안올라가|못들|들수(?:가)?없|들지를?못|축늘어져|안펴)"
            ),
            r"반신마비|편마비|전신마비|사지마비",
        ),
        en=(
            (
                r"(?:can'?t|cannot|unable to|couldn'?t|can not) (?:move|lift|raise|feel|use|grip with|"
                r"hold (?:anything )?(?:in|with))\s+{w}"
            )
            + _LIMB_EN,
            _LIMB_EN
            + (
                r"\s+{w}(?:paraly\w*|went (?:limp|dead|weak)|is limp|gave out|won'?t move|not moving|"
                r"is dead|useless|no strength)"
            ),
            r"paraly[sz]\w*|hemipleg\w*|hemipar\w*",
            (
                r"(?:sudden |suddenly )?weakness (?:on|in) (?:one|the (?:left|right)|(?:my|his|"
                r"her) (?:left|right)) (?:side|arm|leg)"
            ),
            r"(?:left|right|one)[- ]sided weakness|limp (?:arm|leg)",
        ),
    ),
    Concept(
        "limb_numb",
        ko=(
            _LIMB_KO + r"{p}{g}(?:저리|저려|저린|저림|얼얼|찌릿|감각{p}(?:이)?(?:둔|이상|무)|힘{p}(?:이)?없)",
            r"(?:얼굴|입술|혀){p}{g}(?:저리|저려|저린|얼얼|감각{p}(?:이)?(?:둔|이상))",
        ),
        en=(
            (
                r"numb\w*|tingl\w*|pins and needles|weak (?:arm|leg|hand)|(?:arm|leg|hand) (?:is |"
                r"feels )?weak|weakness"
            ),
        ),
    ),
    Concept(
        "speech_disturbance",
        ko=(
            (
                r"(?:말|발음|말투|혀|말씀){p}{g}(?:어눌|꼬|꼬여|꼬이|안나오|안나와|잘안나|새|이상해|이상하|"
                r"어색|느려|뭉개|안되|어둔)"
            ),
            r"말{p}(?:을)?{g}(?:못하|잘못하|더듬|이상하게|알아들을수없|못알아)",
            r"말이안나|말을못하",
            r"실어증|구음장애",
        ),
        en=(
            r"slurr\w*|garbled|gibberish|aphasia",
            r"speech (?:is )?(?:slurred|garbled|weird|strange|off|funny|unclear)",
            (
                r"(?:can'?t|cannot|unable to|couldn'?t) (?:speak|talk|get (?:the |his |her |my )?words out|"
                r"form words|find (?:the |my )?words)"
            ),
            (
                r"words (?:are )?(?:coming out )?(?:jumbled|garbled|mixed up|wrong|slurred)|"
                r"trouble (?:speaking|talking)|talking funny"
            ),
        ),
    ),
    Concept(
        "balance_loss",
        ko=(
            r"(?:균형|중심){p}(?:을|이)?(?:못잡|잡기힘|안잡|잃|못잡겠)",
            r"비틀거|비틀비틀|똑바로못걷|제대로못걷|걸음{p}(?:이)?(?:이상|비틀)",
            r"어지러워(?:서)?{g}(?:못걷|걸을수(?:가)?없|못서|설수(?:가)?없)",
        ),
        en=(
            r"(?:lost|losing|loss of|lose) (?:my |his |her )?balance|off balance|unsteady|staggering",
            r"(?:can'?t|cannot|unable to) (?:walk straight|stand up straight|keep (?:my|his|her) balance)",
        ),
    ),
    Concept(
        "vision_loss",
        ko=(
            (
                r"(?:눈|시야|시력|한쪽눈|앞|왼쪽눈|오른쪽눈|눈앞){p}{g}(?:안보|안보여|보이지(?:가|를|"
                r"도)?안|캄캄|깜깜|까매|잃|가려|반이안|까맣)"
            ),
            r"실명|시력{p}(?:을)?잃",
        ),
        en=(
            (
                r"(?:can'?t|cannot|unable to) see\b|lost (?:my |his |her |the )?(?:vision|sight)|"
                r"vision loss|loss of (?:vision|sight)"
            ),
            (
                r"went blind|blind in (?:one|my|his|her|the)|(?:vision|sight) (?:went|goes|is going|"
                r"has gone) (?:black|dark|out)|curtain over"
            ),
        ),
    ),
    Concept(
        "vision_blur",
        ko=(
            r"(?:눈|시야|앞|눈앞){p}{g}(?:흐려|흐릿|침침|뿌옇|뿌얘|겹쳐|두개로|번쩍|아른|별이|점이보|날파리)",
            r"복시|물체가두개|사물이두개",
        ),
        en=(
            (
                r"blurr\w* vision|vision (?:is )?(?:blurr\w*|blurry|fuzzy|dim|funny|strange)|double vision|"
                r"seeing double"
            ),
            r"seeing (?:spots|stars|flashing lights|flashes)|spots in (?:my |her )?vision",
        ),
    ),
    Concept(
        "stroke_self",
        ko=(
            (
                r"(?:뇌졸중|뇌졸증|뇌경색|뇌출혈|중풍|풍|미니뇌졸중|일과성허혈){p}{g}(?:같아|같애|같습|"
                r"같은데|같다|인것같|온것같|인듯|온듯|왔어|왔나|왔다|왔는|인가봐|일까봐|맞나|인가요)"
            ),
            r"(?:중풍|풍){p}(?:이)?(?:왔|온)",
        ),
        en=(
            r"(?:having|have|am having|is having|are having|had) (?:a |an )?(?:stroke|tia|mini[- ]stroke)",
            r"(?:think|sure|worried|afraid|feels like|feel like|might be|could be|may be|looks like|"
            r"seems like|is this|is it)"
            r"\s+{w}(?:a )?(?:stroke|mini[- ]stroke)",
        ),
    ),
    Concept(
        "seizure",
        ko=(
            r"경련|(?<!천식)(?<!공황)(?<!심장)발작|(?<!간질)간질(?!간질)|뇌전증|열성경련",
            r"경기{p}(?:를)?(?:해|했|하|일으|나|난)",
            (
                r"거품{p}(?:을)?(?:물|물고|물었|나|나와|나오|흘)|눈{p}(?:이)?(?:돌아가|뒤집)|(?:몸|"
                r"팔다리){p}(?:을)?{g}(?:부들부들|덜덜|떨면서|뻣뻣해지)"
            ),
        ),
        en=(
            (
                r"seiz\w*|siezure\w*|convuls\w*|fitting|having (?:a |an )?(?:fit|epileptic)|"
                r"epileptic (?:fit|attack)"
            ),
            r"febrile (?:seizure|convulsion)|shaking uncontrollably",
        ),
    ),
    Concept(
        "seizure_prolonged",
        ko=(
            r"(?:[5-9]|[1-9][0-9]|오|십|몇)분{g}(?:째|넘|이상|동안|가까이|지났|계속)",
            r"(?:안멈|멈추지|멈추질|안그쳐|그치지|안끝나|끝나지|멈출기미)",
        ),
        en=(
            r"(?:won'?t|doesn'?t|didn'?t|isn'?t|not|hasn'?t|never) (?:stop\w*|end\w*)",
            r"(?:more than|over|for|lasted|lasting|been|already) (?:\d+|five|ten|fifteen|several) min\w*",
            r"still (?:seizing|shaking|convulsing|fitting)|keeps? (?:seizing|shaking|convulsing)",
        ),
    ),
    Concept(
        "seizure_repeated",
        ko=(
            r"(?:또|다시|반복|연달아|연속|계속해서|여러번|두번째|두번|세번|몇번){g}(?:경련|발작|경기)",
            r"(?:경련|발작|경기){g}(?:또|다시|반복|연달아|연속|여러번|두번)",
        ),
        en=(
            (
                r"(?:another|second|third|repeated|multiple|back[- ]to[- ]back|several|more) (?:seizures?|"
                r"fits?|convulsions?)"
            ),
            (
                r"(?:seizures?|fits?) (?:again|back to back|one after (?:another|the other))|"
                r"one after another|keeps? having (?:seizures|fits)"
            ),
        ),
    ),
    Concept(
        "confusion",
        ko=(
            r"횡설수설|헛소리|엉뚱한(?:말|소리)|섬망|착란|지남력|헛것{p}(?:이)?보",
            r"(?:사람|가족|나|저|엄마|아빠|자식|식구){p}(?:를|을)?{g}(?:못알아|알아보지|알아보질|몰라봐)",
            r"(?:못|잘못)알아보",
            r"정신{p}(?:이)?(?:오락가락|혼미|몽롱|없어보|나간|이상|흐려|흐릿)",
            r"의식{p}{g}(?:흐려|흐릿|몽롱|가물|오락가락|저하|떨어)",
            r"(?:말|행동){p}{g}(?:이상하|이상해|앞뒤가|엉뚱)",
            r"(?:여기가|어디인지|어딘지|날짜|누군지){g}(?:모르|몰라)",
        ),
        en=(
            r"confus\w*(?! about| by| with| whether| as to| which| what)",
            (
                r"disorient\w*|delirious|delirium|incoherent|not making (?:any )?sense|(?:talking|mumbling|"
                r"saying) (?:nonsense|gibberish)"
            ),
            r"(?:doesn'?t|does not|didn'?t|can'?t) (?:know|recogni[sz]e) (?:where|who|me|us|anyone|his|her)",
            (
                r"out of it|altered mental|not (?:acting )?(?:himself|herself|themselves)|"
                r"acting (?:strange|weird|odd)|hallucinat\w*"
            ),
        ),
    ),
    Concept(
        "dazed",
        ko=(r"(?<!머리가)(?<!머리)멍(?:하|해|한)|넋{p}(?:이)?나|초점{p}(?:이)?없|눈{p}(?:이)?풀",),
        en=(r"dazed|spaced out|staring blankly|glassy[- ]eyed|not all there",),
    ),
    Concept(
        "drowsy",
        ko=(r"졸려|졸린|졸음|잠만자|계속자|자꾸자|자꾸졸|늘어져|축처|처져|기운{p}(?:이)?없|잠들어",),
        en=(r"drows\w*|sleepy|lethargic|listless|floppy|sluggish|keeps? falling asleep",),
    ),
    Concept(
        "drowsy_severe",
        ko=(
            r"(?:깨워도|불러도){g}(?:잘안|겨우|금방|다시)",
            r"깨우기{p}(?:가)?(?:힘들|어렵)|잘안깨|못깨어",
            r"(?:계속|자꾸)(?:잠만|축늘어|늘어져)",
        ),
        en=(
            r"(?:very|extremely|really|so|unusually) (?:drowsy|sleepy|lethargic)",
            (
                r"(?:won'?t|doesn'?t|can'?t|isn'?t) (?:wake|waking|stay awake)(?: up)? (?:properly|fully)|"
                r"hard to (?:wake|rouse|keep awake)|(?:can'?t|cannot) (?:stay|keep (?:him|her|them)) awake|"
                r"barely awake"
            ),
        ),
    ),
    Concept(
        "headache",
        ko=(
            (
                r"(?:머리|두통|편두통|뒷머리|관자놀이|뒤통수|머릿속){p}{g}(?:아프|아파|아픈|아퍼|아플|지끈|"
                r"욱신|깨질|터질|쪼개|울리|띵|찌르|빠개)"
            ),
            r"두통|편두통",
        ),
        en=(
            r"head ?ache\w*|migraine|head\s+{w}(?:hurts|aches|is pounding|throbbing|is killing|is splitting)",
            r"(?:splitting|pounding|throbbing) head",
        ),
    ),
    Concept(
        "thunderclap",
        ko=(
            r"(?:평생|태어나서|살면서|난생|인생){g}(?:처음|최악|제일|가장|이런)",
            r"(?:최악|제일심한|가장심한|역대급|극심한){g}(?:두통|머리)",
            r"(?:벼락|망치|번개|둔기|몽둥이){g}(?:맞은|으로|로|처럼|같|듯)",
        ),
        en=(
            r"worst (?:\w+ )?(?:headache|head pain|pain)(?: of (?:my|his|her) life| ever)?|thunderclap",
            r"never (?:had|felt|experienced) (?:a |any )?(?:headache|pain|anything) like (?:this|it)",
            r"(?:like|as if) (?:i was |being |i got )?(?:hit|struck) (?:by|with|in the head)",
        ),
    ),
    Concept(
        "head_injury",
        ko=(
            (
                r"(?:머리|뒤통수|이마|뒷머리|정수리|관자놀이){p}{g}(?:부딪|박았|박고|박혀|박아|박은|찧|"
                r"다쳤|다치|맞았|맞아|깨졌|찢어졌|찢어져|충격|쾅)"
            ),
            r"머리부터떨어|뇌진탕|두부외상|머리{p}(?:를)?세게",
        ),
        en=(
            (
                r"(?:hit|bump\w*|bang\w*|smack\w*|knock\w*|struck|hurt|injur\w*|whack\w*|cracked|"
                r"split)\s+{w}head"
            ),
            r"head (?:injury|trauma|wound|knock|bump)|concussion|fell\s+{w}on (?:his|her|my|their) head",
        ),
    ),
)
