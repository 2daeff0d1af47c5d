"""A realistic demo diary: eight weeks of a person being investigated for LEMS.

The pattern follows the clinical picture in the spec (section 2 and 5): hip and thigh weakness
worst on first moving after rest and better after a few minutes (facilitation), dry mouth and
constipation, milder shoulder weakness, and amifampridine started half-way through with some
improvement. It contains no red flags, so a first look at the app is not alarming.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from lems_companion.diary.schemas import EntryCreate, Grip, HomeTests, Medication

DEMO_WEEKS = 8
DEMO_EMAIL = "demo@example.org"
# Amifampridine starts on this day of the diary, 10 mg three times a day (a usual starting dose).
AMIFAMPRIDINE_START_DAY = 28
AMIFAMPRIDINE_DOSE_MG = 10.0
AMIFAMPRIDINE_TIMES = (time(8, 0), time(13, 0), time(18, 0))

_NOTES = (
    "Needed both hands on the armrests to get out of the chair this morning.",
    "Stairs were hard first thing, easier after walking around the house for a while.",
    "Mouth very dry overnight, kept a glass of water by the bed.",
    "Hanging the washing out made my shoulders ache.",
    "Better afternoon, managed a short walk to the shops.",
    "Legs felt heavy getting out of the car after the drive.",
    "Eyelids a little droopy by the evening.",
)


def _clamp(value: float) -> int:
    return max(0, min(3, round(value)))


def _home_tests(rng: random.Random, improvement: float) -> HomeTests:
    # Facilitation: the first repetition is the slowest and later ones get quicker.
    first = rng.uniform(3.6, 4.4) - improvement
    reps = [
        round(first * factor + rng.uniform(-0.1, 0.1), 1) for factor in (1, 0.9, 0.82, 0.78, 0.76)
    ]
    tug_first = rng.uniform(14, 16) - 2 * improvement
    tug = [round(tug_first * factor, 1) for factor in (1, 0.92, 0.88)]
    rest = round(rng.uniform(16, 19) + 2 * improvement, 1)
    return HomeTests(
        sit_to_stand_seconds=reps,
        tug_seconds=tug,
        grip_kg=Grip(rest=rest, after_squeeze=round(rest * rng.uniform(1.25, 1.4), 1)),
    )


def _logged_in_slot(item: Medication, slot: int) -> bool:
    taken = item.taken_at.time() if item.taken_at else time(0)
    return (slot == 1 and taken < time(14, 0)) or (slot == 2 and taken >= time(14, 0))


def demo_entries(
    *, today: date, time_zone: str = "Europe/London", seed: int = 7
) -> list[EntryCreate]:
    """Return eight weeks of entries ending today, oldest first, in this time zone."""
    rng = random.Random(seed)
    tz = ZoneInfo(time_zone)
    start = today - timedelta(weeks=DEMO_WEEKS) + timedelta(days=1)
    weight = 78.0
    entries = []
    for day_number in range(DEMO_WEEKS * 7):
        day = start + timedelta(days=day_number)
        treated = day_number >= AMIFAMPRIDINE_START_DAY
        improvement = 0.6 if treated else 0.0
        medications = (
            [
                Medication(
                    name="Amifampridine",
                    dose_mg=AMIFAMPRIDINE_DOSE_MG,
                    taken_at=datetime.combine(day, moment, tzinfo=tz),
                )
                for moment in AMIFAMPRIDINE_TIMES
            ]
            if treated
            else []
        )
        for slot, (clock, context) in enumerate(
            (
                (time(7, 40), "after_rest"),
                (time(14, 15), "after_activity"),
                (time(20, 30), "after_rest"),
            )
        ):
            if slot == 2 and rng.random() < 0.5:
                continue  # evenings are often skipped, as in real diaries
            morning = slot == 0
            legs = (
                (2.6 if morning else 1.4 if slot == 1 else 2.0)
                - improvement
                + rng.uniform(-0.5, 0.5)
            )
            symptoms = {
                "proximal_leg_weakness": _clamp(legs),
                "proximal_arm_weakness": _clamp(legs - 0.8 + rng.uniform(-0.3, 0.3)),
                "dry_mouth": _clamp(1.6 - improvement / 2 + rng.uniform(-0.6, 0.6)),
                "fatigue": _clamp(1.5 + (0.5 if slot == 2 else 0) + rng.uniform(-0.7, 0.7)),
                "constipation": _clamp(rng.uniform(0, 1.6)),
                "drooping_eyelids": _clamp(0.9 if slot == 2 else 0.2 + rng.uniform(-0.4, 0.3)),
                "distal_weakness": _clamp(rng.uniform(0, 0.8)),
            }
            recorded_at = datetime.combine(day, clock, tzinfo=tz) + timedelta(
                minutes=rng.randint(-20, 20)
            )
            weigh_in = morning and day.weekday() == 0
            if weigh_in:
                weight -= rng.uniform(0.0, 0.3)
            entries.append(
                EntryCreate(
                    recorded_at=recorded_at,
                    context=context,
                    improved_after_moving=("yes" if rng.random() < 0.8 else "unsure")
                    if morning
                    else None,
                    symptoms={key: value for key, value in symptoms.items() if value},
                    weight_kg=round(weight, 1) if weigh_in else None,
                    # Doses are logged at the next entry after they were taken.
                    medications=[item for item in medications if _logged_in_slot(item, slot)],
                    home_tests=_home_tests(rng, improvement)
                    if morning and day.weekday() in (1, 4)
                    else None,
                    note=rng.choice(_NOTES) if rng.random() < 0.15 else None,
                )
            )
    return [entry for entry in entries if entry.recorded_at <= datetime.now(tz)]
