"""The diary as a phone app (Debian chromium via Playwright on a 390x844 touch screen): installable,
offline with a queue sent exactly once, a quick entry, guided home tests and dark mode."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect
from sqlalchemy import select

from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from tests.conftest import LiveServer, Persona, api_token
from tests.e2e.browser import PHONE, sign_in

pytestmark = pytest.mark.browser

# The most taps a typical entry (one symptom and a usual medicine) may take (issue 17).
MAX_TAPS = 6


@pytest.fixture
def phone_app(browser: Browser) -> Iterator[BrowserContext]:
    """Yield a phone-sized touch-screen browser that allows service workers."""
    context = browser.new_context(
        viewport=PHONE,
        is_mobile=True,
        has_touch=True,
        timezone_id="Europe/Madrid",
        service_workers="allow",
    )
    yield context
    context.close()


def controlled(page: Page, seconds: float = 30.0) -> None:
    """Wait until the service worker controls the page (it claims pages as it activates).

    Polled with `evaluate`, not `wait_for_function`: the latter compiles its text inside the
    page, which the app's Content Security Policy (no 'unsafe-eval') rightly refuses. On a busy
    machine Chromium now and then activates the worker without handing it the page that was
    already open; a person's next page is then controlled, so the test opens it once too."""
    script = "navigator.serviceWorker !== undefined && navigator.serviceWorker.controller !== null"
    for attempt, share in enumerate((0.4, 0.6)):
        deadline = time.monotonic() + seconds * share
        while not page.evaluate(script):
            if time.monotonic() > deadline:
                break
            page.wait_for_timeout(100)
        else:
            return
        if attempt == 0:
            page.evaluate("navigator.serviceWorker.ready.then(() => true)")
            page.reload()
    raise AssertionError("the service worker never took control of the page")


def stored_entries(db_url: str) -> list[Entry]:
    with session_scope(db_url) as db:
        rows = list(db.scalars(select(Entry)))
        for row in rows:
            _ = row.flags
        db.expunge_all()
        return rows


def add_history(server: LiveServer, persona: Persona, days: int = 3) -> None:
    """Record a few mornings of leg weakness and amifampridine 10 mg through the API."""
    with httpx.Client(base_url=server.url, timeout=20) as client:
        headers = api_token(client, persona)
        for day in range(days, 0, -1):
            when = datetime.now(UTC) - timedelta(days=day)
            response = client.post(
                "/api/v1/entries",
                headers=headers,
                json={
                    "recorded_at": when.isoformat(),
                    "context": "after_rest",
                    "symptoms": {"proximal_leg_weakness": 2, "fatigue": 1},
                    "medications": [{"name": "Amifampridine", "dose_mg": 10}],
                },
            )
            assert response.status_code == 201, response.text


