"""Modifiers that change what a finding means: onset, severity, duration, side, activity, resolution."""

from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "sudden",
        ko=(r"갑자기|돌연|느닷없이|별안간|방금부터|갑작스럽|급작스럽|순간|자고일어났더니|자고일어나니",),
        en=(
            (
                r"sudden\w*|all of a sudden|out of nowhere|abrupt\w*|came on (?:fast|quickly|all at once)|"
                r"out of the blue"
            ),
        ),
    ),
    Concept(
        "severe",
        ko=(
            (
                r"너무|엄청|심하게|심해|심한|극심|미치게|미칠(?:것|듯|거)|죽을(?:것|듯|거|만큼)|"
                r"참을수(?:가)?없|못참|찢어질|끊어질|"
                r"데굴데굴|개아파|겁나|졸라|존나|극도|굉장히|매우|몹시|미친듯|(?<![가-힣])넘(?=아프|아파|"
                r"힘들|답답|어지러|심)|쓰러질듯"
            ),
        ),
        en=(
            (
                r"severe\w*|excruciating|unbearable|terrible|horrible|agoni[sz]\w*|worst|really bad|so bad|"
                r"killing me|intense"
            ),
            (
                r"extreme\w*|10/10|ten out of ten|crippling|can'?t stand (?:it|the pain)|(?:really|very|"
                r"so) (?:bad|painful)"
            ),
        ),
    ),
    Concept(
        "mild",
        ko=(
            r"살짝|약간|조금(?!전|있다|후|뒤|씩|만더)|좀만|가볍게|가벼운|미약|경미|별로안|심하지(?:는|"
            r"도)?안|심하진안|혹만|"
            r"쪼끔|쬐끔|작은상처|종이에|스쳤|긁힌|까졌|멍만|미열",
        ),
        en=(
            (
                r"mild\w*|slight\w*|a (?:little|bit|tiny bit)(?! while| ago| earlier)|a little bit|minor|"
                r"small|tiny|just a\b|only a\b"
            ),
            r"not (?:too |that |very )?bad|paper cut|scrape\w*|scratch\w*|superficial",
        ),
    ),
    Concept(
        "resolved",
        ko=(
            r"(?<!숨이)(?<!숨)(?<!호흡이)(?<!심장이)(?<!맥박이)(?:멈췄|멈추었|멈쳤|멎었)|그쳤|나았|"
            r"좋아졌|나아졌|가라앉았|괜찮아졌|괜찮아요|괜찮고|괜찮은데|정상으로|돌아왔|깨어났|"
            r"정신{p}(?:을)?차렸|금방일어|멀쩡|지금은괜찮|다시{g}(?:숨|울|깨)|숨을다시|잠깐",
        ),
        en=(
            (
                r"(?<!breathing )stopped(?! breathing| moving| responding| kicking)|went away|resolved|"
                r"better now|fine now|feels? fine|(?:is|seems|seem|am|i'?m) (?:fine|ok|okay)\b|"
                r"ok(?:ay)? now"
            ),
            r"back to normal|came to|came round|came around|woke (?:back )?up|briefly",
            (
                r"for a (?:bit|moment|second|few seconds|minute)|(?:is|started|now) (?:coughing|crying|"
                r"breathing)(?: again| now)?"
            ),
        ),
    ),
    Concept(
        "habitual",
        ko=(
            (
                r"가끔|자주|종종|평소|항상|늘|때때로|때마다|할때마다|스트레스{g}(?:받으면|받을때|때문)|"
                r"예전부터|만성|습관"
            ),
        ),
        en=(
            (
                r"sometimes|occasionally|often|usually|every time|whenever|from time to time|"
                r"when (?:i'?m )?stressed|chronic\w*"
            ),
        ),
    ),
    Concept(
        "now_marker",
        ko=(r"지금|방금|현재|갑자기|당장|계속|아까부터",),
        en=(r"right now|\bnow\b|currently|suddenly|just now|at the moment",),
    ),
    Concept(
        "minor_complaint",
        ko=(r"뻐근|결리|결려|근육통|멍{p}(?:이)?(?:들|만)|타박|찰과상|접촉사고|가벼운사고",),
        en=(r"\bsore\b|stiff(?! neck)|bruis\w*|whiplash|fender[- ]bender|minor (?:accident|crash)",),
    ),
    Concept(
        "fever_resolved",
        ko=(
            (
                r"열{p}{g}(?:내렸|떨어졌|내려갔|내려|떨어지고|없어졌|잡혔)|(?:지금은|"
                r"이제는?)(?:열{p})?(?:내렸|떨어졌|내려갔)"
            ),
        ),
        en=(r"fever (?:has )?(?:gone|broke|broken|went down|came down|is down|is gone)",),
    ),
    Concept(
        "rest",
        ko=(
            r"가만히|쉬어도|쉬고있어도|누워(?:있어)?도|앉아(?:있어)?도|안정시|움직이지않아도|자다가|"
            r"잘때도|아무것도안해도|"
            r"가만있어도|쉬는데도|휴식중에도|누워(?:있을|잘)수{p}(?:가)?없|누우면{g}(?:숨|답답)|앉아야",
        ),
        en=(
            (
                r"at rest|while resting|sitting (?:still|down|up)|lying down|even (?:when|"
                r"while) (?:resting|sitting|lying)|doing nothing"
            ),
            r"without (?:doing anything|exertion|moving)|just sitting|in bed|woke (?:me )?up",
        ),
    ),
    Concept(
        "exertion",
        ko=(r"계단|운동|뛰|걸으면|걸을때|오르면|오를때|등산|달리|빨리걸|무리하면",),
        en=(
            (
                r"stairs|exercis\w*|running|walking|climb\w*|exertion|work ?out|jog\w*|hiking|(?:at|"
                r"after) the gym"
            ),
        ),
    ),
    Concept(
        "persistent",
        ko=(
            r"이틀|사흘|나흘|며칠|[0-9]+일째|[0-9]+일동안|[0-9]+일이상|하루종일|온종일|일주일|"
            r"[2-9]주째|몇번째|여러번|[3-9]번|"
            r"열번|계속|자꾸|끊임없이|어제부터|그제부터|며칠째",
        ),
        en=(
            (
                r"for (?:two|three|four|five|several|\d+|a few|many) (?:days|weeks)|all (?:day|night)|"
                r"since (?:yesterday|last night|\w+day)"
            ),
            r"keeps?|constant\w*|(?:\d+|several|many|multiple) times|non-?stop|for days",
        ),
    ),
    Concept(
        "half_body",
        ko=(r"한쪽|반쪽|편측|반신|한편|몸한쪽|한쪽만",),
        en=(
            (
                r"one side|one-sided|half (?:of )?(?:my|his|her|the) (?:body|face)|(?:left|"
                r"right) side of (?:my|his|her|the) (?:body|face)"
            ),
        ),
    ),
    Concept(
        "well_child",
        ko=(
            r"잘놀|잘먹|잘마시|잘논|놀기도잘|잘웃|활발|멀쩡|컨디션{p}(?:은)?(?:좋|괜찮)|"
            r"기운{p}(?:은)?있|평소처럼|잘뛰어|뛰어놀|"
            r"잘자|분유{p}(?:는|도)?잘|밥{p}(?:은|도)?잘|잘먹고",
        ),
        en=(
            (
                r"playing|eating (?:well|normally|fine|ok)|drinking (?:well|fine|normally|ok)|\bactive\b|"
                r"running around"
            ),
            (
                r"acting (?:normal|fine|like (?:himself|herself))|seems (?:fine|happy|ok|okay)|(?:is|"
                r"seems) happy|feeding (?:well|fine)"
            ),
        ),
    ),
    Concept(
        "walkable",
        ko=(
            (
                r"걸을수(?:는|도|가)?있|걸을만|걸어다닐수|걸어다녀|디딜수(?:는|도)?있|움직일수(?:는|도)?있|"
                r"움직여져요|걸을수있"
            ),
        ),
        en=(
            (
                r"can (?:still )?(?:walk|move it|put weight|bear weight)|able to (?:walk|move it)|"
                r"walk(?:ing)? (?:on it )?(?:fine|ok|okay)"
            ),
        ),
    ),
    Concept(
        "infectious_topic",
        ko=(
            (
                r"감염병|전염병|전염|감염|코로나|독감|인플루엔자|홍역|결핵|수두|메르스|엠폭스|원숭이두창|"
                r"말라리아|뎅기|격리|유행|접종|백신|쯔쯔가무시|수족구|노로"
            ),
        ),
        en=(
            (
                r"infectious|contagious|covid|coronavirus|influenza|\bflu\b|measles|tuberculosis|"
                r"chickenpox|mpox|outbreak|quarantine|vaccin\w*|epidemic"
            ),
        ),
    ),
)
