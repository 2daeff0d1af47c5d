"""Reading diary entries from files (JSON array or JSON lines) and writing them as JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from pydantic import ValidationError

from lems_companion import catalogue
from lems_companion.diary.schemas import EntryCreate, EntryPublic, describe_errors
from lems_companion.i18n import N_, Said, problem_message
from lems_companion.inputs import TooDeep, check_depth, loads_json

# Refuse to stop at the first bad line, but do not flood the terminal either.
MAX_REPORTED_PROBLEMS = 50
# Keys our JSON export writes that are not entry content: the row id (ignored on import) and the
# global identifier (used by the import to update rather than duplicate; docs/interop.md).
IGNORED_KEYS = frozenset({"id", "identifier", "author"})
# As entries.source_identifier (diary.models) can hold.
MAX_IDENTIFIER_CHARS = 300

# Each problem is an ``i18n.Said``: English where it is printed (the command line), in the
# reader's language on the web import page, the line number and the reasons as placeholders.
EMPTY_FILE = N_("the file is empty")
NO_ENTRIES = N_("the file holds no entries")
_AT_LINE = N_("line %(line)s: %(problem)s")
_AT_COLUMN = N_("line %(line)s, column %(column)s: %(problem)s")


def _at_line(line: int, problem: str) -> Said:
    """Return a problem found on a line of the file."""
    return Said(_AT_LINE, line=line, problem=problem)


class ImportProblem(ValueError):
    """A file that cannot be imported; ``problems`` names the line and field of each fault."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = self.problems[:MAX_REPORTED_PROBLEMS]
        more = len(problems) - len(shown)
        super().__init__("\n".join(shown + ([f"... and {more} more"] if more else [])))


class _LineCounter:
    """The line number of offsets in a text, read in increasing order: each character is
    counted once, so numbering every item of a file is linear, not quadratic."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.offset = 0
        self.line = 1

    def at(self, offset: int) -> int:
        """Return the line number at this offset, no smaller than the last one asked for."""
        self.line += self.text.count("\n", self.offset, offset)
        self.offset = offset
        return self.line


def _array_items(text: str) -> Iterator[tuple[int, Any, str]]:
    """Yield (line number, item, its JSON text) for each element of a JSON array."""
    decoder = json.JSONDecoder()
    lines = _LineCounter(text)
    position = text.index("[") + 1
    expect_item = True
    while True:
        while position < len(text) and text[position] in " \t\r\n":
            position += 1
        if position >= len(text):
            raise ImportProblem(
                [Said(N_("line %(line)s: the JSON array is not closed"), line=lines.at(position))]
            )
        char = text[position]
        if char == "]":
            rest = text[position + 1 :].strip()
            if rest:
                raise ImportProblem(
                    [Said(N_("line %(line)s: text after the JSON array"), line=lines.at(position))]
                )
            return
        if char == "," and not expect_item:
            position += 1
            expect_item = True
            continue
        try:
            item, end = decoder.raw_decode(text, position)
        except json.JSONDecodeError as error:
            raise ImportProblem([_invalid_json(error.lineno, error)]) from None
        except RecursionError:
            raise ImportProblem(
                [Said(N_("line %(line)s: nested too deeply"), line=lines.at(position))]
            ) from None
        try:
            check_depth(item)
        except TooDeep as error:
            raise ImportProblem([_at_line(lines.at(position), str(error))]) from None
        yield lines.at(position), item, text[position:end]
        position, expect_item = end, False


def _json_lines(text: str) -> Iterator[tuple[int, Any, str]]:
    """Yield (line number, item, its JSON text) for each non-blank line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            item = loads_json(line)
        except json.JSONDecodeError as error:
            raise ImportProblem([_invalid_json(number, error)]) from None
        except TooDeep as error:
            raise ImportProblem([_at_line(number, str(error))]) from None
        yield number, item, line


def _invalid_json(line: int, error: json.JSONDecodeError) -> Said:
    """Return a JSON syntax fault; the parser's own reason stays English."""
    return Said(N_("line %(line)s: invalid JSON: %(reason)s"), line=line, reason=error.msg)


def parse_entries(text: str) -> list[EntryCreate]:
    """Return every entry in a JSON array or JSON-lines text; ImportProblem listing every fault.

    The ``id`` and ``identifier`` our JSON export writes are accepted and left out here; the
    import (``parse_identified_entries``) uses the identifier to update instead of duplicating.
    """
    return [entry for entry, _ in parse_identified_entries(text)]


