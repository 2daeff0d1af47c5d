"""The medical alert card: what it holds, one A4 page, and who may open it."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import select

from lems_companion.accounts.models import User
from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import RecentMedicine, add_entry, recent_medicines
from lems_companion.reports.card import (
    ANAESTHESIA_CAUTIONS,
    GENERAL_CAUTIONS,
    MAX_CARD_MEDICINES,
    build_card,
    card_pages,
)
from lems_companion.rules.medicines import CAUTION_CLASSES
from lems_companion.sharing.models import AuditEvent
from lems_companion.sharing.service import invite
from tests.conftest import Persona, csrf_token, make_user, web_sign_in

TWELVE = (
    "Firdapse",
    "Prednisolone",
    "Azathioprine",
    "Omeprazole",
    "Paracetamol",
    "Pyridostigmine",
    "Atorvastatin",
    "Metformin",
    "Levothyroxine",
    "Sertraline",
    "Calcium carbonate with vitamin D3",
    "Alendronic acid",
)
NOW = datetime(2026, 5, 1, 12, tzinfo=UTC)


def medicines(count: int) -> list[RecentMedicine]:
    return [
        RecentMedicine(
            name=f"{TWELVE[i % 12]} {i // 12 or ''}".strip(), dose_mg=10.0, last_logged=NOW
        )
        for i in range(count)
    ]


def card_for(count: int) -> object:
    owner = User(
        email="ann@example.org", display_name="Ann Example", date_of_birth=date(1956, 3, 4)
    )
    return build_card(
        owner,
        medicines=medicines(count),
        diagnosis="suspected",
        emergency_contact="Sam Example (partner) +44 7700 900123",
        emergency_number="112",
        today=NOW.date(),
    )


def test_a_card_with_twelve_medicines_prints_on_one_page() -> None:
    assert len(card_pages(card_for(12))) == 1  # type: ignore[arg-type]


def test_a_card_with_more_medicines_than_fit_still_prints_on_one_page() -> None:
    card = card_for(MAX_CARD_MEDICINES + 7)
    assert card.more_medicines == 7  # type: ignore[attr-defined]
    assert len(card_pages(card)) == 1  # type: ignore[arg-type]


def test_every_caution_class_is_on_the_card() -> None:
    on_card = {cid for item in ANAESTHESIA_CAUTIONS + GENERAL_CAUTIONS for cid in item.class_ids}
    assert on_card == {caution.id for caution in CAUTION_CLASSES}


# Storage -----------------------------------------------------------------------------------


def log(db_url: str, email: str, when: datetime, *meds: dict[str, object]) -> None:
    with session_scope(db_url) as db:
        owner = find_user(db, email)
        assert owner is not None
        data = {"recorded_at": when.isoformat(), "medications": list(meds)}
        add_entry(db, owner=owner, data=EntryCreate.model_validate(data))


def test_current_medicines_are_those_of_the_last_30_days_with_their_latest_dose(
    db_url: str, patient: Persona
) -> None:
    log(db_url, patient.email, NOW - timedelta(days=40), {"name": "Lithium", "dose_mg": 400})
    log(db_url, patient.email, NOW - timedelta(days=20), {"name": "Firdapse", "dose_mg": 10})
    log(db_url, patient.email, NOW - timedelta(days=2), {"name": "firdapse ", "dose_mg": 15})
    log(db_url, patient.email, NOW - timedelta(days=1), {"name": "Firdapse"})  # no dose given
    log(db_url, patient.email, NOW - timedelta(days=1), {"name": "Prednisolone"})
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        found = recent_medicines(db, owner=owner, since=NOW - timedelta(days=30))
    assert [(item.name, item.dose_mg) for item in found] == [
        ("Firdapse", 15.0),
        ("Prednisolone", None),
    ]


# Pages -------------------------------------------------------------------------------------


@pytest.fixture
def patient_with_diary(db_url: str, patient: Persona) -> Persona:
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        owner.display_name = "Ann Example"
        owner.date_of_birth = date(1956, 3, 4)
        owner.emergency_number = "999"
    now = datetime.now(UTC)
    for i, name in enumerate(TWELVE):
        log(db_url, patient.email, now - timedelta(hours=i + 1), {"name": name, "dose_mg": i + 1})
    return patient


def test_the_card_page_holds_every_item(http: httpx.Client, patient_with_diary: Persona) -> None:
    web_sign_in(http, patient_with_diary)
    response = http.get("/card")
    assert response.status_code == 200
    card = BeautifulSoup(response.text, "html.parser").select_one("#alert-card")
    assert card is not None
    assert card.select_one("#card-name").get_text() == "Ann Example"
    assert card.select_one("#card-birth").get_text() == "Born 4 March 1956"
    assert card.select_one("#card-diagnosis").get_text() == (
        "Lambert-Eaton myasthenic syndrome (LEMS)"
    )
    assert "999" in card.select_one("#card-emergency").get_text()
    anaesthesia = card.select_one("#card-anaesthesia-list").get_text()
    assert "Muscle relaxants" in anaesthesia and "Magnesium" in anaesthesia
    assert "Botulinum toxin" in card.select_one("#card-general-list").get_text()
    listed = [li.get_text() for li in card.select("#card-medicine-list li")]
    assert len(listed) == 12 and "Firdapse, 1 mg" in listed
    assert card.select_one("#card-amifampridine") is not None
    assert "not a diagnosis" in card.select_one("#card-disclaimer").get_text()


def test_the_printable_card_shows_the_chosen_options(
    http: httpx.Client, patient_with_diary: Persona
) -> None:
    web_sign_in(http, patient_with_diary)
    data = {
        "diagnosis": "suspected",
        "emergency_contact": "Sam (partner) 01234 567890",
        "csrf_token": csrf_token(http, "/card"),
    }
    response = http.post("/card/print", data=data)
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    shown = BeautifulSoup(response.text, "html.parser")
    assert shown.select_one("#card-diagnosis").get_text().startswith("Suspected")
    assert shown.select_one("#card-contact").get_text() == "Contact: Sam (partner) 01234 567890"
    refused = http.post("/card/print", data={**data, "diagnosis": "cured"})
    assert refused.status_code == 422


def test_the_card_downloads_as_a_one_page_pdf(
    http: httpx.Client, patient_with_diary: Persona
) -> None:
    web_sign_in(http, patient_with_diary)
    response = http.post(
        "/card.pdf", data={"diagnosis": "confirmed", "csrf_token": csrf_token(http, "/card")}
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed; the layout test above still runs")
    info = subprocess.run(
        [pdfinfo, "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert re.search(r"^Pages:\s+1$", info, re.MULTILINE), info


def test_a_stranger_cannot_open_the_card_and_a_caregiver_can(
    http: httpx.Client, patient_with_diary: Persona, db_url: str
) -> None:
    stranger = make_user(db_url, "stranger@example.org")
    caregiver = make_user(db_url, "carer@example.org")
    with session_scope(db_url) as db:
        owner = find_user(db, patient_with_diary.email)
        assert owner is not None
        owner_id = owner.id
        invite(db, owner=owner, email=caregiver.email, role="caregiver")
    web_sign_in(http, stranger)
    assert http.get(f"/people/{owner_id}/card").status_code == 404
    forged = {"diagnosis": "confirmed", "csrf_token": csrf_token(http, "/card")}
    assert http.post(f"/people/{owner_id}/card.pdf", data=forged).status_code == 404
    # The stranger's own card is their own: nothing of the patient's on it.
    assert "Ann Example" not in http.get("/card").text
    web_sign_in(http, caregiver)
    shown = BeautifulSoup(http.get(f"/people/{owner_id}/card").text, "html.parser")
    assert shown.select_one("#card-name").get_text() == "Ann Example"
    with session_scope(db_url) as db:
        targets = db.scalars(
            select(AuditEvent.target).where(AuditEvent.actor_email == caregiver.email)
        )
        assert "alert card" in list(targets)


def test_the_learn_article_links_to_the_card(http: httpx.Client) -> None:
    from lems_companion.learn.articles import load_all
    from lems_companion.web.routes.learn import APP_LINKS

    assert set(APP_LINKS) <= set(load_all())
    shown = BeautifulSoup(http.get("/learn/medical-alert-card").text, "html.parser")
    assert shown.select_one("#app-link")["href"] == "/card"
