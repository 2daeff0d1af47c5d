"""The calendar feed rings and is cheap to poll: a VALARM on every reminder, ETag and
Last-Modified with 304 answers, HEAD, and a webcal:// link with a copy button."""

from __future__ import annotations

import httpx
from bs4 import BeautifulSoup
from icalendar import Calendar

from tests.conftest import Persona, csrf_token, web_sign_in


def save_reminders(http: httpx.Client, **times: str) -> None:
    data = {"csrf_token": csrf_token(http, "/calendar/settings")}
    for kind, when in times.items():
        data[f"reminder_{kind}"] = "1"
        data[f"time_{kind}"] = when
    assert http.post("/calendar/settings", data=data).status_code == 303


def new_feed(http: httpx.Client) -> tuple[str, BeautifulSoup]:
    response = http.post(
        "/calendar/feed", data={"csrf_token": csrf_token(http, "/calendar/settings")}
    )
    page = BeautifulSoup(response.text, "html.parser")
    url = str(page.select_one("#feed-url")["value"])
    return url.removeprefix(str(http.base_url).rstrip("/")), page


def test_every_reminder_in_the_feed_has_an_alarm(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    save_reminders(http, morning_entry="08:15", evening_entry="20:30", weight="07:00")
    path, page = new_feed(http)
    webcal = page.select_one("#webcal-link")
    assert (
        webcal is not None
        and webcal["href"]
        == "webcal://" + str(page.select_one("#feed-url")["value"]).split("://", 1)[1]
    )
    copy = page.select_one('button[data-copy="#feed-url"]')
    assert copy is not None and copy.get_text() == "Copy address"
    calendar = Calendar.from_ical(http.get(path).content)
    reminders = [
        event for event in calendar.walk("VEVENT") if str(event["UID"]).startswith("reminder-")
    ]
    assert len(reminders) == 3
    for event in reminders:
        [alarm] = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])
        assert alarm.decoded("TRIGGER").total_seconds() == 0


def test_a_calendar_app_polling_an_unchanged_feed_gets_304(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    save_reminders(http, morning_entry="08:15")
    path, _ = new_feed(http)
    http.cookies.clear()  # a calendar app has no session
    first = http.get(path)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    assert first.headers["cache-control"] == "private, no-cache"
    assert http.get(path).content == first.content  # the same feed twice: the same bytes
    head = http.head(path)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == etag
    assert int(head.headers["content-length"]) == len(first.content)
    assert http.get(path, headers={"If-None-Match": etag}).status_code == 304
    assert http.get(path, headers={"If-Modified-Since": modified}).status_code == 304
    assert http.get(path, headers={"If-None-Match": '"other"'}).status_code == 200

    web_sign_in(http, patient)
    save_reminders(http, morning_entry="09:00")
    http.cookies.clear()
    changed = http.get(path, headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed.headers["etag"] != etag
    assert b"T090000" in changed.content
