"""DELTA-P: a six-item score for the chance that LEMS is associated with small-cell lung cancer.

The score was derived by Titulaer et al. (J Clin Oncol 2011) and validated prospectively by
Maddison et al. (Sci Rep 2020). Each item scores one point when present at onset of weakness or
within the first 3 months.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lems_companion.rules import screening

# Item thresholds (Titulaer et al., J Clin Oncol 2011): age at onset of 50 or more, weight loss
# of at least 5%, and a Karnofsky performance score below 70 each score a point.
AGE_AT_ONSET_THRESHOLD = 50
WEIGHT_LOSS_THRESHOLD_PERCENT = 5.0
KARNOFSKY_THRESHOLD = 70

# Input bounds. Ages beyond 120 are typing errors. Losing more than half of one's body weight
# around onset is not plausible, so a larger figure is far more likely a mistyped number.
MIN_AGE = 0
MAX_AGE = 120
MAX_WEIGHT_LOSS_PERCENT = 50.0
# The Karnofsky scale runs from 0 to 100 in steps of 10. Other integers are refused rather than
# rounded: a value such as 65 sits on the scoring boundary (<70) and guessing which way the
# clinician meant would silently change the score.
MIN_KARNOFSKY = 0
MAX_KARNOFSKY = 100
KARNOFSKY_STEP = 10

MAX_SCORE = screening.DELTA_P_MAX_SCORE  # one point for each of six items

# Probability of SCLC for each score in the prospective validation (Maddison et al., Sci Rep
# 2020), in percent.
VALIDATION_PROBABILITY_PERCENT: dict[int, float] = {
    0: 0.0,
    1: 18.8,
    2: 45.0,
    3: 55.5,
    4: 85.7,
    5: 87.5,
    6: 100.0,
}
VALIDATION_SOURCE = "Maddison et al., Sci Rep 2020"
DERIVATION_SOURCE = "Titulaer et al., J Clin Oncol 2011"

# What the 2011 derivation reported, by score range. For scores 2-3 the figures we rely on give
# no summary range, so the note says so instead of inventing one.
DERIVATION_LOW_MAX_SCORE = 1
DERIVATION_MIDDLE_MAX_SCORE = 3
_DERIVATION_LOW = (
    "The 2011 derivation (Titulaer et al., J Clin Oncol 2011) reported a 0-2.6% chance of SCLC "
    "for scores 0-1."
)
_DERIVATION_MIDDLE = (
    "The 2011 derivation (Titulaer et al., J Clin Oncol 2011) gave no summary range for scores "
    "2-3 in the figures this app uses; see the paper for its detailed results."
)
_DERIVATION_HIGH = (
    "The 2011 derivation (Titulaer et al., J Clin Oncol 2011) reported a 93.5-100% chance of "
    "SCLC for scores 4-6."
)

Sex = Literal["male", "female"]


class DeltaPInput(BaseModel):
    """What a clinician enters for DELTA-P; every item refers to onset or the first 3 months."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    age_at_onset: Annotated[int, Field(strict=True, ge=MIN_AGE, le=MAX_AGE)]
    sex: Sex
    smoker_at_onset: bool
    weight_loss_percent: Annotated[
        float, Field(ge=0, le=MAX_WEIGHT_LOSS_PERCENT, allow_inf_nan=False)
    ]
    bulbar: bool
    # Asked of men only; ignored for women, so None is allowed when sex is female.
    erectile_dysfunction: bool | None = None
    karnofsky: Annotated[int, Field(strict=True, ge=MIN_KARNOFSKY, le=MAX_KARNOFSKY)]

    @field_validator("karnofsky")
    @classmethod
    def _on_the_karnofsky_scale(cls, value: int) -> int:
        if value % KARNOFSKY_STEP:
            raise ValueError(
                f"{value} is not on the Karnofsky scale; use a multiple of 10 from 0 to 100"
            )
        return value

    @model_validator(mode="after")
    def _men_answer_erectile_dysfunction(self) -> DeltaPInput:
        if self.sex == "male" and self.erectile_dysfunction is None:
            raise ValueError("for men, say whether erectile dysfunction was present")
        return self


class DeltaPItems(BaseModel):
    """Which of the six DELTA-P items scored a point."""

    model_config = ConfigDict(frozen=True)

    bulbar: bool
    erectile_dysfunction: bool
    weight_loss: bool
    tobacco: bool
    age: bool
    karnofsky: bool


class PlanStep(BaseModel):
    """One step of the screening schedule, counted in months from diagnosis."""

    model_config = ConfigDict(frozen=True)

    months_after_diagnosis: int
    test: screening.PlannedTest


class DeltaPResult(BaseModel):
    """A DELTA-P score with the figures to read it by; its JSON form is the CLI's --json output."""

    model_config = ConfigDict(frozen=True)

    score: Annotated[int, Field(ge=0, le=MAX_SCORE)]
    items: DeltaPItems
    sclc_probability_percent: float
    derivation_note: str
    screening_plan: list[PlanStep]


def score_items(data: DeltaPInput) -> DeltaPItems:
    """Return which items score a point; erectile dysfunction never scores for women."""
    return DeltaPItems(
        bulbar=data.bulbar,
        erectile_dysfunction=data.sex == "male" and bool(data.erectile_dysfunction),
        weight_loss=data.weight_loss_percent >= WEIGHT_LOSS_THRESHOLD_PERCENT,
        tobacco=data.smoker_at_onset,
        age=data.age_at_onset >= AGE_AT_ONSET_THRESHOLD,
        karnofsky=data.karnofsky < KARNOFSKY_THRESHOLD,
    )


def derivation_note(score: int) -> str:
    """Return what the 2011 derivation reported for the range this score falls in."""
    if score <= DERIVATION_LOW_MAX_SCORE:
        return _DERIVATION_LOW
    if score <= DERIVATION_MIDDLE_MAX_SCORE:
        return _DERIVATION_MIDDLE
    return _DERIVATION_HIGH


def score_delta_p(data: DeltaPInput) -> DeltaPResult:
    """Return the DELTA-P score, its items, both studies' figures and the screening steps."""
    items = score_items(data)
    score = sum(items.model_dump().values())
    return DeltaPResult(
        score=score,
        items=items,
        sclc_probability_percent=VALIDATION_PROBABILITY_PERCENT[score],
        derivation_note=derivation_note(score),
        screening_plan=[
            PlanStep(months_after_diagnosis=months, test=test)
            for months, test in screening.plan_steps(score)
        ],
    )
