"""The main flow in a real browser (Debian chromium via Playwright) on a phone-sized screen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

from tests.conftest import LiveServer, Persona

CHROMIUM = Path("/usr/bin/chromium")
# Flags for a sandboxed, offline machine: no GPU, no background calls to Google's services.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 390, "height": 844}

pytestmark = pytest.mark.browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
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


def sign_in(page: Page, server: LiveServer, persona: Persona) -> None:
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mail").fill(persona.email)
    page.get_by_label("Password").fill(persona.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your diary")).to_be_visible()


def test_a_patient_signs_in_adds_an_entry_and_finds_it_in_the_timeline(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.get_by_role("link", name="Add an entry").click()
    phone.get_by_label("First movement after resting").check()
    phone.locator("label[for=symptom_proximal_leg_weakness-3]").click()
    phone.locator("label[for=symptom_dry_mouth-1]").click()
    phone.get_by_label("Anything else?").fill("Could not get up from the low sofa without help.")
    phone.get_by_role("button", name="Save entry").click()

    expect(phone.get_by_role("status")).to_have_text("Saved.")
    expect(phone.locator(".chips")).to_contain_text("Hip and thigh weakness: severe")
    phone.get_by_role("link", name="Diary", exact=True).click()
    item = phone.locator(".timeline-item").first
    expect(item).to_contain_text("Hip and thigh weakness: severe")
    expect(item).to_contain_text("Could not get up from the low sofa")
    expect(item).to_contain_text("First movement after resting")


def test_the_form_uses_the_browsers_time_zone(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.goto(f"{server.url}/entries/new")
    assert phone.locator("input[name=tz]").input_value() == "Europe/Madrid"


def test_the_entry_form_fits_a_phone_screen(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.goto(f"{server.url}/entries/new")
    page_width = phone.evaluate("document.documentElement.scrollWidth")
    assert page_width <= PHONE["width"], "the form scrolls sideways on a phone"
    expect(phone.get_by_role("button", name="Save entry")).to_be_in_viewport()


def test_a_mistake_is_announced_and_focused(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.goto(f"{server.url}/entries/new")
    phone.get_by_text("Weight", exact=True).click()
    phone.get_by_label("Body weight").fill("2000")
    phone.get_by_role("button", name="Save entry").click()
    summary = phone.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("less than or equal to 400")


def test_an_emergency_alert_is_the_first_thing_seen_after_saving(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.goto(f"{server.url}/entries/new")
    phone.get_by_label("Anything else?").fill("Could not catch my breath lying down last night.")
    phone.get_by_role("button", name="Save entry").click()
    alert = phone.get_by_role("alert")
    expect(alert).to_be_in_viewport()
    expect(alert).to_contain_text("Get urgent medical care now")
    expect(alert.get_by_role("link", name="Call 999")).to_be_visible()
