"""The export, import and calendar pages over real HTTP, and the public calendar feed."""

from __future__ import annotations

import re

import httpx
from bs4 import BeautifulSoup
from icalendar import Calendar

from lems_companion.diary.io import to_csv
from tests.conftest import Persona, csrf_token, web_sign_in
from tests.interop.conftest import contents, records_of


def test_export_downloads_each_format(http: httpx.Client, diary: Persona) -> None:
    web_sign_in(http, diary)
    for format_, media in (
        ("fhir", "application/fhir+json"),
        ("phenopacket", "application/json"),
        ("csv", "text/csv"),
    ):
        response = http.get(f"/export/{format_}")
        assert response.status_code == 200
        assert response.headers["content-type"].startswith(media)
        assert "attachment" in response.headers["content-disposition"]
    assert http.get("/export/pdf").status_code == 422


def test_export_needs_a_signed_in_user(http: httpx.Client) -> None:
    assert http.get("/export/fhir").status_code == 303


def test_import_upload_adds_every_entry(
    http: httpx.Client, db_url: str, diary: Persona, stranger: Persona
) -> None:
    web_sign_in(http, diary)
    bundle = http.get("/export/fhir").text
    http.cookies.clear()
    web_sign_in(http, stranger)
    token = csrf_token(http, "/interop")
    response = http.post(
        "/import",
        data={"csrf_token": token, "format": "auto"},
        files={"file": ("diary.fhir.json", bundle, "application/fhir+json")},
    )
    assert response.status_code == 200, response.text
    page = BeautifulSoup(response.text, "html.parser")
    assert page.select_one("#import-done") is not None
    assert contents(db_url, stranger) == contents(db_url, diary)


def test_a_bad_upload_imports_nothing_and_lists_the_problems(
    http: httpx.Client, db_url: str, diary: Persona, stranger: Persona
) -> None:
    text = to_csv([record.entry for record in records_of(db_url, diary)])
    bad = text.replace("2026-03-03T07:15:00+00:00", "2026-03-99", 1)
    web_sign_in(http, stranger)
    response = http.post(
        "/import",
        data={"csrf_token": csrf_token(http, "/interop")},
        files={"file": ("diary.csv", bad, "text/csv")},
    )
    assert response.status_code == 422
    problems = BeautifulSoup(response.text, "html.parser").select("#import-problems li")
    assert any("line 5, column recorded_at" in item.get_text() for item in problems)
    assert contents(db_url, stranger) == []


def test_import_without_the_csrf_token_is_refused(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    response = http.post("/import", files={"file": ("x.csv", "id\n", "text/csv")})
    assert response.status_code == 403


def _feed_url(http: httpx.Client) -> str:
    response = http.post(
        "/calendar/feed", data={"csrf_token": csrf_token(http, "/calendar/settings")}
    )
    assert response.status_code == 200
    field = BeautifulSoup(response.text, "html.parser").select_one("#feed-url")
    assert field is not None
    url = str(field["value"])
    assert re.search(r"/calendar/[A-Za-z0-9_-]{40,}\.ics$", url)
    return url


def test_the_feed_has_chosen_reminders_and_screening_dates(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    saved = http.post(
        "/calendar/settings",
        data={
            "csrf_token": csrf_token(http, "/calendar/settings"),
            "reminder_morning_entry": "1",
            "time_morning_entry": "08:15",
            "time_weight": "07:30",
            "diagnosed_on": "2026-10-01",
            "delta_p_score": "3",
        },
    )
    assert saved.status_code == 303
    url = _feed_url(http)
    http.cookies.clear()
    feed = http.get(url.removeprefix(str(http.base_url).rstrip("/")))
    assert feed.status_code == 200
    assert feed.headers["content-type"].startswith("text/calendar")
    calendar = Calendar.from_ical(feed.content)
    events = calendar.walk("VEVENT")
    summaries = [str(event["SUMMARY"]) for event in events]
    assert "Diary: first movement after resting" in summaries
    assert "Weigh yourself" not in summaries  # not chosen
    reminder = next(e for e in events if str(e["SUMMARY"]).startswith("Diary"))
    assert reminder.decoded("DTSTART").strftime("%H:%M") == "08:15"
    assert str(reminder["DTSTART"].params["TZID"]) == "Europe/London"
    assert any(s.startswith("Screening due: CT of the chest") for s in summaries)
    assert len({str(event["UID"]) for event in events}) == len(events)


def test_a_revoked_or_unknown_feed_url_is_404(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    path = _feed_url(http).removeprefix(str(http.base_url).rstrip("/"))
    assert http.get(path).status_code == 200
    revoked = http.post(
        "/calendar/feed/revoke", data={"csrf_token": csrf_token(http, "/calendar/settings")}
    )
    assert revoked.status_code == 303
    assert http.get(path).status_code == 404
    assert http.get("/calendar/not-a-token.ics").status_code == 404


def test_a_new_feed_url_replaces_the_old_one(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    base = str(http.base_url).rstrip("/")
    first = _feed_url(http).removeprefix(base)
    second = _feed_url(http).removeprefix(base)
    assert http.get(first).status_code == 404
    assert http.get(second).status_code == 200


def test_bad_calendar_settings_are_shown_and_not_saved(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    response = http.post(
        "/calendar/settings",
        data={
            "csrf_token": csrf_token(http, "/calendar/settings"),
            "diagnosed_on": "2026-02-30",
            "delta_p_score": "9",
        },
    )
    assert response.status_code == 422
    errors = [
        li.get_text()
        for li in BeautifulSoup(response.text, "html.parser").select("#calendar-errors li")
    ]
    assert any("Diagnosis date" in e for e in errors) and any("DELTA-P" in e for e in errors)


def test_the_fhir_export_of_the_eight_week_demo_imports_although_it_is_over_1_mib(
    http: httpx.Client, db_url: str, patient: Persona, stranger: Persona
) -> None:
    from datetime import date

    from lems_companion.accounts.service import find_user
    from lems_companion.db.engine import session_scope
    from lems_companion.diary.demo import demo_entries
    from lems_companion.interop.service import store_entries

    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        store_entries(db, owner=owner, items=demo_entries(today=date(2026, 11, 1)))
    web_sign_in(http, patient)
    bundle = http.get("/export/fhir").content
    assert len(bundle) > 1024 * 1024
    http.cookies.clear()
    web_sign_in(http, stranger)
    response = http.post(
        "/import",
        data={"csrf_token": csrf_token(http, "/interop"), "format": "auto"},
        files={"file": ("demo.fhir.json", bundle, "application/fhir+json")},
    )
    assert response.status_code == 200, response.text[:300]
    assert len(contents(db_url, stranger)) == len(contents(db_url, patient))


def test_an_import_over_10_mib_is_refused_with_413(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    response = http.post(
        "/import",
        data={"csrf_token": csrf_token(http, "/interop")},
        files={"file": ("big.csv", b"x" * (11 * 1024 * 1024), "text/csv")},
    )
    assert response.status_code == 413
