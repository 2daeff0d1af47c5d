"""Entries added in one batch get the red flags they would get added one by one in time order."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from lems_companion.accounts.service import find_user
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import Entry
from lems_companion.diary.schemas import EntryCreate
from lems_companion.diary.service import add_entries, add_entry, list_entries
from tests.conftest import Persona, make_user

SYMPTOMS = ("proximal_leg_weakness", "swallowing_difficulty", "choking", "double_vision", "falls")
OFFSETS = (timezone(timedelta(hours=1)), timezone(timedelta(hours=-5)), timezone(timedelta(0)))
NOTES = ("I choked on my dinner and could not breathe", "stairs hard today", None, None, None)
START = datetime(2025, 1, 6, 8, 0, tzinfo=OFFSETS[0])


def diary(seed: int, count: int, *, start: datetime = START) -> list[EntryCreate]:
    """Return made-up entries, some at the same moment, with weights falling and many doses."""
    rng = random.Random(seed)
    items = []
    moment = start
    weight = 80.0
    for _ in range(count):
        moment += timedelta(hours=rng.choice((0, 3, 7, 20, 60, 200)))  # 0: the same moment
        weight -= rng.uniform(0, 0.8)
        fields: dict[str, object] = {
            "recorded_at": moment.astimezone(rng.choice(OFFSETS)),
            "symptoms": {name: rng.randint(0, 3) for name in rng.sample(SYMPTOMS, 2)},
        }
        if rng.random() < 0.4:
            fields["weight_kg"] = round(weight, 1)
        if rng.random() < 0.5:
            fields["medications"] = [{"name": "amifampridine", "dose_mg": rng.choice((10, 20))}]
        if note := rng.choice(NOTES):
            fields["note"] = note
        items.append(EntryCreate.model_validate(fields))
    return items


def flags_of(rows: list[Entry]) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Return each entry's level and flags, in the order given."""
    return [
        (
            row.triage_level,
            [(f.flag, f.level, f.evidence, f.basis, f.start, f.end) for f in row.flags],
        )
        for row in rows
    ]


def store(
    db_url: str, persona: Persona, items: list[EntryCreate], *, one_by_one: bool
) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Store the items for this persona; return the flags of the whole diary as stored, oldest
    first, read back in a new session, and check the stored entries' own answer is the same."""
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        if one_by_one:
            order = sorted(range(len(items)), key=lambda index: items[index].recorded_at)
            added = {index: add_entry(db, owner=owner, data=items[index]) for index in order}
            rows = [added[index] for index in range(len(items))]
        else:
            rows = add_entries(db, owner=owner, items=items)
        returned = flags_of(rows)
        ids = [row.id for row in rows]
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        diary = list_entries(db, owner=owner)
        assert flags_of([next(row for row in diary if row.id == i) for i in ids]) == returned
        return flags_of(diary)


def test_a_batch_gets_the_flags_of_entries_added_one_by_one(db_url: str) -> None:
    items = diary(seed=3, count=150)
    batch = store(db_url, make_user(db_url, "batch@example.org"), items, one_by_one=False)
    single = store(db_url, make_user(db_url, "single@example.org"), items, one_by_one=True)
    assert batch == single
    raised = {flag[0] for _, flags in batch for flag in flags}
    assert {"weight_loss", "amifampridine_dose"} <= raised  # the comparisons were exercised


def test_a_batch_among_stored_entries_is_compared_with_them(db_url: str) -> None:
    stored = diary(seed=5, count=60)
    # Some at the very moments of stored entries, some before, among and after them.
    items = diary(seed=7, count=80, start=START - timedelta(days=20))
    items += [stored[10], stored[11], stored[-1]]
    items += [stored[n].model_copy(update={"symptoms": {"choking": n % 4}}) for n in range(20, 40)]
    results = []
    for email, one_by_one in (("batch@example.org", False), ("single@example.org", True)):
        persona = make_user(db_url, email)
        store(db_url, persona, stored, one_by_one=True)
        results.append(store(db_url, persona, items, one_by_one=one_by_one))
    assert results[0] == results[1]
