"""The small-cell lung cancer (SCLC) screening schedule after a LEMS diagnosis, and its progress.

``build_plan`` turns a diagnosis date and a DELTA-P score into dated items; ``track_progress``
compares a plan with the scans recorded so far. Both are pure: the caller passes today's date,
so the app, the calendar feed and the tests all see the same answer for the same day.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from lems_companion.i18n import N_

# DELTA-P runs from 0 to 6 (Titulaer et al., J Clin Oncol 2011).
DELTA_P_MAX_SCORE = 6
# Score bands for rescreening, as summarised from the study authors (clinical spec section 6):
# 3 or more is high, 2 intermediate, 0-1 low.
HIGH_RISK_MIN_SCORE = 3
INTERMEDIATE_RISK_SCORE = 2

# Rescreening intervals in months (clinical spec section 6; EFNS guideline, Titulaer et al., Eur
# J Neurol 2011: repeat after 3-6 months, then every 6 months; 2 years suffice in LEMS).
HIGH_RISK_FIRST_RESCREEN_MONTHS = 3
RESCREEN_INTERVAL_MONTHS = 6
# "At least 2 years": rescreens continue until one falls at or after 24 months. For the high
# band (3, 9, 15, 21, ...) that means a last scan at 27 months; stopping at 21 would fall short
# of 2 years, and shifting to 3, 6, 12, ... would break the 6-month interval the source gives.
MIN_SURVEILLANCE_MONTHS = 24
LOW_RISK_RESCREEN_MONTHS = 6

# Windows for matching recorded scans to plan items. A staging CT is often done in the weeks
# before the diagnosis is formally made, so scans up to 90 days earlier count for the diagnosis
# items. A rescreen may be booked a little early; up to 30 days before its due date still counts.
DIAGNOSIS_LOOKBACK_DAYS = 90
RESCREEN_EARLY_DAYS = 30

SOURCE_INITIAL = (
    "EFNS guideline (Titulaer et al., Eur J Neurol 2011): CT of the chest first, FDG-PET when "
    "the CT is negative"
)
SOURCE_RESCREEN = (
    "Rescreening by DELTA-P as summarised from the study authors (Titulaer et al., J Clin Oncol "
    "2011); most tumours are found within 3 months and nearly all within a year (Titulaer et al., "
    "J Clin Oncol 2008); EFNS guideline (Eur J Neurol 2011)"
)
NEW_SYMPTOMS_NOTE = N_(
    "New symptoms, such as weight loss, a cough that will not clear or chest pain, justify "
    "screening at any time, whatever this schedule says."
)

PlannedTest = Literal["chest_ct", "fdg_pet_if_ct_negative"]
ScanTest = Literal["chest_ct", "fdg_pet"]
ScanResult = Literal["negative", "abnormal", "unclear"]
ItemKind = Literal["initial", "rescreen"]
Band = Literal["high", "intermediate", "low"]
# done: a matching scan was recorded in the item's window; upcoming: not yet due; overdue: due
# date passed and the window is still open; missed: the window closed without a scan (the next
# rescreen has taken over); not_applicable: the FDG-PET was not needed because the CT at
# diagnosis was abnormal.
ItemStatus = Literal["done", "upcoming", "overdue", "missed", "not_applicable"]
# The words pages show for a status, a scan's result and a band (the `translated` filter).
STATUS_WORDS: dict[str, str] = {
    "done": N_("done"),
    "upcoming": N_("upcoming"),
    "overdue": N_("overdue"),
    "missed": N_("missed"),
    "not_applicable": N_("not applicable"),
}
RESULT_WORDS: dict[str, str] = {
    "negative": N_("negative"),
    "abnormal": N_("abnormal"),
    "unclear": N_("unclear"),
}
BAND_WORDS: dict[str, str] = {
    "high": N_("high"),
    "intermediate": N_("intermediate"),
    "low": N_("low"),
}

TEST_LABELS: dict[str, str] = {
    "chest_ct": N_("CT of the chest"),
    "fdg_pet_if_ct_negative": N_("FDG-PET scan, if the CT is negative"),
    "fdg_pet": N_("FDG-PET scan"),
}
_REASON_INITIAL_CT = N_(
    "Look for small-cell lung cancer at diagnosis; a chest CT is the first test."
)
_REASON_INITIAL_PET = N_(
    "Only when the CT at diagnosis is negative: an FDG-PET scan can show a tumour the CT missed."
)
_REASON_RESCREEN: dict[str, str] = {
    "high": N_(
        "DELTA-P of 3 or more (higher chance of lung cancer): rescreen at 3 months, then every "
        "6 months for at least 2 years."
    ),
    "intermediate": N_("DELTA-P of 2: rescreen every 6 months for at least 2 years."),
    "low": N_("DELTA-P of 0-1 (low chance of lung cancer): one rescreen at 6 months."),
}

DeltaPScore = Annotated[int, Field(ge=0, le=DELTA_P_MAX_SCORE)]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ScreeningItem(_Frozen):
    """One scan in the plan, with its due date, why it is due and the source."""

    id: str  # stable within a plan, e.g. "m03-chest_ct"; usable as a calendar UID part
    kind: ItemKind
    months_after_diagnosis: int
    due: date
    test: PlannedTest
    label: str
    reason: str
    source: str


class ScreeningPlan(_Frozen):
    """A dated SCLC screening plan for one patient."""

    diagnosed_on: date
    delta_p_score: DeltaPScore
    band: Band
    items: list[ScreeningItem]
    note: str = NEW_SYMPTOMS_NOTE

    @property
    def band_word(self) -> str:
        """The band as pages name it ("high"), marked for translation."""
        return BAND_WORDS[self.band]


class RecordedScan(_Frozen):
    """A scan that was done: when, which test and what it showed."""

    performed_on: date
    test: ScanTest
    result: ScanResult

    @property
    def result_word(self) -> str:
        """The result as pages name it ("negative"), marked for translation."""
        return RESULT_WORDS[self.result]


class ItemProgress(_Frozen):
    """A plan item with its status on a given day and the scan that completed it, if any."""

    item: ScreeningItem
    status: ItemStatus
    scan: RecordedScan | None = None

    @property
    def status_word(self) -> str:
        """The status as pages name it ("not applicable"), marked for translation."""
        return STATUS_WORDS[self.status]


def band_for(score: int) -> Band:
    """Return the rescreening band for a DELTA-P score; ValueError when it is outside 0-6."""
    if not 0 <= score <= DELTA_P_MAX_SCORE:
        raise ValueError(f"a DELTA-P score runs from 0 to {DELTA_P_MAX_SCORE}, not {score}")
    if score >= HIGH_RISK_MIN_SCORE:
        return "high"
    if score == INTERMEDIATE_RISK_SCORE:
        return "intermediate"
    return "low"


def rescreen_months(band: Band) -> list[int]:
    """Return the months after diagnosis at which to rescreen in this band."""
    if band == "low":
        return [LOW_RISK_RESCREEN_MONTHS]
    month = HIGH_RISK_FIRST_RESCREEN_MONTHS if band == "high" else RESCREEN_INTERVAL_MONTHS
    months = [month]
    while month < MIN_SURVEILLANCE_MONTHS:
        month += RESCREEN_INTERVAL_MONTHS
        months.append(month)
    return months


def plan_steps(score: int) -> list[tuple[int, PlannedTest]]:
    """Return (months after diagnosis, test) for every step of the plan for this score."""
    steps: list[tuple[int, PlannedTest]] = [(0, "chest_ct"), (0, "fdg_pet_if_ct_negative")]
    steps += [(month, "chest_ct") for month in rescreen_months(band_for(score))]
    return steps


def add_months(start: date, months: int) -> date:
    """Return the same day ``months`` calendar months later, clamped to the end of short months."""
    month_index = start.month - 1 + months
    year, month = start.year + month_index // 12, month_index % 12 + 1
    day = min(start.day, calendar.monthrange(year, month)[1])
    return date(year, month, day)


def build_plan(*, diagnosed_on: date, delta_p_score: int) -> ScreeningPlan:
    """Return the dated screening plan for this diagnosis date and DELTA-P score."""
    band = band_for(delta_p_score)
    items = []
    for months, test in plan_steps(delta_p_score):
        kind: ItemKind = "initial" if months == 0 else "rescreen"
        if kind == "rescreen":
            reason, source = _REASON_RESCREEN[band], SOURCE_RESCREEN
        elif test == "chest_ct":
            reason, source = _REASON_INITIAL_CT, SOURCE_INITIAL
        else:
            reason, source = _REASON_INITIAL_PET, SOURCE_INITIAL
        items.append(
            ScreeningItem(
                id=f"m{months:02d}-{test}",
                kind=kind,
                months_after_diagnosis=months,
                due=add_months(diagnosed_on, months),
                test=test,
                label=TEST_LABELS[test],
                reason=reason,
                source=source,
            )
        )
    return ScreeningPlan(
        diagnosed_on=diagnosed_on, delta_p_score=delta_p_score, band=band, items=items
    )


def _accepted_tests(item: ScreeningItem) -> set[str]:
    # At diagnosis the CT and the PET are separate steps; a rescreen is done by either scan.
    if item.kind == "rescreen":
        return {"chest_ct", "fdg_pet"}
    return {"chest_ct"} if item.test == "chest_ct" else {"fdg_pet"}


def _window_start(item: ScreeningItem) -> date:
    days = DIAGNOSIS_LOOKBACK_DAYS if item.kind == "initial" else RESCREEN_EARLY_DAYS
    return item.due - timedelta(days=days)


def _windows(plan: ScreeningPlan) -> list[tuple[date, date | None]]:
    # Each item's window closes when the next rescreen's window opens; the last stays open.
    rescreen_starts = [_window_start(item) for item in plan.items if item.kind == "rescreen"]
    windows: list[tuple[date, date | None]] = []
    for item in plan.items:
        later = [start for start in rescreen_starts if start > _window_start(item)]
        windows.append((_window_start(item), min(later) if later else None))
    return windows


def track_progress(
    plan: ScreeningPlan, scans: Iterable[RecordedScan], *, today: date
) -> list[ItemProgress]:
    """Return every plan item with its status on ``today``; each scan completes one item."""
    unused = sorted(scans, key=lambda scan: scan.performed_on)
    progress: list[ItemProgress] = []
    initial_ct: RecordedScan | None = None
    for item, (start, end) in zip(plan.items, _windows(plan), strict=True):
        scan = next(
            (
                scan
                for scan in unused
                if scan.test in _accepted_tests(item)
                and start <= scan.performed_on
                and (end is None or scan.performed_on < end)
            ),
            None,
        )
        if scan is not None:
            unused.remove(scan)
            if item.kind == "initial" and item.test == "chest_ct":
                initial_ct = scan
            status: ItemStatus = "done"
        elif (
            item.test == "fdg_pet_if_ct_negative" and initial_ct and initial_ct.result == "abnormal"
        ):
            status = "not_applicable"
        elif end is not None and today >= end:
            status = "missed"
        elif today > item.due:
            status = "overdue"
        else:
            status = "upcoming"
        progress.append(ItemProgress(item=item, status=status, scan=scan))
    return progress
