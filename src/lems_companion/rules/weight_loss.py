"""Unintended weight loss: one rule for the entry's flag, the analysis, charts, report and exports.

Clinical specification section 3 ("Weight loss is one rule"): a weight is a loss worth telling a
doctor about (prompt) when it is 5% or more below the heaviest weight recorded in the previous six
months (taken as 183 days), unless the entry says the loss is intended; an intended loss that
reaches 10% within six months is flagged all the same. The 5% figure is also the DELTA-P item
"Loss of weight >=5%" (Titulaer et al., J Clin Oncol 2011).
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Generic, TypeVar

from lems_companion.i18n import DEFAULT_LANGUAGE, N_, format_day, format_number, translate

WINDOW = timedelta(days=183)
THRESHOLD_PERCENT = Decimal(5)
INTENDED_THRESHOLD_PERCENT = Decimal(10)
SOURCE = (
    "Clinical specification section 3 (weight_loss, prompt): 5% or more below the heaviest "
    "weight of the previous 6 months, 10% when the loss is intended; DELTA-P item 'Loss of "
    "weight >=5%' (Titulaer et al., J Clin Oncol 2011)"
)

# A loss in words, as a flag's evidence stores it (English, its numbers and dates as Python
# writes them: "weight 68.4 kg on 2026-03-01, 5.0% below 72 kg on 2026-01-10"); ``evidence_in``
# reads it back to say it in another language.
DESCRIPTION = N_(
    "weight %(weight)s kg on %(day)s, %(percent)s%% below %(heavier)s kg on %(heavier_day)s"
)
# What each placeholder of a stored description holds, as ``Loss.describe`` writes it.
_DESCRIPTION_VALUES = {
    "weight": r"\d+(?:\.\d+)?",
    "heavier": r"\d+(?:\.\d+)?",
    "percent": r"\d+\.\d",
    "day": r"\d{4}-\d{2}-\d{2}",
    "heavier_day": r"\d{4}-\d{2}-\d{2}",
}

P = TypeVar("P")


def percent_lost(heavier_kg: float, lighter_kg: float) -> Decimal:
    """Return the loss from ``heavier_kg`` to ``lighter_kg`` in percent of ``heavier_kg``.

    Decimal on the typed figures, so 72.0 -> 68.4 kg is exactly 5% (in binary floating point it
    is 4.99999...%, which once made the entry and the report disagree)."""
    high, low = Decimal(str(heavier_kg)), Decimal(str(lighter_kg))
    return (high - low) * 100 / high


def is_loss(percent: Decimal, *, intended: bool = False) -> bool:
    """Return True when a loss of ``percent`` raises the weight_loss flag (see module doc)."""
    return percent >= (INTENDED_THRESHOLD_PERCENT if intended else THRESHOLD_PERCENT)


@dataclass(frozen=True, slots=True)
class Loss(Generic[P]):
    """A loss from the heaviest weight of the window before a reading to that reading."""

    heavier: P
    heavier_at: datetime
    heavier_kg: float
    lighter: P
    lighter_at: datetime
    lighter_kg: float
    percent: Decimal

    @property
    def kg(self) -> float:
        """Return the kilograms lost, to 0.1 kg."""
        return round(self.heavier_kg - self.lighter_kg, 1)

    @property
    def days(self) -> int:
        """Return the days between the two readings."""
        return (self.lighter_at - self.heavier_at).days

    def flagged(self, *, intended: bool = False) -> bool:
        """Return True when this loss raises the weight_loss flag."""
        return is_loss(self.percent, intended=intended)

    def describe(self) -> str:
        """Return the loss in words, for a flag's evidence or an observation."""
        return DESCRIPTION % {
            "weight": f"{self.lighter_kg:g}",
            "day": f"{self.lighter_at:%Y-%m-%d}",
            "percent": f"{self.percent:.1f}",
            "heavier": f"{self.heavier_kg:g}",
            "heavier_day": f"{self.heavier_at:%Y-%m-%d}",
        }


def _description_pattern() -> re.Pattern[str]:
    """Return a pattern that reads a stored description back into its values."""
    pattern = re.escape(DESCRIPTION.replace("%%", "%"))
    for name, value in _DESCRIPTION_VALUES.items():
        pattern = pattern.replace(re.escape(f"%({name})s"), f"(?P<{name}>{value})")
    return re.compile(f"^{pattern}$")


_DESCRIPTION_PATTERN = _description_pattern()


def evidence_in(evidence: str, language: str) -> str:
    """Return a stored loss description (``Loss.describe``) in the language, its numbers and
    dates as the language writes them; unchanged in English, or when not in that form."""
    found = _DESCRIPTION_PATTERN.match(evidence)
    if language == DEFAULT_LANGUAGE or found is None:
        return evidence
    values = {
        "weight": format_number(Decimal(found["weight"]), language),
        "heavier": format_number(Decimal(found["heavier"]), language),
        "percent": format_number(Decimal(found["percent"]), language, "0.0"),
        "day": format_day(date.fromisoformat(found["day"]), language),
        "heavier_day": format_day(date.fromisoformat(found["heavier_day"]), language),
    }
    return translate(DESCRIPTION, language) % values


def losses(readings: Iterable[tuple[datetime, float, P]]) -> list[Loss[P]]:
    """Return, for each reading (time, kg, key) in time order, its loss from the heaviest reading
    of the 183 days before it; a reading with no heavier one before it has no loss.

    One pass with a deque of candidate heaviest readings, so a year of daily weights is linear.
    """
    window: deque[tuple[datetime, float, P]] = deque()
    found: list[Loss[P]] = []
    for at, kg, key in readings:
        while window and at - window[0][0] > WINDOW:
            window.popleft()
        if window and window[0][1] > kg > 0:
            heavier_at, heavier_kg, heavier = window[0]
            found.append(
                Loss(heavier, heavier_at, heavier_kg, key, at, kg, percent_lost(heavier_kg, kg))
            )
        while window and window[-1][1] <= kg:
            window.pop()
        window.append((at, kg, key))
    return found


def loss_at(
    at: datetime, kg: float, history: Sequence[tuple[datetime, float]]
) -> Loss[None] | None:
    """Return the loss of a new reading from the heaviest of ``history`` (time, kg) in the 183
    days up to ``at``; None when no earlier reading in that window is heavier."""
    earlier = [(when, weight) for when, weight in history if at - WINDOW <= when <= at]
    if not earlier:
        return None
    heavier_at, heavier_kg = max(earlier, key=lambda reading: reading[1])
    if heavier_kg <= kg or kg <= 0:
        return None
    return Loss(None, heavier_at, heavier_kg, None, at, kg, percent_lost(heavier_kg, kg))


def largest(found: Sequence[Loss[P]]) -> Loss[P] | None:
    """Return the largest of these losses; None when there are none."""
    return max(found, key=lambda loss: loss.percent, default=None)
