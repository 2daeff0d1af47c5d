"""Who wrote what (issue 14): no view shows an entry someone else wrote as the patient's own.

A caregiver writes one entry in the patient's diary (its note raises a red flag); the patient
writes another. Every page that shows an entry, its note or its red flag's words, for every
person who may open it (the patient, the caregiver, the clinician, a share link), is walked:
wherever the caregiver's words appear, the caregiver is named beside them, and the patient's own
entry is never labelled as someone else's.
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
import pytest
from bs4 import BeautifulSoup, Tag

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import Author, add_entry
from lems_companion.sharing.service import create_link, invite
from tests.conftest import LiveServer, Persona, make_user, web_sign_in

CAREGIVER_NOTE = "She choked on her soup at lunch and coughed for a long time."
CAREGIVER_WORDS = "choked"  # the words that raise the red flag, quoted wherever it is listed
PATIENT_NOTE = "Legs heavy on the stairs after resting."
LABEL = "Written by Sam Carer (caregiver)"
# The smallest parts of a page that hold one entry, one red flag or one quoted note.
ITEMS = ("li", "tr", "blockquote")


@dataclass(frozen=True)
class Diary:
    owner_id: int
    by_caregiver: int
    by_patient: int
    link: str


def write_diary(db_url: str, patient: Persona, carer: Persona, clinician: Persona) -> Diary:
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        sam = find_user(db, carer.email)
        assert owner is not None and sam is not None
        owner.display_name = "Pat Example"
        sam.display_name = "Sam Carer"
        invite(db, owner=owner, email=carer.email, role="caregiver")
        invite(db, owner=owner, email=clinician.email, role="clinician")
        theirs = add_entry(
            db,
            owner=owner,
            data=EntryCreate.model_validate(
                {"recorded_at": "2026-03-02T12:30:00+00:00", "note": CAREGIVER_NOTE}
            ),
            author=Author(sam.id, "caregiver"),
        )
        own = add_entry(
            db,
            owner=owner,
            data=EntryCreate.model_validate(
                {
                    "recorded_at": "2026-03-01T08:30:00+00:00",
                    "symptoms": {"proximal_leg_weakness": 2},
                    "note": PATIENT_NOTE,
                }
            ),
        )
        assert theirs.triage_level == "emergency"  # the caregiver's words raise a red flag
        token, _ = create_link(db, owner=owner, scope="diary")
        return Diary(owner.id, theirs.id, own.id, token)


def views(diary: Diary) -> dict[str, list[str]]:
    """Return every page that shows the caregiver's entry, by who opens it."""
    people = f"/people/{diary.owner_id}"
    theirs = f"/entries/{diary.by_caregiver}"
    link = f"/s/{diary.link}"
    return {
        "patient": [
            "/diary",
            theirs,
            "/red-flags",
            "/analysis",
            "/report",
            "/report.html",
            "/appointment",
            "/appointment/print",
        ],
        "caregiver": [f"{people}/diary", theirs, f"{people}/report"],
        "clinician": [f"{people}/diary", theirs, f"{people}/report"],
        "link": [link, f"{link}/entries/{diary.by_caregiver}", f"{link}/report"],
    }


def item_of(node: Tag) -> Tag:
    """Return the list item, table row or quote holding this part of a page; else <main>
    (or the whole document, for the standalone report)."""
    for parent in node.parents:
        if parent.name in ITEMS or parent.name == "main":
            return parent
    return node.find_parent("html") or node


def check_page(path: str, html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    body = soup.find("main") or soup
    # "Written by ..." opens a line on pages; the report says "entry #2 (written by ...)".
    assert LABEL.lower() in body.get_text(" ").lower(), f"{path}: the caregiver is not named"
    shown = [text for text in body.find_all(string=True) if CAREGIVER_WORDS in text]
    assert shown, f"{path}: the caregiver's entry is not on the page"
    for text in shown:
        item = item_of(text.parent)
        words = " ".join(item.get_text(" ").split())
        assert "Sam Carer" in words, f"{path}: {words[:200]!r} does not say who wrote it"
        assert "you wrote" not in words, f"{path}: the caregiver's words shown as the reader's"
        assert item.name != "blockquote", f"{path}: the caregiver's note quoted as the patient's"
    for text in body.find_all(string=True):
        if "Legs heavy" in text:
            words = item_of(text.parent).get_text(" ")
            assert "Written by" not in words or item_of(text.parent).name == "main", path


@pytest.fixture
def everyone(db_url: str, patient: Persona) -> tuple[Persona, Persona]:
    return make_user(db_url, "carer@example.org"), make_user(db_url, "doctor@example.org")


def test_every_view_of_an_entry_names_the_caregiver_who_wrote_it(
    server: LiveServer, db_url: str, patient: Persona, everyone: tuple[Persona, Persona]
) -> None:
    carer, clinician = everyone
    diary = write_diary(db_url, patient, carer, clinician)
    personas = {"patient": patient, "caregiver": carer, "clinician": clinician}
    walked = 0
    for who, paths in views(diary).items():
        with httpx.Client(base_url=server.url, timeout=60) as client:
            if who in personas:
                web_sign_in(client, personas[who])
            for path in paths:
                response = client.get(path, follow_redirects=True)
                assert response.status_code == 200, f"{who} {path}: {response.status_code}"
                check_page(f"{who} {path}", response.text)
                walked += 1
    assert walked == sum(len(paths) for paths in views(diary).values())


def test_the_patients_own_entry_is_not_labelled_and_the_appointment_quotes_only_them(
    server: LiveServer, db_url: str, patient: Persona, everyone: tuple[Persona, Persona]
) -> None:
    diary = write_diary(db_url, patient, *everyone)
    with httpx.Client(base_url=server.url, timeout=60) as client:
        web_sign_in(client, patient)
        own = BeautifulSoup(client.get(f"/entries/{diary.by_patient}").text, "html.parser")
        assert own.select(".written-by") == []
        assert PATIENT_NOTE in own.get_text()
        sheet = BeautifulSoup(client.get("/appointment").text, "html.parser")
        quoted = [quote.get_text(strip=True) for quote in sheet.select("blockquote")]
        assert quoted == [PATIENT_NOTE]
        report = client.get("/report").text
        assert "1 written by Sam Carer (caregiver)" in report
