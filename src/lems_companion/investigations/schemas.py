"""The test tracker's domain: which tests a patient may record, and their schemas by direction.

The kinds and what each shows come from clinical spec section 4 (investigations). A test the
patient has not had yet is recorded as ``pending`` and shown as "to discuss".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from lems_companion.inputs import check_storable_text
from lems_companion.tools.edx import INCREMENT_CUTOFF_60_PERCENT, INCREMENT_CUTOFF_100_PERCENT

Status = Literal["done", "pending"]
MAX_RESULT_CHARS = 2_000
# An increment above 1000% would be a typing error (the classic criterion is 100%).
MAX_INCREMENT_PERCENT = 1_000.0
SOURCE = "Clinical specification section 4 (investigations)"


@dataclass(frozen=True, slots=True)
class Kind:
    """A kind of test the tracker knows, with what it looks for (spec section 4)."""

    id: str
    label: str
    shows: str
    ask_about: bool  # one of the tests a patient may ask about at an appointment


KINDS: tuple[Kind, ...] = (
    Kind(
        id="edx",
        label="Electrodiagnostic study (nerve conduction with repetitive nerve stimulation)",
        shows=(
            "A low resting muscle response (CMAP) that rises after 10 seconds of maximal "
            f"contraction; an increment of {INCREMENT_CUTOFF_100_PERCENT}% or more is the classic "
            f"criterion and {INCREMENT_CUTOFF_60_PERCENT}% or more has been proposed."
        ),
        ask_about=True,
    ),
    Kind(
        id="vgcc_antibodies",
        label="P/Q-type voltage-gated calcium channel (VGCC) antibodies",
        shows="A blood test; positive in about 90% of people with LEMS.",
        ask_about=True,
    ),
    Kind(
        id="chest_ct",
        label="CT scan of the chest",
        shows="Screening for small-cell lung cancer, which can go with LEMS.",
        ask_about=True,
    ),
    Kind(
        id="fdg_pet",
        label="FDG-PET scan",
        shows="Screening for small-cell lung cancer when the chest CT shows nothing.",
        ask_about=True,
    ),
    Kind(
        id="sox1_antibodies",
        label="SOX1 antibodies",
        shows="A blood test a clinician may use; a positive result favours small-cell lung cancer.",
        ask_about=False,
    ),
    Kind(id="other", label="Other test", shows="", ask_about=False),
)
KIND_IDS = tuple(kind.id for kind in KINDS)


def kind(kind_id: str) -> Kind:
    """Return the kind with this id; KeyError when there is none."""
    return {item.id: item for item in KINDS}[kind_id]


class InvestigationCreate(BaseModel):
    """A test as the patient records it, from the form or the CLI."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: Literal["edx", "vgcc_antibodies", "chest_ct", "fdg_pet", "sox1_antibodies", "other"]
    status: Status
    done_on: date | None = None
    result: Annotated[str | None, Field(max_length=MAX_RESULT_CHARS)] = None
    increment_percent: Annotated[
        float | None, Field(ge=-100, le=MAX_INCREMENT_PERCENT, strict=False)
    ] = None
    note: Annotated[str | None, Field(max_length=MAX_RESULT_CHARS)] = None

    @field_validator("result", "note")
    @classmethod
    def _blank_is_none(cls, value: str | None) -> str | None:
        return check_storable_text(value).strip() if value and value.strip() else None

    @model_validator(mode="after")
    def _consistent(self) -> InvestigationCreate:
        if self.increment_percent is not None and self.kind != "edx":
            raise ValueError("an increment is only recorded for an electrodiagnostic study")
        if self.status == "pending" and self.increment_percent is not None:
            raise ValueError("a pending test has no result yet")
        return self


class InvestigationPublic(InvestigationCreate):
    """A stored test, as pages and reports show it."""

    id: int

    @property
    def label(self) -> str:
        """Return the readable name of the test's kind."""
        return kind(self.kind).label
