"""Load test: many signed-in patients at once against several app workers on one PostgreSQL.

Starts uvicorn with ``--workers N`` on loopback against a bench database loaded by
``scale_data.py``, signs in one patient per simulated user (web form and API token), then for each
level of concurrency runs that many users for a fixed time. Each user repeats: pick a request from
the mix below, send it, wait a moment (think time, like a person reading), and so on:

    GET /diary (timeline) 35% | GET /api/v1/entries 20% | GET /entries/new (form) 15% |
    POST /entries (form, with CSRF) 15% | POST /api/v1/entries 15% | GET /bench/bare 10%

The last is the baseline: a bare FastAPI endpoint on the same workers (load_app.py), reported
beside the app's requests with the ratio of their p95s and the load average of the level.
``--before PATH`` runs the same levels against another checkout's ``src`` in the same run.

It prints, per level, throughput and p50/p95/p99 latency (all requests, and per kind), errors,
the CPU used by the app workers, by the database's backends, by this load generator and by the
whole machine, and the database's wait events (sampled from pg_stat_activity), and counts the
entries each level wrote in the database against the creations that were answered 201/303.

    .venv/bin/python bench/load_test.py --preset small [--users 10,50,200] [--seconds 30]
        [--before /tmp/before/src]

Traffic goes only to 127.0.0.1; each level is bounded in time.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import math
import os
import random
import re
import time
import uuid
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import psycopg
from load_app import BARE_PATH
from scale_common import (
    BENCH_PASSWORD,
    BENCH_TIME_ZONE,
    PRESETS,
    app_server,
    cpu_seconds,
    database_name,
    database_url,
    email_for,
    libpq_url,
    percentile,
    server_pids,
    wait_until_warm,
)

from lems_companion.accounts.service import find_user, start_session
from lems_companion.db.engine import session_scope

# The request mix: (kind, weight). Reads dominate, as in a diary people look back at more often
# than they write; a person writes a few entries a day.
MIX = (
    ("GET /diary", 35),
    ("GET /api/v1/entries", 20),
    ("GET /entries/new", 15),
    ("POST /entries", 15),
    ("POST /api/v1/entries", 15),
    (f"GET {BARE_PATH}", 10),
)
# The baseline in every level: a bare FastAPI endpoint on the same workers (load_app.py).
BARE = f"GET {BARE_PATH}"
# Patients who sign in through the real form and token endpoint; the others' sessions are
# started in the database (started_sessions).
SIGNED_IN = 4
CREATIONS = ("POST /entries", "POST /api/v1/entries")
# Think time between one user's requests, seconds (uniform): a person reading a page.
THINK_SECONDS = (0.5, 1.5)
# Sign-ins in flight at once during set-up (each costs an argon2 verification on the server).
SIGN_IN_CONCURRENCY = 8
# How often the database's activity is sampled during a level, seconds.
SAMPLE_EVERY = 0.5
REQUEST_TIMEOUT = 30.0
BENCH = Path(__file__).resolve().parent
SRC = BENCH.parent / "src"
# The app with the bare endpoint beside it (load_app.py).
FACTORY = "load_app:create_app"
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@dataclass
class Patient:
    """A signed-in bench patient: web cookie, CSRF token and API header."""

    cookie: dict[str, str]
    csrf: str
    bearer: dict[str, str]
    user_id: int = 0


@dataclass
class Level:
    """What one level of concurrency measured."""

    users: int
    seconds: float = 0.0
    latencies: dict[str, list[float]] = field(default_factory=dict)
    errors: Counter[str] = field(default_factory=Counter)
    created: int = 0
    stored: int = 0
    app_cpu: float = 0.0
    worker_cpu: list[float] = field(default_factory=list)
    db_cpu: float = 0.0
    client_cpu: float = 0.0
    machine_busy: float = 0.0
    load: float = 0.0
    active_backends: list[int] = field(default_factory=list)
    waits: Counter[str] = field(default_factory=Counter)


async def sign_in(client: httpx.AsyncClient, number: int) -> Patient:
    """Return the patient signed in through the login form and the token endpoint."""
    email = email_for(number)
    # The sign-in form carries a double-submit token: the form's field echoes its cookie.
    form = await client.get("/login")
    form_token = CSRF.search(form.text)
    if form_token is None:
        raise RuntimeError("no CSRF token on the sign-in form")
    response = await client.post(
        "/login",
        data={"email": email, "password": BENCH_PASSWORD, "csrf_token": form_token.group(1)},
        headers={"Cookie": f"lems_form={form.cookies['lems_form']}"},
    )
    if response.status_code != 303:
        raise RuntimeError(f"sign-in of {email} answered {response.status_code}")
    # The cookie is Secure; it is sent by hand over plain-HTTP loopback.
    cookie = {"Cookie": f"lems_session={response.cookies['lems_session']}"}
    page = await client.get("/entries/new", headers=cookie)
    match = CSRF.search(page.text)
    if match is None:
        raise RuntimeError("no CSRF token on the entry form")
    token = await client.post("/api/v1/token", data={"username": email, "password": BENCH_PASSWORD})
    bearer = {"Authorization": f"Bearer {token.json()['access_token']}"}
    return Patient(cookie=cookie, csrf=match.group(1), bearer=bearer)


def started_sessions(url: str, numbers: list[int]) -> list[Patient]:
    """Return these patients with a web session and an API token started in the database.

    Bench shortcut: the same rows a sign-in stores (``start_session``), without the two argon2
    verifications per patient (minutes for 200 patients on 2 busy cores); sign-in is not in the
    measured mix, and the first patients still sign in through the real form (``SIGNED_IN``).
    """
    patients = []
    with session_scope(url) as db:
        for number in numbers:
            user = find_user(db, email_for(number))
            if user is None:
                raise RuntimeError(f"no bench patient {email_for(number)}")
            web, row = start_session(db, user=user, kind="web", days=1)
            api, _ = start_session(db, user=user, kind="api", days=1)
            patients.append(
                Patient(
                    cookie={"Cookie": f"lems_session={web}"},
                    csrf=row.csrf_token,
                    bearer={"Authorization": f"Bearer {api}"},
                    user_id=user.id,
                )
            )
    return patients


async def sign_in_all(client: httpx.AsyncClient, numbers: list[int]) -> list[Patient]:
    """Return the patients signed in, a few at a time."""
    gate = asyncio.Semaphore(SIGN_IN_CONCURRENCY)

    async def one(number: int) -> Patient:
        async with gate:
            return await sign_in(client, number)

    return list(await asyncio.gather(*(one(number) for number in numbers)))


def requests_for(
    client: httpx.AsyncClient, patient: Patient, tag: str
) -> dict[str, Callable[[int], Awaitable[httpx.Response]]]:
    """Return a sender per request kind for this patient; each note carries the tag and a count."""
    zone = ZoneInfo(BENCH_TIME_ZONE)

    def form_entry(count: int) -> Awaitable[httpx.Response]:
        now = datetime.now(zone).strftime("%Y-%m-%dT%H:%M")
        data = {
            "csrf_token": patient.csrf,
            "recorded_at": now,
            "tz": BENCH_TIME_ZONE,
            "context": "after_rest",
            "symptom_proximal_leg_weakness": "2",
            "symptom_dry_mouth": "1",
            "note": f"{tag} form {count}",
        }
        return client.post("/entries", data=data, headers=patient.cookie)

    def api_entry(count: int) -> Awaitable[httpx.Response]:
        body = {
            "recorded_at": datetime.now(UTC).isoformat(),
            "context": "after_activity",
            "symptoms": {"proximal_leg_weakness": 1, "fatigue": 2},
            "note": f"{tag} api {count}",
        }
        return client.post("/api/v1/entries", json=body, headers=patient.bearer)

    return {
        "GET /diary": lambda _: client.get("/diary", headers=patient.cookie),
        "GET /api/v1/entries": lambda _: client.get("/api/v1/entries", headers=patient.bearer),
        "GET /entries/new": lambda _: client.get("/entries/new", headers=patient.cookie),
        "POST /entries": form_entry,
        "POST /api/v1/entries": api_entry,
        BARE: lambda _: client.get(BARE_PATH),
    }


EXPECTED = {"POST /entries": 303, "POST /api/v1/entries": 201}


async def run_user(
    client: httpx.AsyncClient,
    patient: Patient,
    level: Level,
    tag: str,
    deadline: float,
    rng: random.Random,
) -> None:
    """Send this user's requests until the deadline, recording latency and errors."""
    senders = requests_for(client, patient, tag)
    kinds = [kind for kind, _ in MIX]
    weights = [weight for _, weight in MIX]
    count = 0
    await asyncio.sleep(rng.uniform(*THINK_SECONDS))  # users do not all start at once
    while time.monotonic() < deadline:
        kind = rng.choices(kinds, weights)[0]
        count += 1
        started = time.perf_counter()
        try:
            response = await senders[kind](count)
            status = response.status_code
        except httpx.HTTPError as error:
            status = 0
            level.errors[f"{kind}: {type(error).__name__}"] += 1
        elapsed = time.perf_counter() - started
        if status == EXPECTED.get(kind, 200):
            level.latencies.setdefault(kind, []).append(elapsed)
            level.created += kind in CREATIONS
        elif status:
            level.errors[f"{kind}: {status}"] += 1
        await asyncio.sleep(rng.uniform(*THINK_SECONDS))


