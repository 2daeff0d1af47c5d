"""The app's log: one line per request with the route template, security events with account
ids, errors without their messages, and never a note, a symptom, an e-mail or a token."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.logs import (
    APP_LOGGER,
    JsonFormatter,
    TextFormatter,
    configure_logging,
    errors_log,
    security_event,
)
from lems_companion.settings import Settings
from lems_companion.web.app import create_app
from tests.conftest import Persona, api_token, csrf_token, sign_in_form, web_sign_in

SECRET_NOTE = "Choked on my porridge at breakfast"
# How long to wait for the request line, written once the response has gone.
LOG_WAIT_SECONDS = 2.0


class Kept(logging.Handler):
    """A handler that keeps every record of the app's logger."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def events(self, name: str, **matching: object) -> list[dict[str, object]]:
        """Return the facts of the records of this event (with these facts), waiting briefly."""
        deadline = time.monotonic() + LOG_WAIT_SECONDS
        while True:
            found = [
                facts
                for record in self.records
                if isinstance(facts := getattr(record, "fields", None), dict)
                and facts.get("event") == name
                and all(facts.get(key) == value for key, value in matching.items())
            ]
            if found or time.monotonic() > deadline:
                return found
            time.sleep(0.02)

    def lines(self) -> str:
        """Return every record as both formats would write it."""
        return "\n".join(
            formatter.format(record)
            for record in self.records
            for formatter in (TextFormatter(), JsonFormatter())
        )


@pytest.fixture
def kept() -> Iterator[Kept]:
    handler = Kept()
    logger = logging.getLogger(APP_LOGGER)
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)


def account_id(db_url: str, persona: Persona) -> int:
    with session_scope(db_url) as db:
        user = find_user(db, persona.email)
        assert user is not None
        return user.id


def test_a_request_logs_method_route_template_status_and_time(
    http: httpx.Client, kept: Kept
) -> None:
    token = "not-a-real-share-link-token"
    assert http.get(f"/s/{token}/report").status_code == 404
    [line] = kept.events("request", path="/s/{token}/report")
    assert (line["method"], line["status"]) == ("GET", 404)
    assert isinstance(line["duration_ms"], float)
    assert token not in kept.lines()


def test_a_failed_sign_in_logs_a_security_event_with_the_account_id(
    http: httpx.Client, db_url: str, patient: Persona, kept: Kept
) -> None:
    sign_in_form(http, email=patient.email, password="wrong password here")
    [event] = kept.events("sign_in_failed")
    assert event["account_id"] == account_id(db_url, patient)
    assert patient.email not in kept.lines()


def test_saving_an_entry_logs_nothing_of_its_note_or_symptoms(
    http: httpx.Client, patient: Persona, kept: Kept
) -> None:
    auth = api_token(http, patient)
    entry = {
        "recorded_at": "2026-03-02T08:00:00+00:00",
        "symptoms": {"swallowing_difficulty": 2},
        "note": SECRET_NOTE,
    }
    response = http.post("/api/v1/entries", json=entry, headers=auth)
    assert response.status_code == 201
    assert kept.events("request", path="/api/v1/entries", status=201)
    logged = kept.lines()
    for private in (SECRET_NOTE, "porridge", "swallowing", "Choked", patient.email):
        assert private not in logged


def test_creating_a_share_link_logs_the_account_and_scope_but_not_the_token(
    http: httpx.Client, db_url: str, patient: Persona, kept: Kept
) -> None:
    web_sign_in(http, patient)
    token = csrf_token(http, "/sharing")
    response = http.post(
        "/sharing/links", data={"scope": "report", "days": "7", "csrf_token": token}
    )
    assert response.status_code == 200
    [created] = kept.events("share_link_created")
    assert created["account_id"] == account_id(db_url, patient)
    assert created["scope"] == "report"
    shown = response.text.split("/s/", 1)[1].split('"', 1)[0].split("<", 1)[0]
    assert shown and shown not in kept.lines()


def test_json_format_writes_one_json_object_per_line(monkeypatch: pytest.MonkeyPatch) -> None:
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    configure_logging("json")
    try:
        security_event("sign_in_failed", account_id=7)
        try:
            raise ValueError(SECRET_NOTE)
        except ValueError as error:
            errors_log.error("unhandled error in %s %s", "POST", "/entries", exc_info=error)
    finally:
        configure_logging("text")
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert [line["level"] for line in lines] == ["info", "error"]
    assert lines[0]["event"] == "sign_in_failed" and lines[0]["account_id"] == 7
    assert lines[0]["logger"] == "lems_companion.security"
    assert "ValueError" in lines[1]["error"] and SECRET_NOTE not in stream.getvalue()


def test_an_unhandled_error_is_a_500_logged_without_its_message(
    settings: Settings, kept: Kept
) -> None:
    app = create_app(settings)

    def boom() -> None:
        raise ValueError(SECRET_NOTE)

    app.add_api_route("/boom/{entry_id}", boom)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/boom/41")
    assert response.status_code == 500
    [error] = [record for record in kept.records if record.name == "lems_companion.errors"]
    assert error.getMessage() == "unhandled error in GET /boom/{entry_id}"
    assert kept.events("request", path="/boom/{entry_id}", status=500)
    assert SECRET_NOTE not in kept.lines() and "ValueError" in kept.lines()
