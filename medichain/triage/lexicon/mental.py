"""Suicide and self-harm: thoughts, plans, means, timing and acts."""

from medichain.triage.lexicon.base import Concept

CONCEPTS: tuple[Concept, ...] = (
    Concept(
        "suicidal_thought",
        ko=(
            (
                r"죽고싶(?!을정도|을만큼|을만치|게|을지경)|자살|극단적(?:인)?선택|스스로목숨|"
                r"목숨{p}(?:을)?끊|삶{p}(?:을)?끝|"
                r"생{p}(?:을)?마감|인생{p}(?:을)?끝|세상{p}(?:을)?떠나고|살고싶지|살기싫|사라지고싶|"
                r"없어지고싶|죽어버리고|"
                r"죽어버릴|죽어야겠|죽을래|죽을거|죽을꺼|죽으려|자해|스스로해치|다끝내고싶|끝내고싶|"
                r"뛰어내리고싶|목을매|목매"
            ),
        ),
        en=(
            r"suicid\w*|kill(?:ing)? myself|(?:wants?|wanna|going|wish\w*|ready) (?:to |2 )?die",
            (
                r"wish\w* (?:that )?i (?:was|were) dead|wish\w* (?:i could die|i (?:wasn'?t|was not|"
                r"weren'?t) (?:alive|here|born))"
            ),
            (
                r"(?:end|ending|take|taking) (?:my|it) (?:own )?(?:life|all)|end it all|"
                r"don'?t want to (?:live|be alive|be here|exist|wake up)"
            ),
            (
                r"no reason to live|better off dead|not worth living|hurt(?:ing)? myself|"
                r"harm(?:ing)? myself|self[- ]harm\w*"
            ),
            r"cut(?:ting)? myself",
        ),
    ),
    Concept(
        "suicidal_plan",
        ko=(
            r"자살{g}(?:하려|할거|할것|할꺼|할계획|시도|방법을찾|준비)|죽으려(?:고|구|는)|"
            r"뛰어내리(?:려|러|겠|기로|ㄹ)|"
            r"뛰어내릴|목{p}(?:을)?매(?:려|러|달|겠|기로)|유서{g}(?:썼|써놨|써놓|쓰고|남기|남겼)|"
            r"번개탄{g}(?:피웠|피우|샀|사놨|준비|피워)|약{g}(?:모아|모았|사모|사놨)|끝낼거|끝낼것|"
            r"끝내려|오늘죽|마지막인사",
        ),
        en=(
            (
                r"(?:going|gonna|about|plan\w*|decided|ready) to (?:kill myself|end (?:it|my life)|jump|"
                r"hang myself|overdose|take (?:all )?(?:the|my) pills)"
            ),
            r"(?:suicide|goodbye) (?:note|letter)|wrote (?:a |my )?(?:note|letter|will)",
            r"(?:have|got|bought) (?:the |a )?(?:rope|pills|gun|knife|noose)\s+{w}(?:ready)?",
            r"(?:standing|sitting) on (?:the |a )?(?:bridge|roof|ledge|edge)|(?:jump|jumping) off",
            r"i will (?:kill myself|end it)|tonight is the night",
        ),
    ),
    Concept(
        "self_harm_act",
        ko=(
            r"(?:손목|팔|허벅지|다리|몸|배|목){p}{g}(?:그었|그어|긋고|그은|그엇|베었|그었어|자해)",
            r"자해{p}(?:를)?(?:했|해서|한|해버)",
            r"(?:커터칼|칼|면도칼|면도날){p}(?:로)?{g}(?:그었|그어|긋|베었)",
        ),
        en=(
            r"cut (?:my|his|her) (?:wrists?|arms?|thighs?)|slit (?:my|his|her) wrists?|self[- ]harmed",
            r"(?:hurt|cut|burn(?:ed|t)) (?:myself|himself|herself) (?:on purpose|deliberately|again)",
        ),
    ),
    Concept(
        "plan_marker",
        ko=(
            r"오늘|지금|이따|내일|밤에|곧|당장|계획|준비|유서|작별|마지막|방법|한강|다리위|옥상|번개탄|"
            r"칼|약을모|"
            r"수면제|농약|뛰어내|목을매|기차|철로|밧줄|끈으로|물건{p}{g}(?:나눠|정리|처분)",
        ),
        en=(
            (
                r"tonight|today|right now|\bnow\b|soon|this (?:evening|weekend)|plan\w*|note|letter|"
                r"goodbye|decided|ready"
            ),
            (
                r"method|pills|rope|noose|gun|knife|razor|bridge|jump\w*|ledge|roof|train|tracks|hang\w*|"
                r"overdose"
            ),
            (
                r"giv\w* away (?:his|her|my|their) (?:things|stuff|belongings|possessions)|said goodbye|"
                r"saying goodbye"
            ),
        ),
    ),
)