def machine_ticks() -> tuple[int, int]:
    """Return (busy, total) CPU ticks of the whole machine so far."""
    with open("/proc/stat") as handle:
        values = [int(value) for value in handle.readline().split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return sum(values) - idle, sum(values)


async def sample_database(url: str, level: Level, stop: asyncio.Event) -> dict[int, float]:
    """Sample the bench database's backends until stopped; return their CPU seconds used."""
    first: dict[int, float] = {}
    last: dict[int, float] = {}
    name = url.rsplit("/", 1)[1]
    async with await psycopg.AsyncConnection.connect(libpq_url(url), autocommit=True) as db:
        while not stop.is_set():
            rows = await (
                await db.execute(
                    "SELECT pid, state, wait_event_type FROM pg_stat_activity"
                    " WHERE datname = %s AND pid <> pg_backend_pid()",
                    (name,),
                )
            ).fetchall()
            active = 0
            for pid, state, wait in rows:
                used = cpu_seconds(pid)
                first.setdefault(pid, used)
                last[pid] = used
                if state == "active":
                    active += 1
                    level.waits[wait or "CPU (no wait)"] += 1
            level.active_backends.append(active)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), SAMPLE_EVERY)
    return {pid: last[pid] - first[pid] for pid in first}


def stored_entries(url: str, user_ids: list[int], tag: str, since: datetime) -> int:
    """Return how many entries carrying this run's tag the database holds for these users."""
    with psycopg.connect(libpq_url(url)) as db:
        found = db.execute(
            "SELECT count(*) FROM entries WHERE user_id = ANY(%s) AND recorded_at >= %s"
            " AND note LIKE %s",
            (user_ids, since, f"{tag} %"),
        ).fetchone()
    return int(found[0]) if found else 0


