"""Browser fixtures shared by every browser test: one Debian chromium for the whole run.

Playwright's sync API allows one running instance per thread, so the browser is a single
session-scoped fixture here (loaded by conftest.py) rather than one per test module.
"""

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


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Yield Debian chromium driven by Playwright; skip (fail in CI) when it is not installed."""
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
    """Yield a page in a phone-sized, touch-screen browser window in Madrid's time zone."""
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, timezone_id="Europe/Madrid"
    )
    page = context.new_page()
    yield page
    context.close()


def sign_in(page: Page, server: LiveServer, persona: Persona) -> None:
    """Sign in through the login form and wait for the diary."""
    page.goto(f"{server.url}/login")
    page.get_by_label("E-mail").fill(persona.email)
    page.get_by_label("Password").fill(persona.password)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Your diary")).to_be_visible()


def go_to(page: Page, name: str) -> None:
    """Follow a link of the main menu, opening it first where a phone folds it behind a button."""
    menu = page.get_by_role("button", name="Menu")
    if menu.is_visible():
        menu.click()
    page.get_by_role("navigation", name="Main").get_by_role("link", name=name, exact=True).click()
