"""Two-step sign-in (TOTP, RFC 6238) with recovery codes: required for clinicians and admins,
offered to everyone, asked for by the web form and the API's token endpoint."""

from __future__ import annotations

import hashlib
import re

import httpx
import pyotp
from sqlalchemy import select, update

from lems_companion.accounts.models import RecoveryCode, User
from lems_companion.db.engine import session_scope
from tests.cli.test_cli import lems
from tests.conftest import (
    PASSWORD,
    Persona,
    csrf_token,
    enrol_second_factor,
    make_user,
    sign_in_form,
    totp_now,
    web_sign_in,
)


def make_clinician(db_url: str) -> Persona:
    clinician = make_user(db_url, "doctor@example.org")
    with session_scope(db_url) as db:
        db.execute(update(User).where(User.email == clinician.email).values(is_clinician=True))
    return clinician


def test_a_clinician_sets_up_two_step_sign_in_before_anything_else(
    http: httpx.Client, db_url: str
) -> None:
    clinician = make_clinician(db_url)
    web_sign_in(http, clinician)
    diary = http.get("/diary")
    assert diary.status_code == 303 and diary.headers["location"] == "/account/two-step"
    assert http.get("/api/v1/entries").status_code == 401
    token = csrf_token(http, "/account/two-step")
    assert http.post("/account/two-step", data={"csrf_token": token}).status_code == 303
    page = http.get("/account/two-step").text
    uri = re.search(r'value="(otpauth://[^"]+)"', page)
    assert uri is not None
    wrong = http.post("/account/two-step/confirm", data={"csrf_token": token, "code": "000000"})
    assert wrong.status_code == 422
    code = pyotp.parse_uri(uri.group(1).replace("&amp;", "&")).now()
    confirmed = http.post("/account/two-step/confirm", data={"csrf_token": token, "code": code})
    assert confirmed.status_code == 200
    assert len(re.findall(r"<code>[a-z0-9-]{19}</code>", confirmed.text)) == 10
    assert http.get("/diary").status_code == 200
    # A clinician may not turn it off again.
    off = http.post("/account/two-step/off", data={"csrf_token": token, "password": PASSWORD})
    assert off.status_code == 422


def test_an_enrolled_account_needs_the_code_to_sign_in(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    secret = enrol_second_factor(db_url, patient.email)
    without = sign_in_form(http, email=patient.email, password=PASSWORD)
    assert without.status_code == 401
    assert "lems_session" not in without.headers.get("set-cookie", "")
    assert web_sign_in(http, patient, code=totp_now(secret))


def test_the_token_endpoint_answers_mfa_required_without_the_code(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    secret = enrol_second_factor(db_url, patient.email)

    def token(totp: str) -> httpx.Response:
        return http.post(
            "/api/v1/token", data={"username": patient.email, "password": PASSWORD, "totp": totp}
        )

    missing = token("")
    assert missing.status_code == 401 and missing.json()["detail"] == "mfa_required"
    assert token("123456" if totp_now(secret) != "123456" else "654321").status_code == 401
    code = totp_now(secret)
    assert token(code).status_code == 200
    # The same code cannot be used twice (RFC 6238 section 5.2).
    assert token(code).status_code == 401


def test_a_recovery_code_works_once_and_is_stored_hashed(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    result = lems(db_url, "user", "totp", "enroll", "--email", patient.email)
    assert result.returncode == 0, result.stderr
    uri, *rest = result.stdout.splitlines()
    assert uri.startswith("otpauth://totp/") and "issuer=LEMS%20Companion" in uri
    codes = [line.strip() for line in rest if re.fullmatch(r"\s+[a-z0-9-]{19}", line)]
    assert len(codes) == 10
    with session_scope(db_url) as db:
        stored = set(db.scalars(select(RecoveryCode.code_hash)))
    plain = codes[0].replace("-", "")
    assert plain not in str(stored) and hashlib.sha256(plain.encode()).hexdigest() in stored

    def token(totp: str) -> int:
        return http.post(
            "/api/v1/token", data={"username": patient.email, "password": PASSWORD, "totp": totp}
        ).status_code

    assert token(codes[0]) == 200
    assert token(codes[0]) == 401
    assert token(pyotp.parse_uri(uri).now()) == 200


def test_an_admin_without_a_second_factor_gets_no_api_token(
    http: httpx.Client, db_url: str
) -> None:
    admin = make_user(db_url, "admin@example.org")
    with session_scope(db_url) as db:
        db.execute(update(User).where(User.email == admin.email).values(is_admin=True))
    response = http.post("/api/v1/token", data={"username": admin.email, "password": PASSWORD})
    assert response.status_code == 403 and response.json()["detail"] == "mfa_enrolment_required"
