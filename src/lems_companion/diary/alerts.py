"""Red-flag alerts as pages and commands show them: most urgent first, what to do now, why.

The wording comes from the flag definitions (triage.flags); this module only gathers it for one
entry, with the emergency number the instance is configured with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lems_companion.diary.flags import FlagPublic, FlagRecord, is_red_flag
from lems_companion.i18n import DEFAULT_LANGUAGE
from lems_companion.rules import weight_loss
from lems_companion.rules.medicines import dose_evidence_in
from lems_companion.triage import advice as advice_texts
from lems_companion.triage import flags as flag_defs
from lems_companion.triage.structured import (
    STRUCTURED_BASIS_PREFIX,
    basis_text,
    stored_reason,
    symptom_evidence_in,
)


@dataclass(frozen=True)
class Reason:
    """One red flag behind an alert: its title and the words or answer that raised it."""

    flag: str
    title: str
    level: str
    evidence: str
    basis: str
    from_note: bool


@dataclass(frozen=True)
class Alert:
    """What a page shows for an entry with red flags, most urgent first."""

    level: str
    headline: str
    advice: list[str]
    reasons: list[Reason]


def basis_in(item: FlagRecord, language: str) -> str:
    """Return why a stored flag was raised, as the alert shows it, in the language when it is
    in the wording the triage writes today; else as stored (English)."""
    basis = item.basis.removeprefix(STRUCTURED_BASIS_PREFIX)
    # A note's flag keeps its basis as stored; an older structured wording too.
    reason = None if language == DEFAULT_LANGUAGE else stored_reason(item.flag, item.basis)
    return basis if reason is None else basis_text(item.flag, reason, language)


def evidence_in(evidence: str, flag_id: str, language: str) -> str:
    """Return a structured flag's stored evidence in the language: an amifampridine dose, a
    weight lost (numbers and dates as the language writes them) or a symptom's answer; an
    evidence in another form as stored."""
    if flag_id == "amifampridine_dose":
        return dose_evidence_in(evidence, language)
    if flag_id == "weight_loss":
        # A weight lost, else the "Unintended weight loss" symptom answered.
        said = weight_loss.evidence_in(evidence, language)
        return said if said != evidence else symptom_evidence_in(evidence, language)
    return symptom_evidence_in(evidence, language)


def flag_evidence(flag: FlagPublic, language: str) -> str:
    """Return a flag's evidence as documents quote it: the words of a note as written, an
    answer's in the language (``evidence_in``)."""
    if flag.start is not None:
        return flag.evidence
    return evidence_in(flag.evidence, flag.id, language)


def alert_for(
    flags: Sequence[FlagRecord], *, emergency_number: str, language: str = "en"
) -> Alert | None:
    """Return the alert for an entry's stored flags, in the reader's language; None when none
    is urgent enough.

    Only red flags raise an alert; a `routine` finding is recorded, not alerted (spec section 3).
    A language without a translation gets English, never less.
    """
    urgent = [item for item in flags if is_red_flag(item.level)]
    if not urgent:
        return None
    level = flag_defs.highest([item.level for item in urgent])
    advice = [advice_texts.level_advice(level, language, emergency_number=emergency_number)]
    for item in sorted(urgent, key=lambda flag: -flag_defs.LEVEL_RANK[flag.level]):
        text = advice_texts.flag_advice(item.flag, language, emergency_number=emergency_number)
        if text not in advice:
            advice.append(text)
    reasons = [
        Reason(
            flag=item.flag,
            title=advice_texts.flag_title(item.flag, language),
            level=item.level,
            evidence=item.evidence,
            basis=basis_in(item, language),
            from_note=item.from_note,
        )
        for item in urgent
    ]
    headline = advice_texts.alert_headline(level, language)
    return Alert(level=level, headline=headline, advice=advice, reasons=reasons)