async def run_level(
    base: str, url: str, server_pid: int, patients: list[Patient], users: int, seconds: float
) -> Level:
    """Return the figures of ``users`` simulated users for ``seconds``."""
    level = Level(users=users)
    # The form records times to the minute, so the count looks back a little before the start.
    since = datetime.now(UTC) - timedelta(minutes=2)
    tag = f"load-{uuid.uuid4().hex[:8]}"
    rng = random.Random(users)
    limits = httpx.Limits(max_connections=users, max_keepalive_connections=users)
    workers = server_pids(server_pid) or [server_pid]
    workers_before = [cpu_seconds(pid) for pid in workers]
    client_before = sum(os.times()[:2])
    busy_before, total_before = machine_ticks()
    stop = asyncio.Event()
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=REQUEST_TIMEOUT) as client:
        sampler = asyncio.create_task(sample_database(url, level, stop))
        started = time.monotonic()
        deadline = started + seconds
        await asyncio.gather(
            *(run_user(client, patients[i], level, tag, deadline, rng) for i in range(users))
        )
        level.seconds = time.monotonic() - started
        stop.set()
        db_used = await sampler
    busy_after, total_after = machine_ticks()
    level.load = os.getloadavg()[0]
    level.machine_busy = (busy_after - busy_before) / max(1, total_after - total_before)
    level.worker_cpu = [
        cpu_seconds(pid) - before for pid, before in zip(workers, workers_before, strict=True)
    ]
    level.app_cpu = sum(level.worker_cpu)
    level.client_cpu = sum(os.times()[:2]) - client_before
    level.db_cpu = sum(db_used.values())
    level.stored = stored_entries(url, [p.user_id for p in patients[:users]], tag, since)
    return level


