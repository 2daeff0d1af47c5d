"""Learn in a real browser: from a red-flag alert to the article that explains it, then search."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import LiveServer, Persona
from tests.e2e.browser import PHONE, sign_in

pytestmark = pytest.mark.browser


def test_a_patient_follows_an_emergency_alert_to_the_red_flag_article(
    phone: Page, server: LiveServer, patient: Persona
) -> None:
    sign_in(phone, server, patient)
    phone.goto(f"{server.url}/entries/new")
    phone.get_by_label("Anything else?").fill("I choked on my tea")
    phone.get_by_role("button", name="Save entry").click()

    alert = phone.get_by_role("alert")
    expect(alert).to_contain_text("Get urgent medical care now")
    alert.get_by_role("link", name="What to do and why").click()

    expect(phone.get_by_role("heading", level=1)).to_have_text("Red flags and what to do")
    expect(phone.locator(".short-answer")).to_contain_text("Trouble swallowing, choking")
    expect(phone.locator(".review-status")).to_contain_text("Awaiting clinical review")
    expect(phone.locator(".article-disclaimer")).to_contain_text("not a")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_visitor_searches_the_articles(phone: Page, server: LiveServer) -> None:
    phone.goto(f"{server.url}/learn")
    phone.get_by_label("Search the articles").fill("second opinion")
    phone.get_by_role("button", name="Search").click()
    phone.get_by_role("link", name="Talking to your doctor, being taken seriously").click()
    second_opinion = phone.get_by_role("heading", name="Getting a second opinion", exact=True)
    expect(second_opinion).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
