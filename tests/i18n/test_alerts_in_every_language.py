"""A red-flag alert is never less clear in translation: in every language each flag has its
plain name, its advice and the alert's headline, and an emergency names the number to call."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.diary.alerts import alert_for
from lems_companion.diary.flags import FlagRecord
from lems_companion.i18n import LANGUAGES
from lems_companion.triage.flags import FLAGS
from tests.conftest import Persona, api_token, csrf_token, web_sign_in

TRANSLATED = [language for language in LANGUAGES if language != "en"]


def record(flag: str, level: str) -> FlagRecord:
    return FlagRecord(
        entry_id=1,
        recorded_at=datetime(2026, 11, 30, 8, tzinfo=UTC),
        flag=flag,
        level=level,
        evidence="…",
        start=0,
        end=1,
    )


@pytest.mark.parametrize("language", TRANSLATED)
@pytest.mark.parametrize("flag", FLAGS, ids=lambda flag: flag.id)
def test_every_flag_alerts_in_every_language(flag, language: str) -> None:  # type: ignore[no-untyped-def]
    english = alert_for([record(flag.id, flag.level)], emergency_number="112")
    translated = alert_for([record(flag.id, flag.level)], emergency_number="112", language=language)
    if english is None:
        assert translated is None
        return
    assert translated is not None
    assert translated.level == english.level
    assert len(translated.advice) == len(english.advice)
    # Every text is this language's own, not the English one left in place.
    assert translated.headline != english.headline
    assert translated.reasons[0].title != english.reasons[0].title
    assert all(
        ours != theirs for ours, theirs in zip(translated.advice, english.advice, strict=True)
    )
    if flag.level == "emergency":
        assert "112" in translated.advice[0]


def test_an_unknown_language_gets_the_english_alert_not_less() -> None:
    english = alert_for([record("choking", "emergency")], emergency_number="999")
    unknown = alert_for([record("choking", "emergency")], emergency_number="999", language="pt")
    assert unknown == english


def test_a_spanish_readers_emergency_alert_is_all_in_spanish(
    http: httpx.Client, patient: Persona
) -> None:
    token = api_token(http, patient)
    created = http.post(
        "/api/v1/entries",
        json={"recorded_at": "2026-11-30T08:30:00+00:00", "note": "I choked on my tea again."},
        headers=token,
    )
    assert created.status_code == 201, created.text
    entry_id = created.json()["id"]
    web_sign_in(http, patient)
    http.post(
        "/language",
        data={"language": "es", "next": "/diary", "csrf_token": csrf_token(http, "/diary")},
    )
    page = BeautifulSoup(http.get(f"/entries/{entry_id}").text, "html.parser")
    alert = page.find("section", class_="alert-emergency")
    assert alert is not None
    text = alert.get_text(" ", strip=True)
    assert "Busque atención médica urgente ahora" in text
    assert "Atragantamiento" in text
    assert "Llame al" in text
    assert "Por qué ve esto" in text
    assert "Get urgent medical care" not in text
    assert "pendiente de revisión por un médico" in text


def test_an_english_alert_claims_no_pending_translation(
    http: httpx.Client, patient: Persona
) -> None:
    token = api_token(http, patient)
    created = http.post(
        "/api/v1/entries",
        json={"recorded_at": "2026-11-30T08:30:00+00:00", "note": "I choked on my tea again."},
        headers=token,
    )
    web_sign_in(http, patient)
    page = BeautifulSoup(http.get(f"/entries/{created.json()['id']}").text, "html.parser")
    alert = page.find("section", class_="alert-emergency")
    assert alert is not None
    assert alert.find(class_="alert-review") is None


def test_the_red_flags_page_writes_dates_as_the_readers_language_does(
    http: httpx.Client, patient: Persona
) -> None:
    token = api_token(http, patient)
    http.post(
        "/api/v1/entries",
        json={"recorded_at": "2026-11-30T08:30:00+00:00", "note": "I choked on my tea again."},
        headers=token,
    )
    web_sign_in(http, patient)
    english = BeautifulSoup(http.get("/red-flags").text, "html.parser").find("time")
    http.post(
        "/language",
        data={"language": "fr", "next": "/red-flags", "csrf_token": csrf_token(http, "/diary")},
    )
    french = BeautifulSoup(http.get("/red-flags").text, "html.parser").find("time")
    http.post(
        "/language",
        data={"language": "de", "next": "/red-flags", "csrf_token": csrf_token(http, "/diary")},
    )
    german = BeautifulSoup(http.get("/red-flags").text, "html.parser").find("time")
    assert english is not None and french is not None and german is not None
    # The patient's time zone is Europe/London (tests.conftest.make_user).
    assert english.get_text() == "30 Nov 2026, 08:30"
    assert french.get_text() == "30 nov. 2026, 08:30"
    assert german.get_text() == "30. Nov. 2026, 08:30"  # German days take their ordinal dot
