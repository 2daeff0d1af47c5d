"""Amifampridine with an entry: the EU/UK contraindications and the tingling explanation, and the
medicine check naming the licence of the patient's country."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate, Medication
from lems_companion.rules.medicines import mentions_amifampridine_tingling
from lems_companion.tools.records import amifampridine_notices, check_medicine
from tests.conftest import Persona, csrf_token, web_sign_in


def entry(*names: str, note: str | None = None) -> EntryCreate:
    return EntryCreate.model_validate(
        {
            "recorded_at": "2026-03-01T08:30:00+00:00",
            "medications": [{"name": name} for name in names],
            "note": note,
        }
    )


def test_amifampridine_with_a_qt_medicine_in_the_entry_is_a_contraindication() -> None:
    notices = amifampridine_notices(entry("Firdapse 10mg", "citalopram 20mg"))
    [found] = notices.contraindications
    assert found.id == "qt_prolonging_medicine" and found.matched == "citalopram 20mg"
    assert "summary of product characteristics, section 4.3" in found.source


def test_a_qt_medicine_logged_earlier_the_same_day_counts() -> None:
    same_day = [Medication(name="amifampridine", dose_mg=10)]
    [found] = amifampridine_notices(entry("ondansetron"), same_day=same_day).contraindications
    assert found.matched == "ondansetron"


def test_epilepsy_in_the_note_is_a_contraindication_but_not_when_negated() -> None:
    assert [c.id for c in amifampridine_notices(entry("Firdapse")).contraindications] == []
    found = amifampridine_notices(entry("Firdapse", note="I have epilepsy")).contraindications
    assert [c.id for c in found] == ["epilepsy"]
    negated = amifampridine_notices(entry("Firdapse", note="no epilepsy")).contraindications
    assert negated == []


def test_without_amifampridine_there_is_nothing_to_say() -> None:
    notices = amifampridine_notices(entry("citalopram"), same_day=[Medication(name="ondansetron")])
    assert not notices
    assert not amifampridine_notices(entry("paracetamol", note="tingling lips"))


@pytest.mark.parametrize(
    ("note", "explained"),
    [
        ("tingling lips after my morning dose", True),
        ("Pins and needles in my fingers", True),
        ("fingertips tingle a bit", True),
        ("paraesthesia around the mouth", True),
        ("no tingling in my lips today", False),
        ("tingling in my feet", False),  # not the label's places: not explained away
        ("my lips are dry, and my feet tingle", False),  # different clauses
        (None, False),
    ],
)
def test_tingling_of_the_lips_or_fingers_is_explained(note: str | None, explained: bool) -> None:
    assert mentions_amifampridine_tingling(note) is explained
    notices = amifampridine_notices(entry("3,4-diaminopyridine 10 mg", note=note))
    assert (notices.tingling is not None) is explained
    if explained:
        assert notices.tingling is not None and notices.tingling.level == "routine"


@pytest.mark.parametrize(
    ("region", "weight_kg", "limit"),
    [
        ("eu_uk", None, "EU/UK licence: 60 mg a day, 20 mg at a time"),
        ("us", 70.0, "US label: 100 mg a day, 20 mg at a time"),
        ("us", 40.0, "US label, under 45 kg: 50 mg a day, 10 mg at a time"),
        ("ch", None, "Swiss licence: 60 mg a day, 20 mg at a time"),
        ("unknown", None, "EU/UK licence: 60 mg a day, 20 mg at a time"),
    ],
)
def test_the_medicine_check_names_the_licence(
    region: str, weight_kg: float | None, limit: str
) -> None:
    check = check_medicine("Firdapse", region=region, weight_kg=weight_kg)
    shown = (
        f"{check.licence}: {check.amifampridine_max_daily_mg:g} mg a day, "
        f"{check.amifampridine_max_single_dose_mg:g} mg at a time"
    )
    assert shown == limit
    assert ("not set" in check.limits_note) is (region == "unknown")


# Pages ----------------------------------------------------------------------------------------


def set_country(db_url: str, persona: Persona, country: str | None) -> None:
    with session_scope(db_url) as db:
        user = find_user(db, persona.email)
        assert user is not None
        user.country = country


def add_entry(http: httpx.Client, **fields: Any) -> BeautifulSoup:
    form = {"recorded_at": "2026-03-01T08:30", "tz": "Europe/London", **fields}
    response = http.post("/entries", data={**form, "csrf_token": csrf_token(http)})
    assert response.status_code == 303, response.text
    return BeautifulSoup(http.get(response.headers["location"]).text, "html.parser")


@pytest.mark.parametrize(
    ("country", "weight", "limit"),
    [
        ("GB", "", "EU/UK licence: 60 mg a day, 20 mg at a time."),
        ("US", "", "US label: 100 mg a day, 20 mg at a time."),
        ("US", "42", "US label, under 45 kg: 50 mg a day, 10 mg at a time."),
    ],
)
def test_the_medicine_check_page_uses_the_owners_country_and_weight(
    http: httpx.Client, patient: Persona, db_url: str, country: str, weight: str, limit: str
) -> None:
    set_country(db_url, patient, country)
    web_sign_in(http, patient)
    if weight:
        add_entry(http, weight_kg=weight)
    response = http.post(
        "/tools/medicines",
        data={"name": "Firdapse", "action": "calculate", "csrf_token": csrf_token(http, "/tools")},
    )
    shown = BeautifulSoup(response.text, "html.parser")
    assert shown.select_one("#amifampridine-limit").get_text(" ", strip=True) == limit
    assert "for adults" not in shown.select_one("#amifampridine-note").get_text()


def test_the_entry_page_shows_the_contraindication_and_the_tingling_note(
    http: httpx.Client, patient: Persona
) -> None:
    web_sign_in(http, patient)
    add_entry(http, med_name="Firdapse", med_dose="10")
    later = add_entry(
        http,
        recorded_at="2026-03-01T12:00",
        med_name="Clarithromycin 500mg",
        note="Tingling lips again this morning.",
    )
    contraindication = later.select_one("#amifampridine-contraindications")
    assert contraindication is not None
    text = contraindication.get_text(" ", strip=True)
    assert "Clarithromycin 500mg" in text and "QT interval" in text
    tingling = later.select_one("#amifampridine-tingling")
    assert tingling is not None and "most common side effect" in tingling.get_text()
    assert later.select_one(".alert-emergency, .alert-prompt") is None  # routine, not a flag


def test_an_entry_without_amifampridine_shows_neither(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    shown = add_entry(http, med_name="citalopram", note="tingling lips")
    assert shown.select_one("#amifampridine-contraindications") is None
    assert shown.select_one("#amifampridine-tingling") is None
