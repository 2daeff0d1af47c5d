"""The report and its PDF in Spanish, French and German, in a real browser on a phone (issue 20):
a signed-in person whose profile names the language reads the report in it, the page passes
axe-core, and the downloaded PDF's headings are in that language too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE
from tests.e2e.test_accessibility import violations
from tests.i18n.test_report_in_every_language import SHOWN, set_language
from tests.reports.pdf_outline import document_language, outline_titles
from tests.reports.test_report_pages import fill_diary

# The download link and the heading of the red-flag section, as each language says them.
DOWNLOAD = {"es": "Descargar PDF", "fr": "Télécharger le PDF", "de": "PDF herunterladen"}
RED_FLAGS = {"es": "Señales de alarma", "fr": "Signaux d'alerte", "de": "Warnzeichen"}

# SQLite only: the same pages are checked on PostgreSQL over HTTP (tests/i18n).
pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]


@pytest.fixture
def audited_phone(browser: Browser) -> Iterator[Page]:
    """Yield a phone-sized, touch-screen page that may load axe-core despite the app's CSP."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, bypass_csp=True, accept_downloads=True
    )
    page = context.new_page()
    yield page
    context.close()


def sign_in(page: Page, server: LiveServer, persona: Persona) -> None:
    """Sign in with the form (in the browser's English) and wait for the diary's address: the
    diary itself is then in the profile's language."""
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mail").fill(persona.email)
    page.get_by_label("Password").fill(persona.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/diary")


@pytest.mark.parametrize("language", ["es", "fr", "de"])
def test_the_report_and_its_pdf_are_in_the_profiles_language(
    audited_phone: Page, server: LiveServer, db_url: str, patient: Persona, language: str
) -> None:
    title, observations, morning = SHOWN[language]
    fill_diary(db_url, patient, flag=True)
    set_language(db_url, patient, language)
    sign_in(audited_phone, server, patient)
    audited_phone.goto(f"{server.url}/report")
    expect(audited_phone.locator("html")).to_have_attribute("lang", language)
    expect(audited_phone.get_by_role("heading", level=1)).to_have_text(title)
    expect(audited_phone.get_by_role("heading", name=observations)).to_be_visible()
    expect(audited_phone.locator("#observations .observations")).to_contain_text(morning)
    assert audited_phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert violations(audited_phone) == []

    with audited_phone.expect_download() as info:
        audited_phone.get_by_role("link", name=DOWNLOAD[language]).click()
    pdf = Path(info.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert document_language(pdf) == language
    assert {title, observations, RED_FLAGS[language]} <= set(outline_titles(pdf))


@pytest.mark.parametrize("path", ["/analysis", "/appointment", "/card", "/calendar/settings"])
def test_the_other_translated_pages_fit_a_phone_in_german(
    audited_phone: Page, server: LiveServer, db_url: str, patient: Persona, path: str
) -> None:
    # German has the longest words of the four: a page that fits in German fits in all.
    fill_diary(db_url, patient, flag=True)
    set_language(db_url, patient, "de")
    sign_in(audited_phone, server, patient)
    audited_phone.goto(f"{server.url}{path}")
    expect(audited_phone.locator("html")).to_have_attribute("lang", "de")
    assert audited_phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert violations(audited_phone) == []
