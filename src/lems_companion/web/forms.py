"""The diary entry form: its fields are derived from the catalogue and the entry schema.

``parse_entry_form`` turns the submitted text into an ``EntryCreate`` or a dictionary of errors
keyed by form field, so the page can show each message next to its field and keep what was typed.
Messages and field names are in the reader's language (gettext catalogues, docs/i18n.md); the
weight is typed in the person's unit (diary/weights.py) and stored in kilograms.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from babel.numbers import format_decimal
from pydantic import ValidationError
from starlette.datastructures import FormData

from lems_companion import catalogue
from lems_companion.dates import zone
from lems_companion.diary.quick import always_asked
from lems_companion.diary.schemas import (
    MAX_MEDICATIONS,
    MAX_WEIGHT_KG,
    MIN_WEIGHT_KG,
    SIT_TO_STAND_REPETITIONS,
    TUG_TRIALS,
    EntryCreate,
    EntryPublic,
)
from lems_companion.diary.weights import (
    POUNDS_PER_STONE,
    WEIGHT_UNITS,
    in_unit,
    to_kg,
    unit_or_default,
    weight_limits,
)
from lems_companion.i18n import N_, Said, problem_message, said_in, translate

# Empty medication rows offered on a new entry; enough for a typical day's doses.
MEDICATION_ROWS = 3
LOCAL_INPUT_FORMAT = "%Y-%m-%dT%H:%M"
# A usual medicine ticked on the form arrives as "name|dose in mg" (see diary.quick.UsualMedicine).
USUAL_MEDICINE_FIELD = "usual_med"
# A factor noted on the form (heat, an infection, ...) arrives as its catalogue id.
FACTOR_FIELD = "factor"
# The unit the weight was typed in (diary/weights.py), and its fields: kilograms, or stones and
# pounds, or pounds alone.
WEIGHT_UNIT_FIELD = "weight_unit"
WEIGHT_FIELDS: dict[str, tuple[str, ...]] = {
    "kg": ("weight_kg",),
    "st_lb": ("weight_st", "weight_lb"),
    "lb": ("weight_lb",),
}
# What each number field holds, for the message when what was typed is not a number; every
# message names the unit.
NUMBER_MESSAGES: dict[str, str] = {
    "weight_kg": N_("Enter a number of kilograms, e.g. 72.5."),
    "weight_st": N_("Enter a number of stones, e.g. 11."),
    "weight_lb": N_("Enter a number of pounds, e.g. 160."),
    "grip_rest": N_("Enter a number of kg, e.g. 18."),
    "grip_after": N_("Enter a number of kg, e.g. 18."),
}
SECONDS_MESSAGE = N_("Enter a number of seconds, e.g. 12.5.")
# The plain name of each fixed field, as the error summary names it.
FIELD_LABELS: dict[str, str] = {
    "recorded_at": N_("When"),
    "context": N_("Right now you are"),
    "improved_after_moving": N_("Strength after moving"),
    "weight_kg": N_("Body weight"),
    "weight_st": N_("Body weight, stones"),
    "weight_lb": N_("Body weight, pounds"),
    WEIGHT_UNIT_FIELD: N_("Weight unit"),
    "note": N_("Anything else"),
    "sts_total": N_("Sit-to-stand, total for all five"),
    "grip_rest": N_("Grip at rest"),
    "grip_after": N_("Grip after a 10-second squeeze"),
    "home_tests": N_("Home tests"),
    USUAL_MEDICINE_FIELD: N_("Your usual medicines"),
    FACTOR_FIELD: N_("Anything that may have made a difference"),
    "entry": N_("This entry"),
}
MEDICATION_PARTS = {
    "name": (N_("Medication %(number)s, name"), "med_name"),
    "dose_mg": (N_("Medication %(number)s, dose"), "med_dose"),
    "taken_at": (N_("Medication %(number)s, time taken"), "med_time"),
}
NUMBERED_FIELDS = (
    ("sts_", N_("Sit-to-stand, repetition %(number)s")),
    ("tug_", N_("Up-and-go, trial %(number)s")),
)
# The schema's own messages (English for the API) as a person on the form reads them.
SCHEMA_MESSAGES: dict[str, str] = {
    "is more than a day in the future": N_("This is more than a day in the future."),
    "is before 1900; check the year": N_("This is before 1900; check the year."),
    "the medication name is empty": N_("Enter the medicine's name."),
    "is required": N_("Enter when this happened."),
}


def field_errors(error: Exception) -> dict[str, str]:
    """Return a domain error ("field: message", as AccountError and SharingError say it) keyed
    by the form field it is about, for the page to show next to that field. A message built with
    values (``i18n.Said``) stays one, so the page says it in the reader's language."""
    said = error.args[0] if error.args else None
    if isinstance(said, Said) and said.field:
        return {said.field: said.unfielded()}
    field, _, message = str(error).partition(": ")
    return {field: message}


