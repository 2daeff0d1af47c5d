"""Who wrote what (issue 14): every export and the report name the caregiver or clinician who
wrote an entry for the patient, and the report shows who has seen a red flag; the patient's
own entries are the patient's."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from datetime import UTC, datetime

from lems_companion.accounts.models import User
from lems_companion.data_rights.service import export_account
from lems_companion.db.engine import session_scope
from lems_companion.diary.acknowledgements import acknowledge_entry_flags
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import Author, add_entry
from lems_companion.interop.formats import ExportFormat, parse_import
from lems_companion.interop.service import export_diary
from lems_companion.reports.report import render_report_html
from lems_companion.reports.service import owner_report
from lems_companion.sharing.service import invite

CARER_WROTE = "written by Sam Carer (caregiver)"


def diary_with_a_caregivers_entry(db_url: str) -> tuple[int, int, int]:
    """Return the ids of the patient, the patient's own entry and the caregiver's entry."""
    with session_scope(db_url) as db:
        patient = User(email="ann@example.org", password_hash="-", display_name="Ann Patient")
        carer = User(email="sam@example.org", password_hash="-", display_name="Sam Carer")
        doctor = User(email="doc@example.org", password_hash="-", display_name="Dr Who")
        for user in (patient, carer, doctor):
            # Invitations reach only confirmed addresses (issue 15).
            user.created_at = user.email_verified_at = datetime.now(UTC)
            db.add(user)
        db.flush()
        invite(db, owner=patient, email=carer.email, role="caregiver")
        invite(db, owner=patient, email=doctor.email, role="clinician")
        own = add_entry(
            db,
            owner=patient,
            data=EntryCreate.model_validate(
                {"recorded_at": "2026-03-01T08:30:00+00:00", "weight_kg": 70.0}
            ),
        )
        theirs = add_entry(
            db,
            owner=patient,
            data=EntryCreate.model_validate(
                {
                    "recorded_at": "2026-03-02T08:30:00+00:00",
                    "weight_kg": 69.5,
                    "note": "She is struggling to breathe.",
                }
            ),
            author=Author(carer.id, "caregiver"),
        )
        assert theirs.triage_level == "emergency"
        acknowledge_entry_flags(db, theirs, doctor)
        return patient.id, own.id, theirs.id


def export(db_url: str, owner_id: int, format_: ExportFormat) -> str:
    with session_scope(db_url) as db:
        owner = db.get(User, owner_id)
        assert owner is not None
        return export_diary(db, owner=owner, format_=format_)


def test_csv_and_json_exports_name_the_author_and_import_again(db_url: str) -> None:
    owner_id, own, theirs = diary_with_a_caregivers_entry(db_url)
    text = export(db_url, owner_id, ExportFormat.csv)
    rows = {int(row["id"]): row for row in csv.DictReader(io.StringIO(text))}
    assert rows[theirs]["written_by"] == "Sam Carer (caregiver)"
    assert rows[own]["written_by"] == ""
    assert len(parse_import(text)) == 2  # the column does not stop an import

    items = {item["id"]: item for item in json.loads(export(db_url, owner_id, ExportFormat.json))}
    assert items[theirs]["author"]["name"] == "Sam Carer"
    assert items[theirs]["author"]["role"] == "caregiver"
    assert "author" not in items[own]  # the patient's own
    assert len(parse_import(export(db_url, owner_id, ExportFormat.json))) == 2


def test_fhir_and_phenopacket_carry_the_caregiver(db_url: str) -> None:
    owner_id, _, _ = diary_with_a_caregivers_entry(db_url)
    bundle = json.loads(export(db_url, owner_id, ExportFormat.fhir))
    resources = [item["resource"] for item in bundle["entry"]]
    [related] = [r for r in resources if r["resourceType"] == "RelatedPerson"]
    assert related["name"] == [{"text": "Sam Carer"}]
    texts = [
        agent["type"]["text"]
        for r in resources
        if r["resourceType"] == "Provenance"
        for agent in r["agent"]
    ]
    assert sorted(texts) == [CARER_WROTE, "written by the patient"]
    # The caregiver's responses point at the RelatedPerson as their author.
    authored = {
        r["author"]["reference"] for r in resources if r["resourceType"] == "QuestionnaireResponse"
    }
    assert any(related["id"] in reference for reference in authored)

    packet = json.loads(export(db_url, owner_id, ExportFormat.phenopacket))
    described = [m.get("description", "") for m in packet["measurements"]]
    assert described == ["", CARER_WROTE]


def test_the_report_and_the_archive_say_who_wrote_and_who_saw(db_url: str) -> None:
    owner_id, own, theirs = diary_with_a_caregivers_entry(db_url)
    with session_scope(db_url) as db:
        owner = db.get(User, owner_id)
        assert owner is not None
        report = owner_report(db, owner=owner)
        html = render_report_html(report)
        archive = zipfile.ZipFile(io.BytesIO(export_account(db, user=owner)))
    assert report.written_by == {theirs: CARER_WROTE}
    assert f"entry #{theirs} ({CARER_WROTE})" in html
    assert f"entry #{own} (" not in html
    [seen] = report.seen_by[(theirs, "dyspnea")]
    assert seen.startswith("seen by Dr Who (clinician) at ")
    assert seen in html
    entries = {item["id"]: item for item in json.loads(archive.read("entries.json"))}
    assert entries[theirs]["author"]["role"] == "caregiver"
    assert entries[own]["author"]["role"] == "patient"
