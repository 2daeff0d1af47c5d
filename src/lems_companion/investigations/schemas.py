"""The test tracker's domain: which tests a patient may record, and their schemas by direction.

The kinds and what each shows come from clinical spec section 4 (investigations). A test the
patient has not had yet is recorded as ``pending`` and shown as "to discuss".
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# The kinds live in their own module, free of pydantic models, so `lems tests add --help` can
# list them without building the schemas; they are part of this domain and re-exported here.
from lems_companion.inputs import check_storable_text
from lems_companion.investigations.kinds import KIND_IDS as KIND_IDS
from lems_companion.investigations.kinds import KINDS as KINDS
from lems_companion.investigations.kinds import Kind as Kind
from lems_companion.investigations.kinds import kind as kind

Status = Literal["done", "pending"]
MAX_RESULT_CHARS = 2_000
# An increment above 1000% would be a typing error (the classic criterion is 100%).
MAX_INCREMENT_PERCENT = 1_000.0
SOURCE = "Clinical specification section 4 (investigations)"


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

    @property
    def result_summary(self) -> str:
        """Return the result in one phrase: the EDX increment and the result text, the increment
        once even when the text repeats it; empty when nothing was recorded."""
        parts = []
        if self.increment_percent is not None:
            increment = f"{self.increment_percent:g}%"
            parts.append(f"CMAP increment {increment}")
            if self.result and increment in self.result.replace(" ", ""):
                rest = self.result.replace(increment, "").replace("increment", "")
                rest = rest.strip(" ,;:.")
                return "; ".join([*parts, rest] if rest else parts)
        if self.result:
            parts.append(self.result)
        return "; ".join(parts)
