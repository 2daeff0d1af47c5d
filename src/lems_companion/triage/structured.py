"""Structured triage: red flags from the symptom severities and body weight of a diary entry.

Which symptom raises which flag comes from the catalogue's ``red_flag`` field, never from a list
here (spec section 2: each symptom is defined once). The rules are spec section 3, "Structured
entries", and the weight_loss row of the red-flag table.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from lems_companion import catalogue
from lems_companion.i18n import N_
from lems_companion.rules import weight_loss
from lems_companion.rules.medicines import (
    DOSE_REASON,
    LoggedDose,
    check_amifampridine_day,
    dose_evidence,
    is_amifampridine,
)
from lems_companion.triage import flags as flag_defs
from lems_companion.triage.result import FlagHit

if TYPE_CHECKING:  # triage reads entries; the diary, which stores them, imports triage
    from lems_companion.diary.schemas import EntryCreate

# Spec section 3: a symptom counts as new when it was absent from the previous entry *in the last
# 14 days*; an older previous entry is no baseline.
BASELINE_WINDOW = timedelta(days=14)
# Spec section 3: emergency-level symptoms at "moderate" (2) or worse are an emergency at once.
EMERGENCY_SEVERITY = 2
# Spec section 3: prompt-level symptoms (weight loss, cough, chest pain) count from "mild" (1).
PROMPT_SEVERITY = 1
# What a structured flag's stored basis starts with; pages leave it out.
STRUCTURED_BASIS_PREFIX = "structured entry: "
# How the basis joins why the entry raised the flag, its clinical reason and the source (marked:
# French sets its semicolon apart).
_BASIS = N_("%(reason)s; %(basis)s (%(source)s)")


def baseline(entry: EntryCreate, previous: EntryCreate | None) -> EntryCreate | None:
    """Return the previous entry when it is at most 14 days older than this one; else None."""
    if previous is None:
        return None
    age = entry.recorded_at - previous.recorded_at
    return previous if timedelta(0) <= age <= BASELINE_WINDOW else None


def symptom_flags(entry: EntryCreate, *, previous: EntryCreate | None) -> list[FlagHit]:
    """Return the red flags raised by the entry's symptom severities; empty when none."""
    before = baseline(entry, previous)
    hits = []
    for symptom_id, severity in entry.symptoms.items():
        symptom = catalogue.get(symptom_id)
        if not symptom.red_flag or severity < PROMPT_SEVERITY:
            continue
        flag = flag_defs.get(symptom.red_flag)
        evidence = f"{symptom_id} severity {severity}"
        if flag.level != "emergency":
            hits.append(_hit(flag.id, "prompt", evidence, f"{symptom.label} recorded"))
            continue
        earlier = before.symptoms.get(symptom_id, 0) if before else 0
        if severity >= EMERGENCY_SEVERITY:
            reason = f"{symptom.label} at severity {severity} (moderate or worse)"
        elif earlier == 0:
            reason = f"{symptom.label} is new (absent from the previous entry in the last 14 days)"
        elif severity > earlier:
            reason = f"{symptom.label} is worse than in the previous entry ({earlier})"
        else:
            # Present and unchanged at 1 (or milder than before): still needs checking soon.
            hits.append(
                _hit(
                    flag.id,
                    "prompt",
                    evidence,
                    f"{symptom.label} mild and not worse than in the previous entry ({earlier})",
                )
            )
            continue
        hits.append(_hit(flag.id, "emergency", evidence, reason))
    return hits


def weight_flags(
    entry: EntryCreate,
    *,
    weight_history: Sequence[tuple[datetime, float]],
    intended: bool = False,
) -> list[FlagHit]:
    """Return a weight_loss flag when this entry's weight meets the one weight-loss rule
    (``rules.weight_loss``) against the 6 months before it; empty when not, or when the entry
    records no weight. ``intended`` is True when the entry says the loss is intended."""
    if entry.weight_kg is None:
        return []
    loss = weight_loss.loss_at(entry.recorded_at, entry.weight_kg, weight_history)
    if loss is None or not loss.flagged(intended=intended):
        return []
    reason = (
        "10% or more of body weight lost within 6 months, though the note says it is intended"
        if intended
        else "5% or more of body weight lost within 6 months"
    )
    return [_hit("weight_loss", "prompt", loss.describe(), reason)]


def dose_flags(
    entry: EntryCreate,
    *,
    same_day: Sequence[LoggedDose],
    region: str = "unknown",
    weight_kg: float | None = None,
) -> list[FlagHit]:
    """Return an amifampridine_dose flag when the label's maximum is exceeded; empty when not.

    The daily total adds this entry's doses to ``same_day`` (the doses in the patient's other
    entries of the same local day) and counts only when this entry logs amifampridine; the
    single-dose limit looks at this entry's doses only. So an earlier entry's doses do not flag
    every later entry of the day, only the ones that add to the total. The limits follow the
    licence of the patient's ``region`` (rules.medicines; an unknown region uses the lowest).
    """
    if not any(is_amifampridine(item.name) for item in entry.medications):
        return []
    findings = [
        finding
        for finding in check_amifampridine_day(
            [*entry.medications, *same_day], region=region, weight_kg=weight_kg
        )
        if finding.rule == "amifampridine_daily_maximum"
    ] + [
        finding
        for finding in check_amifampridine_day(
            entry.medications, region=region, weight_kg=weight_kg
        )
        if finding.rule == "amifampridine_single_dose_maximum"
    ]
    if not findings:
        return []
    # The wording of the evidence and its limits (100 mg a day, 20 mg a dose in the US label)
    # come from rules.medicines, after the licences it names.
    return [_hit("amifampridine_dose", "prompt", dose_evidence(findings), DOSE_REASON)]


def basis_text(flag_id: str, reason: str, gettext: Callable[[str], str] = str) -> str:
    """Return a structured flag's basis as pages show it: why the entry raised it, the flag's
    clinical reason, and its source (cited as published), through ``gettext`` (English by
    default)."""
    flag = flag_defs.get(flag_id)
    parts = {"reason": gettext(reason), "basis": gettext(flag.basis), "source": flag.source}
    return gettext(_BASIS) % parts


def _hit(flag_id: str, level: flag_defs.Level, evidence: str, reason: str) -> FlagHit:
    return FlagHit(
        id=flag_id,
        level=level,
        evidence=evidence,
        start=None,
        end=None,
        basis=STRUCTURED_BASIS_PREFIX + basis_text(flag_id, reason),
    )


def records_symptom(entry: EntryCreate) -> bool:
    """Return True when the entry records any catalogue symptom at severity 1 or more."""
    return any(severity >= PROMPT_SEVERITY for severity in entry.symptoms.values())
