"""A corpus of bad input against every way in: 4xx with a clear message, nothing stored, no 500.

Oversized bodies, wrong types, odd Unicode, injection strings and impossible dates, sent to the
API entry routes, the web entry form, the token endpoint and the sign-in and sign-up forms.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from bs4 import BeautifulSoup
from sqlalchemy import func, select

from lems_companion.accounts.models import User
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from lems_companion.web.limits import MAX_BODY_BYTES
from tests.conftest import Persona, api_token, csrf_token, sign_in_form, web_sign_in
from tests.web.test_pages import FORM

GOOD = {"recorded_at": "2026-03-01T08:30:00+01:00", "symptoms": {"dry_mouth": 1}}
OVER_LIMIT = MAX_BODY_BYTES + 1
EMOJI_10K = "\U0001f4aa" * 10_000
SQL_INJECTION = "'); DROP TABLE entries; --"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'


def counts(db_url: str) -> tuple[int, int]:
    with session_scope(db_url) as db:
        return (
            db.scalar(select(func.count()).select_from(Entry)) or 0,
            db.scalar(select(func.count()).select_from(User)) or 0,
        )


def raw_json(body: str) -> dict[str, str]:
    """Return request options sending this exact text as JSON (escapes kept as written)."""
    return {"content": body, "headers": {"Content-Type": "application/json"}}


# (name, request options for POST /api/v1/entries, a word the answer must contain)
API_BODIES: list[tuple[str, dict[str, Any], str]] = [
    ("oversized", {"json": {**GOOD, "note": "x" * OVER_LIMIT}}, "too large"),
    ("not json", raw_json("{recorded_at: yesterday"), "json"),
    ("empty body", raw_json(""), "body"),
    ("array", {"json": [GOOD]}, "dict"),
    ("string", {"json": "entry"}, "dict"),
    ("null", raw_json("null"), "body"),
    ("symptoms as list", {"json": {**GOOD, "symptoms": ["dry_mouth"]}}, "symptoms"),
    ("severity as text", {"json": {**GOOD, "symptoms": {"dry_mouth": "2"}}}, "symptoms"),
    ("severity as float", {"json": {**GOOD, "symptoms": {"dry_mouth": 1.5}}}, "symptoms"),
    ("severity huge", {"json": {**GOOD, "symptoms": {"dry_mouth": 10**40}}}, "symptoms"),
    ("weight as text", {"json": {**GOOD, "weight_kg": "70"}}, "weight_kg"),
    ("weight NaN", raw_json('{"recorded_at": "2026-03-01T08:30:00Z", "weight_kg": NaN}'), "weight"),
    (
        "weight infinite",
        raw_json('{"recorded_at": "2026-03-01T08:30:00Z", "weight_kg": 1e999}'),
        "weight",
    ),
    ("note as number", {"json": {**GOOD, "note": 12}}, "note"),
    ("medications as object", {"json": {**GOOD, "medications": {"name": "x"}}}, "medications"),
    ("home tests as text", {"json": {**GOOD, "home_tests": "fine"}}, "home_tests"),
    ("id given", {"json": {**GOOD, "id": 1}}, "id"),
    ("unknown key", {"json": {**GOOD, "mood": "ok"}}, "mood"),
    ("time as number", {"json": {**GOOD, "recorded_at": 1772350200}}, "recorded_at"),
    ("no offset", {"json": {**GOOD, "recorded_at": "2026-03-01T08:30:00"}}, "recorded_at"),
    ("30 February", {"json": {**GOOD, "recorded_at": "2026-02-30T08:30:00+00:00"}}, "recorded_at"),
    ("year 0", {"json": {**GOOD, "recorded_at": "0000-01-01T00:00:00+00:00"}}, "recorded_at"),
    ("year 1 east", {"json": {**GOOD, "recorded_at": "0001-01-01T00:00:00+23:59"}}, "recorded_at"),
    (
        "year 9999 west",
        {"json": {**GOOD, "recorded_at": "9999-12-31T23:59:59-23:59"}},
        "recorded_at",
    ),
    ("huge offset", {"json": {**GOOD, "recorded_at": "2026-03-01T08:30:00+99:00"}}, "recorded_at"),
    (
        "offset of a day",
        {"json": {**GOOD, "recorded_at": "2026-03-01T08:30:00+24:00"}},
        "recorded_at",
    ),
    ("year 275760", {"json": {**GOOD, "recorded_at": "275760-09-13T00:00:00Z"}}, "recorded_at"),
    ("NUL in note", {"json": {**GOOD, "note": "before\x00after"}}, "note"),
    ("NUL in medication", {"json": {**GOOD, "medications": [{"name": "Ami\x00"}]}}, "medications"),
    ("NUL in symptom id", {"json": {**GOOD, "symptoms": {"dry\x00mouth": 1}}}, "symptoms"),
    (
        "lone surrogate in note",
        raw_json('{"recorded_at": "2026-03-01T08:30:00Z", "note": "a\\ud800b"}'),
        "note",
    ),
    (
        "lone low surrogate",
        raw_json('{"recorded_at": "2026-03-01T08:30:00Z", "note": "\\udfff"}'),
        "note",
    ),
    (
        "surrogate in medication",
        raw_json('{"recorded_at": "2026-03-01T08:30:00Z", "medications": [{"name": "\\ud83d"}]}'),
        "medications",
    ),
    (
        "invalid UTF-8",
        {
            "content": b'{"recorded_at": "2026-03-01T08:30:00Z", "note": "\xff\xfe"}',
            "headers": {"Content-Type": "application/json"},
        },
        "body",
    ),
    ("10k emoji", {"json": {**GOOD, "note": EMOJI_10K}}, "note"),
    ("deep nesting", raw_json("[" * 100_000 + "]" * 100_000), ""),
]


@pytest.fixture
def auth(http: httpx.Client, patient: Persona) -> dict[str, str]:
    return api_token(http, patient)


@pytest.mark.parametrize(
    ("options", "word"), [(o, w) for _, o, w in API_BODIES], ids=[n for n, _, _ in API_BODIES]
)
def test_the_api_refuses_bad_entries_clearly_and_stores_nothing(
    http: httpx.Client, auth: dict[str, str], db_url: str, options: dict[str, Any], word: str
) -> None:
    options = dict(options)  # shared by both databases' runs: not to be changed
    headers = {**auth, **options.pop("headers", {})}
    response = http.post("/api/v1/entries", headers=headers, **options)

    assert 400 <= response.status_code < 500, response.text[:500]
    assert response.headers["content-type"] == "application/json"
    assert word.lower() in response.text.lower()
    assert counts(db_url) == (0, 1)


@pytest.mark.parametrize(
    ("options", "word"),
    [
        (o, w)
        for n, o, w in API_BODIES
        if n != "oversized" and "json" in o and isinstance(o["json"], dict)
    ],
    ids=[
        n
        for n, o, _ in API_BODIES
        if n != "oversized" and "json" in o and isinstance(o["json"], dict)
    ],
)
def test_a_bad_change_leaves_the_entry_unchanged(
    http: httpx.Client, auth: dict[str, str], options: dict[str, Any], word: str
) -> None:
    created = http.post("/api/v1/entries", json=GOOD, headers=auth).json()
    change = {
        key: value
        for key, value in options["json"].items()
        if key not in GOOD or options["json"][key] != GOOD[key]
    }
    response = http.patch(
        f"/api/v1/entries/{created['id']}", json=change or {"id": 1}, headers=auth
    )
    assert 400 <= response.status_code < 500, response.text[:500]
    assert http.get(f"/api/v1/entries/{created['id']}", headers=auth).json() == created


def chunks(total: int) -> Iterator[bytes]:
    sent = 0
    while sent < total:
        yield b" " * 65_536
        sent += 65_536


def test_an_oversized_body_without_a_length_is_cut_off(
    http: httpx.Client, auth: dict[str, str], db_url: str
) -> None:
    response = http.post(
        "/api/v1/entries",
        content=chunks(2 * MAX_BODY_BYTES),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]
    assert counts(db_url) == (0, 1)


@pytest.mark.parametrize(
    "params",
    [
        {"since": "2026-02-30T00:00:00+00:00"},
        {"since": "0001-01-01T00:00:00+23:59"},
        {"until": "9999-12-31T23:59:59-23:59"},
        {"since": "yesterday"},
        {"until": "2026-03-01T00:00:00"},
        {"limit": "0"},
        {"limit": "10" * 30},
        {"cursor": "\x00"},
        {"cursor": "MjAyNi0wMy0wMVQwMDowMDowMCswMDowMHw5OTk5OTk5OTk5OTk5OTk5OTk5OTk5"},
    ],
)
def test_the_listing_refuses_bad_parameters(
    http: httpx.Client, auth: dict[str, str], params: dict[str, str]
) -> None:
    response = http.get("/api/v1/entries", params=params, headers=auth)
    assert 400 <= response.status_code < 500, response.text[:500]


@pytest.mark.parametrize(
    "entry_id",
    [
        "0",
        "-1",
        "abc",
        "1.5",
        str(2**31),
        str(2**63),
        "9" * 30,
    ],
)
def test_odd_entry_ids_are_not_found_or_refused(
    http: httpx.Client, auth: dict[str, str], db_url: str, entry_id: str
) -> None:
    for method in ("GET", "PATCH", "DELETE"):
        response = http.request(
            method, f"/api/v1/entries/{entry_id}", json={"note": "x"}, headers=auth
        )
        assert response.status_code in (404, 422), (method, response.text[:300])


def test_injection_strings_are_stored_as_text_and_escaped_in_pages(
    http: httpx.Client, auth: dict[str, str], patient: Persona
) -> None:
    note = f"{SQL_INJECTION} {SCRIPT} \u202eevil\u202c"
    created = http.post("/api/v1/entries", json={**GOOD, "note": note}, headers=auth)
    assert created.status_code == 201, created.text
    assert created.json()["note"] == note  # the RTL override is text the person typed: kept
    web_sign_in(http, patient)
    for path in (f"/entries/{created.json()['id']}", "/diary"):
        page = http.get(path)
        assert page.status_code == 200
        assert "<script>alert" not in page.text and "<img src=x" not in page.text
        assert "&lt;script&gt;" in page.text
        soup = BeautifulSoup(page.text, "html.parser")
        assert not soup.select("img[onerror]")
        assert all(script.get("src") for script in soup.select("script"))


# The web entry form: (name, fields changed, the field the message is about)
FORM_CASES: list[tuple[str, dict[str, Any], str]] = [
    ("30 February", {"recorded_at": "2026-02-30T08:30"}, "recorded_at"),
    ("year 0", {"recorded_at": "0000-01-01T00:00"}, "recorded_at"),
    ("year 1", {"recorded_at": "0001-01-01T00:00", "tz": "Asia/Tokyo"}, "recorded_at"),
    ("year 9999", {"recorded_at": "9999-12-31T23:59", "tz": "America/Los_Angeles"}, "recorded_at"),
    ("text date", {"recorded_at": "yesterday"}, "recorded_at"),
    ("NUL in note", {"note": "a\x00b"}, "note"),
    ("10k emoji", {"note": EMOJI_10K}, "note"),
    ("severity out of scale", {"symptom_dry_mouth": "9"}, "symptom_dry_mouth"),
    ("severity as word", {"symptom_dry_mouth": "bad"}, "symptom_dry_mouth"),
    ("weight huge", {"weight_kg": "1e400"}, "weight_kg"),
    ("weight NaN", {"weight_kg": "nan"}, "weight_kg"),
    ("dose infinite", {"med_dose": ["inf", ""]}, "med"),
    ("unknown context", {"context": "' OR 1=1 --"}, "context"),
]


@pytest.mark.parametrize(
    ("change", "field"), [(c, f) for _, c, f in FORM_CASES], ids=[n for n, _, _ in FORM_CASES]
)
def test_the_entry_form_refuses_bad_input_naming_the_field(
    http: httpx.Client, patient: Persona, db_url: str, change: dict[str, Any], field: str
) -> None:
    web_sign_in(http, patient)
    data = {**FORM, **change, "csrf_token": csrf_token(http)}
    response = http.post("/entries", data=data)
    assert response.status_code == 422, response.text[:500]
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one(".error-summary") is not None
    assert soup.select(f"[id^={field}][id$=-error]"), f"no message for {field}"
    assert counts(db_url) == (0, 1)


def test_odd_time_zones_in_the_form_fall_back_or_are_refused(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    for tz in ("Not/AZone", "../../etc/passwd", "UTC\x00", "Europe/Lond\u202eon"):
        response = http.post("/entries", data={**FORM, "tz": tz, "csrf_token": csrf_token(http)})
        assert response.status_code in (303, 422), (tz, response.text[:300])


def test_an_oversized_form_gets_a_clear_413_page(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    data = {**FORM, "note": "x" * OVER_LIMIT, "csrf_token": csrf_token(http)}
    response = http.post("/entries", data=data)
    assert response.status_code == 413
    assert "too large" in BeautifulSoup(response.text, "html.parser").select_one("h1").get_text()
    assert counts(db_url) == (0, 1)


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"username": "patient@example.org"},
        {"username": "patient@example.org\x00", "password": "correct horse battery"},
        {"username": SQL_INJECTION, "password": SQL_INJECTION},
        {"username": "' OR '1'='1", "password": "' OR '1'='1"},
        {"username": EMOJI_10K, "password": EMOJI_10K},
        {"username": "patient@example.org", "password": "x" * (MAX_BODY_BYTES // 2)},
        {"username": "patient@example.org", "password": "x" * OVER_LIMIT},
        {
            "username": "patient@example.org",
            "password": "correct horse battery",
            "grant_type": "client_credentials",
        },
    ],
)
def test_the_token_endpoint_refuses_bad_credentials(
    http: httpx.Client, patient: Persona, fields: dict[str, str]
) -> None:
    response = http.post("/api/v1/token", data=fields)
    assert 400 <= response.status_code < 500, response.text[:300]
    assert "access_token" not in response.text


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "patient@example.org\x00", "password": "correct horse battery"},
        {"email": SQL_INJECTION, "password": SQL_INJECTION},
        {"email": SCRIPT, "password": "x"},
        {"email": EMOJI_10K, "password": EMOJI_10K},
        {"email": "patient@example.org", "password": "x" * OVER_LIMIT},
        {
            "email": "patient@example.org",
            "password": "correct horse battery",
            "next": "https://evil.example/",
        },
    ],
)
def test_the_login_form_refuses_bad_input_and_escapes_it(
    http: httpx.Client, patient: Persona, fields: dict[str, str]
) -> None:
    response = sign_in_form(http, **fields)
    if fields.get("next"):
        # To the home page, which sends a patient on to their diary; never to another site.
        assert response.status_code == 303 and response.headers["location"] == "/"
        return
    assert 400 <= response.status_code < 500, response.text[:300]
    assert "<script>alert" not in response.text
    assert "lems_session" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    "fields",
    [
        {"email": "new@example.org\x00"},
        {"email": SQL_INJECTION},
        {"email": SCRIPT},
        {"email": f"{'a' * 300}@example.org"},
        {"email": "new@" + "\u202e" + "gro.elpmaxe"},
        {"email": EMOJI_10K},
        {"email": "new@example.org", "password": "short", "password_again": "short"},
        {"email": "new@example.org", "password": "x" * 1001, "password_again": "x" * 1001},
        {"email": "new@example.org", "tz": "UTC\x00"},
    ],
)
def test_the_signup_form_refuses_bad_input_and_creates_nothing(
    http: httpx.Client, patient: Persona, db_url: str, fields: dict[str, str]
) -> None:
    data = {"password": "long enough pw", "password_again": "long enough pw", **fields}
    response = sign_in_form(http, "/signup", **data)
    if fields.get("tz"):  # an unknown zone falls back to UTC rather than failing the sign-up
        assert response.status_code in (303, 422)
        return
    assert response.status_code == 422, response.text[:300]
    assert BeautifulSoup(response.text, "html.parser").select_one(".error-summary") is not None
    assert "<script>alert" not in response.text
    assert counts(db_url) == (0, 1)