def parse_identified_entries(text: str) -> list[tuple[EntryCreate, str | None]]:
    """Return every entry in a JSON array or JSON-lines text with its ``identifier`` (None when
    it has none); ImportProblem listing every fault. An ``id`` (the exporting database's row id,
    meaningless elsewhere) is ignored."""
    if not text.strip():
        raise ImportProblem([Said(EMPTY_FILE)])
    items = _array_items(text) if text.lstrip().startswith("[") else _json_lines(text)
    entries: list[tuple[EntryCreate, str | None]] = []
    problems: list[str] = []
    for line, item, raw in items:
        if not isinstance(item, dict):
            problems.append(Said(N_("line %(line)s: an entry must be a JSON object"), line=line))
            continue
        content = {key: value for key, value in item.items() if key not in IGNORED_KEYS}
        identifier = item.get("identifier")
        if identifier is not None and not (
            isinstance(identifier, str) and 0 < len(identifier) <= MAX_IDENTIFIER_CHARS
        ):
            problems.append(
                Said(
                    N_("line %(line)s: identifier: must be text of at most %(number)s characters"),
                    line=line,
                    number=MAX_IDENTIFIER_CHARS,
                )
            )
            continue
        try:
            # The item's own text when nothing was left out (no re-encoding); strict JSON
            # validation like every other way in.
            text_ = raw if len(content) == len(item) else json.dumps(content)
            entries.append((EntryCreate.model_validate_json(text_), identifier))
        except ValidationError as error:
            problems.extend(_at_line(line, said) for said in describe_errors(error))
    if problems:
        raise ImportProblem(problems)
    if not entries:
        raise ImportProblem([Said(NO_ENTRIES)])
    return entries


def entry_json(
    entry: EntryPublic, identifier: str | None = None, author: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """Return the entry as the documented JSON object, ``id`` (and ``identifier`` when given)
    and ``recorded_at`` first, then its ``author`` ({id, name, role}) when given. An import
    ignores ``author``: entries imported into a diary are its owner's."""
    data = entry.model_dump(mode="json")
    head = {"id": data.pop("id")}
    if identifier:
        head["identifier"] = identifier
    head["recorded_at"] = data.pop("recorded_at")
    if author is not None:
        head["author"] = dict(author)
    return {**head, **data}


def to_json(
    entries: Sequence[EntryPublic],
    *,
    identifiers: Mapping[int, str] | None = None,
    authors: Mapping[int, Mapping[str, Any]] | None = None,
) -> str:
    """Return the entries as a JSON array, oldest first as given; each with its identifier
    (interop.identity) when ``identifiers`` maps its id to one, and its author when ``authors``
    does."""
    found = identifiers or {}
    by = authors or {}
    return json.dumps(
        [entry_json(item, found.get(item.id), by.get(item.id)) for item in entries],
        indent=2,
        ensure_ascii=False,
    )


WRITTEN_BY_COLUMN = "written_by"
# The factors an entry noted (catalogue ids, ";" between them). Files exported before factors
# existed have no such column; they still import, with no factors.
FACTORS_COLUMN = "factors"
# Columns that files from older versions lack; such a file imports as it is.
OPTIONAL_COLUMNS = frozenset({FACTORS_COLUMN, WRITTEN_BY_COLUMN})


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
        FACTORS_COLUMN,
        "note",
        # "NAME (caregiver)" for an entry a caregiver or clinician wrote; empty for the patient's
        # own. Ignored by an import (imported entries are the owner's), and may be left out.
        WRITTEN_BY_COLUMN,
    ]


def _joined(values: Sequence[float] | None) -> str:
    return ";".join(f"{value:g}" for value in values) if values else ""


def _text(value: object) -> str:
    return "" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


# OWASP "CSV injection": a spreadsheet runs a cell that starts with one of these as a formula
# (=HYPERLINK(...) can send the diary's neighbours to another site). Such a cell is written with
# a leading single quote, which spreadsheets show as text. So that the app's own export reads
# back exactly, a cell that already starts with a quote gets one too, and import removes exactly
# one leading quote from any cell that has one: only cells the export quoted start with one.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
TEXT_MARK = "'"


