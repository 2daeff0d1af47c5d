"""Attacks on signing in and up (issue 16, findings 1-5 and 7): each one performed, each refused.

The live server trusts X-Forwarded-For from loopback, as uvicorn behind the documented proxy
does, so a test can speak as several client addresses.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from tests.conftest import (
    PASSWORD,
    LiveServer,
    Persona,
    csrf_token,
    form_token,
    make_user,
    sign_in_form,
    web_sign_in,
)

EVIL = {"Origin": "https://evil.example"}
ATTACKER = {"X-Forwarded-For": "203.0.113.66"}
PATIENTS_PHONE = {"X-Forwarded-For": "198.51.100.7"}


def token_attempt(server: LiveServer, email: str, password: str, headers: dict[str, str]) -> int:
    with httpx.Client(base_url=server.url, timeout=60) as client:
        response = client.post(
            "/api/v1/token", data={"username": email, "password": password}, headers=headers
        )
    return response.status_code


def user_count(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.count()).select_from(User)) or 0


def test_a_foreign_page_cannot_sign_the_browser_in(http: httpx.Client, patient: Persona) -> None:
    # What a hostile page's auto-submitting form sends: its own origin and no token.
    forged = http.post("/login", data={"email": patient.email, "password": PASSWORD}, headers=EVIL)
    assert forged.status_code == 403
    assert "lems_session" not in forged.headers.get("set-cookie", "")
    # Even with a token of its own (the pre-session cookie cannot be set from another site),
    # and without any Origin at all, a form without the matching pair is refused.
    token = form_token(http)
    with_token = http.post(
        "/login",
        data={"email": patient.email, "password": PASSWORD, "csrf_token": token},
        headers=EVIL,
    )
    assert with_token.status_code == 403
    http.cookies.clear()
    tokenless = http.post("/login", data={"email": patient.email, "password": PASSWORD})
    assert tokenless.status_code == 403
    assert "lems_session" not in tokenless.headers.get("set-cookie", "")
    sandboxed = http.post(
        "/login", data={"email": patient.email, "password": PASSWORD}, headers={"Origin": "null"}
    )
    assert sandboxed.status_code == 403


def test_a_foreign_page_cannot_sign_up_the_browser(http: httpx.Client, db_url: str) -> None:
    fields = {"email": "victim@example.org", "password": PASSWORD, "password_again": PASSWORD}
    assert http.post("/signup", data=fields, headers=EVIL).status_code == 403
    assert http.post("/signup", data=fields).status_code == 403
    assert user_count(db_url) == 0


def test_a_foreign_page_cannot_post_any_form(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http)
    forged = http.post("/logout", data={"csrf_token": token}, headers=EVIL)
    assert forged.status_code == 403
    assert http.get("/diary").status_code == 200


def test_concurrent_wrong_passwords_are_checked_at_most_ten_times(
    server: LiveServer, patient: Persona
) -> None:
    with ThreadPoolExecutor(max_workers=30) as pool:
        codes = Counter(
            pool.map(
                lambda _: token_attempt(server, patient.email, "wrong guess", ATTACKER),
                range(60),
            )
        )
    assert codes == Counter({401: 10, 429: 50})


def test_an_attacker_cannot_lock_the_patient_out(server: LiveServer, patient: Persona) -> None:
    for _ in range(10):
        assert token_attempt(server, patient.email, "wrong guess", ATTACKER) == 401
    assert token_attempt(server, patient.email, PASSWORD, ATTACKER) == 429
    # The patient, from their own phone, still gets in on the API and the web (a little slowed).
    assert token_attempt(server, patient.email, PASSWORD, PATIENTS_PHONE) == 200
    with httpx.Client(base_url=server.url, timeout=60, headers=PATIENTS_PHONE) as phone:
        assert web_sign_in(phone, patient)


def test_one_client_cannot_try_a_few_passwords_on_many_accounts(
    server: LiveServer, db_url: str
) -> None:
    emails = [make_user(db_url, f"person{number}@example.org").email for number in range(25)]
    codes = Counter(
        token_attempt(server, email, f"guess {guess}", ATTACKER)
        for email in emails
        for guess in range(5)
    )
    assert codes == Counter({401: 30, 429: 95})
    # Another client is not affected.
    assert token_attempt(server, emails[0], PASSWORD, PATIENTS_PHONE) == 200


def test_sign_up_does_not_tell_whether_an_address_has_an_account(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    def sign_up(email: str) -> httpx.Response:
        return sign_in_form(
            http,
            "/signup",
            email=email,
            password="another password",
            password_again="another password",
        )

    taken, free = sign_up(patient.email), sign_up("free@example.org")
    assert (taken.status_code, taken.headers["location"]) == (303, "/login?welcome=1")
    assert (free.status_code, free.headers["location"]) == (303, "/login?welcome=1")
    assert taken.text == free.text
    assert "lems_session" not in taken.headers.get("set-cookie", "") + free.headers.get(
        "set-cookie", ""
    )
    assert user_count(db_url) == 2  # the patient and the free address; the taken one unchanged
    assert web_sign_in(http, patient)  # the patient's password was not replaced


def test_sign_up_is_throttled_per_client(http: httpx.Client, db_url: str) -> None:
    answers = [
        sign_in_form(
            http,
            "/signup",
            email=f"n{number}@example.org",
            password=PASSWORD,
            password_again=PASSWORD,
        ).status_code
        for number in range(11)
    ]
    assert answers == [303] * 10 + [429]
    assert user_count(db_url) == 10


def test_the_current_password_check_is_throttled(http: httpx.Client, patient: Persona) -> None:
    web_sign_in(http, patient)

    def change(current: str) -> int:
        return http.post(
            "/password",
            data={
                "csrf_token": csrf_token(http, "/password"),
                "current_password": current,
                "new_password": "a brand new password",
                "new_password_again": "a brand new password",
            },
        ).status_code

    assert [change(f"guess {number}") for number in range(10)] == [422] * 10
    assert change(PASSWORD) == 429
