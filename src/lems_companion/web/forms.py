"""The diary entry form: its fields are derived from the catalogue and the entry schema.

``parse_entry_form`` turns the submitted text into an ``EntryCreate`` or a dictionary of errors
keyed by form field, so the page can show each message next to its field and keep what was typed.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from starlette.datastructures import FormData

from lems_companion import catalogue
from lems_companion.dates import zone
from lems_companion.diary.schemas import (
    MAX_MEDICATIONS,
    SIT_TO_STAND_REPETITIONS,
    TUG_TRIALS,
    EntryCreate,
    EntryPublic,
)

# Empty medication rows offered on a new entry; enough for a typical day's doses.
MEDICATION_ROWS = 3
LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


def field_errors(error: Exception) -> dict[str, str]:
    """Return a domain error ("field: message", as AccountError and SharingError say it) keyed
    by the form field it is about, for the page to show next to that field."""
    field, _, message = str(error).partition(": ")
    return {field: message}


def symptom_field(symptom_id: str) -> str:
    """Return the form field name of a symptom's severity."""
    return f"symptom_{symptom_id}"


@dataclass
class EntryForm:
    """What the form shows: the values as typed and an error message per field."""

    values: dict[str, str] = field(default_factory=dict)
    medications: list[dict[str, str]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)

    def value(self, name: str, default: str = "") -> str:
        """Return the typed value of a field; the default when it was left empty."""
        return self.values.get(name) or default

    def has_errors(self, prefix: str) -> bool:
        """Return True when a field whose name starts with the prefix has an error."""
        return any(name.startswith(prefix) for name in self.errors)


def blank_form(*, now: datetime) -> EntryForm:
    """Return a new-entry form with the time set to now in the person's time zone."""
    return EntryForm(
        values={
            "recorded_at": now.strftime(LOCAL_INPUT_FORMAT),
            "tz": str(now.tzinfo),
            # Sent back with the form, so a resubmission (a double tap, a retry after a lost
            # connection) saves the entry once (diary/idempotency.py).
            "idempotency_key": uuid.uuid4().hex,
        },
        medications=[{} for _ in range(MEDICATION_ROWS)],
    )


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def form_from_entry(entry: EntryPublic, *, time_zone: str) -> EntryForm:
    """Return the form filled in with a stored entry, its time shown in the person's zone."""
    local = entry.recorded_at.astimezone(zone(time_zone))
    values = {
        "recorded_at": local.strftime(LOCAL_INPUT_FORMAT),
        "tz": time_zone,
        "context": entry.context or "",
        "improved_after_moving": entry.improved_after_moving or "",
        "weight_kg": _number_text(entry.weight_kg),
        "note": entry.note or "",
    }
    for symptom_id, severity in entry.symptoms.items():
        values[symptom_field(symptom_id)] = str(severity)
    tests = entry.home_tests
    if tests:
        for index, seconds in enumerate(tests.sit_to_stand_seconds or [], start=1):
            values[f"sts_{index}"] = _number_text(seconds)
        values["sts_total"] = _number_text(tests.sit_to_stand_total_seconds)
        for index, seconds in enumerate(tests.tug_seconds or [], start=1):
            values[f"tug_{index}"] = _number_text(seconds)
        if tests.grip_kg:
            values["grip_rest"] = _number_text(tests.grip_kg.rest)
            values["grip_after"] = _number_text(tests.grip_kg.after_squeeze)
    medications = [
        {
            "name": item.name,
            "dose": _number_text(item.dose_mg),
            "time": item.taken_at.astimezone(zone(time_zone)).strftime(LOCAL_INPUT_FORMAT)
            if item.taken_at
            else "",
        }
        for item in entry.medications
    ]
    medications.append({})
    return EntryForm(values=values, medications=medications)


class _Collector:
    """Converts form text to typed values, noting a message per field that will not convert."""

    def __init__(self, form: FormData, tz_name: str) -> None:
        self.form = form
        self.tz = zone(tz_name)
        self.errors: dict[str, str] = {}

    def text(self, name: str) -> str:
        value = self.form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    def number(self, name: str, *, integer: bool = False) -> float | int | None:
        raw = self.text(name).replace(",", ".")
        if not raw:
            return None
        try:
            return int(raw) if integer else float(raw)
        except ValueError:
            self.errors[name] = "Enter a whole number." if integer else "Enter a number, e.g. 72.5."
            return None

    def local_time(self, name: str, raw: str) -> datetime | None:
        if not raw:
            return None
        try:
            return datetime.strptime(raw, LOCAL_INPUT_FORMAT).replace(tzinfo=self.tz)
        except ValueError:
            self.errors[name] = "Enter a date and time, e.g. 2026-03-01 08:30."
            return None


