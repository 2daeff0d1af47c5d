"""Bench data at scale: many patients with a year of diary entries each, loaded by COPY.

Creates (or re-creates) the PostgreSQL database ``lems_scale_<preset>``, applies the migrations,
and loads the preset's patients, each with a year of entries, four a day, ending today:

    .venv/bin/python bench/scale_data.py --preset small   # 200 patients, 292,000 entries
    .venv/bin/python bench/scale_data.py --preset full    # 10,000 patients, 14.6 million entries
    .venv/bin/python bench/scale_data.py --preset full --drop   # remove the database again

How it stays quick: a handful of template years (``tests.factories.year_of_entries``,
plus a few red-flag notes) are validated and triaged once by the app's own triage; every patient
gets one of them. Rows are written with COPY in time order across patients (day by day, as a
live diary fills the table), the secondary indexes are built after the load, and foreign-key
triggers are off during it (``session_replication_role = replica``: the generator makes
consistent rows). Every patient shares ONE argon2 hash of ``scale_common.BENCH_PASSWORD``: bench
data only. Prints the time of each step.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import psycopg
from argon2 import PasswordHasher

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from scale_common import (  # noqa: E402
    BENCH_PASSWORD,
    BENCH_TIME_ZONE,
    POSTGRES_ADMIN_URL,
    PRESETS,
    database_name,
    database_url,
    email_for,
    libpq_url,
)
from tests.factories import year_of_entries  # noqa: E402

from lems_companion.db.engine import get_engine, upgrade  # noqa: E402
from lems_companion.diary.schemas import EntryCreate  # noqa: E402
from lems_companion.rules.weight_loss import WINDOW as WEIGHT_LOSS_WINDOW  # noqa: E402
from lems_companion.triage import triage_entry  # noqa: E402

DAYS = 365
ENTRIES_PER_DAY = 4
# Distinct made-up years; patient n gets template n % TEMPLATES. Enough that neighbours differ.
TEMPLATES = 16
# Red-flag notes dropped into each template year, so the red-flag history and the report have
# something to show (about one a month, as a worried but mostly stable patient might write).
RED_FLAG_NOTES = (
    "Trouble swallowing at dinner.",
    "Short of breath lying flat last night.",
    "Lost some weight without trying.",
    "Choked on my tea, could not swallow properly.",
)
RED_FLAG_EVERY_ENTRIES = 120
# Rows per COPY write call: big enough to keep the server busy, small enough for little memory.
COPY_CHUNK_ROWS = 20_000
# Memory for building the indexes after the load (a session setting, not the server's).
INDEX_BUILD_MEMORY = "512MB"
ENTRY_COLUMNS = (
    "id, user_id, recorded_at, utc_offset_minutes, context, improved_after_moving, symptoms, "
    "weight_kg, medications, home_tests, note, triage_level, created_at, updated_at"
)
FLAG_COLUMNS = 'entry_id, user_id, flag, level, evidence, start, "end", basis'
# The secondary indexes dropped for the load and built after it (the primary keys stay).
SECONDARY_INDEXES = {
    "ix_entries_user_recorded": "entries (user_id, recorded_at, id)",
    "ix_entries_user_weighed": (
        "entries (user_id, recorded_at, weight_kg) WHERE weight_kg IS NOT NULL"
    ),
    "ix_entry_flags_entry_id": "entry_flags (entry_id)",
    "ix_entry_flags_user_id": "entry_flags (user_id)",
}


def copy_text(value: object) -> str:
    """Return a value in COPY's text format (None is \\N; tabs, newlines, backslashes escaped)."""
    if value is None:
        return "\\N"
    text = value if isinstance(value, str) else json.dumps(value, separators=(",", ":"))
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


@dataclass(frozen=True)
class TemplateYear:
    """One made-up year as COPY text: each entry's columns after (id, user_id), and its flags."""

    entry_tails: list[str]
    flag_tails: list[list[str]]  # per entry: each flag's columns after (entry_id, user_id)
    levels: dict[str, int]


