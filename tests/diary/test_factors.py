"""Factors on an entry: checked against the catalogue, exported and imported as CSV and JSON."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from lems_companion import catalogue
from lems_companion.diary.io import FACTORS_COLUMN, parse_csv, parse_entries, to_csv, to_json
from lems_companion.diary.schemas import EntryCreate, EntryUpdate
from tests.factories import entry

WHEN = "2026-03-01T08:30:00+01:00"


def test_the_catalogue_defines_the_six_factors_each_with_its_reason_or_the_specs_silence() -> None:
    assert [item.id for item in catalogue.factors()] == [
        "heat",
        "infection",
        "poor_sleep",
        "exertion",
        "missed_dose",
        "new_medicine",
    ]
    for factor in catalogue.factors():
        # Either a section of the clinical spec, or a plain statement that it has none.
        assert "section" in factor.source or "Not in the clinical spec" in factor.source
    assert not catalogue.factor_ids() & catalogue.symptom_ids()


def test_factors_are_kept_once_each_in_catalogue_order() -> None:
    data = EntryCreate.model_validate(
        {"recorded_at": WHEN, "factors": ["poor_sleep", "heat", "heat"]}
    )
    assert data.factors == ["heat", "poor_sleep"]


def test_an_unknown_factor_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValidationError) as caught:
        EntryCreate.model_validate_json(json.dumps({"recorded_at": WHEN, "factors": ["sunburn"]}))
    message = str(caught.value)
    assert "unknown factor 'sunburn'" in message and "missed_dose" in message


def test_null_clears_the_factors_in_an_update() -> None:
    current = EntryCreate.model_validate({"recorded_at": WHEN, "factors": ["infection"]})
    assert EntryUpdate.model_validate({"factors": None}).apply_to(current).factors == []
    assert EntryUpdate.model_validate({}).apply_to(current).factors == ["infection"]


def test_csv_and_json_exports_read_back_with_their_factors() -> None:
    entries = [
        entry(WHEN, symptoms={"fatigue": 2}, factors=["infection", "missed_dose"]),
        entry("2026-03-02T08:30:00+01:00", symptoms={"fatigue": 1}),
    ]
    text = to_csv(entries)
    header, first, _second = text.splitlines()
    assert FACTORS_COLUMN in header.split(",") and "infection;missed_dose" in first
    assert [item.factors for item in parse_csv(text)] == [["infection", "missed_dose"], []]
    assert [item.factors for item in parse_entries(to_json(entries))] == [
        ["infection", "missed_dose"],
        [],
    ]


def test_a_csv_exported_before_factors_existed_still_imports() -> None:
    text = to_csv([entry(WHEN, symptoms={"fatigue": 2})])
    rows = [line.split(",") for line in text.splitlines()]
    at = rows[0].index(FACTORS_COLUMN)
    old = "\r\n".join(",".join(row[:at] + row[at + 1 :]) for row in rows) + "\r\n"
    [item] = parse_csv(old)
    assert item.symptoms == {"fatigue": 2} and item.factors == []


def test_an_unknown_factor_in_a_csv_names_its_line_and_column() -> None:
    text = to_csv([entry(WHEN, factors=["heat"])]).replace("heat", "heatwave")
    with pytest.raises(ValueError, match=r"line 2, column factors: unknown factor 'heatwave'"):
        parse_csv(text)