def symptom_field(symptom_id: str) -> str:
    """Return the form field name of a symptom's severity."""
    return f"symptom_{symptom_id}"


def say(message: str, language: str, **values: object) -> str:
    """Return a marked message in the language, its %(name)s placeholders filled in."""
    text = translate(message, language)
    return text % values if values else text


def field_label(name: str, language: str = "en") -> str:
    """Return the plain name of a form field for messages, e.g. "Medication 2, dose"."""
    if name.startswith("symptom_") and name.removeprefix("symptom_") in catalogue.symptom_ids():
        return catalogue.get(name.removeprefix("symptom_")).label_in(language)
    if name.startswith("medications."):
        _, row, part = [*name.split("."), "", ""][:3]
        label = MEDICATION_PARTS.get(part, (N_("Medication %(number)s"), ""))[0]
        return say(label, language, number=int(row) + 1)
    for prefix, title in NUMBERED_FIELDS:
        if name.startswith(prefix) and name.removeprefix(prefix).isdigit():
            return say(title, language, number=name.removeprefix(prefix))
    if name in FIELD_LABELS:
        return say(FIELD_LABELS[name], language)
    return name.replace("_", " ").capitalize()


def field_anchor(name: str) -> str:
    """Return the id of the control a field's error message links to."""
    if name.startswith("medications."):
        _, row, part = [*name.split("."), "", ""][:3]
        return f"{MEDICATION_PARTS.get(part, ('', 'med_name'))[1]}_{row}"
    if name == USUAL_MEDICINE_FIELD:
        return "usual-medicines"
    if name in (FACTOR_FIELD, "factors"):
        return "factors"
    if name in ("home_tests", "entry"):
        return "recorded_at"
    if name == WEIGHT_UNIT_FIELD:
        return "weight"
    return name


def error_id(name: str) -> str:
    """Return the id of the element that holds a field's error message."""
    return name.replace(".", "-") + "-error"


@dataclass
class EntryForm:
    """What the form shows: the values as typed and an error message per field."""

    values: dict[str, str] = field(default_factory=dict)
    medications: list[dict[str, str]] = field(default_factory=list)
    errors: dict[str, str] = field(default_factory=dict)
    # The usual medicines ticked (``name|dose``), kept ticked when the form comes back.
    chosen_medicines: list[str] = field(default_factory=list)
    # The factors ticked (catalogue ids), kept ticked when the form comes back.
    factors: list[str] = field(default_factory=list)

    def value(self, name: str, default: str = "") -> str:
        """Return the typed value of a field; the default when it was left empty."""
        return self.values.get(name) or default

    def has_errors(self, prefix: str) -> bool:
        """Return True when a field whose name starts with the prefix has an error."""
        return any(name.startswith(prefix) for name in self.errors)


def blank_form(*, now: datetime, weight_unit: str | None = None) -> EntryForm:
    """Return a new-entry form with the time set to now in the person's time zone and the
    weight asked in their unit."""
    return EntryForm(
        values={
            "recorded_at": now.strftime(LOCAL_INPUT_FORMAT),
            "tz": str(now.tzinfo),
            WEIGHT_UNIT_FIELD: unit_or_default(weight_unit),
            # Sent back with the form, so a resubmission (a double tap, a retry after a lost
            # connection) saves the entry once (diary/idempotency.py).
            "idempotency_key": uuid.uuid4().hex,
        },
        medications=[{} for _ in range(MEDICATION_ROWS)],
    )


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def weight_values(weight_kg: float | None, unit: str) -> dict[str, str]:
    """Return the form's weight fields for a stored weight, in the person's unit."""
    values = {WEIGHT_UNIT_FIELD: unit}
    if weight_kg is not None:
        amount, pounds = in_unit(weight_kg, unit)
        values.update(zip(WEIGHT_FIELDS[unit], map(_number_text, (amount, pounds)), strict=False))
    return values


