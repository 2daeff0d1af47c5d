"""Reading diary entries from files (JSON array or JSON lines) and writing them as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Sequence
from typing import Any

from pydantic import ValidationError

from lems_companion import catalogue
from lems_companion.entries import EntryCreate, EntryPublic, describe_errors

# Refuse to stop at the first bad line, but do not flood the terminal either.
MAX_REPORTED_PROBLEMS = 50


class ImportProblem(ValueError):
    """A file that cannot be imported; ``problems`` names the line and field of each fault."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = problems[:MAX_REPORTED_PROBLEMS]
        more = len(problems) - len(shown)
        super().__init__("\n".join(shown + ([f"... and {more} more"] if more else [])))


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _array_items(text: str) -> Iterator[tuple[int, Any]]:
    """Yield (line number, item) for each element of a JSON array, keeping where it starts."""
    decoder = json.JSONDecoder()
    position = text.index("[") + 1
    expect_item = True
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if position >= len(text):
            raise ImportProblem([f"line {_line_of(text, position)}: the JSON array is not closed"])
        char = text[position]
        if char == "]":
            rest = text[position + 1 :].strip()
            if rest:
                raise ImportProblem([f"line {_line_of(text, position)}: text after the JSON array"])
            return
        if char == "," and not expect_item:
            position += 1
            expect_item = True
            continue
        try:
            item, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise ImportProblem([f"line {error.lineno}: invalid JSON: {error.msg}"]) from None
        yield _line_of(text, position), item
        position, expect_item = end, False


def _json_lines(text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, json.loads(line)
        except json.JSONDecodeError as error:
            raise ImportProblem([f"line {number}: invalid JSON: {error.msg}"]) from None


def parse_entries(text: str) -> list[EntryCreate]:
    """Return every entry in a JSON array or JSON-lines text; ImportProblem listing every fault."""
    if not text.strip():
        raise ImportProblem(["the file is empty"])
    items = _array_items(text) if text.lstrip().startswith("[") else _json_lines(text)
    entries: list[EntryCreate] = []
    problems: list[str] = []
    for line, item in items:
        if not isinstance(item, dict):
            problems.append(f"line {line}: an entry must be a JSON object")
            continue
        try:
            entries.append(EntryCreate.model_validate_json(json.dumps(item)))
        except ValidationError as error:
            problems.extend(describe_errors(error, prefix=f"line {line}: "))
    if problems:
        raise ImportProblem(problems)
    if not entries:
        raise ImportProblem(["the file holds no entries"])
    return entries


def entry_json(entry: EntryPublic) -> dict[str, Any]:
    """Return the entry as the documented JSON object, ``id`` and ``recorded_at`` first."""
    data = entry.model_dump(mode="json")
    return {"id": data.pop("id"), "recorded_at": data.pop("recorded_at"), **data}


def to_json(entries: Sequence[EntryPublic]) -> str:
    """Return the entries as a JSON array, oldest first as given."""
    return json.dumps([entry_json(item) for item in entries], indent=2, ensure_ascii=False)


def csv_columns() -> list[str]:
    """Return the CSV header: fixed fields, one column per catalogue symptom, then home tests."""
    symptom_columns = [f"symptom_{item.id}" for item in catalogue.symptoms()]
    return [
        "id",
        "recorded_at",
        "context",
        "improved_after_moving",
        *symptom_columns,
        "weight_kg",
        "medications",
        "sit_to_stand_seconds",
        "sit_to_stand_total_seconds",
        "tug_seconds",
        "grip_rest_kg",
        "grip_after_squeeze_kg",
        "note",
    ]


def _joined(values: Sequence[float] | None) -> str:
    return ";".join(f"{value:g}" for value in values) if values else ""


def _text(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def to_csv(entries: Sequence[EntryPublic]) -> str:
    """Return the entries as CSV, one row per entry; columns are documented in docs/entries.md."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        tests = entry.home_tests
        grip = tests.grip_kg if tests else None
        row: dict[str, str] = {
            "id": str(entry.id),
            "recorded_at": entry.recorded_at.isoformat(),
            "context": _text(entry.context),
            "improved_after_moving": _text(entry.improved_after_moving),
            "weight_kg": _text(entry.weight_kg),
            "medications": json.dumps(
                [item.model_dump(mode="json", exclude_none=True) for item in entry.medications],
                ensure_ascii=False,
            )
            if entry.medications
            else "",
            "sit_to_stand_seconds": _joined(tests.sit_to_stand_seconds if tests else None),
            "sit_to_stand_total_seconds": _text(
                tests.sit_to_stand_total_seconds if tests else None
            ),
            "tug_seconds": _joined(tests.tug_seconds if tests else None),
            "grip_rest_kg": _text(grip.rest if grip else None),
            "grip_after_squeeze_kg": _text(grip.after_squeeze if grip else None),
            "note": entry.note or "",
        }
        for item in catalogue.symptoms():
            severity = entry.symptoms.get(item.id)
            row[f"symptom_{item.id}"] = "" if severity is None else str(severity)
        writer.writerow(row)
    return buffer.getvalue()
