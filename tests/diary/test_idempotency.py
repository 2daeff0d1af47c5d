"""Retries do not duplicate entries (issue 16, finding 13): the same Idempotency-Key returns
the first answer and stores nothing new, on the API and from the web form."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from tests.conftest import LiveServer, Persona, api_token, csrf_token, web_sign_in

ENTRY = {"recorded_at": "2026-03-02T08:30:00+00:00", "symptoms": {"fatigue": 2}}


def entry_count(db_url: str) -> int:
    with session_scope(db_url) as db:
        return db.scalar(select(func.count()).select_from(Entry)) or 0


def test_a_retried_api_request_returns_the_first_answer_and_stores_nothing_new(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    headers = {**api_token(http, patient), "Idempotency-Key": "3f1c9a8e-retry"}
    first = http.post("/api/v1/entries", json=ENTRY, headers=headers)
    again = http.post("/api/v1/entries", json=ENTRY, headers=headers)
    assert first.status_code == again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["location"] == first.headers["location"]
    assert entry_count(db_url) == 1
    # A new key is a new entry; the same key with another entry is a client error.
    other = http.post("/api/v1/entries", json=ENTRY, headers={**headers, "Idempotency-Key": "k2"})
    assert other.status_code == 201 and other.json()["id"] != first.json()["id"]
    changed = http.post("/api/v1/entries", json={**ENTRY, "note": "x"}, headers=headers)
    assert changed.status_code == 422
    assert entry_count(db_url) == 2


def test_keys_belong_to_one_user(
    http: httpx.Client, patient: Persona, stranger: Persona, db_url: str
) -> None:
    key = {"Idempotency-Key": "shared-key"}
    mine = http.post("/api/v1/entries", json=ENTRY, headers={**api_token(http, patient), **key})
    theirs = http.post("/api/v1/entries", json=ENTRY, headers={**api_token(http, stranger), **key})
    assert mine.json()["id"] != theirs.json()["id"]
    assert entry_count(db_url) == 2


def test_simultaneous_retries_store_one_entry(
    server: LiveServer, http: httpx.Client, patient: Persona, db_url: str
) -> None:
    headers = {**api_token(http, patient), "Idempotency-Key": "burst"}

    def send(_: int) -> tuple[int, int]:
        with httpx.Client(base_url=server.url, timeout=60) as client:
            response = client.post("/api/v1/entries", json=ENTRY, headers=headers)
        return response.status_code, response.json()["id"]

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = set(pool.map(send, range(8)))
    assert len(answers) == 1 and next(iter(answers))[0] == 201
    assert entry_count(db_url) == 1


def test_the_web_form_saves_once_when_sent_twice(
    http: httpx.Client, patient: Persona, db_url: str
) -> None:
    web_sign_in(http, patient)
    page = http.get("/entries/new").text
    key = re.search(r'name="idempotency_key" value="([^"]+)"', page)
    assert key is not None
    form = {
        "csrf_token": csrf_token(http),
        "idempotency_key": key.group(1),
        "recorded_at": "2026-03-01T08:30",
        "tz": "Europe/London",
        "symptom_fatigue": "2",
    }
    first, again = http.post("/entries", data=form), http.post("/entries", data=form)
    assert first.status_code == again.status_code == 303
    assert first.headers["location"] == again.headers["location"]
    assert entry_count(db_url) == 1