def form_from_entry(
    entry: EntryPublic, *, time_zone: str, weight_unit: str | None = None
) -> EntryForm:
    """Return the form filled in with a stored entry, its time shown in the person's zone and
    its weight in their unit."""
    local = entry.recorded_at.astimezone(zone(time_zone))
    values = {
        "recorded_at": local.strftime(LOCAL_INPUT_FORMAT),
        "tz": time_zone,
        "context": entry.context or "",
        "improved_after_moving": entry.improved_after_moving or "",
        **weight_values(entry.weight_kg, unit_or_default(weight_unit)),
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
    return EntryForm(values=values, medications=medications, factors=list(entry.factors))


class _Collector:
    """Converts form text to typed values, noting a message per field that will not convert."""

    def __init__(self, form: FormData, tz_name: str, language: str) -> None:
        self.form = form
        self.tz = zone(tz_name)
        self.language = language
        self.errors: dict[str, str] = {}

    def fail(self, name: str, message: str, **values: object) -> None:
        """Note the message for the field, in the reader's language."""
        self.errors[name] = say(message, self.language, **values)

    def has_error(self, *names: str) -> bool:
        """Return True when any of the fields already has a message."""
        return any(name in self.errors for name in names)

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
            if integer:
                self.fail(name, N_("Choose one of the answers."))
            else:
                self.fail(name, NUMBER_MESSAGES.get(name, SECONDS_MESSAGE))
            return None

    def local_time(self, name: str, raw: str) -> datetime | None:
        if not raw:
            return None
        try:
            return datetime.strptime(raw, LOCAL_INPUT_FORMAT).replace(tzinfo=self.tz)
        except ValueError:
            self.fail(name, N_("Enter a date and time, e.g. 2026-03-01 08:30."))
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


def _medications(
    collect: _Collector, taken_at: datetime | None
) -> tuple[list[dict[str, Any]], list[dict[str, str]], list[str]]:
    """Return the medicines (typed rows, then ticked usual ones taken at the entry's time),
    the rows as typed, and the form field each medicine came from (for its error messages)."""
    names = collect.form.getlist("med_name")
    doses = collect.form.getlist("med_dose")
    times = collect.form.getlist("med_time")
    parsed: list[dict[str, Any]] = []
    typed: list[dict[str, str]] = []
    origins: list[str] = []
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
                collect.fail(f"medications.{index}.dose_mg", N_("Enter the dose in mg, e.g. 10."))
        taken = collect.local_time(f"medications.{index}.taken_at", when)
        if taken is not None:
            item["taken_at"] = taken
        parsed.append(item)
        origins.append(f"medications.{index}")
    for choice in collect.form.getlist(USUAL_MEDICINE_FIELD)[:MAX_MEDICATIONS]:
        name, _, dose = str(choice).rpartition("|")
        item = {"name": name.strip() or dose.strip()}
        try:
            if name.strip() and dose.strip():
                item["dose_mg"] = float(dose)
        except ValueError:
            collect.fail(USUAL_MEDICINE_FIELD, N_("Choose the medicine again."))
        if taken_at is not None:
            item["taken_at"] = taken_at
        parsed.append(item)
        origins.append(USUAL_MEDICINE_FIELD)
    return parsed, typed, origins


def _weight(collect: _Collector) -> float | None:
    """Return the weight typed in the form's unit, in kilograms; None when none was typed or it
    is wrong (the message, which names the unit, is noted on the field)."""
    unit = collect.text(WEIGHT_UNIT_FIELD) or "kg"
    if unit not in WEIGHT_UNITS:
        collect.fail(WEIGHT_UNIT_FIELD, N_("Choose kilograms, stones and pounds, or pounds."))
        return None
    main, *rest = WEIGHT_FIELDS[unit]
    amount = collect.number(main)
    pounds = collect.number(rest[0]) if rest else None
    if collect.has_error(*WEIGHT_FIELDS[unit]) or (amount is None and pounds is None):
        return None
    if pounds is not None and not 0 <= pounds < POUNDS_PER_STONE:
        collect.fail(rest[0], N_("Enter 0 to 13.9 pounds beside the stones."))
        return None
    kg = to_kg(unit, amount or 0.0, pounds or 0.0)
    if not MIN_WEIGHT_KG <= kg <= MAX_WEIGHT_KG:
        lightest, heaviest = weight_limits(unit, collect.language)
        collect.fail(
            main,
            N_("Enter a weight from %(lightest)s to %(heaviest)s."),
            lightest=lightest,
            heaviest=heaviest,
        )
        return None
    return kg


def _plain_message(problem: Any, field_name: str, language: str) -> str:
    """Return a validation message in plain words, without the schema's own field names, in
    the reader's language."""
    kind = problem["type"]
    limits = problem.get("ctx") or {}

    def number(value: Any) -> str:
        return format_decimal(value, locale=language)

    if kind in ("less_than_equal", "less_than"):
        return say(
            N_("Enter %(limit)s or less."),
            language,
            limit=number(limits.get("le", limits.get("lt"))),
        )
    if kind in ("greater_than_equal", "greater_than"):
        bound = limits.get("ge", limits.get("gt"))
        if bound == 0:
            return say(N_("Enter a number above 0."), language)
        return say(N_("Enter %(limit)s or more."), language, limit=number(bound))
    if kind in ("too_short", "too_long") and field_name.startswith("sts_"):
        return say(N_("Enter all five repetition times, or only the total."), language)
    if kind in ("too_short", "too_long") and field_name.startswith("tug_"):
        return say(N_("Enter all three trial times."), language)
    if kind == "string_too_long":
        return say(
            N_("Shorten this to %(limit)s characters or fewer."),
            language,
            limit=number(limits.get("max_length")),
        )
    if field_name == "sts_1" and "not both" in problem["msg"]:
        return say(N_("Enter either the five repetition times or the total, not both."), language)
    if kind == "literal_error":
        return say(N_("Choose one of the answers."), language)
    message = problem_message(problem)
    if message in SCHEMA_MESSAGES:
        return say(SCHEMA_MESSAGES[message], language)
    return said_in(message, language)


def _field_of(location: tuple[int | str, ...], medication_origins: list[str]) -> str:
    """Return the form field that a validation error location refers to."""
    parts = [str(part) for part in location if part != "[key]"]
    if parts[:1] == ["medications"] and len(parts) > 1 and parts[1].isdigit():
        origin = (
            medication_origins[int(parts[1])] if int(parts[1]) < len(medication_origins) else ""
        )
        if origin == USUAL_MEDICINE_FIELD:
            return origin
        if origin:
            return ".".join([origin, *parts[2:3]])
    if parts == ["home_tests"]:
        return "sts_1"
    if parts[:1] == ["factors"]:
        return FACTOR_FIELD
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
    form: FormData, *, default_time_zone: str, language: str = "en"
) -> tuple[EntryCreate | None, EntryForm]:
    """Return the entry (None when invalid) and the form as typed, with errors by field in the
    reader's language."""
    tz_name = str(form.get("tz") or default_time_zone)
    collect = _Collector(form, tz_name, language)
    values = {
        key: str(value)
        for key, value in form.items()
        if key not in ("med_name", "med_dose", "med_time", USUAL_MEDICINE_FIELD, FACTOR_FIELD)
    }
    data: dict[str, Any] = {
        "recorded_at": collect.local_time("recorded_at", collect.text("recorded_at")),
        "context": collect.text("context") or None,
        "improved_after_moving": collect.text("improved_after_moving") or None,
        "weight_kg": _weight(collect),
        "note": collect.text("note") or None,
        "symptoms": {},
        "factors": [str(item) for item in form.getlist(FACTOR_FIELD)],
    }
    if data["recorded_at"] is None and "recorded_at" not in collect.errors:
        collect.fail("recorded_at", N_("Enter when this happened."))
    for symptom in catalogue.symptoms():
        severity = collect.number(symptom_field(symptom.id), integer=True)
        if severity:
            data["symptoms"][symptom.id] = severity
    tests = _home_tests(collect)
    if tests:
        data["home_tests"] = tests
    data["medications"], typed_medications, origins = _medications(collect, data["recorded_at"])
    # Text that is not a number is reported together with every other problem, so the person
    # fixes the form in one go rather than one message at a time.
    form_state = EntryForm(
        values=values,
        medications=[*typed_medications, {}],
        errors=dict(collect.errors),
        chosen_medicines=[str(item) for item in form.getlist(USUAL_MEDICINE_FIELD)],
        factors=list(data["factors"]),
    )
    try:
        entry = EntryCreate.model_validate(data)
    except ValidationError as error:
        for problem in error.errors():
            name = _field_of(problem["loc"], origins)
            form_state.errors.setdefault(name, _plain_message(problem, name, language))
        return None, form_state
    return (None, form_state) if form_state.errors else (entry, form_state)


def symptom_sections(
    form: EntryForm, usual: list[str]
) -> tuple[list[catalogue.Symptom], list[tuple[str, str, list[catalogue.Symptom]]]]:
    """Return the symptoms the form asks first (the person's usual ones, any already answered,
    then those that can raise an emergency) and the other groups, behind "more symptoms"."""
    answered = [
        symptom.id
        for symptom in catalogue.symptoms()
        if form.value(symptom_field(symptom.id), "0") not in ("0", "")
    ]
    first_ids = list(dict.fromkeys([*usual, *answered, *always_asked()]))
    known = catalogue.symptom_ids()
    first = [catalogue.get(symptom_id) for symptom_id in first_ids if symptom_id in known]
    rest = [
        (group, title, [item for item in members if item.id not in first_ids])
        for group, title, members in catalogue.grouped()
    ]
    return first, [section for section in rest if section[2]]
