"""Who is affected: children, older people, pregnancy and known conditions that raise the level."""

from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "child",
        ko=(
            r"아이(?!스|돌|폰|디|패|템|콘|유|고|구)|아기|애기|아가|우리애|애가|애를|애는|애한테|"
            r"딸(?!기|꾹)|아들|조카|손주|손자|손녀|"
            r"유아|영아|꼬마|어린이|초등학생|유치원생|어린애|갓난",
        ),
        en=(
            (
                r"kids?|child|children|toddler|baby|babies|infant|son|daughter|boy|girl|newborn|little one|"
                r"grandchild|grandson|granddaughter"
            ),
        ),
    ),
    Concept(
        "infant_word",
        ko=(r"아기|애기|아가|영아|갓난|신생아|젖먹이",),
        en=(r"baby|infant|newborn",),
    ),
    Concept(
        "newborn",
        ko=(r"신생아|갓난아기|갓난애기|갓난아이|갓태어난|(?:백일|100일)(?:도|이)?(?:안|전|이전|안된|안됐)",),
        en=(
            r"newborn|new[- ]born|neonate|just born|born (?:last week|two weeks ago|\d+ (?:days|weeks) ago)",
        ),
    ),
    Concept(
        "toddler",
        ko=(r"돌(?:이)?(?:지난|넘은|지나|넘|된|쟁이)|아장아장",),
        en=(r"toddler",),
    ),
    Concept(
        "child_unwell",
        ko=(
            r"축처|처져|늘어져|기운{p}(?:이)?없|힘{p}(?:이)?없어|보채|(?:안|못)먹|먹지(?:를|도)?(?:안|못)|"
            r"물{p}(?:을|도)?{g}(?:안마|못마|안먹)|(?:수유|젖|분유|우유){p}{g}(?:안먹|거부|못먹|안빨|안마)|"
            r"(?:소변|오줌){p}{g}(?:안보|안봐|거의|못보|안나)|기저귀{p}{g}(?:안젖|마른|젖지)|"
            r"울음{p}(?:이)?약|"
            r"반응{p}(?:이)?(?:느|둔|약)|깨워도|처지고|늘어지",
        ),
        en=(
            r"lethargic|listless|floppy|\blimp\b|won'?t (?:drink|feed|eat|nurse|wake)",
            (
                r"(?:not|isn'?t|is not|hasn'?t been|has not been|wasn'?t) (?:drinking|feeding|eating|"
                r"nursing|taking (?:the |a |her |his )?(?:bottle|breast))"
            ),
            (
                r"refus\w* (?:to )?(?:feed|drink|bottle|breast|eat)|no wet (?:diapers?|nappies)|"
                r"dry diapers?|weak cry"
            ),
            r"not (?:peeing|urinating)|unusually (?:sleepy|quiet)|hard to wake",
        ),
    ),
    Concept(
        "elderly_word",
        ko=(r"할머니|할아버지|노인|어르신|노모|노부|고령|노령|친정엄마가80|요양원|시어머니가8|시아버지가8",),
        en=(
            (
                r"elderly|old (?:man|woman|lady|person)|senior|grandma|grandpa|grandmother|grandfather|"
                r"nursing home|in (?:his|her) (?:80|90|70)s"
            ),
        ),
    ),
    Concept(
        "pregnant",
        ko=(
            r"임신(?!을?(?:하려|준비|계획|가능|테스트|할수|안되|아닌|했었|중절|시도|하고싶|이안|이잘|"
            r"성공))|임산부|임부|만삭|"
            r"뱃속{p}(?:아기|애기)|태아|임신부|출산예정|예정일|[0-9]+주차",
        ),
        en=(
            (
                r"pregnan\w*|preggo|preggers|expecting (?:a baby|twins)|\d+ weeks? (?:pregnant|along)|"
                r"trimester|(?:my|the) unborn"
            ),
        ),
    ),
    Concept(
        "not_pregnant_context",
        ko=(r"임신{p}(?:을)?(?:하려|준비|계획|테스트|가능)|임신테스트",),
        en=(
            (
                r"(?:trying|want|wanting|planning|plan|hoping) to (?:get|become) pregnant|pregnancy test|"
                r"could i be pregnant"
            ),
        ),
    ),
    Concept(
        "vaginal_bleeding",
        ko=(
            (
                r"하혈|질출혈|출혈|피(?!부){p}{g}(?:나|나와|비쳐|비치|묻|쏟|흘러|보여|났)|"
                r"피(?!부){p}(?:가)?많이|갈색분비물|혈이비"
            ),
        ),
        en=(r"bleed\w*|spotting|blood",),
    ),
    Concept(
        "heavy_amount",
        ko=(
            r"많이|쏟|펑펑|콸콸|덩어리|왈칵|한컵|컵|한바가지|한움큼|흥건|생리보다많|패드{g}(?:다|흠뻑|적셔)|엄청",
        ),
        en=(
            r"heav\w*|a lot|lots|loads|so much|soak\w*|clots?|gush\w*|cup(?:ful)?|mouthful|large amount",
            r"pouring",
        ),
    ),
    Concept(
        "fluid_leak",
        ko=(
            (
                r"양수{p}{g}(?:터|새|흘|흐르|흘러|나와|나오|샌|샜|비치)|(?:물|액체){p}{g}(?:흘러|새|나와|"
                r"흐르|주르륵|줄줄)|파수"
            ),
        ),
        en=(
            (
                r"water (?:has )?(?:broke|broken|breaking|leak\w*)|leak\w* (?:fluid|water)|"
                r"fluid (?:is )?leak\w*|gush of (?:fluid|water)|amniotic"
            ),
        ),
    ),
    Concept(
        "fetal_movement_reduced",
        ko=(
            r"태동{p}{g}(?:없|줄|안느|약해|뜸|거의|안해|못느|적어|멈)",
            r"(?:뱃속|배속){p}{g}(?:아기|애기){p}{g}(?:안움직|움직이지|움직임이(?:없|줄|적))",
        ),
        en=(
            (
                r"(?:reduced|decreased|less|fewer|no|not feeling (?:the |my )?(?:baby'?s? )?) (?:fetal |"
                r"foetal |baby )?(?:movements?|kicks?|kicking)"
            ),
            (
                r"(?:haven'?t|have not|hasn'?t|not|can'?t|cannot|didn'?t) (?:felt|feel|"
                r"been feeling) (?:the |my )?baby (?:move|kick)\w*"
            ),
            (
                r"(?:baby|fetus|foetus)\s+{w}(?:stopped|not|hasn'?t|has not|isn'?t|hardly|"
                r"barely) (?:been )?(?:kick\w*)"
            ),
            r"stopped kicking",
        ),
    ),
    Concept(
        "baby_not_moving",
        ko=(r"(?:아기|애기|아가){p}{g}(?:안움직|움직이지(?:를|가)?안|움직임이(?:없|줄|적))",),
        en=(
            (
                r"(?:baby|fetus|foetus)\s+{w}(?:hasn'?t|has not|isn'?t|is not|not|stopped|hardly|"
                r"barely) (?:been )?(?:moved|moving)"
            ),
        ),
    ),
    Concept(
        "labour",
        ko=(r"진통{p}{g}(?:[0-9]+분|간격|규칙|주기)|자궁수축|가진통",),
        en=(r"contractions?|in labou?r|going into labou?r",),
    ),
    Concept(
        "anticoagulant",
        ko=(
            r"와파린|와르파린|쿠마딘|항응고제|혈전용해|혈액{p}(?:을)?{g}(?:묽게|희석)|"
            r"피(?!부){p}(?:를)?{g}(?:묽게|묽히|맑게)|"
            r"엘리퀴스|자렐토|릭시아나|프라닥사|아픽사반|리바록사반|에독사반|다비가트란|헤파린",
            r"아스피린{g}(?:먹는중|복용중|매일|먹고있|드시|드세요)|항혈소판|클로피도그렐|플라빅스",
        ),
        en=(
            (
                r"warfarin|coumadin|blood ?thinners?|anticoagula\w*|eliquis|apixaban|xarelto|rivaroxaban|"
                r"pradaxa|dabigatran"
            ),
            (
                r"edoxaban|heparin|lovenox|on thinners|clopidogrel|plavix|antiplatelet|(?:daily|on|take|"
                r"takes) aspirin"
            ),
        ),
    ),
    Concept(
        "diabetes",
        ko=(r"당뇨|인슐린|혈당약|당뇨약|메트포르민|혈당강하제",),
        en=(
            (
                r"diabet\w*|insulin|metformin|type (?:1|2|one|two) diabet\w*|blood sugar (?:meds|"
                r"medication|pills)"
            ),
        ),
    ),
    Concept(
        "low_sugar_self",
        ko=(
            (
                r"저혈당{p}{g}(?:같아|같애|같은데|인것같|온것같|인듯|온듯|왔|이에요|이예요|증세가)|"
                r"혈당{p}{g}(?:떨어|낮아|뚝)|당떨어"
            ),
        ),
        en=(
            (
                r"(?:low|dropping|crashing) (?:blood )?sugar|(?:blood )?sugar (?:is )?(?:low|dropping|"
                r"crashing)|hypoglyc\w*|going hypo|having a hypo"
            ),
        ),
    ),
    Concept(
        "tremor",
        ko=(r"(?:손|몸|다리|팔){p}{g}(?:떨|덜덜|부들|후들)|떨려|떨림|후들거",),
        en=(r"shak(?:y|ing|es)|trembl\w*|jittery|jitters",),
    ),
    Concept(
        "heart_disease",
        ko=(
            (
                r"심장병|심장질환|협심증|심근경색{g}(?:병력|이력|앓|수술|진단)|스텐트|심부전|관상동맥|"
                r"심장수술|판막|심장이안좋|부정맥{g}(?:약|진단)|우회술"
            ),
        ),
        en=(
            (
                r"heart (?:disease|condition|problems?|failure|surgery)|history of (?:heart|cardiac|angina|"
                r"mi\b)|cardiac (?:history|patient)"
            ),
            r"\bstents?\b|bypass|angina|had a heart attack|coronary|bad heart",
        ),
    ),
    Concept(
        "immunosuppressed",
        ko=(
            (
                r"항암|면역억제|장기이식|신장이식|간이식|골수이식|스테로이드{g}(?:장기|오래|복용)|"
                r"면역력{p}{g}(?:약|저하|떨어)|백혈구{g}(?:낮|떨어|수치)|호중구"
            ),
        ),
        en=(
            (
                r"chemo\w*|immuno\w*|transplant|on steroids|low white (?:blood )?(?:cell|count)|"
                r"neutropeni\w*|cancer treatment"
            ),
            r"weak(?:ened)? immune system",
        ),
    ),
    Concept(
        "severe_allergy",
        ko=(
            (
                r"(?:심한|중증|심각한|치명적인|심하게)(?:[가-힣]{0,6})?(?:알레르기|알러지)|(?:알레르기|"
                r"알러지){p}(?:가)?(?:심|심해|심한)"
            ),
            r"아나필락시스{g}(?:병력|있었|적이|겪|온적|경험)|에피펜{g}(?:있|가지|처방|들고)",
        ),
        en=(
            r"(?:severe|bad|serious|deadly|life[- ]threatening|anaphylactic|major) (?:\w+ )?allerg\w*",
            r"history of anaphylaxis|(?:carry|have|has) an? epi[- ]?pen",
        ),
    ),
    Concept(
        "known_allergy",
        ko=(r"(?:알레르기|알러지){p}(?:가)?(?:있|있는|있어)",),
        en=(
            r"allergic to|(?:have|has) (?:an? )?(?:\w+ )?allerg(?:y|ies)",
            r"\w+ allerg(?:y|ies)(?! season| symptoms?| tests?| medicines?| pills| meds| shots?)",
        ),
    ),
)
