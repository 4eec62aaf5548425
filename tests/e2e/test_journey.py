"""A person's journey through the web client, in Korean, against the real platform: sign up, chat with
streamed and cited answers, an emergency, the tools, the profile, feedback that reaches the admin
dashboard; script payloads stay text; the layout holds on a phone."""

import json
import re
import secrets
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, expect

from tests.e2e.browser import Server, Session, new_session

pytestmark = pytest.mark.e2e

PASSWORD = "correct-horse-9"
ANSWER_TIMEOUT_MS = 90_000
HANGUL = re.compile(r"[\uac00-\ud7a3]")
DISTANCE = re.compile(r"\d+(\.\d+)?\s*(km|m)\b")
SEVERITY_WORDS = {"병용 금기", "심각", "주의", "경미", "알려진 상호작용 없음"}
PAYLOAD = "<img src=x onerror=alert(1)><script>alert(2)</script>"
HOSTILE_ROOM = "0" * 36
# An answer as a compromised or buggy backend might send it: every field tries to run script.
HOSTILE_RESPONSE = {
    "answer": (
        "**굵게** <img src=x onerror=alert(3)> <script>alert(4)</script> [링크](javascript:alert(5)) "
        "![그림](javascript:alert(6)) [안전한 링크](https://example.org) 근거 [1]"
    ),
    "domain": "general",
    "confidence": 0.5,
    "triage": {"level": 5, "is_emergency": False, "red_flags": [], "action": "self_care"},
    "citations": [
        {
            "id": "c1",
            "title": "<b>제목</b>",
            "source": "<img src=x onerror=alert(7)>",
            "snippet": "<script>alert(8)</script>",
            "url": "javascript:alert(9)",
        }
    ],
    "interactions": [],
    "hospitals": [],
    "disclaimer": "<i>면책</i>",
    "cached": False,
    "latency_ms": 1.0,
    "clarifying_question": None,
}


def unique_user() -> str:
    return f"e2e{secrets.token_hex(4)}"


def signup(s: Session, user_id: str) -> None:
    s.open("/signup")
    page = s.page
    page.get_by_label("아이디", exact=True).fill(user_id)
    page.get_by_label("비밀번호", exact=True).fill(PASSWORD)
    page.get_by_label("비밀번호 확인").fill(PASSWORD)
    page.get_by_role("button", name="가입하기").click()
    expect(page.get_by_label("메시지 입력")).to_be_visible()


def login(s: Session, user_id: str, password: str = PASSWORD) -> None:
    page = s.page
    page.get_by_label("아이디 또는 이메일").fill(user_id)
    page.get_by_label("비밀번호", exact=True).fill(password)
    page.get_by_role("button", name="로그인").click()
    expect(page.get_by_role("button", name="로그아웃")).to_be_visible()


def logout(s: Session) -> None:
    s.page.get_by_role("button", name="로그아웃").click()
    expect(s.page.get_by_role("heading", name="로그인")).to_be_visible()


def ask(s: Session, text: str) -> Locator:
    """Send `text` with Enter and return its answer once final."""
    page = s.page
    before = page.locator("article.answer").count()
    box = page.get_by_label("메시지 입력")
    box.fill(text)
    box.press("Enter")
    answer = page.locator("article.answer").nth(before)
    expect(answer).to_have_attribute("data-phase", "done", timeout=ANSWER_TIMEOUT_MS)
    return answer


def phases_of(answer: Locator) -> list[str]:
    return answer.evaluate("(el) => window.__answerPhases.get(el) ?? []")


def open_nav(s: Session, name: str) -> None:
    s.page.get_by_role("navigation").get_by_role("link", name=name).click()


def assert_hangul_renders(s: Session) -> None:
    """Visible text is Korean, and a Hangul syllable is drawn as a glyph, not as a missing-glyph box."""
    assert HANGUL.search(s.page.locator("body").inner_text())
    drawn = s.page.evaluate(
        """() => {
            const family = getComputedStyle(document.body).fontFamily;
            const draw = (text) => {
                const canvas = Object.assign(document.createElement("canvas"), { width: 48, height: 48 });
                const ctx = canvas.getContext("2d");
                ctx.font = `36px ${family}`;
                ctx.fillText(text, 4, 38);
                return { image: canvas.toDataURL(), width: ctx.measureText(text).width };
            };
            return { hangul: draw("한"), missing: draw("\\u{10FFFD}"), blank: draw(" ") };
        }"""
    )
    assert drawn["hangul"]["width"] > 0
    assert drawn["hangul"]["image"] not in (drawn["missing"]["image"], drawn["blank"]["image"])


