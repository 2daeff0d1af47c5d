"""Data rights: one archive of everything of an account, and deleting an account with its data."""

from __future__ import annotations

import io
import json
import re
import zipfile
import zlib
from pathlib import Path

import httpx
from bs4 import BeautifulSoup
from sqlalchemy import func, select
from typer.testing import CliRunner

from lems_companion.accounts.models import User
from lems_companion.accounts.service import start_session
from lems_companion.cli import app
from lems_companion.data_rights.service import delete_account, export_account
from lems_companion.db.base import Base
from lems_companion.db.engine import session_scope
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry
from tests.conftest import Persona, web_sign_in
from tests.reports.test_one_report import save_delta_p
from tests.schema.tables import fill_every_user_table, row_counts, user_columns

CHOKING = {
    "recorded_at": "2026-03-02T19:00:00+00:00",
    "symptoms": {"choking": 2},
    "note": "Choked on water.",
}
QUIET = {"recorded_at": "2026-03-01T08:00:00+00:00", "symptoms": {"fatigue": 1}}


def user_id(db_url: str, persona: Persona) -> int:
    with session_scope(db_url) as db:
        found = db.scalar(select(User.id).where(User.email == persona.email))
    assert found is not None
    return found


def give_data(db_url: str, persona: Persona) -> None:
    """Fill every table that can point at this persona: entries, flags, sessions and the rest."""
    with session_scope(db_url) as db:
        owner = db.get(User, user_id(db_url, persona))
        assert owner is not None
        for item in (QUIET, CHOKING):
            add_entry(db, owner=owner, data=EntryCreate.model_validate(item))
        start_session(db, user=owner, kind="web", days=1)
        start_session(db, user=owner, kind="api", days=1)
        fill_every_user_table(db, owner.id)


def rows_pointing_at(db_url: str, target: int) -> dict[str, int]:
    with session_scope(db_url) as db:
        counts = {}
        for table in Base.metadata.sorted_tables:
            columns = user_columns(table) or (["id"] if table.name == "users" else [])
            if columns:
                condition = [table.c[name] == target for name in columns]
                counts[table.name] = (
                    db.scalar(select(func.count()).select_from(table).where(*condition)) or 0
                )
    return counts


def archive_of(db_url: str, persona: Persona) -> zipfile.ZipFile:
    with session_scope(db_url) as db:
        owner = db.get(User, user_id(db_url, persona))
        assert owner is not None
        data = export_account(db, user=owner)
    return zipfile.ZipFile(io.BytesIO(data))


def test_the_archive_holds_entries_account_and_red_flags_but_no_secrets(
    db_url: str, patient: Persona, stranger: Persona
) -> None:
    give_data(db_url, patient)
    give_data(db_url, stranger)

    archive = archive_of(db_url, patient)

    names = set(archive.namelist())
    assert {"README.txt", "account.json", "entries.json", "red_flags.json"} <= names
    entries = json.loads(archive.read("entries.json"))
    assert [item["recorded_at"] for item in entries] == [
        QUIET["recorded_at"],
        CHOKING["recorded_at"],
    ]
    account = json.loads(archive.read("account.json"))
    assert account["email"] == patient.email
    assert set(account["profile"]) >= {"display_name", "date_of_birth", "country", "language"}
    assert account["own_symptoms"] == []
    assert any(flag["flag"] == "choking" for flag in json.loads(archive.read("red_flags.json")))
    everything = b"".join(archive.read(name) for name in names if not name.endswith(".pdf"))
    assert b"argon2" not in everything and b'"password_hash"' not in everything
    assert b"token_hash" not in everything and b"csrf_token" not in everything
    assert stranger.email.encode() not in everything
    readme = archive.read("README.txt").decode()
    for name in names - {"README.txt"}:
        assert name in readme


def test_the_archive_includes_fhir_and_the_report_when_the_app_has_them(
    db_url: str, patient: Persona
) -> None:
    give_data(db_url, patient)
    archive = archive_of(db_url, patient)
    assert json.loads(archive.read("diary.fhir.json"))["resourceType"] == "Bundle"
    assert archive.read("report.pdf").startswith(b"%PDF")


def pdf_headings(pdf: bytes) -> list[str]:
    """Return the titles of the PDF's outline (WeasyPrint makes one from the headings)."""
    streams = re.findall(rb"stream\r?\n(.*?)\r?\nendstream", pdf, re.S)
    text = b"".join(zlib.decompress(stream) for stream in streams if stream.startswith(b"x"))
    return [title.decode("latin-1") for title in re.findall(rb"/Title \((.*?)\)/", text)]


def test_the_archive_report_is_the_whole_report_with_the_clinician_tools(
    db_url: str, patient: Persona
) -> None:
    give_data(db_url, patient)
    save_delta_p(db_url, patient)
    headings = pdf_headings(archive_of(db_url, patient).read("report.pdf"))
    assert "Red flags" in headings
    assert "Screening schedule and clinician tools" in headings
    assert "Saved tool results" in headings


