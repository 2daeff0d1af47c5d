"""Appointment preparation in a real browser on a phone-sized screen."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import LiveServer, Persona
from tests.reports.test_report_pages import fill_diary
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, PHONE, sign_in

# SQLite only: the pages are checked on PostgreSQL over HTTP (test_report_pages.py), and a single
# database keeps this module's browser closed before tests/test_browser.py opens its own.
pytestmark = [
    pytest.mark.browser,
    pytest.mark.parametrize("database_url", ["sqlite"], indirect=True),
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    # Module scope, not session: Playwright's sync API allows one running instance per thread,
    # and tests/test_browser.py starts its own for the session after this module has finished.
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, timezone_id="Europe/Madrid"
    )
    page = context.new_page()
    yield page
    context.close()


def test_a_patient_prepares_for_an_appointment_on_a_phone(
    phone: Page,
    server: LiveServer,
    db_url: str,
    patient: Persona,
) -> None:
    fill_diary(db_url, patient)
    sign_in(phone, server, patient)
    phone.get_by_role("link", name="Appointment").click()
    expect(phone.get_by_role("heading", name="Prepare for your appointment")).to_be_visible()
    expect(phone.locator(".summary")).to_contain_text("usually worst in the morning")
    expect(phone.get_by_role("heading", name="Tests to ask about")).to_be_visible()
    expect(phone.locator(".request").first).to_contain_text("autoimmune neuromuscular")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    phone.get_by_role("link", name="Printable version").click()
    expect(phone.get_by_role("heading", name="For my appointment")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.emulate_media(media="print")
    expect(phone.locator(".no-print")).to_be_hidden()


def test_the_report_page_and_a_test_record_work_on_a_phone(
    phone: Page,
    server: LiveServer,
    db_url: str,
    patient: Persona,
) -> None:
    fill_diary(db_url, patient)
    sign_in(phone, server, patient)
    phone.get_by_role("link", name="Report").click()
    expect(phone.locator("#chart-time-of-day img")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name="Your tests").click()
    phone.get_by_label("Test").select_option("vgcc_antibodies")
    phone.get_by_label("Not done yet (to discuss)").check()
    phone.get_by_role("button", name="Save test").click()
    expect(phone.get_by_role("status")).to_have_text("Saved.")
    expect(phone.locator(".test-item").first).to_contain_text("to discuss")
