"""First-aid steps per red flag, in Korean and English (what to do while help is on the way).

Wording follows common public first-aid guidance (Korea Disease Control and Prevention Agency,
Korean Red Cross, NHS, AHA/ERC resuscitation guidelines) in plain, polite language.
"""

from __future__ import annotations

Steps = dict[str, tuple[str, ...]]

_CPR_KO = (
    "119에 전화해 스피커폰으로 켜 두고 상담원의 안내를 따르세요.",
    (
        "반응과 호흡이 없으면 바로 가슴 압박을 시작하세요. 가슴 한가운데를 분당 100~120회, 약 5cm 깊이로 세"
        "게 누르세요."
    ),
    "자동심장충격기(AED)가 있으면 즉시 가져와 전원을 켜고 음성 안내를 따르세요.",
    "구급대원이 도착하거나 환자가 움직일 때까지 압박을 멈추지 마세요.",
)
_CPR_EN = (
    "Call 119, put the phone on speaker and follow the dispatcher.",
    "If there is no response and no normal breathing, start chest compressions now: hard and fast in th"
    "e centre "
    "of the chest, 100–120 per minute, about 5 cm deep.",
    "Send someone for an AED (automated external defibrillator); switch it on and follow its voice prompts.",
    "Keep going until paramedics take over or the person starts to move.",
)
_RECOVERY_KO = "의식은 없지만 숨을 쉬면 옆으로 눕혀(회복 자세) 기도를 확보하고 계속 호흡을 살피세요."
_RECOVERY_EN = (
    "If they are unconscious but breathing, roll them onto their side (recovery position) and keep watching"
    " their breathing."
)
_NOTHING_BY_MOUTH_KO = "음식이나 물, 약을 주지 마세요."
_NOTHING_BY_MOUTH_EN = "Give nothing to eat or drink and no medicine."