def test_deleting_an_account_removes_every_row_of_it_and_nothing_else(
    db_url: str, patient: Persona, stranger: Persona
) -> None:
    give_data(db_url, patient)
    give_data(db_url, stranger)
    patient_id, stranger_id = user_id(db_url, patient), user_id(db_url, stranger)
    theirs = rows_pointing_at(db_url, stranger_id)
    mine = rows_pointing_at(db_url, patient_id)
    assert all(mine.values()), f"every table should hold a row of the patient: {mine}"
    with session_scope(db_url) as db:
        before = row_counts(db)

    with session_scope(db_url) as db:
        owner = db.get(User, patient_id)
        assert owner is not None
        removed = delete_account(db, user=owner)

    with session_scope(db_url) as db:
        after = row_counts(db)
    assert rows_pointing_at(db_url, patient_id) == dict.fromkeys(mine, 0)
    assert rows_pointing_at(db_url, stranger_id) == theirs
    for table, count in before.items():
        assert after[table] == count - removed.get(table, 0), table
    assert removed["entries"] == 2 and removed["auth_sessions"] == 2 and removed["users"] == 1


def test_the_cli_exports_and_deletes_only_when_confirmed(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    give_data(db_url, patient)
    runner = CliRunner()
    target = tmp_path / "mine.zip"

    exported = runner.invoke(
        app, ["--db", db_url, "account", "export", "--user", patient.email, "-o", str(target)]
    )
    assert exported.exit_code == 0, exported.output
    assert len(json.loads(zipfile.ZipFile(target).read("entries.json"))) == 2

    unconfirmed = runner.invoke(app, ["--db", db_url, "account", "delete", "--user", patient.email])
    assert unconfirmed.exit_code == 2
    assert "--yes" in unconfirmed.output
    assert rows_pointing_at(db_url, user_id(db_url, patient))["entries"] == 2

    deleted = runner.invoke(
        app, ["--db", db_url, "account", "delete", "--user", patient.email, "--yes"]
    )
    assert deleted.exit_code == 0, deleted.output
    assert "2 entries" in deleted.output
    with session_scope(db_url) as db:
        assert row_counts(db)["users"] == 0


def account_form(client: httpx.Client) -> tuple[BeautifulSoup, str]:
    page = client.get("/account")
    assert page.status_code == 200
    soup = BeautifulSoup(page.text, "html.parser")
    token = soup.select_one("#delete-account-form input[name=csrf_token]")
    assert token is not None
    return soup, str(token["value"])


def test_the_account_page_shows_the_account_and_downloads_everything(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    give_data(db_url, patient)
    assert http.get("/account").status_code == 303  # visitors are sent to sign in
    web_sign_in(http, patient)

    soup, _ = account_form(http)
    assert soup.select_one("#account-email").get_text() == patient.email
    link = soup.select_one("a#download-link")
    assert link is not None and link["href"] == "/account/export"

    download = http.get("/account/export")
    assert download.status_code == 200
    assert download.headers["content-type"] == "application/zip"
    assert re.match(
        r'attachment; filename="lems-companion-[\d-]+\.zip"',
        download.headers["content-disposition"],
    )
    assert download.headers["cache-control"] == "no-store"  # health data: no caches
    archive = zipfile.ZipFile(io.BytesIO(download.content))
    assert len(json.loads(archive.read("entries.json"))) == 2


def test_deleting_from_the_web_needs_the_csrf_token_the_typed_email_and_the_password(
    http: httpx.Client, db_url: str, patient: Persona
) -> None:
    give_data(db_url, patient)
    web_sign_in(http, patient)
    _, csrf = account_form(http)
    patient_id = user_id(db_url, patient)

    forged = http.post("/account/delete", data={"confirm_email": patient.email})
    assert forged.status_code == 403
    mistyped = http.post(
        "/account/delete", data={"csrf_token": csrf, "confirm_email": "patient@example.com"}
    )
    assert mistyped.status_code == 422
    error = BeautifulSoup(mistyped.text, "html.parser").select_one("#confirm_email-error")
    assert error is not None and "e-mail address" in error.get_text()
    assert rows_pointing_at(db_url, patient_id)["entries"] == 2
    # Someone at a computer the patient left signed in does not know the password.
    no_password = http.post(
        "/account/delete",
        data={"csrf_token": csrf, "confirm_email": patient.email, "password": "a guess"},
    )
    assert no_password.status_code == 422
    assert rows_pointing_at(db_url, patient_id)["entries"] == 2

    done = http.post(
        "/account/delete",
        data={
            "csrf_token": csrf,
            "confirm_email": patient.email.upper(),
            "password": patient.password,
        },
    )
    assert done.status_code == 303 and done.headers["location"] == "/account/deleted"
    assert set(rows_pointing_at(db_url, patient_id).values()) == {0}
    assert http.get("/account").status_code == 303  # the session went with the account
    assert "has been deleted" in http.get("/account/deleted").text