def _home_tests(collect: _Collector) -> dict[str, Any]:
    reps = [collect.number(f"sts_{i}") for i in range(1, SIT_TO_STAND_REPETITIONS + 1)]
    tug = [collect.number(f"tug_{i}") for i in range(1, TUG_TRIALS + 1)]
    tests: dict[str, Any] = {}
    if any(value is not None for value in reps):
        tests["sit_to_stand_seconds"] = [value for value in reps if value is not None]
    total = collect.number("sts_total")
    if total is not None:
        tests["sit_to_stand_total_seconds"] = total
    if any(value is not None for value in tug):
        tests["tug_seconds"] = [value for value in tug if value is not None]
    grip = {"rest": collect.number("grip_rest"), "after_squeeze": collect.number("grip_after")}
    if any(value is not None for value in grip.values()):
        tests["grip_kg"] = grip
    return tests


def _medications(collect: _Collector) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    names = collect.form.getlist("med_name")
    doses = collect.form.getlist("med_dose")
    times = collect.form.getlist("med_time")
    parsed: list[dict[str, Any]] = []
    typed: list[dict[str, str]] = []
    for index in range(min(len(names), MAX_MEDICATIONS + 1)):
        name = str(names[index]).strip()
        dose = str(doses[index]).strip().replace(",", ".") if index < len(doses) else ""
        when = str(times[index]).strip() if index < len(times) else ""
        typed.append({"name": name, "dose": dose, "time": when})
        if not (name or dose or when):
            continue
        item: dict[str, Any] = {"name": name}
        if dose:
            try:
                item["dose_mg"] = float(dose)
            except ValueError:
                collect.errors[f"medications.{len(parsed)}.dose_mg"] = "Enter the dose in mg."
        taken = collect.local_time(f"medications.{len(parsed)}.taken_at", when)
        if taken is not None:
            item["taken_at"] = taken
        parsed.append(item)
    return parsed, typed


def _field_of(location: tuple[int | str, ...]) -> str:
    """Return the form field that a validation error location refers to."""
    parts = [str(part) for part in location if part != "[key]"]
    if parts[:1] == ["symptoms"] and len(parts) > 1:
        return symptom_field(parts[1])
    if parts[:2] == ["home_tests", "sit_to_stand_seconds"]:
        return "sts_1"
    if parts[:2] == ["home_tests", "tug_seconds"]:
        return "tug_1"
    if parts[:3] == ["home_tests", "grip_kg", "after_squeeze"]:
        return "grip_after"
    if parts[:2] == ["home_tests", "grip_kg"]:
        return "grip_rest"
    if parts[:2] == ["home_tests", "sit_to_stand_total_seconds"]:
        return "sts_total"
    return ".".join(parts[:3]) if parts[:1] == ["medications"] else (parts[0] if parts else "entry")


def parse_entry_form(
    form: FormData, *, default_time_zone: str
) -> tuple[EntryCreate | None, EntryForm]:
    """Return the entry (None when invalid) and the form as typed, with errors by field."""
    tz_name = str(form.get("tz") or default_time_zone)
    collect = _Collector(form, tz_name)
    values = {
        key: str(value)
        for key, value in form.items()
        if key not in ("med_name", "med_dose", "med_time")
    }
    data: dict[str, Any] = {
        "recorded_at": collect.local_time("recorded_at", collect.text("recorded_at")),
        "context": collect.text("context") or None,
        "improved_after_moving": collect.text("improved_after_moving") or None,
        "weight_kg": collect.number("weight_kg"),
        "note": collect.text("note") or None,
        "symptoms": {},
    }
    if data["recorded_at"] is None and "recorded_at" not in collect.errors:
        collect.errors["recorded_at"] = "Enter when this happened."
    for symptom in catalogue.symptoms():
        severity = collect.number(symptom_field(symptom.id), integer=True)
        if severity:
            data["symptoms"][symptom.id] = severity
    tests = _home_tests(collect)
    if tests:
        data["home_tests"] = tests
    data["medications"], typed_medications = _medications(collect)
    # Text that is not a number is reported together with every other problem, so the person
    # fixes the form in one go rather than one message at a time.
    form_state = EntryForm(
        values=values, medications=[*typed_medications, {}], errors=dict(collect.errors)
    )
    try:
        entry = EntryCreate.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            form_state.errors.setdefault(
                _field_of(problem["loc"]), problem["msg"].removeprefix("Value error, ")
            )
        return None, form_state
    return (None, form_state) if form_state.errors else (entry, form_state)
