"""The electrodiagnostic calculator: CMAP increment after brief exercise, read against cut-offs.

In LEMS the resting compound muscle action potential (CMAP) is low and rises after 10 seconds of
maximal voluntary contraction. The increment is (after - rest) / rest x 100.

Rounding: the increment is computed exactly in decimal arithmetic from the values as typed, and
the cut-offs are applied to that exact value, so 60.0% meets the 60% cut-off and 59.99% does not.
The reported ``increment_percent`` is rounded *down* to two decimals, so a shown value never
exceeds the true one: a report that shows 60.00 always meets the 60% cut-off.
"""

from __future__ import annotations

import math
from decimal import ROUND_FLOOR, Decimal
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from lems_companion.rules.edx_cutoffs import (
    DECREMENT_CUTOFF_PERCENT,
    INCREMENT_CUTOFF_60_PERCENT,
    INCREMENT_CUTOFF_100_PERCENT,
)

# Plausible CMAP amplitudes in millivolts. Healthy hand and foot muscles give up to about 20 mV;
# anything above 50 mV is a unit or typing error (microvolts typed as millivolts, say).
MAX_CMAP_MV = 50.0
INCREMENT_DECIMALS = Decimal("0.01")

# The increment and decrement cut-offs are in rules/edx_cutoffs.py (spec sections 4 and 6).
DECREMENT_STIMULATION = "2-5 Hz repetitive nerve stimulation"
MAX_DECREMENT_PERCENT = 100.0

SOURCE_OH_2005 = "Oh et al., Muscle Nerve 2005;32:515"
SOURCE_LIPKA_2020 = "Lipka et al., Muscle Nerve 2020"
_VS_MG = "LEMS compared with myasthenia gravis"
_INDEPENDENT = "independent cohort"


class PublishedAccuracy(BaseModel):
    """The sensitivity and specificity one study reported for a cut-off."""

    model_config = ConfigDict(frozen=True)

    sensitivity_percent: int
    specificity_percent: int
    cohort: str
    source: str


# Published accuracy of each cut-off (clinical spec section 4): >=60% was proposed with 97%
# sensitivity and 99% specificity against myasthenia gravis (Oh et al. 2005) and reached 78% and
# 99% in Lipka et al. 2020; the classic >=100% had 59% and 100% in Lipka et al. 2020.
PUBLISHED_ACCURACY: dict[int, list[PublishedAccuracy]] = {
    INCREMENT_CUTOFF_60_PERCENT: [
        PublishedAccuracy(
            sensitivity_percent=97, specificity_percent=99, cohort=_VS_MG, source=SOURCE_OH_2005
        ),
        PublishedAccuracy(
            sensitivity_percent=78,
            specificity_percent=99,
            cohort=_INDEPENDENT,
            source=SOURCE_LIPKA_2020,
        ),
    ],
    INCREMENT_CUTOFF_100_PERCENT: [
        PublishedAccuracy(
            sensitivity_percent=59,
            specificity_percent=100,
            cohort=_INDEPENDENT,
            source=SOURCE_LIPKA_2020,
        ),
    ],
}


def _finite(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError("must be a finite number")
    return value


CmapMillivolts = Annotated[float, Field(gt=0, le=MAX_CMAP_MV), AfterValidator(_finite)]


class EdxInput(BaseModel):
    """CMAP amplitudes in millivolts at rest and right after exercise, and an optional decrement."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    cmap_rest_mv: CmapMillivolts
    cmap_after_exercise_mv: CmapMillivolts
    decrement_percent: (
        Annotated[float, Field(ge=0, le=MAX_DECREMENT_PERCENT), AfterValidator(_finite)] | None
    ) = None


class CutoffReading(BaseModel):
    """Whether the increment reaches one cut-off, with that cut-off's published accuracy."""

    model_config = ConfigDict(frozen=True)

    threshold_percent: int
    met: bool
    published: list[PublishedAccuracy]


class DecrementReading(BaseModel):
    """Whether a low-rate decrement reaches 10%."""

    model_config = ConfigDict(frozen=True)

    decrement_percent: float
    threshold_percent: int = DECREMENT_CUTOFF_PERCENT
    stimulation: str = DECREMENT_STIMULATION
    meets_10: bool


class EdxResult(BaseModel):
    """The increment, its reading against each cut-off and, when given, the decrement reading."""

    model_config = ConfigDict(frozen=True)

    increment_percent: float
    meets_60: bool
    meets_100: bool
    cutoffs: list[CutoffReading]
    decrement: DecrementReading | None


def exact_increment_percent(rest_mv: float, after_mv: float) -> Decimal:
    """Return the exact increment in percent, computed from the decimal values as typed."""
    rest, after = Decimal(str(rest_mv)), Decimal(str(after_mv))
    return (after - rest) / rest * 100


def read_edx(data: EdxInput) -> EdxResult:
    """Return the CMAP increment and how it reads against the 60% and 100% cut-offs."""
    exact = exact_increment_percent(data.cmap_rest_mv, data.cmap_after_exercise_mv)
    cutoffs = [
        CutoffReading(
            threshold_percent=threshold,
            met=exact >= threshold,
            published=list(PUBLISHED_ACCURACY[threshold]),
        )
        for threshold in (INCREMENT_CUTOFF_60_PERCENT, INCREMENT_CUTOFF_100_PERCENT)
    ]
    decrement = None
    if data.decrement_percent is not None:
        decrement = DecrementReading(
            decrement_percent=data.decrement_percent,
            meets_10=Decimal(str(data.decrement_percent)) >= DECREMENT_CUTOFF_PERCENT,
        )
    return EdxResult(
        increment_percent=float(exact.quantize(INCREMENT_DECIMALS, rounding=ROUND_FLOOR)),
        meets_60=cutoffs[0].met,
        meets_100=cutoffs[1].met,
        cutoffs=cutoffs,
        decrement=decrement,
    )
