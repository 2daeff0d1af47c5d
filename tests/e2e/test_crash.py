"""Crash safety: SIGKILL the server while several clients write; every acknowledged entry survives.

An entry acknowledged with 201 was committed before the answer, so it must be there exactly once
after a restart; an entry without an answer may or may not be there, but never half-written:
every stored entry equals one that was sent.
"""

from __future__ import annotations

import signal
import threading
import time
from typing import Any

import httpx
from sqlalchemy import select

from lems_companion.db.engine import get_engine, session_scope
from lems_companion.diary.models import Entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import to_public
from tests.conftest import Persona, api_token
from tests.e2e.test_restart import _free_port, _start_server

WRITERS = 4
# Long enough for a few dozen entries to be acknowledged before the kill.
RUN_BEFORE_KILL_SECONDS = 2.0


def entry_for(writer: int, serial: int) -> dict[str, Any]:
    """Return a distinct entry; the note names its writer and serial number."""
    return {
        "recorded_at": f"2026-03-{1 + serial % 28:02d}T{writer:02d}:{serial % 60:02d}:00+01:00",
        "context": "after_rest",
        "symptoms": {"proximal_leg_weakness": serial % 4, "dry_mouth": writer % 4},
        "medications": [{"name": "Amifampridine", "dose_mg": 10}],
        "home_tests": {"tug_seconds": [15.2, 14.0, 13.1 + serial % 5]},
        "note": f"writer {writer} entry {serial} " + "x" * (serial % 200),
    }


def test_every_acknowledged_entry_survives_a_kill_exactly_once(
    db_url: str, patient: Persona
) -> None:
    port = _free_port()
    server = _start_server(db_url, port)
    base = f"http://127.0.0.1:{port}"
    with httpx.Client(base_url=base) as client:
        auth = api_token(client, patient)
    sent: dict[str, dict[str, Any]] = {}
    acknowledged: list[tuple[int, str]] = []
    lock = threading.Lock()
    stop = threading.Event()

    def write(writer: int) -> None:
        with httpx.Client(base_url=base, headers=auth, timeout=5) as client:
            serial = 0
            while not stop.is_set():
                entry = entry_for(writer, serial)
                key = entry["note"]
                with lock:
                    sent[key] = entry
                serial += 1
                try:
                    response = client.post("/api/v1/entries", json=entry)
                except httpx.TransportError:
                    return  # the server died under this request: unacknowledged
                assert response.status_code == 201, response.text
                with lock:
                    acknowledged.append((response.json()["id"], key))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    try:
        for thread in threads:
            thread.start()
        time.sleep(RUN_BEFORE_KILL_SECONDS)
    finally:
        server.send_signal(signal.SIGKILL)
        server.wait(timeout=10)
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
    assert len(acknowledged) >= WRITERS, "too few entries were written before the kill"

    get_engine(db_url).dispose()  # connections from before the kill are gone on PostgreSQL
    server = _start_server(db_url, port)  # a restart must recover (WAL replay, no lock left)
    try:
        with session_scope(db_url) as db:
            stored = {
                row.id: to_public(row).as_create().model_dump(mode="json")
                for row in db.scalars(select(Entry))
            }
        with httpx.Client(base_url=base) as client:
            assert client.get("/api/v1/entries", headers=api_token(client, patient)).is_success
    finally:
        server.terminate()
        server.wait(timeout=10)

    # Compared as the app validates them, so 10 and 10.0 or a trailing space are the same.
    sent_by_note = {validated(entry)["note"]: validated(entry) for entry in sent.values()}
    notes = [entry["note"] for entry in stored.values()]
    for entry_id, key in acknowledged:
        assert entry_id in stored, f"acknowledged entry {entry_id} was lost"
        note = validated(sent[key])["note"]
        assert notes.count(note) == 1, f"{note!r} is stored {notes.count(note)} times"
    for entry in stored.values():
        assert entry == sent_by_note.get(entry["note"]), f"a partial or unknown entry: {entry}"


def validated(entry: dict[str, Any]) -> dict[str, Any]:
    """Return the entry as the app stores it: validated, in its JSON form."""
    return EntryCreate.model_validate(entry).model_dump(mode="json")
