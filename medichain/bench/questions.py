"""The questions the chat scenarios send: the seed's load-test question (unique per user and message,
as its script wrote it), and a realistic mix of Korean and English questions over every domain,
emergencies and follow-ups included. Deterministic for a given seed, so two runs send the same mix."""

import random

SEED_TEMPLATE = "사용자 {user}의 {n}번째 질문: 감기 증상에 대해 알려주세요"
"""The seed's script: `f"사용자 {user_id}의 {i+1}번째 질문: 감기 증상에 대해 알려주세요"`."""

MIX: tuple[str, ...] = (
    # general (ko)
    "감기 증상에 대해 알려주세요",
    "감기랑 독감 차이가 뭐예요?",
    "머리가 지끈지끈 아프고 속이 울렁거려요",
    "열이 38도인데 어떻게 해야 하나요",
    "목이 따끔거리고 침 삼킬 때 아파요",
    "요즘 잠을 잘 못 자요 불면증인가요",
    "배가 살살 아프고 설사를 해요",
    "허리가 뻐근하고 아파요 오래 앉아 있어서 그런가",
    "고혈압에 좋은 생활습관 알려줘",
    "당뇨 초기 증상이 뭐예요?",
    "기침이 2주째 안 멈춰요",
    "눈이 가렵고 콧물이 계속 나요 알레르기인가요",
    # drug (ko)
    "타이레놀이랑 이부프로펜 같이 먹어도 돼?",
    "타이레놀 하루 최대 몇 알까지 먹을 수 있어요?",
    "아스피린 부작용 알려주세요",
    "와파린 먹는데 진통제 먹어도 되나요",
    "감기약 먹고 술 마셔도 되나요",
    "판콜에이 성분이 뭐예요",
    # clinic (ko)
    "무릎이 아픈데 어느 과에 가야 하나요",
    "아이가 열이 나는데 소아과 가야 하나요",
    "피부에 두드러기가 났어요 무슨 과로 가요",
    "근처 이비인후과 알려줘",
    # emergency (ko)
    "가슴이 쥐어짜듯 아프고 식은땀이 나요",
    "갑자기 한쪽 팔다리에 힘이 빠지고 말이 어눌해요",
    "아기가 39도 열이 나고 축 처져 있어요",
    "벌에 쏘였는데 숨쉬기가 힘들어요",
    # follow-ups (ko)
    "그거 부작용은?",
    "그럼 언제 병원에 가야 해요?",
    # general (en)
    "What are the symptoms of a common cold?",
    "I have a sore throat and a mild fever, what should I do?",
    "How can I lower my blood pressure naturally?",
    "My stomach hurts after eating, is it reflux?",
    "How much sleep does an adult need?",
    "What is the difference between a cold and the flu?",
    # drug (en)
    "Can I take ibuprofen with acetaminophen?",
    "Is it safe to drink alcohol while taking Tylenol?",
    "What are the side effects of aspirin?",
    # clinic (en)
    "Which department should I visit for knee pain?",
    "Where can I see a dermatologist for a rash?",
    # emergency (en)
    "Crushing chest pain spreading to my left arm and I'm sweating",
    "My father's face is drooping and he can't speak clearly",
    # follow-up (en)
    "What about the side effects?",
)


WARM_UP = (
    "bench warm-up: 두통이 있어요",
    "bench warm-up: what is a fever?",
    "bench warm-up: 타이레놀 부작용",
)
"""Questions outside the scenarios' mix: the server loads its models and catalogs before measuring."""


def questions(user: int, count: int, *, seed: int = 7, seed_share: float = 0.25) -> list[str]:
    """`count` questions for one user: about `seed_share` of them the seed's own, the rest from `MIX`."""
    rng = random.Random(seed * 100_003 + user)
    return [
        SEED_TEMPLATE.format(user=user, n=n + 1) if rng.random() < seed_share else rng.choice(MIX)
        for n in range(count)
    ]