def ms(values: list[float], share: float) -> str:
    """Return a percentile of these seconds in milliseconds, formatted to 7 characters."""
    return f"{percentile(values, share) * 1000:7.1f}" if values else "      -"


def others_cpu(level: Level) -> float:
    """Return the CPU (cores' worth) used meanwhile by processes outside this test."""
    cores = os.cpu_count() or 1
    ours = (level.app_cpu + level.db_cpu + level.client_cpu) / level.seconds
    return max(0.0, level.machine_busy * cores - ours)


def verdict(level: Level) -> str:
    """Return where the bottleneck of this level lies, from the CPU and wait figures."""
    samples = max(1, sum(level.waits.values()))
    lock_share = (level.waits["Lock"] + level.waits["LWLock"]) / samples
    if level.machine_busy > 0.9:
        biggest = max(
            ("the app workers", level.app_cpu / level.seconds),
            ("PostgreSQL", level.db_cpu / level.seconds),
            ("the load generator", level.client_cpu / level.seconds),
            ("other processes on the machine", others_cpu(level)),
            key=lambda pair: pair[1],
        )[0]
        return f"CPU: the {os.cpu_count()} cores are saturated; {biggest} use the most"
    if lock_share > 0.2:
        return "database locks"
    if level.errors:
        # Time-outs with CPU to spare: requests stalled (e.g. waiting for pooled connections).
        return "stalls: errors or time-outs with CPU to spare; see the server's log"
    return "none reached (CPU has headroom, few lock waits)"


def report(levels: list[Level], workers: int, preset: str, label: str) -> None:
    """Print the figures of every level."""
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n{label}: load test on {database_name(preset)}: {workers} uvicorn workers, one "
        "PostgreSQL, "
        f"{os.cpu_count()} cores shared with the load generator (load average now {load}); "
        f"think time {THINK_SECONDS[0]}-{THINK_SECONDS[1]} s\n"
    )
    header = (
        f"{'users':>5} {'requests':>8} {'req/s':>7} {'errors':>6} {'p50 ms':>7} {'p95 ms':>7} "
        f"{'p99 ms':>7} {'create p95':>10} {'timeline p95':>12} {'written/stored':>15} "
        f"{'bare p95':>8} {'p95/bare':>8} {'load':>5}"
    )
    print(header + "\n" + "-" * len(header))
    for level in levels:
        # The app's requests; the bare endpoint is the baseline beside them.
        every = [v for kind, values in level.latencies.items() if kind != BARE for v in values]
        bare = level.latencies.get(BARE, [])
        ratio = percentile(every, 0.95) / percentile(bare, 0.95) if every and bare else math.nan
        creates = [v for kind in CREATIONS for v in level.latencies.get(kind, [])]
        print(
            f"{level.users:>5} {len(every):>8} {len(every) / level.seconds:>7.1f} "
            f"{sum(level.errors.values()):>6} {ms(every, 0.5)} {ms(every, 0.95)} "
            f"{ms(every, 0.99)} {ms(creates, 0.95):>10} "
            f"{ms(level.latencies.get('GET /diary', []), 0.95):>12} "
            f"{f'{level.created}/{level.stored}':>15} {ms(bare, 0.95):>8} {ratio:>8.1f} "
            f"{level.load:>5.1f}"
        )
    print("\nPer request kind, p50 / p95 / p99 ms")
    for level in levels:
        parts = [
            f"{kind} {ms(level.latencies.get(kind, []), 0.5).strip()}/"
            f"{ms(level.latencies.get(kind, []), 0.95).strip()}/"
            f"{ms(level.latencies.get(kind, []), 0.99).strip()}"
            for kind, _ in MIX
        ]
        print(f"{level.users:>5} users: " + "; ".join(parts))
    print("\nWhere the time goes (CPU as a share of one core over the level)")
    for level in levels:
        waits = ", ".join(f"{name} {count}" for name, count in level.waits.most_common(4))
        active = sum(level.active_backends) / max(1, len(level.active_backends))
        print(
            f"{level.users:>5} users: machine busy {level.machine_busy:.0%}; app workers "
            f"{level.app_cpu / level.seconds:.0%}, PostgreSQL backends "
            f"{level.db_cpu / level.seconds:.0%}, load generator "
            f"{level.client_cpu / level.seconds:.0%}, other processes "
            f"{others_cpu(level):.0%}; each worker "
            f"{', '.join(f'{used / level.seconds:.0%}' for used in level.worker_cpu)}; "
            f"active backends {active:.1f} on average; "
            f"wait samples: {waits or 'none'}; bottleneck: {verdict(level)}"
        )
        if level.errors:
            print(f"       errors: {dict(level.errors)}")


