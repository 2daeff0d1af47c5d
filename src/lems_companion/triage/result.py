"""What triage returns: the entry's level, each red flag with its evidence, and what to do now."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lems_companion.triage import advice as advice_texts
from lems_companion.triage import flags as flag_defs
from lems_companion.triage.flags import DEFAULT_EMERGENCY_NUMBER, LEVEL_RANK, Level


@dataclass(frozen=True, slots=True)
class FlagHit:
    """One red flag raised by an entry, with the text or field that raised it."""

    id: str
    level: Level
    evidence: str  # the matched note text, or e.g. "swallowing_difficulty severity 2"
    start: int | None  # character offsets into the note; None for structured flags
    end: int | None
    basis: str  # which rule fired, for the clinician (spec section 1: show the basis)

    @property
    def source(self) -> str:
        """Return the citation behind this flag."""
        return flag_defs.get(self.id).source

    def as_public(self) -> dict[str, Any]:
        """Return the flag as the CLI and API show it: id, level, evidence, start, end."""
        return {
            "id": self.id,
            "level": self.level,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class TriageResult:
    """The triage of a note or an entry: level, red flags (most urgent first) and advice."""

    level: Level
    flags: tuple[FlagHit, ...] = ()
    advice: tuple[str, ...] = ()
    # Catalogue symptom ids mentioned in the note that make it `routine` (not red flags).
    findings: tuple[str, ...] = field(default=())
    # The note's language (ISO 639-1, "und" when unknown) and whether triage could check it.
    language: str = "en"
    checked: bool = True

    @property
    def flag_ids(self) -> list[str]:
        """Return the ids of the flags raised, most urgent first; empty when none."""
        return [hit.id for hit in self.flags]

    def as_public(self) -> dict[str, Any]:
        """Return the result as the CLI and API show it: level, flags, advice, language and
        whether the note could be checked."""
        return {
            "level": self.level,
            "flags": [hit.as_public() for hit in self.flags],
            "advice": list(self.advice),
            "language": self.language,
            "checked": self.checked,
        }


def order_hits(hits: Iterable[FlagHit]) -> tuple[FlagHit, ...]:
    """Return one hit per flag id, the most urgent kept, sorted most urgent first."""
    best: dict[str, FlagHit] = {}
    for hit in hits:
        current = best.get(hit.id)
        if current is None or LEVEL_RANK[hit.level] > LEVEL_RANK[current.level]:
            best[hit.id] = hit
    # Spec section 3: severe chest pain supersedes the milder chest_pain flag.
    if "severe_chest_pain" in best:
        best.pop("chest_pain", None)
    flag_order = {flag.id: index for index, flag in enumerate(flag_defs.FLAGS)}
    return tuple(
        sorted(best.values(), key=lambda hit: (-LEVEL_RANK[hit.level], flag_order[hit.id]))
    )


def build_result(
    hits: Iterable[FlagHit],
    *,
    routine: bool,
    findings: Iterable[str] = (),
    emergency_number: str = DEFAULT_EMERGENCY_NUMBER,
    language: str = "en",
    checked: bool = True,
    third_person: bool = False,
) -> TriageResult:
    """Return the result for these hits; `routine` when there is no flag but a LEMS finding.

    Advice is in the note's language where we have it. A note we could not check (``checked``
    False) gets the emergency signs to look out for (spec section 3, "Languages")."""
    ordered = order_hits(hits)
    level: Level = flag_defs.highest([hit.level for hit in ordered]) if ordered else "none"
    if level == "none" and routine:
        level = "routine"
    # Spec section 1: an emergency is shown first, with what to do now.
    if not checked and not ordered:
        advice = [advice_texts.unchecked_advice(emergency_number=emergency_number)]
    else:
        advice = [advice_texts.level_advice(level, language, emergency_number=emergency_number)]
    for hit in ordered:
        text = advice_texts.flag_advice(hit.id, language, emergency_number=emergency_number)
        if text not in advice:
            advice.append(text)
    if third_person and ordered:
        advice.append(advice_texts.third_person_note(language))
    return TriageResult(
        level=level,
        flags=ordered,
        advice=tuple(advice),
        findings=tuple(dict.fromkeys(findings)),
        language=language,
        checked=checked,
    )
