"""Accessibility: the main pages pass axe-core's WCAG 2 A/AA checks and work from the keyboard."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE, sign_in

AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
# WCAG 2.0/2.1 levels A and AA, as axe-core tags them.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

pytestmark = pytest.mark.browser


@pytest.fixture
def audited(browser: Browser) -> Iterator[Page]:
    # Our CSP forbids injected scripts; the audit context may bypass it to load axe.
    context = browser.new_context(viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


def violations(page: Page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    found = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})"
        ".then(result => result.violations.map(v => v.id + ': ' + v.help + ' (' + v.nodes.length + ')'))",
        WCAG_TAGS,
    )
    return list(found)


@pytest.mark.parametrize("path", ["/diary", "/entries/new", "/red-flags", "/sharing", "/password"])
def test_signed_in_pages_have_no_wcag_violations(
    audited: Page, server: LiveServer, patient: Persona, path: str
) -> None:
    sign_in(audited, server, patient)
    audited.goto(f"{server.url}{path}")
    assert violations(audited) == []


def test_the_sign_in_and_sign_up_pages_have_no_wcag_violations(
    audited: Page, server: LiveServer, patient: Persona
) -> None:
    for path in ("/login", "/signup"):
        audited.goto(f"{server.url}{path}")
        assert violations(audited) == [], path


def test_an_entry_can_be_recorded_with_the_keyboard_alone(
    audited: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(audited, server, patient)
    audited.goto(f"{server.url}/entries/new")
    audited.focus("#symptom_fatigue-0")
    audited.keyboard.press("ArrowRight")  # None -> Mild, as in any radio group
    audited.keyboard.press("ArrowRight")  # Mild -> Moderate
    expect(audited.locator("#symptom_fatigue-2")).to_be_checked()
    audited.focus("#note")
    audited.keyboard.type("Typed without a mouse.")
    audited.get_by_role("button", name="Save entry").focus()
    audited.keyboard.press("Enter")
    expect(audited.locator(".chips")).to_contain_text("Fatigue: moderate")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_entry_form_with_every_section_open_has_no_wcag_violations(
    audited: Page, server: LiveServer, patient: Persona, scheme: str
) -> None:
    sign_in(audited, server, patient)
    audited.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    audited.goto(f"{server.url}/entries/new")
    audited.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    audited.get_by_role("button", name="Menu").click()
    expect(audited.locator("[data-guide=sit-to-stand]")).to_be_visible()
    assert violations(audited) == []


def test_an_entry_waiting_to_send_and_its_alert_have_no_wcag_violations(
    audited: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(audited, server, patient)
    audited.goto(f"{server.url}/entries/new")
    audited.context.set_offline(True)
    audited.get_by_label("Anything else?").fill("Breathless lying flat last night.")
    audited.get_by_role("button", name="Save entry").click()
    expect(audited.locator("#waiting")).to_be_visible()
    for scheme in ("light", "dark"):
        audited.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        assert violations(audited) == [], scheme
    audited.context.set_offline(False)
