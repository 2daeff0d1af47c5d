"""Backups: ``lems backup`` and ``lems restore`` round trips on SQLite and PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import make_url, select
from typer.testing import CliRunner

from lems_companion.accounts.models import User
from lems_companion.accounts.service import start_session
from lems_companion.cli import app
from lems_companion.db.engine import get_engine, session_scope, upgrade
from lems_companion.diary.models import Entry, EntryFlag
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entry, to_public
from lems_companion.jobs.queue import counts, enqueue, failed_jobs, retry_job
from lems_companion.schema.backup import (
    BackupError,
    backup_database,
    database_is_empty,
    restore_database,
)
from tests.conftest import Persona

ENTRIES = [
    {"recorded_at": "2026-03-01T08:30:00+01:00", "symptoms": {"proximal_leg_weakness": 2}},
    {
        "recorded_at": "2026-03-02T19:00:00-05:00",
        "symptoms": {"choking": 2, "dry_mouth": 1},
        "note": "Choked on water twice today. Ünïcödé ✓",
    },
]


def fill(db_url: str, persona: Persona) -> None:
    with session_scope(db_url) as db:
        owner = db.scalar(select(User).where(User.email == persona.email))
        assert owner is not None
        for item in ENTRIES:
            add_entry(db, owner=owner, data=EntryCreate.model_validate(item))
        start_session(db, user=owner, kind="api", days=1)


def snapshot(db_url: str) -> dict[str, Any]:
    """Return what must survive a backup: accounts, entries and red flags, id for id."""
    with session_scope(db_url) as db:
        users = [(u.id, u.email, u.password_hash, u.time_zone) for u in db.scalars(select(User))]
        entries = [to_public(row).model_dump(mode="json") for row in db.scalars(select(Entry))]
        flags = [
            (f.entry_id, f.user_id, f.flag, f.level, f.evidence)
            for f in db.scalars(select(EntryFlag).order_by(EntryFlag.id))
        ]
    return {"users": sorted(users), "entries": entries, "flags": flags}


def lems(*args: str) -> Any:
    return CliRunner().invoke(app, list(args))


def test_a_backup_restores_accounts_entries_and_flags_into_an_empty_database(
    db_url: str, patient: Persona, stranger: Persona, fresh_database: str, tmp_path: Path
) -> None:
    fill(db_url, patient)
    before = snapshot(db_url)
    assert before["flags"], "the choking entry raises a red flag"
    backup = tmp_path / "lems.backup"

    made = lems("--db", db_url, "backup", str(backup))
    assert made.exit_code == 0, made.output
    restored = lems("--db", fresh_database, "restore", str(backup))

    assert restored.exit_code == 0, restored.output
    assert "2 accounts, 2 diary entries" in restored.output
    assert snapshot(fresh_database) == before


def test_a_restore_into_a_migrated_empty_database_works_too(
    db_url: str, patient: Persona, fresh_database: str, tmp_path: Path
) -> None:
    fill(db_url, patient)
    backup_database(db_url, tmp_path / "b")
    upgrade(fresh_database)

    restore_database(fresh_database, tmp_path / "b")

    assert snapshot(fresh_database) == snapshot(db_url)


def test_restore_refuses_a_database_that_is_not_empty_unless_forced(
    db_url: str, patient: Persona, stranger: Persona, tmp_path: Path
) -> None:
    fill(db_url, patient)
    backup = tmp_path / "b"
    backup_database(db_url, backup)
    original = snapshot(db_url)
    with session_scope(db_url) as db:
        db.delete(db.scalar(select(User).where(User.email == stranger.email)))

    refused = lems("--db", db_url, "restore", str(backup))
    assert refused.exit_code == 1
    assert "not empty" in refused.output and "--force" in refused.output
    assert len(snapshot(db_url)["users"]) == 1

    forced = lems("--db", db_url, "restore", "--force", str(backup))
    assert forced.exit_code == 0, forced.output
    assert snapshot(db_url) == original


def test_restore_refuses_a_file_that_is_not_a_lems_backup(
    db_url: str, fresh_database: str, tmp_path: Path
) -> None:
    text_file = tmp_path / "notes.txt"
    text_file.write_text("not a backup")
    other_sqlite = tmp_path / "other.sqlite3"
    with sqlite3.connect(other_sqlite) as connection:
        connection.execute("CREATE TABLE things (id INTEGER)")

    for candidate in (text_file, other_sqlite, tmp_path / "missing"):
        result = lems("--db", fresh_database, "restore", str(candidate))
        assert result.exit_code == 1
        assert "backup" in result.output
    with pytest.raises(BackupError, match="not a LEMS backup"):
        restore_database(f"sqlite:///{tmp_path / 'x.sqlite3'}", other_sqlite)


def test_backup_does_not_overwrite_a_file_unless_forced(db_url: str, tmp_path: Path) -> None:
    backup = tmp_path / "b"
    backup.write_text("precious")
    assert lems("--db", db_url, "backup", str(backup)).exit_code == 1
    assert backup.read_text() == "precious"
    assert lems("--db", db_url, "backup", "--force", str(backup)).exit_code == 0
    assert backup.read_bytes() != b"precious"


def test_a_sqlite_backup_is_taken_while_another_connection_writes(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    if make_url(db_url).get_backend_name() != "sqlite":
        pytest.skip("PostgreSQL snapshots are pg_dump's business")
    fill(db_url, patient)
    with get_engine(db_url).connect() as writer:
        writer.exec_driver_sql("BEGIN IMMEDIATE")
        writer.exec_driver_sql("UPDATE users SET time_zone = 'UTC'")
        # The uncommitted change is not in the backup; the committed state is, whole.
        backup_database(db_url, tmp_path / "b")
        writer.rollback()
    with sqlite3.connect(tmp_path / "b") as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        zones = {row[0] for row in copy.execute("SELECT time_zone FROM users")}
    assert zones == {"Europe/London"}


def test_a_restore_keeps_revocations_and_password_changes_made_after_the_backup(
    db_url: str, patient: Persona, http: Any, tmp_path: Path
) -> None:
    from lems_companion.accounts.service import change_password, find_user
    from lems_companion.sharing.service import create_link, invite, revoke_grant, revoke_link
    from tests.conftest import api_token, make_user, web_sign_in

    caregiver = make_user(db_url, "carer@example.org")
    fill(db_url, patient)
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        owner_id = owner.id
        grant_id = invite(db, owner=owner, email=caregiver.email, role="caregiver").id
        link, row = create_link(db, owner=owner, scope="diary")
        link_id = row.id
    old_token = api_token(http, patient)
    backup = tmp_path / "before-revoking.backup"
    backup_database(db_url, backup)

    new_password = "a new password after the leak"
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        revoke_grant(db, owner=owner, grant_id=grant_id)
        revoke_link(db, owner=owner, link_id=link_id)
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        change_password(
            db, user=owner, current=patient.password, new=new_password, keep=None, client=None
        )

    restore_database(db_url, backup, force=True)

    assert http.get(f"/s/{link}").status_code == 404
    web_sign_in(http, caregiver)
    assert http.get(f"/people/{owner_id}/diary").status_code == 404
    http.cookies.clear()
    assert http.get("/api/v1/entries", headers=old_token).status_code == 401
    old = http.post("/api/v1/token", data={"username": patient.email, "password": patient.password})
    assert old.status_code == 401
    new = http.post("/api/v1/token", data={"username": patient.email, "password": new_password})
    assert new.status_code == 200
    with session_scope(db_url) as db:  # the diary itself came back
        assert len(list(db.scalars(select(Entry)))) == len(ENTRIES)


def test_a_damaged_backup_is_refused_by_its_checksum(
    db_url: str, patient: Persona, fresh_database: str, tmp_path: Path
) -> None:
    fill(db_url, patient)
    backup = tmp_path / "lems.backup"
    backup_database(db_url, backup)
    sidecar = backup.with_name(backup.name + ".sha256")
    assert sidecar.read_text().endswith(f"  {backup.name}\n")
    data = bytearray(backup.read_bytes())
    data[len(data) // 2] ^= 0xFF
    backup.write_bytes(bytes(data))

    result = lems("--db", fresh_database, "restore", str(backup))
    assert result.exit_code == 1
    assert "does not match its checksum" in result.output
    assert database_is_empty(fresh_database)


def test_jobs_a_backup_left_queued_are_held_after_a_restore_not_run_again(
    db_url: str, patient: Persona, fresh_database: str, tmp_path: Path
) -> None:
    # An invitation queued when the backup was taken may have been sent since: restoring must
    # not send it a second time, nor drop it without a word.
    with session_scope(db_url) as db:
        enqueue(db, "send_invitation", {"grant_id": 1})
    backup_database(db_url, tmp_path / "b")

    restore_database(fresh_database, tmp_path / "b")

    with session_scope(fresh_database) as db:
        assert counts(db).get("queued", 0) == 0
        [held] = failed_jobs(db)
        assert held.kind == "send_invitation"
        assert "restore" in (held.last_error or "")
        assert retry_job(db, held.id)
