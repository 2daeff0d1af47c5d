"""``lems share`` grant, list and revoke, run in-process with Typer's CliRunner on both
databases: the share works for the person invited, a revoke ends it, and bad input is refused
with a clear message and nothing stored."""

from __future__ import annotations

import json

from click.testing import Result
from sqlalchemy import select
from typer.testing import CliRunner

from lems_companion.accounts.service import find_user
from lems_companion.cli import app
from lems_companion.db.engine import session_scope
from lems_companion.sharing.models import AuditEvent, Grant
from lems_companion.sharing.service import access_for
from tests.conftest import Persona, make_user


def lems(db_url: str, *args: str) -> Result:
    return CliRunner().invoke(app, ["--db", db_url, *args])


def access(db_url: str, owner: Persona, viewer: Persona) -> str | None:
    with session_scope(db_url) as db:
        patient, other = find_user(db, owner.email), find_user(db, viewer.email)
        assert patient is not None and other is not None
        found = access_for(db, viewer=other, owner_id=patient.id, action="read")
        return found.role if found else None


def test_grant_list_and_revoke_a_caregiver(db_url: str, patient: Persona) -> None:
    carer = make_user(db_url, "carer@example.org")
    made = lems(
        db_url,
        "share",
        "grant",
        "--user",
        patient.email,
        "--to",
        carer.email,
        "--role",
        "caregiver",
    )
    assert made.exit_code == 0, made.output
    assert made.stdout == f"shared the diary of {patient.email} with {carer.email} as caregiver\n"
    assert access(db_url, patient, carer) == "caregiver"

    listed = lems(db_url, "share", "list", "--user", patient.email, "--json")
    assert listed.exit_code == 0, listed.output
    given = json.loads(listed.stdout)
    assert [(g["to"], g["role"]) for g in given["shared_by_you"]] == [(carer.email, "caregiver")]
    theirs = json.loads(lems(db_url, "share", "list", "--user", carer.email, "--json").stdout)
    assert [(r["owner"], r["role"]) for r in theirs["shared_with_you"]] == [
        (patient.email, "caregiver")
    ]
    text = lems(db_url, "share", "list", "--user", carer.email).stdout
    assert f"<{patient.email}>  caregiver" in text

    gone = lems(db_url, "share", "revoke", "--user", patient.email, "--to", carer.email)
    assert gone.exit_code == 0, gone.output
    assert access(db_url, patient, carer) is None
    again = lems(db_url, "share", "revoke", "--user", patient.email, "--to", carer.email)
    assert again.exit_code == 1
    assert f"{carer.email} has no live invitation to this diary" in again.stderr

    with session_scope(db_url) as db:
        trail = [
            (e.via, e.action, e.target)
            for e in db.scalars(select(AuditEvent).order_by(AuditEvent.id))
        ]
    assert [(via, action) for via, action, _ in trail] == [
        ("command line", "create"),
        ("command line", "write"),
    ]
    assert trail[0][2].startswith("caregiver grant ") and trail[0][2].endswith(f"to {carer.email}")


def test_grant_refuses_unknown_accounts_and_roles_and_stores_nothing(
    db_url: str, patient: Persona
) -> None:
    unknown_owner = lems(
        db_url,
        "share",
        "grant",
        "--user",
        "nobody@example.org",
        "--to",
        "x@example.org",
        "--role",
        "clinician",
    )
    assert unknown_owner.exit_code == 1
    assert "no account with e-mail 'nobody@example.org'" in unknown_owner.stderr
    bad_role = lems(
        db_url,
        "share",
        "grant",
        "--user",
        patient.email,
        "--to",
        "x@example.org",
        "--role",
        "nurse",
    )
    assert bad_role.exit_code == 1
    assert "role: choose caregiver or clinician" in bad_role.stderr
    own = lems(
        db_url,
        "share",
        "grant",
        "--user",
        patient.email,
        "--to",
        patient.email,
        "--role",
        "clinician",
    )
    assert own.exit_code == 1 and "your own address" in own.stderr
    with session_scope(db_url) as db:
        assert db.scalars(select(Grant)).all() == []
        assert db.scalars(select(AuditEvent)).all() == []
    # An address without an account is invited all the same, and told so.
    early = lems(
        db_url,
        "share",
        "grant",
        "--user",
        patient.email,
        "--to",
        "New@Example.org",
        "--role",
        "clinician",
    )
    assert early.exit_code == 0, early.output
    assert "new@example.org has no account yet" in early.stdout
