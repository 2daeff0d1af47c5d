"""Red-flag alerts as pages and commands show them: most urgent first, what to do now, why.

The wording comes from the flag definitions (triage.flags); this module only gathers it for one
entry, with the emergency number the instance is configured with.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from lems_companion.triage import flags as flag_defs

# Only these levels raise an alert; `routine` is recorded, not alerted (spec section 3).
ALERT_LEVELS = ("emergency", "prompt")


class StoredFlag(Protocol):
    """A red flag as stored with an entry (storage.models.EntryFlag has these fields)."""

    flag: str
    level: str
    evidence: str
    start: int | None
    basis: str


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


def alert_for(flags: Sequence[StoredFlag], *, emergency_number: str) -> Alert | None:
    """Return the alert for an entry's stored flags; None when none is urgent enough."""
    urgent = [item for item in flags if item.level in ALERT_LEVELS]
    if not urgent:
        return None
    level = flag_defs.highest([item.level for item in urgent])
    advice = [flag_defs.level_advice(level, emergency_number=emergency_number)]
    for item in sorted(urgent, key=lambda flag: -flag_defs.LEVEL_RANK[flag.level]):
        text = flag_defs.advice_for(item.flag, emergency_number=emergency_number)
        if text not in advice:
            advice.append(text)
    reasons = [
        Reason(
            flag=item.flag,
            title=flag_defs.get(item.flag).title,
            level=item.level,
            evidence=item.evidence,
            basis=item.basis.removeprefix("structured entry: "),
            from_note=item.start is not None,
        )
        for item in urgent
    ]
    headline = (
        "Get urgent medical care now"
        if level == "emergency"
        else "Tell a doctor about this within the next few days"
    )
    return Alert(level=level, headline=headline, advice=advice, reasons=reasons)


def flag_title(flag_id: str) -> str:
    """Return the plain-language title of a flag."""
    return flag_defs.get(flag_id).title


# Spec section 1: wherever a flag appears it keeps its level and its plain name, e.g.
# "Breathlessness - get urgent care now", never an internal id alone.
LEVEL_ACTIONS = {
    "emergency": "get urgent care now",
    "prompt": "tell a doctor within days",
    "routine": "worth discussing at your next appointment",
}


def plain_name(flag_id: str, level: str) -> str:
    """Return the flag's plain name with what its level asks, as every view shows it."""
    return f"{flag_title(flag_id)} - {LEVEL_ACTIONS.get(level, level)}"


def flags_json(flags: Sequence[StoredFlag]) -> list[dict[str, str]]:
    """Return stored flags as JSON objects: id, level, plain name and the evidence."""
    return [
        {
            "id": item.flag,
            "level": item.level,
            "name": plain_name(item.flag, item.level),
            "evidence": item.evidence,
        }
        for item in flags
    ]
