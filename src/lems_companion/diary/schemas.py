"""Diary entry schemas, by direction: what comes in (create, update) and what goes out (public).

Every way into the diary (web form, JSON API, CLI, import) validates through ``EntryCreate`` or
``EntryUpdate``, so the rules below are enforced once. Symptom ids and the severity scale come
from the catalogue.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    field_validator,
    model_validator,
)

from lems_companion import catalogue
from lems_companion.i18n import N_, Said, problem_message
from lems_companion.inputs import check_storable_text

# How far ahead of the clock an entry may be dated: a day covers every time zone and a slightly
# wrong phone clock, while still catching a mistyped year.
MAX_FUTURE = timedelta(days=1)
# No entry can predate the app's use of modern dates; this mainly catches mistyped years.
EARLIEST_RECORDED_AT = datetime(1900, 1, 1, tzinfo=UTC)
# Adult body weight bounds that still admit every plausible patient.
MIN_WEIGHT_KG = 20.0
MAX_WEIGHT_KG = 400.0
MAX_NOTE_CHARS = 5_000
MAX_MEDICATIONS = 50
MAX_MEDICATION_NAME_CHARS = 200
# Above any single dose of any oral medicine; catches grams typed as milligrams twice over.
MAX_DOSE_MG = 100_000.0
# Home-test bounds (spec section 5): generous ceilings that still catch typing errors.
SIT_TO_STAND_REPETITIONS = 5
MAX_SIT_TO_STAND_REP_SECONDS = 120.0
MAX_SIT_TO_STAND_TOTAL_SECONDS = 600.0
TUG_TRIALS = 3
MAX_TUG_SECONDS = 300.0
MAX_GRIP_KG = 150.0

# Written as +00:00 rather than Pydantic's "Z", so output always shows the offset as given.
OffsetDatetime = Annotated[
    AwareDatetime, PlainSerializer(lambda value: value.isoformat(), when_used="json")
]
Context = Literal["after_rest", "after_activity"]
ImprovedAfterMoving = Literal["yes", "no", "unsure"]

CONTEXT_LABELS: dict[str, str] = {
    "after_rest": N_("First movement after resting"),
    "after_activity": N_("After moving for a few minutes"),
}
IMPROVED_LABELS: dict[str, str] = {"yes": N_("Yes"), "no": N_("No"), "unsure": N_("Not sure")}


def check_symptom_id(value: str) -> str:
    """Return the id unchanged; ValueError when it is not in the catalogue."""
    if value not in catalogue.symptom_ids():
        raise ValueError(
            f"unknown symptom id {value!r}; the catalogue ids are listed in docs/entries.md"
        )
    return value


SymptomId = Annotated[str, AfterValidator(check_symptom_id)]


def check_factors(value: list[str]) -> list[str]:
    """Return the factor ids once each, in catalogue order; ValueError for an unknown id."""
    unknown = sorted(set(value) - catalogue.factor_ids())
    if unknown:
        raise ValueError(
            f"unknown factor {unknown[0]!r}; the catalogue factors are "
            + ", ".join(item.id for item in catalogue.factors())
        )
    return [item.id for item in catalogue.factors() if item.id in value]


Factors = Annotated[list[str], AfterValidator(check_factors)]
# Strict numbers: a string such as "2" is a wrong type in JSON and is refused rather than guessed.
Severity = Annotated[int, Field(strict=True, ge=catalogue.MIN_SEVERITY, le=catalogue.MAX_SEVERITY)]
PositiveSeconds = Annotated[float, Field(strict=True, gt=0)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Medication(_Strict):
    """A medicine taken: name, dose in milligrams and when."""

    name: Annotated[str, Field(min_length=1, max_length=MAX_MEDICATION_NAME_CHARS)]
    dose_mg: Annotated[float | None, Field(strict=True, gt=0, le=MAX_DOSE_MG)] = None
    taken_at: OffsetDatetime | None = None

    @field_validator("name")
    @classmethod
    def _name_has_text(cls, value: str) -> str:
        value = check_storable_text(value).strip()
        if not value:
            raise ValueError("the medication name is empty")
        return value

    @field_validator("taken_at", mode="before")
    @classmethod
    def _taken_at_is_text(cls, value: Any) -> Any:
        return _require_datetime_text(value)


class Grip(_Strict):
    """Grip strength in kg at rest and right after a 10-second maximal squeeze."""

    rest: Annotated[float | None, Field(strict=True, ge=0, le=MAX_GRIP_KG)] = None
    after_squeeze: Annotated[float | None, Field(strict=True, ge=0, le=MAX_GRIP_KG)] = None


class HomeTests(_Strict):
    """Timed home tests (spec section 5); each is optional and keeps its raw numbers."""

    sit_to_stand_seconds: (
        Annotated[
            list[Annotated[float, Field(strict=True, gt=0, le=MAX_SIT_TO_STAND_REP_SECONDS)]],
            Field(min_length=SIT_TO_STAND_REPETITIONS, max_length=SIT_TO_STAND_REPETITIONS),
        ]
        | None
    ) = None
    sit_to_stand_total_seconds: (
        Annotated[float, Field(strict=True, gt=0, le=MAX_SIT_TO_STAND_TOTAL_SECONDS)] | None
    ) = None
    tug_seconds: (
        Annotated[
            list[Annotated[float, Field(strict=True, gt=0, le=MAX_TUG_SECONDS)]],
            Field(min_length=TUG_TRIALS, max_length=TUG_TRIALS),
        ]
        | None
    ) = None
    grip_kg: Grip | None = None

    @model_validator(mode="after")
    def _one_sit_to_stand_form(self) -> HomeTests:
        if self.sit_to_stand_seconds is not None and self.sit_to_stand_total_seconds is not None:
            raise ValueError(
                "give sit-to-stand either as five per-repetition times "
                "(sit_to_stand_seconds) or as a total (sit_to_stand_total_seconds), not both"
            )
        return self

    def is_empty(self) -> bool:
        """Return True when no home test was recorded."""
        grip_empty = self.grip_kg is None or (
            self.grip_kg.rest is None and self.grip_kg.after_squeeze is None
        )
        return (
            self.sit_to_stand_seconds is None
            and self.sit_to_stand_total_seconds is None
            and self.tug_seconds is None
            and grip_empty
        )


def _require_datetime_text(value: Any) -> Any:
    # Pydantic would read a bare number as a Unix timestamp; in a diary that is almost always a
    # mistake, so only ISO 8601 text (or a datetime from Python callers) is accepted.
    if value is None or isinstance(value, (str, datetime)):
        return value
    raise ValueError(
        "must be an ISO 8601 date-time with a UTC offset, e.g. 2026-03-01T08:30:00+01:00"
    )


def check_recorded_at(value: datetime, *, now: datetime | None = None) -> datetime:
    """Return the time unchanged; ValueError when it is too far in the future or the past."""
    now = now or datetime.now(UTC)
    if value > now + MAX_FUTURE:
        raise ValueError("is more than a day in the future")
    if value < EARLIEST_RECORDED_AT:
        raise ValueError("is before 1900; check the year")
    return value


class _EntryFields(_Strict):
    """Fields an entry may carry besides its time; shared by create and update."""

    context: Context | None = None
    improved_after_moving: ImprovedAfterMoving | None = None
    symptoms: dict[SymptomId, Severity] = Field(default_factory=dict)
    weight_kg: Annotated[float | None, Field(strict=True, ge=MIN_WEIGHT_KG, le=MAX_WEIGHT_KG)] = (
        None
    )
    medications: Annotated[list[Medication], Field(max_length=MAX_MEDICATIONS)] = Field(
        default_factory=list
    )
    home_tests: HomeTests | None = None
    # Things that can change how LEMS feels that day (catalogue factors), e.g. ["heat"].
    factors: Factors = Field(default_factory=list)
    note: Annotated[str | None, Field(max_length=MAX_NOTE_CHARS)] = None

    @field_validator("note")
    @classmethod
    def _blank_note_is_none(cls, value: str | None) -> str | None:
        return check_storable_text(value) if value and value.strip() else None

    @field_validator("home_tests")
    @classmethod
    def _empty_home_tests_is_none(cls, value: HomeTests | None) -> HomeTests | None:
        return None if value is None or value.is_empty() else value


class EntryCreate(_EntryFields):
    """A new diary entry as received from the form, the API, the CLI or an import."""

    recorded_at: OffsetDatetime

    @field_validator("recorded_at", mode="before")
    @classmethod
    def _recorded_at_is_text(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("is required")
        return _require_datetime_text(value)

    @field_validator("recorded_at")
    @classmethod
    def _recorded_at_in_range(cls, value: datetime) -> datetime:
        return check_recorded_at(value)


class EntryUpdate(_Strict):
    """A partial change to an entry: only the fields present are changed; null clears one."""

    recorded_at: OffsetDatetime | None = None
    context: Context | None = None
    improved_after_moving: ImprovedAfterMoving | None = None
    symptoms: dict[SymptomId, Severity] | None = None
    weight_kg: Annotated[float | None, Field(strict=True, ge=MIN_WEIGHT_KG, le=MAX_WEIGHT_KG)] = (
        None
    )
    medications: Annotated[list[Medication] | None, Field(max_length=MAX_MEDICATIONS)] = None
    home_tests: HomeTests | None = None
    factors: Factors | None = None
    note: Annotated[str | None, Field(max_length=MAX_NOTE_CHARS)] = None

    @field_validator("recorded_at", mode="before")
    @classmethod
    def _recorded_at_is_text(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be cleared; every entry needs a time")
        return _require_datetime_text(value)

    @field_validator("recorded_at")
    @classmethod
    def _recorded_at_in_range(cls, value: datetime | None) -> datetime | None:
        return None if value is None else check_recorded_at(value)

    def apply_to(self, current: EntryCreate) -> EntryCreate:
        """Return the entry with this change applied, validated as a whole again."""
        changes = self.model_dump(exclude_unset=True)
        if "factors" in changes and changes["factors"] is None:
            changes["factors"] = []  # null clears the factors, like any other field
        merged = {**current.model_dump(), **changes}
        return EntryCreate.model_validate(merged)


class EntryPublic(EntryCreate):
    """A stored entry as returned by the API and the CLI."""

    id: int

    @field_validator("recorded_at")
    @classmethod
    def _recorded_at_in_range(cls, value: datetime) -> datetime:
        # A stored entry was checked when it was saved; it must not turn invalid as time passes.
        return value

    def as_create(self) -> EntryCreate:
        """Return the entry's content without its id."""
        return EntryCreate.model_validate(self.model_dump(exclude={"id"}))


def describe_errors(error: ValidationError, *, where: str = "") -> list[str]:
    """Return one readable line per problem, naming its field: ``symptoms.fatigue: ...``, after
    ``where`` when given (``Bundle.entry[2]: weight_kg: ...``); each line is an ``i18n.Said``,
    which a page says in the reader's language and the command line prints in English."""
    lines: list[str] = []
    for problem in error.errors():
        # Pydantic marks a bad dictionary key with a trailing "[key]"; the key itself says enough.
        parts = [str(part) for part in problem["loc"] if part != "[key]"]
        location = ".".join(parts) or "entry"
        line = Said(
            N_("%(location)s: %(problem)s"), location=location, problem=problem_message(problem)
        )
        lines.append(
            Said(N_("%(location)s: %(problem)s"), location=where, problem=line) if where else line
        )
    return lines