async def prepare_patients(base: str, url: str, numbers: list[int]) -> list[Patient]:
    """Return the simulated users' patients: the first signed in through the app, the rest
    with sessions started in the database (started_sessions)."""
    async with httpx.AsyncClient(base_url=base, timeout=REQUEST_TIMEOUT) as client:
        started = time.perf_counter()
        patients = await sign_in_all(client, numbers[:SIGNED_IN])
        print(f"signed in {len(patients)} patients in {time.perf_counter() - started:.1f} s")
    with psycopg.connect(libpq_url(url)) as db:
        for patient, number in zip(patients, numbers, strict=False):
            found = db.execute("SELECT id FROM users WHERE email = %s", (email_for(number),))
            row = found.fetchone()
            patient.user_id = int(row[0]) if row else 0
    return patients + started_sessions(url, numbers[SIGNED_IN:])


async def main_async(options: argparse.Namespace) -> None:
    """Start the server, sign the users in and run every level."""
    url = database_url(options.preset)
    levels_wanted = [int(value) for value in options.users.split(",")]
    patients_total = PRESETS[options.preset]
    needed = max(levels_wanted)
    if needed > patients_total:
        raise SystemExit(f"{options.preset} has {patients_total} patients; {needed} are needed")
    # Spread the simulated users over the table rather than taking its first rows.
    numbers = [i * patients_total // needed for i in range(needed)]
    patients: list[Patient] = []
    trees = {"this checkout": SRC}
    if options.before:
        trees["before"] = options.before.resolve()
    runs: dict[str, list[Level]] = {}
    # The servers take turns, the checkout being compared first, the same levels each.
    for label, tree in reversed(trees.items()):
        env = {"PYTHONPATH": os.pathsep.join([str(BENCH), str(tree)])}
        with app_server(url, workers=options.workers, extra_env=env, factory=FACTORY) as server:
            print(f"{label}: workers warm after {wait_until_warm(server.pid):.0f} s", flush=True)
            if not patients:
                patients = await prepare_patients(server.url, url, numbers)
            levels = runs.setdefault(label, [])
            for users in levels_wanted:
                levels.append(
                    await run_level(server.url, url, server.pid, patients, users, options.seconds)
                )
                print(f"{label}: level {users} users done", flush=True)
    for label, levels in runs.items():
        report(levels, options.workers, options.preset, label)


def main() -> None:
    """Parse the options and run the load test."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small", help="Database.")
    parser.add_argument("--workers", type=int, default=3, help="uvicorn worker processes.")
    parser.add_argument("--users", default="10,50,200", help="Concurrent users per level.")
    parser.add_argument("--seconds", type=float, default=30, help="Length of each level.")
    parser.add_argument(
        "--before", type=Path, help="src folder of another checkout to measure in the same run"
    )
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