def chat_with_streaming_and_citation(s: Session) -> Locator:
    answer = ask(s, "두통이 사흘째 계속돼요. 어떻게 해야 하나요?")
    phases = phases_of(answer)
    assert phases[-1] == "done"
    assert {"typing", "streaming"} & set(phases[:-1]), f"the answer was not streamed: {phases}"
    expect(answer.locator(".answer-meta .domain")).to_be_visible()
    marker = answer.locator("button.cite").first
    marker.click()
    panel = answer.locator(".source-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("h3")).not_to_be_empty()
    s.page.keyboard.press("Escape")
    expect(panel).to_be_hidden()
    expect(marker).to_be_focused()
    return answer


def leave_feedback(answer: Locator) -> None:
    answer.locator("label", has_text="5점").click()
    answer.get_by_label("의견 (선택)").fill("E2E: 이해하기 쉬웠어요")
    answer.get_by_role("button", name="평가 보내기").click()
    expect(answer.get_by_text("소중한 의견 감사합니다.")).to_be_visible()


def emergency(s: Session) -> None:
    answer = ask(s, "가슴이 쥐어짜듯 아프고 식은땀이 나요")
    banner = answer.locator(".emergency-banner")
    expect(banner).to_be_visible()
    expect(banner.locator('a[href="tel:119"]')).to_be_visible()
    # The banner leads the answer.
    assert answer.locator(":scope > *").first.evaluate("(el) => el.classList.contains('emergency-banner')")


def manage_rooms(s: Session) -> None:
    page = s.page
    room = page.locator(".room.active")
    room.get_by_role("button", name=re.compile("이름 변경")).click()
    page.get_by_label("새 제목").fill("두통 상담")
    page.get_by_role("button", name="저장").click()
    expect(page.locator(".room.active .room-title")).to_have_text("두통 상담")
    page.get_by_label("대화 검색").fill("두통")
    expect(page.locator(".room-title", has_text="두통 상담")).to_be_visible()
    page.get_by_label("대화 검색").fill("")


def pick_drug(s: Session, name: str) -> None:
    box = s.page.get_by_role("combobox")
    box.fill(name)
    expect(s.page.get_by_role("option", name=re.compile(name)).first).to_be_visible()
    box.press("ArrowDown")
    box.press("Enter")
    expect(s.page.locator(".chip").last).to_be_visible()


def check_interactions(s: Session) -> None:
    open_nav(s, "약물 상호작용")
    pick_drug(s, "타이레놀")
    pick_drug(s, "와파린")
    s.page.get_by_role("button", name="상호작용 확인").click()
    pairs = s.page.locator(".result .interaction")
    expect(pairs.first).to_be_visible()
    assert pairs.first.locator(".badge").inner_text() in SEVERITY_WORDS


def find_hospitals(s: Session) -> None:
    open_nav(s, "병원 찾기")
    s.page.get_by_label("위치").select_option("busan")
    s.page.get_by_role("button", name="병원 찾기").click()
    hospitals = s.page.locator(".result .hospital")
    expect(hospitals.first).to_be_visible()
    assert DISTANCE.search(hospitals.first.locator(".distance").inner_text())


def edit_profile(s: Session, user_id: str) -> None:
    page = s.page
    open_nav(s, "내 정보")
    page.get_by_label("이름", exact=True).fill("홍길동")
    page.get_by_role("button", name="저장").first.click()
    expect(page.get_by_text("저장했습니다.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="JSON 파일 내려받기").click()
    exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
    assert user_id in json.dumps(exported, ensure_ascii=False)


def switch_language(s: Session) -> None:
    page = s.page
    page.get_by_role("button", name="English").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="Chat")).to_be_visible()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("button", name="한국어").click()
    expect(page.get_by_role("navigation").get_by_role("link", name="상담")).to_be_visible()


def admin_sees_feedback(s: Session, server: Server) -> None:
    logout(s)
    login(s, server.admin_user, server.admin_password)
    open_nav(s, "관리자")
    feedback = s.page.locator(".stat", has=s.page.locator("dt", has_text="피드백")).locator(".stat-value")
    expect(feedback).to_be_visible()
    assert int(re.sub(r"\D", "", feedback.inner_text()) or 0) >= 1
    expect(s.page.locator("figure.chart svg").first).to_be_visible()


def test_user_journey(browser: Any, server: Server) -> None:
    s = new_session(browser, server.base_url)
    user_id = unique_user()

    s.open("/signup")
    s.screenshot("signup")
    signup(s, user_id)
    expect(s.page.get_by_role("navigation").get_by_role("link", name="관리자")).to_have_count(0)
    logout(s)
    assert_hangul_renders(s)
    s.screenshot("login")
    login(s, user_id)

    answer = chat_with_streaming_and_citation(s)
    leave_feedback(answer)
    s.screenshot("chat")
    emergency(s)
    s.screenshot("chat-emergency")
    manage_rooms(s)

    check_interactions(s)
    s.screenshot("tools-interactions")
    find_hospitals(s)
    s.screenshot("tools-hospitals")
    edit_profile(s, user_id)
    s.screenshot("profile")
    switch_language(s)
    s.assert_clean()

    admin_sees_feedback(s, server)
    assert_hangul_renders(s)
    s.screenshot("admin")
    s.assert_clean()
    s.page.context.close()


def test_script_payload_shows_as_text(session: Session) -> None:
    signup(session, unique_user())
    answer = ask(session, PAYLOAD)
    log = session.page.locator(".message-list")
    expect(log.locator("article.question").last).to_have_text(PAYLOAD)
    expect(session.page.locator(".room-title").first).to_have_text(re.compile(re.escape(PAYLOAD[:20])))
    assert log.locator("img, script").count() == 0
    assert answer.locator("img, script").count() == 0
    session.assert_clean()


def test_hostile_answer_renders_as_text(session: Session) -> None:
    """Markdown renders, but HTML, script URLs and source fields from the server stay inert text."""
    now = "2025-01-01T00:00:00Z"
    room = {"id": HOSTILE_ROOM, "title": "<b>방</b>", "created_at": now, "updated_at": now}
    history = [
        {"id": 1, "role": "user", "content": "질문", "sequence": 1, "created_at": now, "response": None},
        {
            "id": 2,
            "role": "assistant",
            "content": HOSTILE_RESPONSE["answer"],
            "sequence": 1,
            "created_at": now,
            "response": HOSTILE_RESPONSE,
        },
    ]

    def fake(body: object) -> Any:
        return lambda route: route.fulfill(json=body) if route.request.method == "GET" else route.fallback()

    session.page.route(re.compile(r"/api/v1/chat/rooms(\?.*)?$"), fake([room]))
    session.page.route(re.compile(rf"/api/v1/chat/rooms/{HOSTILE_ROOM}/messages"), fake(history))
    signup(session, unique_user())
    session.page.locator(".room-link").first.click()

    answer = session.page.locator("article.answer")
    expect(answer.locator("strong")).to_have_text("굵게")
    expect(answer.get_by_text("<script>alert(4)</script>")).to_be_visible()
    expect(answer.locator('a[href="https://example.org"]')).to_have_attribute("rel", re.compile("noopener"))
    assert answer.locator("img, script, b, i").count() == 0
    assert session.page.locator('[href^="javascript"], [src^="javascript"], [onerror]').count() == 0
    answer.locator("button.cite").click()
    panel = answer.locator(".source-panel")
    expect(panel).to_contain_text("<b>제목</b>")
    expect(panel).to_contain_text("<script>alert(8)</script>")
    expect(panel.locator("a")).to_have_count(0)
    expect(session.page.locator(".room-title").first).to_have_text("<b>방</b>")
    session.screenshot("chat-hostile-answer")
    session.assert_clean()


def test_phone_layout(browser: Any, server: Server) -> None:
    s = new_session(browser, server.base_url, viewport={"width": 390, "height": 844}, is_mobile=True)
    signup(s, unique_user())
    expect(s.page.get_by_role("button", name="대화 목록")).to_be_visible()
    expect(s.page.locator(".disclaimer-bar")).to_be_visible()
    overflow = s.page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"the page scrolls sideways by {overflow}px"
    s.screenshot("phone-chat")
    s.page.get_by_role("button", name="대화 목록").click()
    expect(s.page.get_by_label("대화 검색")).to_be_visible()
    s.screenshot("phone-rooms")
    s.page.keyboard.press("Escape")
    expect(s.page.get_by_label("대화 검색")).to_be_hidden()
    s.assert_clean()
    s.page.context.close()
