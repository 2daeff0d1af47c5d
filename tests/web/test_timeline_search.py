"""Finding entries in the timeline: words, a symptom, red flags and dates."""

from __future__ import annotations

import httpx
from bs4 import BeautifulSoup

from tests.conftest import Persona, api_token, web_sign_in

ENTRIES = [
    ("2026-03-01T08:00:00+00:00", {"fatigue": 2}, "Stairs hard 50% of the way."),
    ("2026-03-02T08:00:00+00:00", {"dry_mouth": 1}, "Choked on water at lunch."),
    ("2026-03-03T08:00:00+00:00", {"fatigue": 1}, "A good day in the garden."),
]


def notes(http: httpx.Client, query: str) -> list[str]:
    html = BeautifulSoup(http.get(f"/diary?{query}").text, "html.parser")
    return [item.get_text().strip() for item in html.select(".timeline .note-excerpt")]


def diary(http: httpx.Client, patient: Persona) -> None:
    headers = api_token(http, patient)
    for when, symptoms, note in ENTRIES:
        http.post(
            "/api/v1/entries",
            headers=headers,
            json={"recorded_at": when, "symptoms": symptoms, "note": note},
        ).raise_for_status()
    web_sign_in(http, patient)


def test_entries_are_found_by_words_in_their_note(http: httpx.Client, patient: Persona) -> None:
    diary(http, patient)
    assert notes(http, "q=garden") == ["A good day in the garden."]
    assert notes(http, "q=50%25") == ["Stairs hard 50% of the way."]
    assert notes(http, "q=nothing+like+this") == []


def test_entries_are_found_by_symptom_red_flag_and_dates(
    http: httpx.Client, patient: Persona
) -> None:
    diary(http, patient)
    assert notes(http, "symptom=fatigue") == [
        "A good day in the garden.",
        "Stairs hard 50% of the way.",
    ]
    assert notes(http, "flags=1") == ["Choked on water at lunch."]
    assert notes(http, "since=2026-03-02&until=2026-03-02") == ["Choked on water at lunch."]
    assert len(notes(http, "since=not-a-date")) == 3


def test_a_stranger_finds_nothing_of_anothers_diary(
    http: httpx.Client, patient: Persona, stranger: Persona
) -> None:
    diary(http, patient)
    http.cookies.clear()
    web_sign_in(http, stranger)
    assert notes(http, "q=garden") == []
