"""Structured triage: red flags from the symptom severities and body weight of a diary entry.

Which symptom raises which flag comes from the catalogue's ``red_flag`` field, never from a list
here (spec section 2: each symptom is defined once). The rules are spec section 3, "Structured
entries", and the weight_loss row of the red-flag table.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from lems_companion import catalogue
from lems_companion.i18n import DEFAULT_LANGUAGE, N_, Said, said_in, translate
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

# Why the entry's answers raised a flag, the first part of its basis; ``symptom`` is the
# catalogue symptom's label, said in the reader's language with the rest. Marked, so an alert
# can say a stored basis in its reader's language (``stored_reason`` reads one back).
SYMPTOM_RECORDED = N_("%(symptom)s recorded")
SYMPTOM_SEVERE = N_("%(symptom)s at severity %(severity)s (moderate or worse)")
SYMPTOM_NEW = N_("%(symptom)s is new (absent from the previous entry in the last %(days)s days)")
SYMPTOM_WORSE = N_("%(symptom)s is worse than in the previous entry (%(earlier)s)")
SYMPTOM_NOT_WORSE = N_("%(symptom)s mild and not worse than in the previous entry (%(earlier)s)")
WEIGHT_LOST = N_("%(percent)s%% or more of body weight lost within 6 months")
WEIGHT_LOST_INTENDED = N_(
    "%(percent)s%% or more of body weight lost within 6 months, though the note says it is intended"
)
# How a symptom's answer reads as a structured flag's evidence; stored with the symptom's id
# ("choking severity 2"), said in another language with its label.
SYMPTOM_EVIDENCE = N_("%(symptom)s severity %(severity)s")
_REASONS = (
    SYMPTOM_RECORDED,
    SYMPTOM_SEVERE,
    SYMPTOM_NEW,
    SYMPTOM_WORSE,
    SYMPTOM_NOT_WORSE,
    WEIGHT_LOST,
    WEIGHT_LOST_INTENDED,
    DOSE_REASON,
)


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
        evidence = Said(SYMPTOM_EVIDENCE, symptom=symptom_id, severity=severity)
        # The label is a catalogued text of its own: said in the language of the rest.
        name = Said(symptom.label)
        if flag.level != "emergency":
            hits.append(_hit(flag.id, "prompt", evidence, Said(SYMPTOM_RECORDED, symptom=name)))
            continue
        earlier = before.symptoms.get(symptom_id, 0) if before else 0
        if severity >= EMERGENCY_SEVERITY:
            reason = Said(SYMPTOM_SEVERE, symptom=name, severity=severity)
        elif earlier == 0:
            reason = Said(SYMPTOM_NEW, symptom=name, days=BASELINE_WINDOW.days)
        elif severity > earlier:
            reason = Said(SYMPTOM_WORSE, symptom=name, earlier=earlier)
        else:
            # Present and unchanged at 1 (or milder than before): still needs checking soon.
            not_worse = Said(SYMPTOM_NOT_WORSE, symptom=name, earlier=earlier)
            hits.append(_hit(flag.id, "prompt", evidence, not_worse))
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
        Said(WEIGHT_LOST_INTENDED, percent=int(weight_loss.INTENDED_THRESHOLD_PERCENT))
        if intended
        else Said(WEIGHT_LOST, percent=int(weight_loss.THRESHOLD_PERCENT))
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


def basis_text(flag_id: str, reason: str, language: str = DEFAULT_LANGUAGE) -> str:
    """Return a structured flag's basis as pages show it: why the entry raised it (a marked
    text, or a ``Said`` with its values), the flag's clinical reason, and its source (cited as
    published), in the language (English by default)."""
    flag = flag_defs.get(flag_id)
    parts = {
        "reason": said_in(reason, language),
        "basis": translate(flag.basis, language),
        "source": flag.source,
    }
    return translate(_BASIS, language) % parts


# What each placeholder of a stored reason can hold: a symptom's label, or a whole number.
_REASON_VALUES = {
    "symptom": r"(?P<symptom>.+?)",
    "severity": r"(?P<severity>\d+)",
    "earlier": r"(?P<earlier>\d+)",
    "days": r"(?P<days>\d+)",
    "percent": r"(?P<percent>\d+)",
}
# Marks where the reason sits in a basis, to find what surrounds it.
_SLOT = "\x00"


def _pattern(message: str) -> re.Pattern[str]:
    """Return a pattern that reads a marked message's English text back into its values."""
    pattern = re.escape(message.replace("%%", "%"))
    for name, value in _REASON_VALUES.items():
        pattern = pattern.replace(re.escape(f"%({name})s"), value)
    return re.compile(f"^{pattern}$")


_REASON_PATTERNS = {message: _pattern(message) for message in _REASONS}
_EVIDENCE_PATTERN = _pattern(SYMPTOM_EVIDENCE)


def stored_reason(flag_id: str, basis: str) -> Said | None:
    """Return why a structured flag was raised, read back from its stored basis as a ``Said``
    a page can say in its reader's language; None when the basis is not in the wording the
    triage writes today (an older wording stays as stored, never half translated)."""
    basis = basis.removeprefix(STRUCTURED_BASIS_PREFIX)
    if flag_id not in flag_defs.FLAGS_BY_ID:
        return None
    before, _, after = basis_text(flag_id, _SLOT).partition(_SLOT)
    if not (basis.startswith(before) and basis.endswith(after)):
        return None
    text = basis[len(before) : len(basis) - len(after)]
    for message, pattern in _REASON_PATTERNS.items():
        found = pattern.match(text)
        if found is None:
            continue
        values: dict[str, Any] = {
            name: int(value) for name, value in found.groupdict().items() if name != "symptom"
        }
        if "symptom" in found.groupdict():
            if found["symptom"] not in _labels():
                return None
            values["symptom"] = Said(found["symptom"])
        reason = Said(message, **values)
        # Read back, it must write the very same basis: "02" or a changed label is not today's.
        return reason if basis_text(flag_id, reason) == basis else None
    return None


def symptom_evidence_in(evidence: str, language: str) -> str:
    """Return a stored symptom answer's evidence ("choking severity 2") in the language, the
    symptom named by its label; unchanged in English, or when not in that form."""
    found = _EVIDENCE_PATTERN.match(evidence)
    if language == DEFAULT_LANGUAGE or found is None:
        return evidence
    symptom = catalogue.by_id().get(found["symptom"])
    if symptom is None:
        return evidence
    return Said(
        SYMPTOM_EVIDENCE, symptom=Said(symptom.label), severity=int(found["severity"])
    ).said_in(language)


def _labels() -> set[str]:
    """Return the catalogue symptoms' labels (English, as a stored reason names them)."""
    return {symptom.label for symptom in catalogue.symptoms()}


def _hit(flag_id: str, level: flag_defs.Level, evidence: str, reason: str) -> FlagHit:
    # Stored as plain English text: what exports and the API give; pages read it back.
    return FlagHit(
        id=flag_id,
        level=level,
        evidence=str(evidence),
        start=None,
        end=None,
        basis=STRUCTURED_BASIS_PREFIX + basis_text(flag_id, reason),
    )


def records_symptom(entry: EntryCreate) -> bool:
    """Return True when the entry records any catalogue symptom at severity 1 or more."""
    return any(severity >= PROMPT_SEVERITY for severity in entry.symptoms.values())