def neutralise_cell(text: str) -> str:
    """Return the cell as a spreadsheet will show it as text, never run it as a formula."""
    return TEXT_MARK + text if text.startswith((*FORMULA_TRIGGERS, TEXT_MARK)) else text


def restore_cell(text: str) -> str:
    """Return the cell as it was before ``neutralise_cell``."""
    return text.removeprefix(TEXT_MARK)


def to_csv(entries: Sequence[EntryPublic], *, written_by: Mapping[int, str] | None = None) -> str:
    """Return the entries as CSV, one row per entry; columns are documented in docs/entries.md.
    ``written_by`` maps the id of an entry not written by the patient to "NAME (role)"."""
    authors = written_by or {}
    buffer = io.StringIO()
    # CRLF as RFC 4180 says: a carriage return inside a note is then quoted like a line break.
    writer = csv.DictWriter(buffer, fieldnames=csv_columns(), lineterminator="\r\n")
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
            FACTORS_COLUMN: ";".join(entry.factors),
            "note": entry.note or "",
            WRITTEN_BY_COLUMN: authors.get(entry.id, ""),
        }
        for item in catalogue.symptoms():
            severity = entry.symptoms.get(item.id)
            row[f"symptom_{item.id}"] = "" if severity is None else str(severity)
        writer.writerow({column: neutralise_cell(value) for column, value in row.items()})
    return buffer.getvalue()


# CSV import: the inverse of ``to_csv``. Every problem names its line and column.
CSV_LIST_SEPARATOR = ";"
_SYMPTOM_COLUMN_PREFIX = "symptom_"
# Where an entry field lives in the CSV, for error messages (nested fields by their prefix).
_COLUMN_OF_FIELD: dict[str, str] = {
    "home_tests.sit_to_stand_seconds": "sit_to_stand_seconds",
    "home_tests.sit_to_stand_total_seconds": "sit_to_stand_total_seconds",
    "home_tests.tug_seconds": "tug_seconds",
    "home_tests.grip_kg.rest": "grip_rest_kg",
    "home_tests.grip_kg.after_squeeze": "grip_after_squeeze_kg",
    "home_tests": "sit_to_stand_seconds",
    "medications": "medications",
    "factors": FACTORS_COLUMN,
}


def _column_of(location: tuple[int | str, ...]) -> str:
    """Return the CSV column that a validation error location refers to."""
    parts = [str(part) for part in location if part != "[key]"]
    if parts[:1] == ["symptoms"] and len(parts) > 1:
        return f"{_SYMPTOM_COLUMN_PREFIX}{parts[1]}"
    dotted = ".".join(parts)
    for field, column in _COLUMN_OF_FIELD.items():
        if dotted == field or dotted.startswith(field + "."):
            return column
    return parts[0] if parts else "recorded_at"


def _at_column(line: int, column: str, problem: str) -> Said:
    """Return a problem found in a cell of the CSV file."""
    return Said(_AT_COLUMN, line=line, column=column, problem=problem)


def _csv_number(text: str, column: str, problems: list[str], line: int) -> float | None:
    try:
        return float(text)
    except ValueError:
        problems.append(_at_column(line, column, Said(N_("'%(text)s' is not a number"), text=text)))
        return None