KOREAN: Steps = {
    "cardiac_arrest": (*_CPR_KO, _RECOVERY_KO),
    "choking": (
        "기침을 할 수 있으면 계속 세게 기침하게 하세요.",
        (
            "기침이나 말을 못 하면 등을 손바닥으로 5번 세게 두드리고, 이어서 배 밀어내기(하임리히법)를 5번 "
            "하세요. 막힌 것이 나올 때까지 반복하세요."
        ),
        (
            "1세 미만 아기는 얼굴이 아래로 가게 팔에 엎드려 등을 5번 두드리고, 뒤집어 가슴 한가운데를 두 손"
            "가락으로 5번 누르세요. 배 밀어내기는 하지 마세요."
        ),
        "의식을 잃으면 바로 가슴 압박(심폐소생술)을 시작하세요.",
    ),
    "respiratory_failure": (
        "편하게 숨 쉴 수 있도록 상체를 세워 앉히고 꽉 끼는 옷을 느슨하게 풀어 주세요.",
        "처방받은 흡입기나 에피네프린 자동주사기가 있으면 바로 사용하세요.",
        "숨을 쉬지 않으면 바로 심폐소생술을 시작하세요.",
    ),
    "anaphylaxis": (
        "에피네프린 자동주사기(에피펜)가 있으면 바로 허벅지 바깥쪽에 놓으세요.",
        "숨쉬기가 괜찮으면 눕혀서 다리를 올리고, 숨이 차면 앉은 자세로 두세요. 갑자기 일으켜 세우지 마세요.",
        "5~15분이 지나도 나아지지 않고 주사기가 하나 더 있으면 한 번 더 놓으세요.",
        "벌침이 남아 있으면 카드 같은 것으로 긁어서 빼세요.",
    ),
    "status_epilepticus": (
        "몸을 붙잡거나 입에 아무것도 넣지 마세요.",
        "주변의 위험한 물건을 치우고 머리 밑에 부드러운 것을 받쳐 주세요.",
        "경련이 시작된 시간을 확인하세요. 멈추면 옆으로 눕혀 회복 자세를 취해 주세요.",
    ),
    "seizure": (
        "몸을 붙잡거나 입에 아무것도 넣지 마세요.",
        "주변의 위험한 물건을 치우고 머리 밑에 부드러운 것을 받쳐 주세요.",
        "경련 시간을 재고, 5분 넘게 계속되거나 다시 반복되면 바로 119에 알리세요.",
        "경련이 멈추면 옆으로 눕혀 기도를 확보하세요.",
    ),
    "major_trauma": (
        "목이나 허리를 다쳤을 수 있으니 꼭 필요한 경우가 아니면 움직이지 마세요.",
        "피가 나는 곳은 깨끗한 천으로 세게 눌러 지혈하세요.",
        "담요 등으로 몸을 따뜻하게 해 주세요. " + _NOTHING_BY_MOUTH_KO,
    ),
    "chest_pain_cardiac": (
        "하던 일을 멈추고 편한 자세로 앉아 쉬세요. 직접 운전해서 병원에 가지 마세요.",
        "아스피린은 119 상담원이 권할 때만 씹어 드세요(알레르기나 출혈 위험이 있으면 드시지 마세요).",
        "협심증으로 처방받은 니트로글리세린이 있으면 처방대로 사용하세요.",
        "의식을 잃고 숨을 쉬지 않으면 바로 심폐소생술을 시작하고 자동심장충격기(AED)를 찾으세요.",
    ),
    "aortic_dissection": (
        "움직이지 말고 편하게 누워 쉬세요. 직접 운전해서 병원에 가지 마세요.",
        "아스피린 같은 약을 임의로 드시지 마세요.",
    ),
    "stroke_signs": (
        "증상이 처음 나타난 시각을 꼭 기억하세요. 치료 방법을 정하는 데 중요합니다.",
        "삼키기 어려울 수 있으니 " + _NOTHING_BY_MOUTH_KO,
        "토하거나 의식이 흐려지면 옆으로 눕혀 주세요.",
        "증상이 좋아지는 것 같아도 기다리지 말고 바로 병원에 가야 합니다.",
    ),
    "thunderclap_headache": (
        "두통이 시작된 시각을 기억하세요.",
        "진통제를 먹고 참지 마시고, 직접 운전하지 마세요.",
        "토하거나 의식이 흐려지면 옆으로 눕혀 주세요.",
    ),
    "breathing_difficulty": (
        "상체를 세워 앉고 꽉 끼는 옷을 풀어 주세요.",
        "처방받은 흡입기가 있으면 사용하세요.",
        "입술이 파래지거나 말을 못 할 정도가 되면 바로 119에 다시 알리세요.",
    ),
    "severe_asthma": (
        "상체를 세워 앉고 천천히 숨 쉬도록 도와주세요.",
        "속효성 흡입기(예: 벤토린)를 30~60초 간격으로 한 번씩, 최대 10번까지 사용하세요.",
        "입술이 파래지거나 말을 못 하면 바로 119에 다시 알리세요.",
    ),
    "moderate_asthma": (
        "상체를 세워 앉고 처방받은 속효성 흡입기를 사용하세요.",
        "흡입기를 써도 나아지지 않거나 말하기 힘들어지면 바로 119에 전화하세요.",
    ),
    "severe_bleeding": (
        "깨끗한 천이나 거즈로 상처를 세게, 계속 누르세요. 확인하려고 떼지 마세요.",
        "피가 배어 나오면 천을 떼지 말고 위에 덧대어 더 세게 누르세요.",
        "팔다리라면 심장보다 높게 올려 주세요.",
    ),
    "bleeding": (
        "깨끗한 천이나 거즈로 상처를 10분 이상 세게 눌러 지혈하세요.",
        "피가 멈추지 않거나 어지러우면 바로 119에 전화하세요.",
    ),
    "gi_bleeding": (
        _NOTHING_BY_MOUTH_KO,
        "토할 때 기도가 막히지 않도록 옆으로 눕혀 주세요.",
        "어지러우면 일어나지 말고 누워 계세요.",
    ),
    "hemoptysis": (
        "피가 나오는 쪽으로 몸을 기울여 앉거나 눕고, 피를 삼키지 말고 뱉으세요.",
        "숨이 차거나 양이 많아지면 바로 119에 전화하세요.",
    ),
    "altered_consciousness": (
        "혼자 두지 말고 곁에서 지켜보세요.",
        _NOTHING_BY_MOUTH_KO,
        _RECOVERY_KO,
    ),
    "hypoglycemia": (
        "스스로 삼킬 수 있으면 바로 당분을 주세요: 주스나 콜라 반 컵, 사탕 3~4개, 설탕 한 숟가락.",
        "15분 뒤에도 나아지지 않으면 한 번 더 주세요.",
        "의식이 흐려 삼키지 못하면 입에 아무것도 넣지 말고 옆으로 눕혀 주세요.",
    ),
    "poisoning": (
        "억지로 토하게 하지 마세요.",
        "삼킨 물건이나 약의 용기·포장을 챙겨 119 상담원과 의료진에게 보여 주세요.",
        "119에서 권하지 않는 한 물이나 우유, 음식을 주지 마세요.",
        "피부나 눈에 묻었으면 흐르는 물로 15~20분 이상 씻어 내세요.",
    ),
    "overdose": (
        "억지로 토하게 하지 마세요.",
        "먹은 약의 이름과 양, 먹은 시각을 확인하고 약 포장을 챙기세요.",
        "혼자 두지 말고, 의식이 흐려지면 옆으로 눕혀 주세요.",
    ),
    "carbon_monoxide": (
        "모두 즉시 밖으로 나가 신선한 공기를 마시게 하세요.",
        "안전하면 창문을 열고 난로·보일러 등 원인을 끄되, 다시 안으로 들어가지 마세요.",
        "의식이 없으면 심폐소생술을 시작하세요.",
    ),
    "suicide": (
        "지금 혼자 있다면 믿을 수 있는 사람에게 연락해 곁에 있어 달라고 하세요.",
        "약, 날카로운 물건, 번개탄 같은 위험한 물건을 멀리 치우세요.",
        "자살예방상담전화 109는 24시간 언제든 연결됩니다. 이야기를 들어 줄 사람이 있습니다.",
    ),
    "self_harm_injury": (
        "피가 나는 곳을 깨끗한 천으로 세게 눌러 지혈하세요.",
        "혼자 있지 말고 곁에 있어 줄 사람을 부르세요.",
        "자살예방상담전화 109는 24시간 언제든 연결됩니다.",
    ),
    "head_injury": (
        "목이 아프거나 팔다리가 저리면 움직이지 마세요.",
        "토하거나 졸려 하거나 말이 이상해지는지 곁에서 계속 지켜보세요.",
        "술이나 수면제, 진통제를 먹지 마세요.",
    ),
    "pregnancy_emergency": (
        "왼쪽으로 누워 안정을 취하세요.",
        "산모수첩과 진료 기록을 챙기세요.",
        "진통·출혈 양상과 시작 시간을 기억해 의료진에게 알려 주세요.",
    ),
    "reduced_fetal_movement": (
        "기다리지 말고 바로 분만 병원이나 응급실에 연락하세요.",
        "왼쪽으로 누워 태동을 느껴 보되, 태동 횟수를 세며 집에서 기다리지는 마세요.",
        "산모수첩을 챙기세요.",
    ),
    "infant_fever": (
        "3개월 미만 아기의 발열은 의사 진료 전에 해열제를 임의로 먹이지 마세요.",
        "옷을 너무 두껍게 입히지 말고, 수유는 평소처럼 자주 해 주세요.",
        "체온을 잰 시각과 숫자를 기록해 가세요.",
    ),
    "infant_unwell": (
        "수유량, 소변 기저귀 수, 체온을 확인해 의료진에게 알려 주세요.",
        "아기를 따뜻하게 하되 너무 두껍게 싸지 마세요.",
    ),
    "child_high_fever": (
        "아이 나이와 체중에 맞는 해열제를 정해진 간격을 지켜 먹이세요.",
        "옷을 가볍게 입히고 물이나 수유를 조금씩 자주 주세요.",
        "경련, 처짐, 숨쉬기 힘듦이 보이면 바로 119에 전화하세요.",
    ),
    "child_unwell": (
        "물이나 경구수액을 조금씩 자주 주세요.",
        "소변 횟수와 체온을 확인해 의료진에게 알려 주세요.",
    ),
    "meningitis_signs": (
        "기다리지 말고 바로 응급실로 가세요.",
        "발진이 있으면 사진을 찍어 두고 퍼지는지 확인하세요.",
    ),
    "severe_burn": (
        "흐르는 시원한 물(얼음물 말고)로 20분 동안 식히세요.",
        "반지, 시계처럼 조이는 것은 붓기 전에 빼세요. 달라붙은 옷은 떼지 마세요.",
        "얼음, 된장, 치약, 기름을 바르지 마세요. 깨끗한 랩이나 천으로 느슨하게 덮어 주세요.",
        (
            "화학물질이면 가루는 털어 내고 많은 물로 오래 씻어 내세요. 연기를 마셨다면 바로 신선한 공기가 "
            "있는 곳으로 옮기세요."
        ),
    ),
    "burn": (
        "흐르는 시원한 물로 20분 동안 식히세요. 얼음은 대지 마세요.",
        "물집은 터뜨리지 말고 깨끗한 거즈로 덮어 두세요.",
    ),
    "chemical_eye": (
        "바로 흐르는 물로 눈을 15~20분 이상 씻어 내세요. 콘택트렌즈는 빼세요.",
        "눈을 비비지 마세요. 화학물질 용기를 챙기세요.",
    ),
    "electrocution": (
        "전원을 끄기 전에는 환자를 만지지 마세요.",
        "전원을 차단한 뒤 반응과 호흡을 확인하고, 숨을 쉬지 않으면 심폐소생술을 시작하세요.",
        "겉보기 화상이 작아도 몸속 손상이 있을 수 있으니 꼭 병원에 가세요.",
    ),
    "near_drowning": (
        "숨을 쉬지 않으면 바로 심폐소생술을 시작하세요.",
        "숨을 쉬면 옆으로 눕히고 젖은 옷을 벗겨 담요로 따뜻하게 해 주세요.",
        "괜찮아 보여도 몇 시간 뒤 숨이 찰 수 있으니 꼭 병원에 가세요.",
    ),
    "snake_bite": (
        "움직이지 말고 안정을 취하세요. 물린 부위는 움직이지 않게 고정하세요.",
        "반지나 시계는 붓기 전에 빼세요.",
        "상처를 칼로 째거나 입으로 빨거나, 꽉 묶거나 얼음을 대지 마세요.",
    ),
    "acute_abdomen": (
        _NOTHING_BY_MOUTH_KO,
        "진통제를 먹고 참지 마세요. 편한 자세로 누워 계세요.",
    ),
    "severe_abdominal_pain": (
        _NOTHING_BY_MOUTH_KO,
        "진통제를 먹고 참지 마세요.",
    ),
    "testicular_torsion": ("시간이 지날수록 고환을 잃을 위험이 커지니 기다리지 말고 바로 응급실에 가세요.",),
    "possible_fracture": (
        "다친 부위를 움직이지 말고, 부목이나 두꺼운 종이로 있는 모양 그대로 고정하세요.",
        "수건으로 감싼 얼음팩을 대고 부기를 줄이세요. 억지로 펴지 마세요.",
    ),
    "laceration": (
        "깨끗한 천으로 눌러 지혈하고 흐르는 물로 상처를 씻으세요.",
        "깨끗한 거즈로 덮고, 봉합은 다친 뒤 가능한 빨리(보통 6~8시간 안) 받으세요.",
    ),
    "dehydration": (
        "경구수액이나 물을 한 모금씩 자주 마시게 하세요.",
        "소변이 계속 안 나오거나 처지면 바로 응급실에 가세요.",
    ),
    "syncope": (
        "바로 눕히고 다리를 조금 올려 주세요.",
        "깨어난 뒤에도 바로 일어서지 말고 천천히 일어나세요.",
    ),
    "collapse": (*_CPR_KO[:2], _RECOVERY_KO),
    "allergic_reaction": (
        "원인으로 의심되는 음식이나 약을 중단하세요.",
        "숨이 차거나 입술·혀가 붓거나 어지러우면 바로 119에 전화하세요.",
    ),
}

