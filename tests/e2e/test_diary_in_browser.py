"""The main flow in a real browser (Debian chromium via Playwright) on a phone-sized screen."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE, go_to, sign_in

pytestmark = pytest.mark.browser


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
    go_to(phone, "Diary")
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
    expect(summary).to_contain_text("Body weight: Enter a weight from 20 kg to 400 kg.")


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
