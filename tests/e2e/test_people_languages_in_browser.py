"""The home, sharing, account, tools and Learn pages in Spanish, French and German on a phone:
chosen with the switch at the foot of the page, <html lang> right, axe-core clean (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE, sign_in
from tests.e2e.test_accessibility import violations

pytestmark = pytest.mark.browser

# Per language: the switch's option, then each page's path and its <h1> in that language.
PAGES: dict[str, tuple[str, dict[str, str]]] = {
    "es": (
        "Español",
        {
            "/sharing": "Quién puede ver su diario",
            "/account": "Su cuenta",
            "/tools": "Herramientas clínicas",
            "/learn/red-flags": "Señales de alarma y qué hacer",
        },
    ),
    "fr": (
        "Français",
        {
            "/sharing": "Qui peut voir votre journal",
            "/account": "Votre compte",
            "/tools": "Outils cliniques",
            "/learn/red-flags": "Signaux d'alerte et que faire",
        },
    ),
    "de": (
        "Deutsch",
        {
            "/sharing": "Wer Ihr Tagebuch sehen kann",
            "/account": "Ihr Konto",
            "/tools": "Ärztliche Werkzeuge",
            "/learn/red-flags": "Warnzeichen und was zu tun ist",
        },
    ),
}


@pytest.fixture
def audited_phone(browser: Browser) -> Iterator[Page]:
    # Our CSP forbids injected scripts; the audit context may bypass it to load axe.
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", sorted(PAGES))
def test_a_patient_reads_their_pages_in_their_language(
    audited_phone: Page, server: LiveServer, patient: Persona, language: str
) -> None:
    option, headings = PAGES[language]
    sign_in(audited_phone, server, patient)
    audited_phone.goto(f"{server.url}/sharing")
    audited_phone.locator("#language-choice").select_option(label=option)
    audited_phone.locator(".language-switch button").click()
    for path, heading in headings.items():
        audited_phone.goto(f"{server.url}{path}")
        assert audited_phone.locator("html").get_attribute("lang") == language
        expect(audited_phone.get_by_role("heading", level=1)).to_have_text(heading)
        assert violations(audited_phone) == [], path
        assert audited_phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
