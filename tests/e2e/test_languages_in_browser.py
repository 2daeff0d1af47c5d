"""The app in the browser's language on a phone (Debian chromium via Playwright, 390x844): a
Spanish, French or German browser signs up, adds an entry that raises an emergency and reads the
alert in its language; every page says its language in <html lang> and passes axe-core."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect

from lems_companion.diary.flags import plain_name
from lems_companion.triage.advice import alert_headline
from tests.conftest import LiveServer
from tests.e2e.browser import PHONE
from tests.e2e.test_accessibility import violations

pytestmark = pytest.mark.browser

PASSWORD = "a long enough passphrase"
# language, the browser's locale, and a note in that language about choking on a drink.
LANGUAGES = [
    ("es", "es-ES", "Me atraganté con el té esta mañana."),
    ("fr", "fr-FR", "Je me suis étouffé en buvant mon thé ce matin."),
    ("de", "de-DE", "Ich habe mich heute Morgen beim Tee verschluckt."),
]


@pytest.fixture
def browser_language(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """Yield a phone whose browser asks for the test's language (Accept-Language and
    navigator.language); the audit may bypass the CSP to load axe."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        locale=request.param,
        timezone_id="Europe/Madrid",
        bypass_csp=True,
    )
    page = context.new_page()
    yield page
    context.close()


def in_language(page: Page, language: str) -> None:
    """Check the page says it is in the language, and axe-core finds no WCAG A/AA failure."""
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert violations(page) == []


@pytest.mark.parametrize(
    ("language", "browser_language", "note"),
    LANGUAGES,
    ids=[language for language, _, _ in LANGUAGES],
    indirect=["browser_language"],
)
def test_a_new_person_reads_the_emergency_alert_in_their_browsers_language(
    browser_language: Page, server: LiveServer, language: str, note: str
) -> None:
    page = browser_language
    page.goto(f"{server.url}/signup")
    in_language(page, language)
    page.locator("#email").fill("ana@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("#password_again").fill(PASSWORD)
    page.locator("form[action='/signup'] button[type=submit]").click()

    page.wait_for_url("**/login?welcome=1")
    in_language(page, language)
    page.locator("#email").fill("ana@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("form[action='/login'] button[type=submit]").click()
    page.wait_for_url("**/diary")
    in_language(page, language)

    page.goto(f"{server.url}/entries/new")
    in_language(page, language)
    page.locator("#note").fill(note)
    page.locator("label[for='symptom_choking-2']").click()
    page.locator("form.entry-form button[type=submit]").click()

    alert = page.get_by_role("alert")
    expect(alert).to_be_in_viewport()
    expect(alert).to_contain_text(alert_headline("emergency", language))
    expect(alert.locator(".alert-review")).to_be_visible()
    in_language(page, language)

    page.goto(f"{server.url}/diary")
    expect(page.locator(".flag-badge").first).to_contain_text(
        plain_name("choking", "emergency", language)
    )
    in_language(page, language)
