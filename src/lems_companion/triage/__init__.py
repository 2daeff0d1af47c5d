"""Red-flag triage of diary entries and free-text notes (spec section 3).

Public API::

    triage_text(text, *, author="patient", language=None, today=None,
                emergency_number="112") -> TriageResult
    triage_entry(entry, *, author="patient", previous=None, weight_history=(),
                 same_day_doses=(), emergency_number="112") -> TriageResult

``author`` is who wrote the note: "patient", "caregiver" or "unknown" (spec section 3, "Who is
writing"); a caregiver header in the note ("Carer writing:", "Escribe su hija:") makes it
"caregiver". ``language`` is the note's ISO 639-1 code, detected when not given; notes in en, es,
fr and de are checked, any other gets ``checked=False`` and advice listing the emergency signs.

A result has ``level`` ("emergency" > "prompt" > "routine" > "none"), ``flags`` (most urgent
first, each with ``id``, ``level``, ``evidence``, ``start``, ``end``, ``basis``), ``advice``
(what to do now, most urgent first, in the note's language), ``findings`` (LEMS symptoms named in
the note), ``language`` and ``checked``. ``result.as_public()`` gives the JSON shape of
``lems triage --json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING

from lems_companion.rules.medicines import LoggedDose
from lems_companion.triage import structured, text
from lems_companion.triage.flags import DEFAULT_EMERGENCY_NUMBER, FLAGS, Flag, Level
from lems_companion.triage.language import CHECKED as CHECKED_LANGUAGES
from lems_companion.triage.result import FlagHit, TriageResult, build_result
from lems_companion.triage.text import AUTHORS, Author

if TYPE_CHECKING:  # triage reads entries; the diary, which stores them, imports triage
    from lems_companion.diary.schemas import EntryCreate

__all__ = [
    "AUTHORS",
    "CHECKED_LANGUAGES",
    "DEFAULT_EMERGENCY_NUMBER",
    "FLAGS",
    "Author",
    "Flag",
    "FlagHit",
    "Level",
    "TriageResult",
    "triage_entry",
    "triage_text",
    "warm_up",
]


def triage_text(
    text_: str,
    *,
    author: str = "patient",
    language: str | None = None,
    today: date | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> TriageResult:
    """Return the triage of a free-text note; level "none" with no flags when nothing is found.

    A note in a language we cannot check gets ``checked=False`` and the emergency signs."""
    note = text.triage_note(
        text_ or "", author=_author(author), language_code=language, today=today
    )
    return build_result(
        note.hits,
        routine=note.routine,
        findings=note.findings,
        emergency_number=emergency_number,
        language=note.language,
        checked=note.checked,
        third_person=note.third_person,
    )


def triage_entry(
    entry: EntryCreate,
    *,
    author: str = "patient",
    previous: EntryCreate | None = None,
    weight_history: Sequence[tuple[datetime, float]] = (),
    same_day_doses: Sequence[LoggedDose] = (),
    region: str = "unknown",
    weight_kg: float | None = None,
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
) -> TriageResult:
    """Return the triage of a diary entry: its symptoms, weight, medicines and note combined.

    ``author`` is who wrote the entry ("patient", "caregiver" or "unknown"); ``previous`` is the
    patient's entry before this one (it only counts when at most 14 days older);
    ``weight_history`` holds earlier (time, kg) readings; ``same_day_doses`` the medicines logged
    in the patient's other entries of the same local day (for the amifampridine daily maximum);
    ``region`` the licence region whose amifampridine limits apply and ``weight_kg`` the
    patient's latest weight (under 45 kg the US children's limits apply).
    One flag per id is kept, the most urgent, structured before note on a tie.
    """
    note = (
        text.triage_note(entry.note, author=_author(author), today=entry.recorded_at.date())
        if entry.note
        else None
    )
    hits = structured.symptom_flags(entry, previous=previous)
    hits += structured.weight_flags(
        entry,
        weight_history=weight_history,
        # Spec section 3: the entry's note may say the loss is intended ("on a diet").
        intended=bool(entry.note and text.says_weight_loss_intended(entry.note)),
    )
    hits += structured.dose_flags(
        entry, same_day=same_day_doses, region=region, weight_kg=weight_kg
    )
    if note:
        hits += note.hits
    return build_result(
        hits,
        routine=structured.records_symptom(entry) or bool(note and note.routine),
        findings=note.findings if note else (),
        emergency_number=emergency_number,
        language=note.language if note else "en",
        checked=note.checked if note else True,
        third_person=bool(note and note.third_person),
    )


def _author(author: str) -> str:
    if author not in AUTHORS:
        raise ValueError(f"author must be one of {', '.join(AUTHORS)}, not {author!r}")
    return author


def warm_up() -> None:
    """Build the text pipelines of every language we check now (about a second for the first,
    a fraction for each other) so that no one's first note waits for them."""
    for code in CHECKED_LANGUAGES:
        text.pipeline(code)