def test_the_diary_can_be_installed_and_the_service_worker_controls_the_page(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    controlled(page)
    manifest_url = page.locator("link[rel=manifest]").get_attribute("href")
    manifest = page.evaluate("url => fetch(url).then(r => r.json())", manifest_url)
    assert manifest["display"] == "standalone" and manifest["start_url"].startswith("/")
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    scope = page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")
    assert scope == f"{server.url}/"
    assert page.evaluate("fetch('/favicon.ico').then(r => r.status)") == 200


def test_an_entry_saved_offline_alerts_at_once_and_is_stored_once_when_back_online(
    phone_app: BrowserContext, server: LiveServer, patient: Persona, db_url: str
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    controlled(page)

    phone_app.set_offline(True)
    page.reload()  # the form comes from the phone's own copy
    expect(page.get_by_role("heading", name="How are you now?")).to_be_visible()
    page.get_by_label("Anything else?").fill("I choked on water at lunch.")
    page.get_by_role("button", name="Save entry").click()

    alert = page.locator("#pocket-alerts").get_by_role("alert")
    expect(alert).to_contain_text("This may need urgent care now: call 999")
    expect(alert.get_by_role("link", name="Call 999")).to_be_visible()
    expect(alert).to_be_in_viewport()
    expect(page.locator("#waiting")).to_contain_text("waiting to send")
    assert stored_entries(db_url) == []

    phone_app.set_offline(False)
    expect(page.locator("#sent")).to_contain_text("Sent and saved in your diary")
    expect(page.locator("#sent .alert-emergency")).to_contain_text("Get urgent medical care now")
    expect(page.locator("#waiting")).to_be_hidden()
    page.reload()  # a second look sends nothing again
    expect(page.locator("#waiting")).to_be_hidden()
    rows = stored_entries(db_url)
    assert len(rows) == 1
    assert rows[0].note == "I choked on water at lunch."
    assert [flag.flag for flag in rows[0].flags] == ["choking"]
    assert rows[0].triage_level == "emergency"


def test_an_entry_with_one_symptom_and_a_usual_medicine_takes_at_most_six_taps(
    phone_app: BrowserContext, server: LiveServer, patient: Persona, db_url: str
) -> None:
    add_history(server, patient)
    page = phone_app.new_page()
    sign_in(page, server, patient)
    taps = 0

    def tap(locator: object) -> None:
        nonlocal taps
        taps += 1
        locator.tap()  # type: ignore[attr-defined]

    tap(page.get_by_role("link", name="New entry"))
    expect(page.get_by_role("heading", name="Your symptoms")).to_be_visible()
    tap(page.locator("label[for=symptom_proximal_leg_weakness-2]"))
    tap(page.get_by_text("Amifampridine 10 mg"))
    tap(page.get_by_role("button", name="Save entry"))

    expect(page.get_by_role("status")).to_have_text("Saved.")
    assert taps <= MAX_TAPS, f"{taps} taps"
    newest = max(stored_entries(db_url), key=lambda row: row.id)
    assert newest.symptoms == {"proximal_leg_weakness": 2}
    assert [(item["name"], item["dose_mg"]) for item in newest.medications] == [
        ("Amifampridine", 10.0)
    ]
    print(f"taps for an entry with one symptom and a usual medicine: {taps}")


def test_same_as_last_time_fills_in_the_previous_answers(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    add_history(server, patient, days=1)
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    page.get_by_role("button", name="Same as last time").tap()
    expect(page.locator("#symptom_proximal_leg_weakness-2")).to_be_checked()
    expect(page.locator("#symptom_fatigue-1")).to_be_checked()
    expect(page.get_by_label("Amifampridine 10 mg")).to_be_checked()


def test_symptoms_chosen_once_come_first_and_a_factor_is_one_tap_away(
    phone_app: BrowserContext, server: LiveServer, patient: Persona, db_url: str
) -> None:
    add_history(server, patient, days=1)  # learned: leg weakness and tiredness
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    page.get_by_role("link", name="Choose which symptoms come first").tap()
    page.get_by_text("Double vision", exact=True).tap()
    page.get_by_role("button", name="Save your symptoms").tap()
    expect(page.locator("#own-symptoms-saved")).to_be_visible()

    page.goto(f"{server.url}/entries/new")
    first = page.locator("section.symptom-group").first.locator(".severity legend")
    expect(first.nth(0)).to_contain_text("Double vision")
    expect(first.nth(1)).to_contain_text("Weak hips or thighs")
    page.locator("label[for=symptom_double_vision-1]").tap()
    page.get_by_text("Anything that may have made a difference?").tap()
    page.get_by_text("Heat: a hot day").tap()
    page.get_by_role("button", name="Save entry").tap()
    expect(page.get_by_role("status")).to_have_text("Saved.")
    expect(page.locator(".factor-list")).to_have_text("Heat")
    newest = max(stored_entries(db_url), key=lambda row: row.id)
    assert (newest.symptoms, newest.factors) == ({"double_vision": 1}, ["heat"])


def test_the_guided_sit_to_stand_records_five_repetition_times(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    page.get_by_text("Home tests", exact=True).tap()
    guide = page.locator("[data-guide=sit-to-stand]")
    guide.get_by_role("button", name="Start").tap()
    for _ in range(5):
        page.wait_for_timeout(250)
        guide.get_by_role("button", name="Stand").tap()
    expect(guide.get_by_role("status")).to_contain_text("five repetitions recorded")
    times = [float(page.get_by_label(f"Repetition {i}").input_value()) for i in range(1, 6)]
    assert all(0.1 <= value < 5 for value in times), times
    page.get_by_role("button", name="Save entry").tap()
    expect(page.get_by_text("Sit-to-stand, each repetition")).to_be_visible()


def test_enter_in_a_field_does_not_save_the_entry(
    phone_app: BrowserContext, server: LiveServer, patient: Persona, db_url: str
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    page.get_by_label("When").press("Enter")
    page.locator("#symptom_fatigue-1").press("Enter")
    page.wait_for_timeout(300)
    assert page.url.endswith("/entries/new")
    assert stored_entries(db_url) == []


def test_the_menu_fits_one_line_on_a_phone(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    header = page.locator(".site-header")
    assert header.bounding_box()["height"] < 70  # type: ignore[index]
    expect(page.get_by_role("link", name="Report")).to_be_hidden()
    menu.tap()
    expect(page.get_by_role("link", name="Report")).to_be_visible()


def test_dark_mode_follows_the_phone_setting(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/entries/new")
    background = "getComputedStyle(document.body).backgroundColor"
    ink = "getComputedStyle(document.body).color"
    light = (page.evaluate(background), page.evaluate(ink))
    page.emulate_media(color_scheme="dark")
    dark = (page.evaluate(background), page.evaluate(ink))
    assert light == ("rgb(255, 255, 255)", "rgb(27, 31, 36)")
    assert dark == ("rgb(18, 20, 23)", "rgb(232, 234, 237)")


def test_a_share_link_is_copied_with_one_tap(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    phone_app.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/sharing")
    page.get_by_role("button", name="Create link").tap()
    page.get_by_role("button", name="Copy link").tap()
    expect(page.locator("#copy-status")).to_have_text("Copied.")
    link = page.get_by_label("New share link").input_value()
    assert page.evaluate("navigator.clipboard.readText()") == link


def test_the_print_button_opens_the_print_dialog(
    phone_app: BrowserContext, server: LiveServer, patient: Persona
) -> None:
    page = phone_app.new_page()
    sign_in(page, server, patient)
    page.goto(f"{server.url}/appointment/print")
    page.evaluate("window.print = () => { window.printed = true; }")
    page.get_by_role("button", name="Print").tap()
    assert page.evaluate("window.printed") is True
