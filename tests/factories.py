"""Made-up diaries for analysis and report tests, and for bench/report_speed.py."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta, timezone
from itertools import count
from typing import Any

from lems_companion.diary.schemas import EntryCreate, EntryPublic

_ids = count(1)
CET = timezone(timedelta(hours=1))


def entry(when: datetime | str, **fields: Any) -> EntryPublic:
    """Return a stored-looking entry with a fresh id."""
    moment = datetime.fromisoformat(when) if isinstance(when, str) else when
    return EntryPublic.model_validate({"id": next(_ids), "recorded_at": moment, **fields})


def sit_to_stand(*seconds: float) -> dict[str, Any]:
    """Return home tests with five sit-to-stand repetition times."""
    return {"sit_to_stand_seconds": list(seconds)}


def grip(rest: float, after: float) -> dict[str, Any]:
    """Return home tests with grip at rest and after the squeeze."""
    return {"grip_kg": {"rest": rest, "after_squeeze": after}}


def year_of_entries(
    *, end: date = date(2026, 10, 31), per_day: int = 4, seed: int = 11
) -> list[EntryCreate]:
    """Return a year of daily diary entries, several a day, with home tests, weights and doses."""
    rng = random.Random(seed)
    tz = timezone(timedelta(hours=1))
    start = end - timedelta(days=364)
    clocks = (time(7, 30), time(12, 30), time(17, 30), time(21, 30))[:per_day]
    items = []
    weight = 80.0
    for day_number in range(365):
        day = start + timedelta(days=day_number)
        treated = day_number >= 120
        for slot, clock in enumerate(clocks):
            base = (2.5, 1.5, 1.8, 2.1)[slot] - (0.7 if treated else 0) + rng.uniform(-0.5, 0.5)
            symptoms = {
                "proximal_leg_weakness": max(0, min(3, round(base))),
                "proximal_arm_weakness": max(0, min(3, round(base - 0.8))),
                "dry_mouth": rng.choice((0, 1, 1, 2)),
                "fatigue": rng.choice((1, 1, 2, 2, 3)),
                "constipation": rng.choice((0, 0, 1)),
                "drooping_eyelids": rng.choice((0, 0, 0, 1)),
            }
            home_tests = None
            if slot == 0 and day.weekday() in (1, 4):
                first = 4.2 - (0.5 if treated else 0)
                reps = [
                    round(first * f + rng.uniform(-0.05, 0.05), 2)
                    for f in (1, 0.9, 0.84, 0.8, 0.78)
                ]
                rest = round(rng.uniform(16, 19), 1)
                home_tests = {
                    "sit_to_stand_seconds": reps,
                    "grip_kg": {"rest": rest, "after_squeeze": round(rest * 1.3, 1)},
                    "tug_seconds": [15.0, 13.9, 13.2],
                }
            weigh = slot == 0 and day.weekday() == 0
            if weigh:
                weight -= rng.uniform(-0.1, 0.15)
            items.append(
                EntryCreate.model_validate(
                    {
                        "recorded_at": datetime.combine(day, clock, tzinfo=tz),
                        "context": "after_rest" if slot in (0, 3) else "after_activity",
                        "improved_after_moving": "yes" if slot == 0 else None,
                        "symptoms": symptoms,
                        "weight_kg": round(weight, 1) if weigh else None,
                        "medications": [{"name": "Amifampridine", "dose_mg": 10.0}]
                        if treated and slot < 3
                        else [],
                        "home_tests": home_tests,
                        "note": "Stairs hard this morning." if rng.random() < 0.05 else None,
                    }
                )
            )
    return items


def as_public(items: list[EntryCreate]) -> list[EntryPublic]:
    """Return the entries with ids, as if stored."""
    return [EntryPublic.model_validate({**e.model_dump(), "id": next(_ids)}) for e in items]


NOW = datetime(2026, 11, 1, 12, tzinfo=UTC)
