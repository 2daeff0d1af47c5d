"""A request holds at most one pooled database connection at a time.

web/inflight.py caps each worker's requests at the pool's size; a request that took a second
connection while holding one could then wait for a connection only another waiting request could
give back, and the worker would stall until the pool gives up (docs/performance.md).
"""

from __future__ import annotations

from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import event

from lems_companion.db.engine import get_engine
from lems_companion.settings import Settings
from lems_companion.web.app import create_app
from tests.conftest import Persona, api_token, web_sign_in


def test_a_translated_entry_form_takes_one_connection(
    settings: Settings, db_url: str, patient: Persona
) -> None:
    client = TestClient(create_app(settings), base_url="http://127.0.0.1", follow_redirects=False)
    web_sign_in(client, patient)
    held = {"now": 0, "most": 0}

    def checked_out(*_: Any) -> None:
        held["now"] += 1
        held["most"] = max(held["most"], held["now"])

    def checked_in(*_: Any) -> None:
        held["now"] -= 1

    pool = get_engine(db_url).pool
    event.listen(pool, "checkout", checked_out)
    event.listen(pool, "checkin", checked_in)
    try:
        # French wording awaiting a clinician's review: the page looks the review up.
        page = client.get("/entries/new", headers={"Accept-Language": "fr"})
    finally:
        event.remove(pool, "checkout", checked_out)
        event.remove(pool, "checkin", checked_in)
    assert page.status_code == 200
    assert 'class="questions-review hint"' in page.text
    assert held["most"] == 1


def test_an_entry_added_through_the_api_takes_a_connection_once(
    settings: Settings, db_url: str, patient: Persona
) -> None:
    # Each check-out is a round trip more on PostgreSQL (pool_pre_ping), and a second one after
    # the commit was where the entry API spent its time (docs/performance.md, entry creation).
    client = TestClient(create_app(settings), base_url="http://127.0.0.1")
    auth = api_token(client, patient)
    taken: list[Any] = []

    def checked_out(*args: Any) -> None:
        taken.append(args)

    pool = get_engine(db_url).pool
    event.listen(pool, "checkout", checked_out)
    try:
        created = client.post(
            "/api/v1/entries",
            json={"recorded_at": "2026-03-01T08:30:00+01:00", "note": "I choked on my tea."},
            headers=auth,
        )
    finally:
        event.remove(pool, "checkout", checked_out)
    assert created.status_code == 201, created.text
    assert created.json()["triage"]["level"] == "emergency"
    assert len(taken) == 1
