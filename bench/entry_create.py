"""Benchmark: creating diary entries through the JSON API, on SQLite and PostgreSQL.

For each database it starts two servers on loopback, each a single uvicorn process:
- the real app (`POST /api/v1/entries`: token check, validation, insert, commit, response);
- a bare FastAPI endpoint that inserts one row into a table with the same columns and commits,
and sends both the same number of requests at the same concurrency. It prints throughput, p50 and
p95 latency for each, and the ratio of the real app's throughput to the bare endpoint's: what our
validation, access checks and ORM cost on top of "FastAPI + one INSERT". It also prints the CPU
time each server process spent per request (from /proc) and the ratio of those (bare / app): on a
machine that others are using, throughput follows their load, CPU per request much less so.

    .venv/bin/python bench/entry_create.py [--requests 2000] [--concurrency 8] [--rounds 3]
        [--before /tmp/before/src]

The app is this checkout's (``src``); ``--before PATH`` also measures the app from another
checkout's ``src`` folder in the same run, against the same bare endpoint. All the servers of a
database run side by side and are measured in turn, ``--rounds`` times; each figure printed is the
median of the rounds, and each ratio the median of the rounds' ratios. On a machine others share,
a single measurement follows their load (the same build measured twice a minute apart differed
by half); measured in turn, every server sees much the same load.

PostgreSQL is the local server (LEMS_TEST_POSTGRES_URL, default postgres@127.0.0.1:5432); it is
skipped with a note when unreachable.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
import uuid
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

import httpx
import psycopg

from lems_companion.accounts.service import create_user
from lems_companion.db.engine import session_scope, upgrade

SRC = Path(__file__).resolve().parents[1] / "src"
POSTGRES_ADMIN_URL = os.environ.get(
    "LEMS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
EMAIL = "bench@example.org"
PASSWORD = "benchmark password"
ENTRY = {
    "recorded_at": "2026-03-01T08:30:00+01:00",
    "context": "after_rest",
    "improved_after_moving": "yes",
    "symptoms": {"proximal_leg_weakness": 2, "dry_mouth": 1, "fatigue": 2},
    "weight_kg": 71.5,
    "home_tests": {"grip_kg": {"rest": 18.0, "after_squeeze": 23.5}},
    "note": "Stairs hard first thing, easier after walking around the house.",
}

BARE = "bare insert"
# The bare endpoint: FastAPI, SQLAlchemy Core, one INSERT and a commit per request, nothing else.
BARE_APP = textwrap.dedent(
    """
    import os
    from fastapi import FastAPI
    from sqlalchemy import JSON, Column, DateTime, Float, Integer, MetaData, Table, Text, String
    from sqlalchemy import create_engine, insert
    from datetime import datetime, timezone

    url = os.environ["BENCH_DATABASE_URL"]
    engine = create_engine(url)
    metadata = MetaData()
    rows = Table(
        "bare_rows", metadata,
        Column("id", Integer, primary_key=True),
        Column("user_id", Integer), Column("recorded_at", DateTime(timezone=True)),
        Column("utc_offset_minutes", Integer), Column("context", String(20)),
        Column("improved_after_moving", String(10)), Column("symptoms", JSON),
        Column("weight_kg", Float), Column("medications", JSON), Column("home_tests", JSON),
        Column("note", Text), Column("created_at", DateTime(timezone=True)),
        Column("updated_at", DateTime(timezone=True)),
    )
    metadata.create_all(engine)
    app = FastAPI()

    @app.post("/rows", status_code=201)
    def add(payload: dict) -> dict:
        now = datetime.now(timezone.utc)
        with engine.begin() as connection:
            new_id = connection.execute(insert(rows).values(
                user_id=1, recorded_at=datetime.fromisoformat(payload["recorded_at"]),
                utc_offset_minutes=60, context=payload.get("context"),
                improved_after_moving=payload.get("improved_after_moving"),
                symptoms=payload.get("symptoms", {}), weight_kg=payload.get("weight_kg"),
                medications=[], home_tests=payload.get("home_tests"), note=payload.get("note"),
                created_at=now, updated_at=now,
            )).inserted_primary_key[0]
        return {"id": new_id, **payload}
    """
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def process_cpu_seconds(pid: int) -> float:
    """Return the user + system CPU time a process has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@contextmanager
def server(args: list[str], env: dict[str, str], port: int) -> Iterator[tuple[str, int]]:
    """Yield the base URL and process id of a uvicorn process started with these arguments."""
    process = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", *args, "--port", str(port), "--log-level", "warning"],
        env={**os.environ, **env},
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/openapi.json", timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"server {args} did not start") from None
                time.sleep(0.1)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=10)


async def hammer(url: str, headers: dict[str, str], requests: int, concurrency: int) -> list[float]:
    """Return the latency of each request (seconds); every request must succeed."""
    latencies: list[float] = []
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)

    async with httpx.AsyncClient(headers=headers, limits=limits, timeout=30) as client:

        async def worker() -> None:
            for _ in queue:
                start = time.perf_counter()
                response = await client.post(url, json=ENTRY)
                latencies.append(time.perf_counter() - start)
                if response.status_code != 201:
                    raise RuntimeError(f"{url} answered {response.status_code}: {response.text}")

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return latencies


