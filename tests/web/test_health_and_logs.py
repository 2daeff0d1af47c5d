"""Deployment plumbing: liveness and readiness endpoints and the in-flight cap (logs: test_logs)."""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from starlette.types import Receive, Scope, Send

from lems_companion.settings import Settings
from lems_companion.web.inflight import InFlightLimit
from lems_companion.web.routes.health import schema_is_ready
from tests.conftest import LiveServer


def test_healthz_answers_without_a_database() -> None:
    unreachable = "postgresql+psycopg://nobody@127.0.0.1:9/none"
    with LiveServer(Settings(database_url=unreachable)) as server:
        assert httpx.get(f"{server.url}/healthz").json() == {"status": "ok"}
        assert httpx.get(f"{server.url}/readyz", timeout=30).status_code == 503


def test_readyz_is_ready_on_a_migrated_database(http: httpx.Client) -> None:
    response = http.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_readyz_is_unavailable_before_the_migrations(tmp_path: Path) -> None:
    with LiveServer(Settings(database_url=f"sqlite:///{tmp_path / 'new.db'}")) as server:
        response = httpx.get(f"{server.url}/readyz")
    assert response.status_code == 503
    assert response.json()["detail"] == "database migrations are not at head"


def test_the_in_flight_cap_queues_requests_beyond_the_limit() -> None:
    running = 0
    most = 0

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        nonlocal running, most
        running += 1
        most = max(most, running)
        await asyncio.sleep(0.01)
        running -= 1

    capped = InFlightLimit(app, limit=3)

    async def nothing() -> dict[str, str]:
        return {}

    async def ignore(message: object) -> None:
        return None

    async def burst() -> None:
        await asyncio.gather(*(capped({"type": "http"}, nothing, ignore) for _ in range(10)))

    # In a thread of its own: the session's Playwright browser may keep an event loop running
    # in the main thread, where a second loop cannot start.
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, burst()).result()
    assert most == 3


def test_a_schema_ahead_of_the_code_is_ready_and_one_behind_is_not() -> None:
    heads, known = frozenset({"0006p", "0005t"}), frozenset({"0001", "0004s", "0005t", "0006p"})
    assert schema_is_ready(frozenset({"0006p", "0005t"}), heads, known)
    assert schema_is_ready(frozenset({"0007x", "0005t"}), heads, known)  # a newer release's
    assert not schema_is_ready(frozenset({"0004s", "0005t"}), heads, known)
    assert not schema_is_ready(frozenset(), heads, known)
