"""Medicines that can worsen LEMS are pointed out on the entry page and in the API response."""

from __future__ import annotations

import httpx
from bs4 import BeautifulSoup

from tests.conftest import Persona, api_token, csrf_token, web_sign_in


def test_the_entry_page_warns_about_cipro_with_the_source(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    form = {
        "recorded_at": "2026-03-01T08:30",
        "tz": "Europe/London",
        "med_name": "Cipro 500mg",
        "csrf_token": csrf_token(http),
    }
    response = http.post("/entries", data=form)
    assert response.status_code == 303, response.text
    shown = BeautifulSoup(http.get(response.headers["location"]).text, "html.parser")
    warning = shown.select_one("#medication-warnings")
    assert warning is not None, "no medication warning on the entry page"
    text = warning.get_text(" ", strip=True)
    assert "Cipro 500mg" in text and "Fluoroquinolone antibiotics" in text
    assert "prescriber" in text and "Source: LEMS Companion clinical specification" in text
    assert shown.select_one(".alert-emergency, .alert-prompt") is None  # a caution, not a flag


def test_the_api_lists_medication_warnings_next_to_the_triage(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    entry = {
        "recorded_at": "2026-03-01T08:30:00+00:00",
        "medications": [{"name": "Cipro 500mg", "dose_mg": 500}, {"name": "paracetamol"}],
    }
    body = http.post("/api/v1/entries", json=entry, headers=auth).json()
    [warning] = body["medication_warnings"]
    assert warning["medicine"] == "Cipro 500mg"
    assert warning["class_id"] == "fluoroquinolones"
    assert "prescriber" in warning["warning"] and warning["source"]
    assert body["triage"]["flags"] == []
    plain = http.post(
        "/api/v1/entries",
        json={"recorded_at": "2026-03-02T08:30:00+00:00", "note": "ok"},
        headers=auth,
    ).json()
    assert plain["medication_warnings"] == []
