"""The amifampridine daily-dose red flag: over the label's maximum in one entry or over a day."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.triage import triage_entry
from tests.conftest import Persona, api_token


def entry(when: str, *medicines: tuple[str, float | None]) -> dict[str, Any]:
    return {
        "recorded_at": when,
        "medications": [{"name": name, "dose_mg": dose} for name, dose in medicines],
    }


def post(http: httpx.Client, auth: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
    response = http.post("/api/v1/entries", json=body, headers=auth)
    assert response.status_code == 201, response.text
    result: dict[str, Any] = response.json()["triage"]
    return result


def flag_ids(triage: dict[str, Any]) -> list[str]:
    return [flag["id"] for flag in triage["flags"]]


def test_over_the_daily_maximum_in_one_entry_is_a_prompt_flag(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    doses = [("amifampridine", 20.0)] * 6  # 120 mg, each dose within 20 mg
    triage = post(http, auth, entry("2026-03-01T20:00:00+00:00", *doses))
    assert triage["level"] == "prompt"
    [flag] = triage["flags"]
    assert flag["id"] == "amifampridine_dose" and flag["level"] == "prompt"
    assert "120 mg logged that day" in flag["evidence"]
    assert "100 mg" in flag["basis"] or "FIRDAPSE" in flag["basis"]
    assert any("seizures" in line for line in triage["advice"])


def test_over_the_daily_maximum_summed_across_two_entries_of_the_same_day(
    http: httpx.Client, patient: Persona
) -> None:
    auth = api_token(http, patient)
    morning = post(
        http,
        auth,
        entry("2026-03-01T08:00:00+01:00", ("Firdapse", 20), ("Firdapse", 20), ("Firdapse", 20)),
    )
    assert flag_ids(morning) == []  # 60 mg so far
    evening = post(
        http,
        auth,
        entry(
            "2026-03-01T21:00:00+01:00", ("firdapse 10mg", 20), ("Firdapse", 20), ("3,4-DAP", 20)
        ),
    )
    assert flag_ids(evening) == ["amifampridine_dose"]
    assert "120 mg logged that day" in evening["flags"][0]["evidence"]


def test_two_different_days_are_not_added_together(http: httpx.Client, patient: Persona) -> None:
    auth = api_token(http, patient)
    post(http, auth, entry("2026-03-01T22:00:00+00:00", *[("amifampridine", 15.0)] * 3))
    # 45 mg late on 1 March, 45 mg early on 2 March: each day is within the lowest licence's
    # 60 mg (the region is unknown), though the two together are not.
    next_day = post(http, auth, entry("2026-03-02T07:00:00+00:00", *[("amifampridine", 15.0)] * 3))
    assert flag_ids(next_day) == []


def test_the_day_is_the_local_day_of_the_entry(http: httpx.Client, patient: Persona) -> None:
    auth = api_token(http, patient)
    # 23:30 in New York on 1 March is 04:30 UTC on 2 March; both entries are on 1 March locally.
    post(http, auth, entry("2026-03-01T09:00:00-05:00", *[("amifampridine", 20.0)] * 3))
    late = post(http, auth, entry("2026-03-01T23:30:00-05:00", *[("amifampridine", 20.0)] * 3))
    assert flag_ids(late) == ["amifampridine_dose"]


@pytest.mark.parametrize(
    "name",
    [
        "Firdapse",
        "FIRDAPSE 10 mg",
        "amifampridin",
        "amifampridine phosphate",
        "Ruzurgi",
        "3,4-diaminopyridine",
    ],
)
def test_brand_names_and_misspellings_count(name: str) -> None:
    data = EntryCreate.model_validate(
        entry("2026-03-01T08:00:00+00:00", (name, 60.0), (name, 60.0))
    )
    assert triage_entry(data).flag_ids == ["amifampridine_dose"]


def test_a_single_dose_above_20_mg_is_flagged_on_its_own_entry() -> None:
    data = EntryCreate.model_validate(entry("2026-03-01T08:00:00+00:00", ("Firdapse", 30.0)))
    result = triage_entry(data)
    assert result.flag_ids == ["amifampridine_dose"]
    assert "30 mg in one dose" in result.flags[0].evidence


def test_fampridine_and_other_medicines_are_not_amifampridine() -> None:
    data = EntryCreate.model_validate(
        entry(
            "2026-03-01T08:00:00+00:00",
            ("Fampyra", 60.0),
            ("fampridine", 60.0),
            ("paracetamol", 1000.0),
        )
    )
    assert triage_entry(data).flag_ids == []


def test_a_day_already_over_does_not_flag_an_entry_without_amifampridine() -> None:
    earlier = EntryCreate.model_validate(
        entry("2026-03-01T08:00:00+00:00", *[("Firdapse", 20.0)] * 6)
    )
    later = EntryCreate.model_validate(entry("2026-03-01T12:00:00+00:00", ("paracetamol", 500.0)))
    assert triage_entry(later, same_day_doses=earlier.medications).flag_ids == []


def test_the_dose_flag_is_shown_on_the_entry_page_banner(
    http: httpx.Client, patient: Persona
) -> None:
    from tests.conftest import web_sign_in

    auth = api_token(http, patient)
    created = http.post(
        "/api/v1/entries",
        json=entry("2026-03-01T08:00:00+00:00", ("Firdapse", 60.0), ("Firdapse", 60.0)),
        headers=auth,
    ).json()
    web_sign_in(http, patient)
    text = http.get(f"/entries/{created['id']}").text
    assert "alert-prompt" in text
    assert "above the label" in text


def test_the_daily_maximum_follows_the_licence_of_the_patients_country(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    auth = api_token(http, patient)
    seventy = entry("2026-03-01T09:00:00+00:00", *[("amifampridine", 17.5)] * 4)
    # No country: the lowest licensed maximum (EU/UK, 60 mg a day) applies, and the flag says so.
    flagged = post(http, auth, seventy)
    assert flag_ids(flagged) == ["amifampridine_dose"]
    assert "EU/UK licence" in flagged["flags"][0]["evidence"]
    for country, expected in (("DE", ["amifampridine_dose"]), ("US", [])):
        with session_scope(db_url) as db:
            owner = db.scalars(select(User).where(User.email == patient.email)).one()
            owner.country = country
        day = {"DE": "2026-03-02", "US": "2026-03-03"}[country]
        again = post(http, auth, entry(f"{day}T09:00:00+00:00", *[("amifampridine", 17.5)] * 4))
        assert flag_ids(again) == expected, country