def _with_red_flags(items: list[EntryCreate], seed: int) -> list[EntryCreate]:
    notes = iter(RED_FLAG_NOTES * (len(items) // RED_FLAG_EVERY_ENTRIES + 1))
    changed = list(items)
    for index in range(seed % RED_FLAG_EVERY_ENTRIES, len(items), RED_FLAG_EVERY_ENTRIES):
        changed[index] = items[index].model_copy(update={"note": next(notes)})
    return changed


def template_year(seed: int, *, end: date) -> TemplateYear:
    """Return a year of entries ending on ``end``, triaged in time order as the app does."""
    items = _with_red_flags(year_of_entries(end=end, per_day=ENTRIES_PER_DAY, seed=seed), seed)
    now = datetime.now(UTC).isoformat()
    tails: list[str] = []
    flag_tails: list[list[str]] = []
    levels: dict[str, int] = {}
    weights: list[tuple[datetime, float]] = []
    previous: EntryCreate | None = None
    for item in items:
        recent = [
            (when, kg) for when, kg in weights if when >= item.recorded_at - WEIGHT_LOSS_WINDOW
        ]
        result = triage_entry(item, previous=previous, weight_history=recent)
        previous = item
        if item.weight_kg is not None:
            weights.append((item.recorded_at, item.weight_kg))
        levels[result.level] = levels.get(result.level, 0) + 1
        offset = item.recorded_at.utcoffset() or timedelta(0)
        columns = (
            item.recorded_at.astimezone(UTC).isoformat(),
            str(int(offset.total_seconds() // 60)),
            copy_text(item.context),
            copy_text(item.improved_after_moving),
            copy_text(dict(item.symptoms)),
            copy_text(item.weight_kg if item.weight_kg is None else str(item.weight_kg)),
            copy_text([med.model_dump(mode="json") for med in item.medications]),
            copy_text(item.home_tests.model_dump(mode="json") if item.home_tests else None),
            copy_text(item.note),
            result.level,
            now,
            now,
        )
        tails.append("\t".join(columns) + "\n")
        flag_tails.append(
            [
                "\t".join(
                    (
                        copy_text(hit.id),
                        copy_text(hit.level),
                        copy_text(hit.evidence),
                        copy_text(None if hit.start is None else str(hit.start)),
                        copy_text(None if hit.end is None else str(hit.end)),
                        copy_text(hit.basis),
                    )
                )
                + "\n"
                for hit in result.flags
            ]
        )
    return TemplateYear(entry_tails=tails, flag_tails=flag_tails, levels=levels)


def entry_id(*, moment: int, patient: int, patients: int) -> int:
    """Return the id of a patient's entry number ``moment`` (ids follow time, then patient)."""
    return moment * patients + patient + 1


def _chunks(lines: Iterable[str]) -> Iterable[str]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= COPY_CHUNK_ROWS:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def _entry_lines(
    templates: Sequence[TemplateYear], patients: int, mine: Sequence[int]
) -> Iterable[str]:
    for moment in range(DAYS * ENTRIES_PER_DAY):
        base = moment * patients + 1
        for patient in mine:
            tail = templates[patient % len(templates)].entry_tails[moment]
            yield f"{base + patient}\t{patient + 1}\t{tail}"


def _flag_lines(
    templates: Sequence[TemplateYear], patients: int, mine: Sequence[int]
) -> Iterable[str]:
    for patient in mine:
        template = templates[patient % len(templates)]
        for moment, flags in enumerate(template.flag_tails):
            for tail in flags:
                row_id = entry_id(moment=moment, patient=patient, patients=patients)
                yield f"{row_id}\t{patient + 1}\t{tail}"


def load_share(job: tuple[str, Sequence[TemplateYear], int, list[int]]) -> int:
    """Return the number of entries copied for this share of the patients (one connection)."""
    url, templates, patients, mine = job
    copied = 0
    with psycopg.connect(libpq_url(url)) as connection:
        connection.execute("SET session_replication_role = replica")
        connection.execute("SET synchronous_commit = off")
        with connection.cursor() as cursor:
            with cursor.copy(f"COPY entries ({ENTRY_COLUMNS}) FROM STDIN") as copy:
                for chunk in _chunks(_entry_lines(templates, patients, mine)):
                    copy.write(chunk)
                    copied += chunk.count("\n")
            with cursor.copy(f"COPY entry_flags ({FLAG_COLUMNS}) FROM STDIN") as copy:
                for chunk in _chunks(_flag_lines(templates, patients, mine)):
                    copy.write(chunk)
    return copied


def recreate_database(preset: str) -> str:
    """Return the URL of a new, migrated, empty bench database (dropped first if it exists)."""
    name = database_name(preset)
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')
    url = database_url(preset)
    upgrade(url)
    get_engine(url).dispose()
    return url


def drop_database(preset: str) -> None:
    """Drop the bench database of this preset, if it exists."""
    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{database_name(preset)}" WITH (FORCE)')


def load_users(url: str, patients: int) -> None:
    """Store the bench patients, all with one shared password hash (bench data only)."""
    shared_hash = PasswordHasher().hash(BENCH_PASSWORD)
    now = datetime.now(UTC).isoformat()
    with psycopg.connect(libpq_url(url)) as connection, connection.cursor() as cursor:
        columns = "id, email, password_hash, time_zone, is_admin, is_clinician, created_at"
        with cursor.copy(f"COPY users ({columns}) FROM STDIN") as copy:
            for chunk in _chunks(
                f"{n + 1}\t{email_for(n)}\t{shared_hash}\t{BENCH_TIME_ZONE}\tf\tf\t{now}\n"
                for n in range(patients)
            ):
                copy.write(chunk)


def _execute(url: str, statements: Sequence[str], *, autocommit: bool = False) -> None:
    with psycopg.connect(libpq_url(url), autocommit=autocommit) as connection:
        for statement in statements:
            connection.execute(statement)


def main() -> None:
    """Load the preset and print the time of each step."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--preset", choices=sorted(PRESETS), default="small", help="How many.")
    parser.add_argument("--jobs", type=int, default=2, help="Parallel COPY connections.")
    parser.add_argument("--drop", action="store_true", help="Drop the preset's database and stop.")
    options = parser.parse_args()
    if options.drop:
        drop_database(options.preset)
        print(f"dropped {database_name(options.preset)}")
        return
    patients = PRESETS[options.preset]
    timings: dict[str, float] = {}

    def step(name: str, started: float) -> float:
        timings[name] = time.perf_counter() - started
        print(f"{name:<32} {timings[name]:>8.1f} s", flush=True)
        return time.perf_counter()

    start = mark = time.perf_counter()
    url = recreate_database(options.preset)
    mark = step("create database + migrations", mark)
    templates = [template_year(seed, end=date.today()) for seed in range(TEMPLATES)]
    mark = step(f"{TEMPLATES} template years (triaged)", mark)
    load_users(url, patients)
    _execute(url, [f"DROP INDEX {name}" for name in SECONDARY_INDEXES])
    mark = step(f"{patients:,} users", mark)
    jobs = max(1, min(options.jobs, patients))
    shares = [list(range(job, patients, jobs)) for job in range(jobs)]
    with multiprocessing.Pool(jobs) as pool:
        copied = sum(pool.map(load_share, [(url, templates, patients, s) for s in shares]))
    mark = step(f"COPY {copied:,} entries + flags", mark)
    _execute(
        url,
        [f"SET maintenance_work_mem = '{INDEX_BUILD_MEMORY}'"]
        + [f"CREATE INDEX {name} ON {spec}" for name, spec in SECONDARY_INDEXES.items()]
        + [
            "SELECT setval('entries_id_seq', (SELECT max(id) FROM entries))",
            "SELECT setval('entry_flags_id_seq', (SELECT max(id) FROM entry_flags))",
            "SELECT setval('users_id_seq', (SELECT max(id) FROM users))",
        ],
    )
    mark = step("indexes", mark)
    _execute(url, ["VACUUM (ANALYZE) entries", "VACUUM (ANALYZE)"], autocommit=True)
    mark = step("VACUUM ANALYZE", mark)
    total = time.perf_counter() - start
    levels: dict[str, int] = {}
    for template in templates:
        for level, number in template.levels.items():
            levels[level] = levels.get(level, 0) + number
    with psycopg.connect(libpq_url(url)) as connection:
        size = connection.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('entries')),"
            " pg_size_pretty(pg_database_size(current_database())),"
            " (SELECT count(*) FROM entry_flags)"
        ).fetchone()
    assert size is not None
    print(
        f"\n{database_name(options.preset)}: {patients:,} patients, {copied:,} entries "
        f"({copied / timings[f'COPY {copied:,} entries + flags']:,.0f} rows/s by COPY), "
        f"{size[2]:,} red flags; entries table {size[0]}, database {size[1]}; "
        f"total {total:.0f} s"
    )
    shares_text = ", ".join(
        f"{level} {number / sum(levels.values()):.1%}" for level, number in sorted(levels.items())
    )
    print(f"triage levels of the template entries: {shares_text}")


if __name__ == "__main__":
    main()
