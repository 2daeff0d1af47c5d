"""Weight in the unit a person chooses (kilograms, stones and pounds, pounds): the form takes it
in that unit and stores kilograms, the diary shows it back in that unit, and a wrong weight's
message names the unit."""

from __future__ import annotations

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from lems_companion.diary.weights import KG_PER_POUND, format_weight, in_unit, to_kg
from tests.conftest import Persona, csrf_token, web_sign_in


def test_a_stone_is_fourteen_international_pounds() -> None:
    assert to_kg("lb", 1) == pytest.approx(0.45359237, abs=1e-3)
    assert to_kg("st_lb", 1, 0) == to_kg("lb", 14)
    assert to_kg("st_lb", 11, 6) == pytest.approx(160 * KG_PER_POUND, abs=1e-3)
    assert to_kg("kg", 72.5) == 72.5


@pytest.mark.parametrize("unit", ["kg", "st_lb", "lb"])
def test_a_weight_typed_in_a_unit_comes_back_as_typed(unit: str) -> None:
    typed = {"kg": (72.5, None), "st_lb": (11.0, 6.5), "lb": (160.0, None)}[unit]
    assert in_unit(to_kg(unit, typed[0], typed[1] or 0.0), unit) == typed


def test_pounds_that_round_to_fourteen_carry_to_a_stone() -> None:
    assert in_unit(to_kg("lb", 153.98), "st_lb") == (11.0, 0.0)


@pytest.mark.parametrize(
    ("unit", "language", "shown"),
    [
        ("kg", "en", "72.5 kg"),
        ("kg", "fr", "72,5 kg"),
        ("lb", "en", "159.8 lb"),
        ("st_lb", "en", "11 st 5.8 lb"),
        ("st_lb", "de", "11 st 5,8 lb"),
    ],
)
def test_a_weight_is_written_in_the_unit_and_the_language(
    unit: str, language: str, shown: str
) -> None:
    assert " ".join(format_weight(72.5, unit, language).split()) == shown


def stored_weight(db_url: str, email: str) -> tuple[float | None, str | None]:
    with session_scope(db_url) as db:
        user = find_user(db, email)
        assert user is not None
        entry = db.scalars(select(Entry).where(Entry.user_id == user.id)).one()
        return entry.weight_kg, user.weight_unit


def test_the_form_asks_in_stones_and_pounds_stores_kilograms_and_remembers_the_unit(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    form = BeautifulSoup(http.get("/entries/new?weight_unit=st_lb").text, "html.parser")
    assert form.select_one("#weight_st") is not None and form.select_one("#weight_kg") is None
    saved = http.post(
        "/entries",
        data={
            "recorded_at": "2026-11-30T08:30",
            "tz": "Europe/London",
            "weight_unit": "st_lb",
            "weight_st": "11",
            "weight_lb": "6",
            "csrf_token": csrf_token(http),
        },
    )
    assert saved.status_code == 303, saved.text
    weight_kg, unit = stored_weight(db_url, patient.email)
    assert weight_kg == pytest.approx(72.575, abs=0.001) and unit == "st_lb"
    entry = BeautifulSoup(http.get(saved.headers["location"]).text, "html.parser")
    assert "11 st 6 lb" in " ".join(entry.get_text().split())
    # The next form asks in the unit chosen, with no link needed.
    again = BeautifulSoup(http.get("/entries/new").text, "html.parser")
    assert again.select_one("#weight_st") is not None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"weight_unit": "lb", "weight_lb": "10"}, "weight_lb", "from 44.1 lb to 881.8 lb"),
        ({"weight_unit": "lb", "weight_lb": "ten"}, "weight_lb", "a number of pounds"),
        ({"weight_unit": "st_lb", "weight_st": "11", "weight_lb": "15"}, "weight_lb", "0 to 13.9"),
        ({"weight_unit": "kg", "weight_kg": "500"}, "weight_kg", "from 20 kg to 400 kg"),
        ({"weight_unit": "grain", "weight_kg": "70"}, "weight_unit", "Choose kilograms"),
    ],
)
def test_a_wrong_weight_names_its_unit_and_stores_nothing(
    http: httpx.Client,
    patient: Persona,
    db_url: str,
    fields: dict[str, str],
    field: str,
    message: str,
) -> None:
    web_sign_in(http, patient)
    response = http.post(
        "/entries",
        data={
            "recorded_at": "2026-11-30T08:30",
            "tz": "Europe/London",
            **fields,
            "csrf_token": csrf_token(http),
        },
    )
    assert response.status_code == 422
    error = BeautifulSoup(response.text, "html.parser").select_one(f"#{field}-error")
    assert error is not None and message in error.get_text()
    with session_scope(db_url) as db:
        user = find_user(db, patient.email)
        assert user is not None and user.weight_unit is None