def _csv_row(row: dict[str, str], line: int, problems: list[str]) -> dict[str, Any]:
    """Return the entry data in one CSV row; problems are appended, not raised."""
    data: dict[str, Any] = {"recorded_at": row["recorded_at"] or None}
    for column in ("context", "improved_after_moving", "note"):
        if row[column]:
            data[column] = row[column]
    if row["weight_kg"]:
        data["weight_kg"] = _csv_number(row["weight_kg"], "weight_kg", problems, line)
    symptoms: dict[str, int] = {}
    for item in catalogue.symptoms():
        column = f"{_SYMPTOM_COLUMN_PREFIX}{item.id}"
        text = row[column].strip()
        if not text:
            continue
        if not text.isdigit():
            problems.append(
                _at_column(line, column, Said(N_("'%(text)s' is not a severity 0-3"), text=text))
            )
            continue
        symptoms[item.id] = int(text)
    data["symptoms"] = symptoms
    if row["medications"]:
        try:
            data["medications"] = loads_json(row["medications"])
        except json.JSONDecodeError as error:
            problems.append(
                _at_column(
                    line,
                    "medications",
                    Said(N_("not a JSON list (%(reason)s)"), reason=error.msg),
                )
            )
        except TooDeep as error:
            problems.append(_at_column(line, "medications", str(error)))
    tests: dict[str, Any] = {}
    for column in ("sit_to_stand_seconds", "tug_seconds"):
        if row[column]:
            values = [
                _csv_number(part.strip(), column, problems, line)
                for part in row[column].split(CSV_LIST_SEPARATOR)
            ]
            tests[column] = values
    if row["sit_to_stand_total_seconds"]:
        tests["sit_to_stand_total_seconds"] = _csv_number(
            row["sit_to_stand_total_seconds"], "sit_to_stand_total_seconds", problems, line
        )
    grip = {
        key: _csv_number(row[column], column, problems, line)
        for key, column in (("rest", "grip_rest_kg"), ("after_squeeze", "grip_after_squeeze_kg"))
        if row[column]
    }
    if grip:
        tests["grip_kg"] = grip
    if tests:
        data["home_tests"] = tests
    factors = [part.strip() for part in row.get(FACTORS_COLUMN, "").split(CSV_LIST_SEPARATOR)]
    if any(factors):
        data["factors"] = [part for part in factors if part]
    return data


def _csv_lines(text: str) -> list[tuple[list[str], int]]:
    """Return each data row after the header with the line number it starts on."""
    # Physical line numbers: a quoted note may span lines, so count them as the reader does.
    reader = csv.reader(io.StringIO(text))
    next(reader)
    result = []
    start = reader.line_num + 1
    try:
        for cells in reader:
            result.append((cells, start))
            start = reader.line_num + 1
    except csv.Error as error:
        raise ImportProblem([_not_csv(start, error)]) from None
    return result


def _not_csv(line: int, error: csv.Error) -> Said:
    """Return a CSV syntax fault; the csv module's own reason stays English."""
    return Said(N_("line %(line)s: not valid CSV (%(reason)s)"), line=line, reason=str(error))


def parse_csv(text: str) -> list[EntryCreate]:
    """Return every entry in a CSV file laid out like ``to_csv``; ImportProblem naming the line
    and column of every fault. The ``id`` column is ignored: imported entries get new ids."""
    if not text.strip():
        raise ImportProblem([Said(EMPTY_FILE)])
    text = text.removeprefix("\ufeff")
    if "\n" not in text:
        # Line ends of a classic Mac (CR only): the csv module needs them as \n.
        text = text.replace("\r", "\n")
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except csv.Error as error:
        raise ImportProblem([_not_csv(1, error)]) from None
    expected = csv_columns()
    if header == [c for c in expected if c in header or c not in OPTIONAL_COLUMNS]:
        expected = header  # an export from before factors or the written_by column
    if header != expected:
        missing = [column for column in expected if column not in header]
        unknown = [column for column in header if column not in expected]
        faults = [
            Said(N_("line %(line)s: missing column %(column)s"), line=1, column=column)
            for column in missing
        ]
        faults += [
            Said(N_("line %(line)s: unknown column '%(column)s'"), line=1, column=column)
            for column in unknown
        ]
        order = N_("line %(line)s: the columns are not in the documented order (docs/interop.md)")
        raise ImportProblem(faults or [Said(order, line=1)])
    entries: list[EntryCreate] = []
    problems: list[str] = []
    for cells, line in _csv_lines(text):
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != len(expected):
            problems.append(
                Said(
                    N_("line %(line)s: expected %(expected)s columns, found %(found)s"),
                    line=line,
                    expected=len(expected),
                    found=len(cells),
                )
            )
            continue
        row = dict(zip(expected, (restore_cell(cell) for cell in cells), strict=True))
        before = len(problems)
        data = _csv_row(row, line, problems)
        if len(problems) != before:
            continue
        try:
            entries.append(EntryCreate.model_validate_json(json.dumps(data)))
        except ValidationError as error:
            for problem in error.errors():
                column = _column_of(problem["loc"])
                problems.append(_at_column(line, column, problem_message(problem)))
    if problems:
        raise ImportProblem(problems)
    if not entries:
        raise ImportProblem([Said(NO_ENTRIES)])
    return entries
