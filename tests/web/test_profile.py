"""The profile on the account page and in the API: saved when valid, nothing stored when not."""

from __future__ import annotations

from datetime import date

import httpx
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from tests.conftest import Persona, api_token, csrf_token, web_sign_in


def stored(db_url: str, email: str) -> dict[str, object]:
    with session_scope(db_url) as db:
        user = find_user(db, email)
        assert user is not None
        return {
            "display_name": user.display_name,
            "date_of_birth": user.date_of_birth,
            "country": user.country,
            "language": user.language,
            "emergency_number": user.emergency_number,
        }


def save(http: httpx.Client, **fields: str) -> httpx.Response:
    return http.post(
        "/account/profile", data={**fields, "csrf_token": csrf_token(http, "/account")}
    )


def test_the_account_page_saves_the_profile(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    response = save(
        http,
        display_name="Ann Example",
        date_of_birth="1961-07-14",
        country="de",
        language="de",
        emergency_number="112",
    )
    assert response.status_code == 303
    assert stored(db_url, patient.email) == {
        "display_name": "Ann Example",
        "date_of_birth": date(1961, 7, 14),
        "country": "DE",
        "language": "de",
        "emergency_number": "112",
    }
    form = BeautifulSoup(http.get(response.headers["location"]).text, "html.parser")
    assert form.select_one("#profile-saved") is not None
    assert form.select_one("#country")["value"] == "DE"
    assert form.select_one("#language option[selected]")["value"] == "de"


def test_a_refused_profile_stores_nothing_and_keeps_what_was_typed(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    assert save(http, display_name="Ann", country="FR").status_code == 303
    response = save(http, display_name="Annie", country="XX", emergency_number="dial 112")
    assert response.status_code == 422
    shown = BeautifulSoup(response.text, "html.parser")
    errors = {a["href"] for a in shown.select("#profile-error-summary a")}
    assert errors == {"#country", "#emergency_number"}
    assert shown.select_one("#country")["aria-invalid"] == "true"
    assert shown.select_one("#display_name")["value"] == "Annie"
    assert stored(db_url, patient.email)["display_name"] == "Ann"
    assert stored(db_url, patient.email)["country"] == "FR"


def test_the_profile_form_needs_the_csrf_token(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    response = http.post("/account/profile", data={"display_name": "Mallory"})
    assert response.status_code == 403
    assert stored(db_url, patient.email)["display_name"] is None


def test_the_api_reads_and_replaces_the_profile(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    auth = api_token(http, patient)
    empty = http.get("/api/v1/profile", headers=auth).json()
    assert empty["shown_name"] == patient.email and empty["country"] is None
    response = http.put(
        "/api/v1/profile",
        headers=auth,
        json={"display_name": "Ann", "country": "us", "date_of_birth": "1970-01-02"},
    )
    assert response.status_code == 200, response.text
    assert response.json() == {
        "display_name": "Ann",
        "date_of_birth": "1970-01-02",
        "country": "US",
        "language": None,
        "emergency_number": None,
        "email": patient.email,
        "shown_name": "Ann",
    }
    # PUT replaces the whole profile: what is left out is cleared.
    http.put("/api/v1/profile", headers=auth, json={"country": "GB"})
    assert stored(db_url, patient.email)["display_name"] is None


def test_a_refused_api_profile_stores_nothing(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    auth = api_token(http, patient)
    http.put("/api/v1/profile", headers=auth, json={"country": "GB"})
    for body in (
        {"country": "GB", "date_of_birth": "2999-01-01"},
        {"country": "ZZ"},
        {"emergency_number": "abc"},
        {"nickname": "Ann"},
    ):
        response = http.put("/api/v1/profile", headers=auth, json=body)
        assert response.status_code == 422, body
    assert stored(db_url, patient.email)["country"] == "GB"


def test_the_profile_emergency_number_is_the_one_alerts_show(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    http.put("/api/v1/profile", headers=auth, json={"emergency_number": "911"})
    entry = http.post(
        "/api/v1/entries",
        headers=auth,
        json={"recorded_at": "2026-03-01T08:30:00+00:00", "note": "I can't breathe"},
    ).json()
    advice = " ".join(entry["triage"]["advice"])
    assert "911" in advice and "999" not in advice  # 999 is the test server's number
