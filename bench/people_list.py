"""The people list at scale (issue 14): a clinician with 200 patients of a year each.

Builds its own PostgreSQL database ``lems_bench_people`` (dropped first) with the scale bench's
loader (``scale_data.py``: 200 patients, a year of entries each, four a day, ending today, the
made-up years of ``tests.factories.year_of_entries`` with red-flag notes), shares every diary
with one clinician, and prints the p50/p95 of:

- ``people.service.people_for`` in process (a fresh session per call, as a request has), warm
  (the diaries' signals kept) and with five diaries changed before each call (their signals
  computed again), beside a bare ``SELECT count(*)`` over the patients' entries and ``SELECT 1``;
- ``GET /api/v1/people`` through the whole app (FastAPI's TestClient, bearer token), beside
  ``GET /api/v1/profile`` (signed in, one row) as the bare endpoint.

The first call, which computes every diary's signals, is timed on its own.

    .venv/bin/python bench/people_list.py [--patients 200] [--runs 200] [--keep]
"""

from __future__ import annotations

import argparse
import multiprocessing
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import psycopg

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "bench"))

from scale_common import POSTGRES_ADMIN_URL, libpq_url, percentile  # noqa: E402
from scale_data import (  # noqa: E402
    INDEX_BUILD_MEMORY,
    SECONDARY_INDEXES,
    TEMPLATES,
    load_share,
    load_users,
    template_year,
)
from sqlalchemy import delete, select, text  # noqa: E402

from lems_companion.accounts.models import User  # noqa: E402
from lems_companion.accounts.service import start_session  # noqa: E402
from lems_companion.db.engine import get_engine, session_scope, upgrade  # noqa: E402
from lems_companion.diary.models import DiarySignal  # noqa: E402
from lems_companion.people.service import people_for  # noqa: E402
from lems_companion.settings import Settings  # noqa: E402
from lems_companion.sharing.models import Grant  # noqa: E402

DATABASE = "lems_bench_people"
CLINICIAN = "clinician@bench.example.org"
CHANGED_PER_CALL = 5


