"""Account security basics: password hashing, session tokens, admin reset, caching."""

from __future__ import annotations

import httpx
from sqlalchemy import select

from lems_companion.accounts.models import AuthSession, User
from lems_companion.db.engine import session_scope
from tests.cli.test_cli import lems
from tests.conftest import PASSWORD, Persona, api_token, web_sign_in


def test_passwords_are_stored_as_argon2id_hashes(db_url: str, patient: Persona) -> None:
    with session_scope(db_url) as db:
        stored = db.scalar(select(User.password_hash).where(User.email == patient.email))
    assert stored is not None and stored.startswith("$argon2id$")
    assert PASSWORD not in stored


def test_session_tokens_are_random_and_stored_hashed(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    tokens = {web_sign_in(http, patient) for _ in range(3)}
    assert len(tokens) == 3
    assert all(len(token) >= 43 for token in tokens)  # 32 random bytes, URL-safe base64
    with session_scope(db_url) as db:
        stored = set(db.scalars(select(AuthSession.token_hash)))
    assert not tokens & stored
    assert all(len(digest) == 64 for digest in stored)  # SHA-256 hex


def test_signing_in_issues_a_new_session_each_time(http: httpx.Client, patient: Persona) -> None:
    first = web_sign_in(http, patient)
    second = web_sign_in(http, patient)
    assert first != second
    http.cookies.set("lems_session", first)
    assert http.get("/diary").status_code == 200  # each device keeps its own session


def test_the_admin_resets_a_password_and_signs_out_every_session(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    token = api_token(http, patient)
    result = lems(
        db_url,
        "user",
        "password",
        "--email",
        patient.email,
        "--password-stdin",
        stdin="a new long password\n",
    )
    assert result.returncode == 0, result.stderr
    assert http.get("/api/v1/entries", headers=token).status_code == 401
    assert (
        http.post(
            "/api/v1/token", data={"username": patient.email, "password": "a new long password"}
        ).status_code
        == 200
    )
    short = lems(
        db_url, "user", "password", "--email", patient.email, "--password-stdin", stdin="short\n"
    )
    assert short.returncode == 1 and "at least 12 characters" in short.stderr


def test_health_data_is_never_cached(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    assert http.get("/diary").headers["cache-control"] == "no-store"
    assert (
        http.get("/api/v1/entries", headers=api_token(http, patient)).headers["cache-control"]
        == "no-store"
    )


def test_the_admin_marks_clinician_and_admin_accounts_from_the_cli(
    db_url: str, patient: Persona
) -> None:
    assert lems(db_url, "user", "set-clinician", "--email", patient.email).returncode == 0
    assert lems(db_url, "user", "set-admin", "--email", patient.email).returncode == 0
    with session_scope(db_url) as db:
        user = db.scalar(select(User).where(User.email == patient.email))
        assert user is not None and user.is_clinician and user.is_admin
    unknown = lems(db_url, "user", "set-admin", "--email", "nobody@example.org")
    assert unknown.returncode == 1 and "no account" in unknown.stderr