ENGLISH: Steps = {
    "cardiac_arrest": (*_CPR_EN, _RECOVERY_EN),
    "choking": (
        "If they can cough, encourage them to keep coughing hard.",
        "If they cannot cough, speak or breathe: give 5 firm back blows between the shoulder blades, then 5 "
        "abdominal thrusts (Heimlich). Repeat until the object comes out.",
        "For a baby under 1: lay them face down along your forearm and give 5 back blows, then turn the"
        "m over "
        "and give 5 chest thrusts with two fingers. Never do abdominal thrusts on a baby.",
        "If they become unresponsive, start CPR.",
    ),
    "respiratory_failure": (
        "Help them sit upright and loosen tight clothing.",
        "Use their prescribed inhaler or adrenaline auto-injector if they have one.",
        "If they stop breathing, start CPR.",
    ),
    "anaphylaxis": (
        "Use an adrenaline (epinephrine) auto-injector such as an EpiPen now, into the outer thigh.",
        (
            "Lie them down with legs raised; if breathing is hard, let them sit up. Do not make them stand "
            "suddenly."
        ),
        "If there is no improvement after 5–15 minutes and a second injector is available, use it.",
        "If a bee sting is still in the skin, scrape it out with a card.",
    ),
    "status_epilepticus": (
        "Do not hold them down or put anything in their mouth.",
        "Move dangerous objects away and cushion their head.",
        "Note the time it started. When it stops, roll them into the recovery position.",
    ),
    "seizure": (
        "Do not hold them down or put anything in their mouth.",
        "Move dangerous objects away and cushion their head.",
        "Time it: if it lasts over 5 minutes or another one starts, tell 119 at once.",
        "When it stops, roll them onto their side.",
    ),
    "major_trauma": (
        "Do not move them unless they are in danger: the neck or back may be injured.",
        "Press firmly on any bleeding with a clean cloth.",
        "Keep them warm with a blanket. " + _NOTHING_BY_MOUTH_EN,
    ),
    "chest_pain_cardiac": (
        "Stop what you are doing and sit down to rest. Do not drive yourself to hospital.",
        (
            "Chew an aspirin only if the 119 dispatcher advises it (not if you are allergic or at risk of b"
            "leeding)."
        ),
        "If you have prescribed nitroglycerin (GTN) for angina, use it as prescribed.",
        "If they collapse and stop breathing, start CPR and send for an AED.",
    ),
    "aortic_dissection": (
        "Lie still and rest. Do not drive yourself to hospital.",
        "Do not take aspirin or other medicines on your own.",
    ),
    "stroke_signs": (
        "Note the exact time the symptoms started: it decides which treatment is possible.",
        "Swallowing may be affected: " + _NOTHING_BY_MOUTH_EN.lower(),
        "If they vomit or become drowsy, lay them on their side.",
        "Do not wait to see if it gets better: go now even if symptoms fade.",
    ),
    "thunderclap_headache": (
        "Note the time the headache began.",
        "Do not take painkillers and wait it out, and do not drive.",
        "If they vomit or become drowsy, lay them on their side.",
    ),
    "breathing_difficulty": (
        "Sit upright and loosen tight clothing.",
        "Use a prescribed inhaler if you have one.",
        "If lips turn blue or they cannot speak, tell 119 at once.",
    ),
    "severe_asthma": (
        "Sit upright and breathe slowly.",
        "Take one puff of the reliever inhaler (e.g. salbutamol) every 30–60 seconds, up to 10 puffs.",
        "If lips turn blue or they cannot speak, tell 119 at once.",
    ),
    "moderate_asthma": (
        "Sit upright and use the reliever inhaler as prescribed.",
        "If it does not help or talking becomes hard, call 119.",
    ),
    "severe_bleeding": (
        "Press hard and continuously on the wound with a clean cloth; do not lift it to check.",
        "If blood soaks through, add more cloth on top and press harder.",
        "Raise an injured arm or leg above the heart.",
    ),
    "bleeding": (
        "Press firmly on the wound with a clean cloth for at least 10 minutes.",
        "If it will not stop or they feel faint, call 119.",
    ),
    "gi_bleeding": (
        _NOTHING_BY_MOUTH_EN,
        "Lay them on their side so vomit cannot block the airway.",
        "If dizzy, stay lying down.",
    ),
    "hemoptysis": (
        "Sit or lie leaning towards the side that is bleeding; spit the blood out rather than swallowing it.",
        "If breathing gets harder or there is more blood, call 119.",
    ),
    "altered_consciousness": (
        "Stay with them; do not leave them alone.",
        _NOTHING_BY_MOUTH_EN,
        _RECOVERY_EN,
    ),
    "hypoglycemia": (
        (
            "If they can swallow, give sugar now: half a glass of juice or regular soda, 3–4 sweets or a sp"
            "oon of sugar."
        ),
        "If not better after 15 minutes, give the same again.",
        "If they are too drowsy to swallow, put nothing in their mouth and lay them on their side.",
    ),
    "poisoning": (
        "Do not make them vomit.",
        "Keep the container or packaging of what was swallowed and show it to 119 and the doctors.",
        "Give nothing to eat or drink unless 119 tells you to.",
        "If it is on the skin or in the eyes, rinse with running water for 15–20 minutes.",
    ),
    "overdose": (
        "Do not make them vomit.",
        "Find out which medicine, how much and when, and keep the packets.",
        "Stay with them; if they become drowsy, lay them on their side.",
    ),
    "carbon_monoxide": (
        "Get everyone out into fresh air now.",
        "If it is safe, open windows and turn off the heater or boiler, but do not go back inside.",
        "If someone is not breathing, start CPR.",
    ),
    "suicide": (
        "If you are alone, contact someone you trust and ask them to stay with you.",
        "Put medicines, sharp objects and other means out of reach.",
        "The suicide prevention line 109 answers 24 hours a day. Someone will listen.",
    ),
    "self_harm_injury": (
        "Press firmly on any bleeding with a clean cloth.",
        "Do not stay alone; call someone to be with you.",
        "The suicide prevention line 109 answers 24 hours a day.",
    ),
    "head_injury": (
        "If the neck hurts or limbs tingle, do not move.",
        "Watch closely for vomiting, drowsiness or confused speech.",
        "Do not take alcohol, sleeping pills or painkillers.",
    ),
    "pregnancy_emergency": (
        "Lie down on your left side and rest.",
        "Take your maternity notes with you.",
        "Note when the bleeding, pain or leaking started and tell the staff.",
    ),
    "reduced_fetal_movement": (
        "Do not wait: contact your maternity unit or an emergency room now.",
        "Lie on your left side and pay attention to movements, but do not stay at home counting kicks.",
        "Take your maternity notes with you.",
    ),
    "infant_fever": (
        "Do not give fever medicine to a baby under 3 months unless a doctor says so.",
        "Do not over-wrap the baby; keep feeding as often as usual.",
        "Write down the temperature and when you measured it.",
    ),
    "infant_unwell": (
        "Note how much the baby has fed, how many wet nappies and the temperature.",
        "Keep the baby warm but not over-wrapped.",
    ),
    "child_high_fever": (
        "Give a fever medicine that matches the child's age and weight, keeping to the dosing interval.",
        "Dress them lightly and offer fluids or feeds little and often.",
        "If they have a seizure, become floppy or struggle to breathe, call 119.",
    ),
    "child_unwell": (
        "Offer small, frequent sips of water or oral rehydration solution.",
        "Note how often they pass urine and their temperature.",
    ),
    "meningitis_signs": (
        "Do not wait: go to an emergency room now.",
        "If there is a rash, photograph it and watch whether it spreads.",
    ),
    "severe_burn": (
        "Cool the burn under cool running water (not ice) for 20 minutes.",
        "Remove rings and watches before swelling starts; do not pull off clothing stuck to the skin.",
        "Do not apply ice, butter, toothpaste or oil. Cover loosely with cling film or a clean cloth.",
        "For chemicals, brush off powder and rinse with plenty of water. After smoke, move to fresh air.",
    ),
    "burn": (
        "Cool under cool running water for 20 minutes; no ice.",
        "Do not pop blisters; cover with a clean dressing.",
    ),
    "chemical_eye": (
        "Rinse the eye under running water for at least 15–20 minutes; remove contact lenses.",
        "Do not rub the eye. Keep the chemical's container.",
    ),
    "electrocution": (
        "Do not touch them until the power is off.",
        "Once it is safe, check response and breathing; if they are not breathing, start CPR.",
        "Even a small burn can hide internal injury: they must be seen in hospital.",
    ),
    "near_drowning": (
        "If they are not breathing, start CPR now.",
        "If they are breathing, lay them on their side, remove wet clothes and keep them warm.",
        "Breathing problems can appear hours later, so they must be checked in hospital.",
    ),
    "snake_bite": (
        "Keep still and calm; keep the bitten limb still.",
        "Remove rings and watches before swelling starts.",
        "Do not cut or suck the wound, apply a tight tourniquet or put ice on it.",
    ),
    "acute_abdomen": (
        _NOTHING_BY_MOUTH_EN,
        "Do not take painkillers and wait; lie in the most comfortable position.",
    ),
    "severe_abdominal_pain": (_NOTHING_BY_MOUTH_EN, "Do not take painkillers and wait."),
    "testicular_torsion": (
        "Time matters: the testicle can be lost within hours, so go to an emergency room now.",
    ),
    "possible_fracture": (
        "Keep the injured part still and support it in the position you found it, with a splint if you can.",
        "Apply an ice pack wrapped in a towel. Do not try to straighten it.",
    ),
    "laceration": (
        "Press with a clean cloth to stop the bleeding and rinse the wound under running water.",
        "Cover it with a clean dressing; stitches are best done within about 6–8 hours.",
    ),
    "dehydration": (
        "Give small, frequent sips of oral rehydration solution or water.",
        "If they still pass no urine or become drowsy, go to an emergency room.",
    ),
    "syncope": (
        "Lay them flat and raise their legs a little.",
        "After they come round, let them get up slowly.",
    ),
    "collapse": (*_CPR_EN[:2], _RECOVERY_EN),
    "allergic_reaction": (
        "Stop the food or medicine you suspect.",
        "If breathing gets hard, lips or tongue swell, or they feel faint, call 119.",
    ),
}

# Codes that share another code's advice.
ALIASES: dict[str, str] = {
    "major_trauma_shock": "major_trauma",
    "suicidal_intent": "suicide",
    "suicidal_thoughts": "suicide",
    "chest_pain": "chest_pain_cardiac",
    "hemorrhage": "severe_bleeding",
}