def build(patients: int) -> str:
    """Return the URL of a fresh bench database with the patients, their years and the grants."""
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{DATABASE}"')
    base = POSTGRES_ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    url = f"{base}/{DATABASE}"
    upgrade(url)
    templates = [template_year(seed, end=date.today()) for seed in range(TEMPLATES)]
    load_users(url, patients)
    with psycopg.connect(libpq_url(url)) as connection:
        for name in SECONDARY_INDEXES:
            connection.execute(f"DROP INDEX {name}")
    shares = [list(range(job, patients, 2)) for job in range(2)]
    with multiprocessing.Pool(2) as pool:
        copied = sum(pool.map(load_share, [(url, templates, patients, s) for s in shares]))
    with psycopg.connect(libpq_url(url)) as connection:
        connection.execute(f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'")
        for name, spec in SECONDARY_INDEXES.items():
            connection.execute(f"CREATE INDEX {name} ON {spec}")
        for table in ("entries", "entry_flags", "users"):
            connection.execute(f"SELECT setval('{table}_id_seq', (SELECT max(id) FROM {table}))")
    now = datetime.now(UTC)
    with session_scope(url) as db:
        clinician = User(
            email=CLINICIAN,
            password_hash="-",
            created_at=now,
            time_zone="UTC",
            email_verified_at=now,
        )
        db.add(clinician)
        for owner_id in db.scalars(select(User.id).where(User.email != CLINICIAN)):
            db.add(
                Grant(owner_id=owner_id, grantee_email=CLINICIAN, role="clinician", created_at=now)
            )
    with psycopg.connect(libpq_url(url)) as connection:
        # A clinician who keeps up: every red flag older than a month acknowledged, and each
        # diary last opened a week ago.
        connection.execute(
            "INSERT INTO flag_acknowledgements (entry_flag_id, owner_id, user_id, role, at)"
            " SELECT f.id, f.user_id, u.id, 'clinician', now() FROM entry_flags f"
            " JOIN entries e ON e.id = f.entry_id"
            " JOIN users u ON u.email = %s"
            " WHERE e.recorded_at < now() - interval '30 days'",
            (CLINICIAN,),
        )
        connection.execute(
            "UPDATE grants g SET last_seen_at = now() - interval '7 days', seen_flag_id ="
            " (SELECT coalesce(max(f.id), 0) FROM entry_flags f JOIN entries e"
            " ON e.id = f.entry_id WHERE f.user_id = g.owner_id"
            " AND e.created_at < now() - interval '7 days')"
        )
    with psycopg.connect(libpq_url(url), autocommit=True) as connection:
        connection.execute("VACUUM (ANALYZE)")
    print(f"{DATABASE}: {patients} patients, {copied:,} entries, shared with one clinician")
    return url


def timed(
    call: Callable[[], object], runs: int, before: Callable[[], object] | None = None
) -> list[float]:
    """Return the milliseconds of each of ``runs`` calls (after one untimed warm-up); ``before``
    runs untimed before each call."""
    call()
    found = []
    for _ in range(runs):
        if before is not None:
            before()
        start = time.perf_counter()
        call()
        found.append((time.perf_counter() - start) * 1000)
    return found


def line(name: str, values: list[float]) -> None:
    print(
        f"  {name:<52} p50 {statistics.median(values):7.2f} ms   p95 "
        f"{percentile(values, 0.95):7.2f} ms   (n={len(values)})"
    )


def main() -> None:
    """Build the data, then measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=200)
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--keep", action="store_true", help="Keep the bench database.")
    options = parser.parse_args()
    started = time.perf_counter()
    url = build(options.patients)
    print(f"built in {time.perf_counter() - started:.0f} s\n")
    with session_scope(url) as db:
        clinician = db.scalars(select(User).where(User.email == CLINICIAN)).one()
        clinician_id = clinician.id
        owner_ids = [grant.owner_id for grant in db.scalars(select(Grant))]
        token, _ = start_session(db, user=clinician, kind="api", days=1)

    def listing() -> list[object]:
        with session_scope(url) as db:
            viewer = db.get(User, clinician_id)
            assert viewer is not None
            return list(people_for(db, viewer))

    start = time.perf_counter()
    people = listing()
    cold = (time.perf_counter() - start) * 1000
    first = people[0]
    print(
        f"people_for: {len(people)} diaries; first {first.name} ({first.attention}, "  # type: ignore[attr-defined]
        f"open {first.open_flags}); attention: "  # type: ignore[attr-defined]
        + ", ".join(
            f"{kind} {sum(1 for p in people if p.attention == kind)}"  # type: ignore[attr-defined]
            for kind in ("emergency", "prompt", "change", "none")
        )
    )
    print(f"first call, computing all {len(people)} diaries' signals: {cold:.0f} ms\n")

    def bare_count() -> None:
        with session_scope(url) as db:
            db.execute(
                text("SELECT count(*) FROM entries WHERE user_id = ANY(:ids)"), {"ids": owner_ids}
            ).scalar()

    def bare_select() -> None:
        with session_scope(url) as db:
            db.execute(text("SELECT 1")).scalar()

    changed = iter(range(10**9))

    def five_diaries_changed() -> None:
        # As if five patients had written since the last call: their signals are forgotten.
        with session_scope(url) as db:
            n = next(changed)
            some = [owner_ids[(n * CHANGED_PER_CALL + k) % len(owner_ids)] for k in range(5)]
            db.execute(delete(DiarySignal).where(DiarySignal.owner_id.in_(some)))

    runs = options.runs
    print("in process (PostgreSQL, a fresh session per call):")
    line("baseline: SELECT 1", timed(bare_select, runs))
    line(
        f"baseline: SELECT count(*) of the {len(owner_ids)} patients' entries",
        timed(bare_count, runs),
    )
    line("people_for (signals kept)", timed(listing, runs))
    line(
        f"people_for, {CHANGED_PER_CALL} diaries changed before each call",
        timed(listing, runs, before=five_diaries_changed),
    )

    from fastapi.testclient import TestClient

    from lems_companion.web.app import create_app

    app = create_app(Settings(database_url=url, emergency_number="112"))
    headers = {"Authorization": f"Bearer {token}"}
    with TestClient(app) as client:
        assert client.get("/api/v1/people", headers=headers).status_code == 200

        def api_people() -> None:
            response = client.get("/api/v1/people", headers=headers)
            assert response.status_code == 200 and len(response.json()) == len(owner_ids)

        def api_profile() -> None:
            assert client.get("/api/v1/profile", headers=headers).status_code == 200

        print("\nover the app (TestClient, bearer token):")
        line("baseline: GET /api/v1/profile", timed(api_profile, runs))
        line("GET /api/v1/people", timed(api_people, runs))
    get_engine(url).dispose()
    if not options.keep:
        with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')


if __name__ == "__main__":
    main()
