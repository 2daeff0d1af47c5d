"""Learn in a real browser: from a red-flag alert to the article that explains it, then search.

Each test drives its own Playwright in a thread of its own. Importing the session-wide ``browser``
fixture from tests/test_browser.py would start a second sync Playwright in the main thread when
both modules run, which Playwright refuses ("Sync API inside the asyncio loop").
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import LiveServer, Persona
from tests.test_browser import CHROMIUM, CHROMIUM_ARGS, PHONE, sign_in

pytestmark = pytest.mark.browser
# Generous: a cold chromium start on a busy CI machine takes seconds.
THREAD_TIMEOUT_SECONDS = 120


def on_a_phone(steps: Callable[[Page], None]) -> None:
    """Run the steps in a phone-sized chromium page, in a thread of its own; re-raise failures."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("Debian chromium is not installed (apt-get install chromium)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")
    failures: list[BaseException] = []

    def run() -> None:
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
                )
                context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
                try:
                    steps(context.new_page())
                finally:
                    browser.close()
        except BaseException as error:  # handed to the test's thread below
            failures.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(THREAD_TIMEOUT_SECONDS)
    assert not thread.is_alive(), "the browser test did not finish in time"
    if failures:
        raise failures[0]


def test_a_patient_follows_an_emergency_alert_to_the_red_flag_article(
    server: LiveServer, patient: Persona
) -> None:
    def steps(phone: Page) -> None:
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

    on_a_phone(steps)


def test_a_visitor_searches_the_articles(server: LiveServer) -> None:
    def steps(phone: Page) -> None:
        phone.goto(f"{server.url}/learn")
        phone.get_by_label("Search the articles").fill("second opinion")
        phone.get_by_role("button", name="Search").click()
        phone.get_by_role("link", name="Talking to your doctor, being taken seriously").click()
        second_opinion = phone.get_by_role("heading", name="Getting a second opinion", exact=True)
        expect(second_opinion).to_be_visible()
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

    on_a_phone(steps)
