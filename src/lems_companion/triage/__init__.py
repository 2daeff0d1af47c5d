"""Red-flag triage of diary entries and free-text notes (spec section 3).

Public API::

    triage_text(text, *, emergency_number="112") -> TriageResult
    triage_entry(entry, *, previous=None, weight_history=(), emergency_number="112") -> TriageResult

A result has ``level`` ("emergency" > "prompt" > "routine" > "none"), ``flags`` (most urgent
first, each with ``id``, ``level``, ``evidence``, ``start``, ``end``, ``basis``), ``advice``
(what to do now, most urgent first) and ``findings`` (LEMS symptoms named in the note).
``result.as_public()`` gives the JSON shape of ``lems triage --json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from lems_companion.rules.medicines import LoggedDose
from lems_companion.triage import structured, text
from lems_companion.triage.flags import DEFAULT_EMERGENCY_NUMBER, FLAGS, Flag, Level
from lems_companion.triage.result import FlagHit, TriageResult, build_result

if TYPE_CHECKING:  # triage reads entries; the diary, which stores them, imports triage
    from lems_companion.diary.schemas import EntryCreate

__all__ = [
    "DEFAULT_EMERGENCY_NUMBER",
    "FLAGS",
    "Flag",
    "FlagHit",
    "Level",
    "TriageResult",
    "triage_entry",
    "triage_text",
    "warm_up",
]


def triage_text(text_: str, *, emergency_number: str = DEFAULT_EMERGENCY_NUMBER) -> TriageResult:
    """Return the triage of a free-text note; level "none" with no flags when nothing is found."""
    note = text.triage_note(text_ or "")
    return build_result(
        note.hits,
        routine=note.routine,
        findings=note.findings,
        emergency_number=emergency_number,
    )


def triage_entry(
    entry: EntryCreate,
    *,
    previous: EntryCreate | None = None,
    weight_history: Sequence[tuple[datetime, float]] = (),
    same_day_doses: Sequence[LoggedDose] = (),
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> TriageResult:
    """Return the triage of a diary entry: its symptoms, weight, medicines and note combined.

    ``previous`` is the patient's entry before this one (it only counts when at most 14 days
    older); ``weight_history`` holds earlier (time, kg) readings; ``same_day_doses`` the
    medicines logged in the patient's other entries of the same local day (for the amifampridine
    daily maximum). One flag per id is kept, the most urgent, structured before note on a tie.
    """
    hits = structured.symptom_flags(entry, previous=previous)
    hits += structured.weight_flags(entry, weight_history=weight_history)
    hits += structured.dose_flags(entry, same_day=same_day_doses)
    note = text.triage_note(entry.note) if entry.note else None
    if note:
        hits += note.hits
    return build_result(
        hits,
        routine=structured.records_symptom(entry) or bool(note and note.routine),
        findings=note.findings if note else (),
        emergency_number=emergency_number,
    )


def warm_up() -> None:
    """Build the text pipeline now (about a second) so the first request does not wait."""
    text.pipeline()