def measure(
    url: str, headers: dict[str, str], requests: int, concurrency: int, pid: int
) -> dict[str, float]:
    """Return throughput, latency and the server's CPU per request after a short warm-up."""
    asyncio.run(hammer(url, headers, min(100, requests), concurrency))
    start = time.perf_counter()
    cpu = process_cpu_seconds(pid)
    latencies = asyncio.run(hammer(url, headers, requests, concurrency))
    cpu = process_cpu_seconds(pid) - cpu
    elapsed = time.perf_counter() - start
    ordered = sorted(latencies)
    return {
        "throughput": requests / elapsed,
        "p50_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[int(len(ordered) * 0.95) - 1] * 1000,
        "cpu_ms": cpu / requests * 1000,
    }


@contextmanager
def databases() -> Iterator[list[tuple[str, str]]]:
    """Yield (name, URL) of a fresh SQLite file and, when reachable, a fresh PostgreSQL database."""
    with tempfile.TemporaryDirectory() as folder:
        found = [("sqlite", f"sqlite:///{Path(folder) / 'bench.sqlite3'}")]
        admin = None
        name = f"lems_bench_{uuid.uuid4().hex[:8]}"
        try:
            admin = psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True, connect_timeout=3)
            admin.execute(f'CREATE DATABASE "{name}"')
            found.append(("postgresql", POSTGRES_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"))
        except psycopg.OperationalError:
            print("note: PostgreSQL not reachable; measuring SQLite only")
        try:
            yield found
        finally:
            if admin is not None:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                admin.close()


def _median_of(rounds: list[dict[str, float]]) -> dict[str, float]:
    """Return each figure's median over the rounds."""
    return {key: statistics.median(item[key] for item in rounds) for key in rounds[0]}


def _measure_database(
    url: str, trees: dict[str, Path], folder: str, options: argparse.Namespace
) -> tuple[dict[str, list[dict[str, float]]], list[dict[str, float]]]:
    """Return each app's measurements and the bare endpoint's, one per round, taken in turn."""
    upgrade(url)
    with session_scope(url) as db:
        create_user(db, email=EMAIL, password=PASSWORD)
    env = {"LEMS_DATABASE_URL": url, "BENCH_DATABASE_URL": url, "PYTHONPATH": folder}
    targets: dict[str, tuple[str, dict[str, str], int]] = {}
    with ExitStack() as servers:
        for label, tree in trees.items():
            app_env = env | {"PYTHONPATH": f"{folder}{os.pathsep}{tree}"}
            base, pid = servers.enter_context(
                server(["--factory", "lems_companion.web.app:create_app"], app_env, free_port())
            )
            token = httpx.post(
                f"{base}/api/v1/token", data={"username": EMAIL, "password": PASSWORD}
            ).json()["access_token"]
            targets[label] = (f"{base}/api/v1/entries", {"Authorization": f"Bearer {token}"}, pid)
        base, pid = servers.enter_context(server(["bare_app:app"], env, free_port()))
        targets[BARE] = (f"{base}/rows", {}, pid)
        found: dict[str, list[dict[str, float]]] = {label: [] for label in targets}
        for _ in range(options.rounds):
            for label, (url_of, headers, pid) in targets.items():
                found[label].append(
                    measure(url_of, headers, options.requests, options.concurrency, pid)
                )
    bare = found.pop(BARE)
    return found, bare


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=2000, help="requests per measurement")
    parser.add_argument("--concurrency", type=int, default=8, help="requests in flight at once")
    parser.add_argument(
        "--rounds", type=int, default=3, help="measurements of each server, taken in turn"
    )
    parser.add_argument("--before", type=Path, help="src folder of another checkout to measure")
    options = parser.parse_args()
    trees = {"POST /api/v1/entries": SRC}
    if options.before:
        trees["  same, before"] = options.before.resolve()

    rows = []
    with databases() as targets, tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "bare_app.py").write_text(BARE_APP)
        for name, url in targets:
            apps, bare = _measure_database(url, trees, folder, options)
            rows.append((name, apps, bare))

    print(
        f"\nEntry creation over HTTP: {options.requests} requests, "
        f"{options.concurrency} in flight, one uvicorn process each, {os.cpu_count()} cores, "
        f"median of {options.rounds} rounds, load average {os.getloadavg()[0]:.1f} at the end\n"
    )
    header = (
        f"{'database':<11} {'endpoint':<22} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8}"
        f" {'CPU ms/req':>11}"
    )
    print(header)
    print("-" * len(header))
    for name, apps, bare in rows:
        for label, figures in [*apps.items(), (BARE, bare)]:
            median = _median_of(figures)
            print(
                f"{name:<11} {label:<22} {median['throughput']:>8.0f} "
                f"{median['p50_ms']:>8.1f} {median['p95_ms']:>8.1f} {median['cpu_ms']:>11.2f}"
            )
        for label, figures in apps.items():
            pairs = list(zip(figures, bare, strict=True))
            ratio = statistics.median(app["throughput"] / b["throughput"] for app, b in pairs)
            cpu_ratio = statistics.median(b["cpu_ms"] / app["cpu_ms"] for app, b in pairs)
            print(
                f"{name:<11} {'ratio ' + label.strip() + ' / bare':<22} {ratio:>8.2f}"
                f" {'':>17} {cpu_ratio:>11.2f}"
            )


if __name__ == "__main__":
    main()
