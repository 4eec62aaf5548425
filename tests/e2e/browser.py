"""Browser helpers for the end-to-end tests: a session that records console errors and dialogs,
screenshots, and the script that records how each answer streamed."""

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
SEOUL = {"latitude": 37.5665, "longitude": 126.9780}
# The map probes OpenStreetMap's tile server; this machine is offline, so those loads fail by design.
EXPECTED_OFFLINE = re.compile(r"^https://tile\.openstreetmap\.org/")
# Records the phases each answer goes through, so a test can tell a streamed answer from one that
# arrived whole: MutationObserver sees every attribute change React commits.
PHASE_RECORDER = """
window.__answerPhases = new WeakMap();
const record = (el) => {
  const phases = window.__answerPhases.get(el) ?? [];
  const phase = el.dataset.phase;
  if (phases.at(-1) !== phase) phases.push(phase);
  window.__answerPhases.set(el, phases);
};
new MutationObserver((mutations) => {
  for (const m of mutations) {
    if (m.type === "attributes" && m.target.matches("article.answer")) record(m.target);
    for (const node of m.addedNodes) {
      if (node.nodeType !== 1) continue;
      if (node.matches("article.answer")) record(node);
      node.querySelectorAll("article.answer").forEach(record);
    }
  }
}).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-phase"] });
"""


@dataclass(frozen=True)
class Server:
    """A running MediChain: where it answers and the admin's credentials."""

    base_url: str
    admin_user: str
    admin_password: str


@dataclass
class Session:
    """A browser page plus everything it reported that a clean run never shows."""

    page: Any
    base_url: str
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def open(self, route: str = "/") -> None:
        self.page.goto(f"{self.base_url}/#{route}" if route != "/" else f"{self.base_url}/")

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        # Only <main> scrolls: show each page from its top.
        self.page.evaluate("document.querySelector('main')?.scrollTo(0, 0)")
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert self.dialogs == [], f"dialogs opened: {self.dialogs}"
        assert self.console_errors == [], "console errors:\n" + "\n".join(self.console_errors)


def new_session(browser: Any, base_url: str, **context_options: Any) -> Session:
    """A fresh context (own storage, Korean locale, geolocation granted at Seoul City Hall)."""
    options = {
        "locale": "ko-KR",
        "viewport": {"width": 1280, "height": 900},
        "permissions": ["geolocation"],
        "geolocation": SEOUL,
        **context_options,
    }
    context = browser.new_context(**options)
    context.add_init_script(PHASE_RECORDER)
    page = context.new_page()
    page.set_default_timeout(15_000)
    session = Session(page=page, base_url=base_url)

    def on_console(message: Any) -> None:
        if message.type == "error" and not EXPECTED_OFFLINE.match(message.location.get("url", "")):
            session.console_errors.append(f"{message.text} ({message.location.get('url')})")

    def on_dialog(dialog: Any) -> None:
        session.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("console", on_console)
    page.on("pageerror", lambda error: session.console_errors.append(f"page error: {error}"))
    page.on("dialog", on_dialog)
    return session
