"""Numbers in a note count as if entered: oximeter readings, weights and cough durations (spec
section 3)."""

from __future__ import annotations

from datetime import date

import pytest

from lems_companion.rules import weight_loss
from lems_companion.triage import durations, numbers, triage_text


@pytest.mark.parametrize(
    ("note", "level"),
    [
        ("Sats 88% this morning.", "emergency"),
        ("Pulse ox said 92.", "emergency"),
        ("SpO2 93 % im Sitzen.", "prompt"),
        ("Saturación 94% sentada.", "prompt"),
        ("Saturomètre à 95.", "none"),
        ("Oximeter 98%.", "none"),
    ],
)
def test_home_oximeter_readings_follow_the_nhs_thresholds(note: str, level: str) -> None:
    result = triage_text(note)
    assert result.level == level
    assert result.flag_ids == ([] if level == "none" else ["dyspnea"])


@pytest.mark.parametrize(
    ("note", "heavier", "lighter"),
    [
        ("Was 81 kg at Easter, 76.5 now.", 81.0, 76.5),
        ("Gone from 9st 10 to 9st 1 since the summer.", 61.7, 57.6),
        ("Weight down to 62 kg from 68 kg.", 68.0, 62.0),
        ("En agosto pesaba 68 kg y ahora 63,5.", 68.0, 63.5),
        ("Pds 54 kg (58 en août).", 58.0, 54.0),
        ("Gew. 61,0 (Aug: 65,0).", 65.0, 61.0),
    ],
)
def test_weights_in_the_text_are_read_in_kilograms(
    note: str, heavier: float, lighter: float
) -> None:
    change = numbers.weight_change(note)
    assert change is not None
    assert (change.heavier_kg, change.lighter_kg) == (heavier, lighter)


@pytest.mark.parametrize(
    ("note", "intended"),
    [
        ("Was 81 kg at Easter, 76.5 now.", False),
        ("Weighed 70.2 kg last month and 69.8 kg today.", False),
        ("Slimming World since July, 94kg down to 83.5!", True),
        ("Con la dieta he bajado de 80 a 76 kilos, contenta.", True),
    ],
)
def test_weights_in_the_text_are_judged_by_the_one_weight_loss_rule(
    note: str, intended: bool
) -> None:
    change = numbers.weight_change(note)
    assert change is not None
    expected = weight_loss.is_loss(
        weight_loss.percent_lost(change.heavier_kg, change.lighter_kg), intended=intended
    )
    assert ("weight_loss" in triage_text(note).flag_ids) is expected


def test_a_note_that_only_says_weight_was_lost_is_still_weight_loss() -> None:
    assert triage_text("Lost weight without trying.").flag_ids == ["weight_loss"]
    assert triage_text("12 lb lighter and not dieting.").flag_ids == ["weight_loss"]


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("cough 5 wks", 35),
        ("cough x6/52", 42),
        ("x3/7", 3),
        ("going on a month", 30),
        ("tos hace 4 semanas", 28),
        ("toux depuis la toussaint", 30),
        ("husten seit mitte oktober", 47),
        ("since the beginning of october", 61),
        ("had it two months ago", None),
    ],
)
def test_durations_are_read_in_days(text: str, days: int | None) -> None:
    assert durations.longest_days(text, today=date(2026, 12, 1)) == days


def test_for_ages_after_a_choking_fit_is_not_a_persistent_cough() -> None:
    result = triage_text("Choked on a bit of toast and was coughing for ages after.")
    assert result.flag_ids == ["choking"]


@pytest.mark.parametrize(
    "note",
    [
        "Cough x6/52, non productive.",
        "c/o cough 5 wks",
        "Cough has been going for a good six weeks now.",
        "Tengo tos desde hace tres semanas.",
        "Je tousse depuis six semaines.",
        "Husten seit 5 Wo., Hustensaft bringt nix.",
    ],
)
def test_a_cough_of_three_weeks_or_more_is_persistent_in_any_wording(note: str) -> None:
    assert triage_text(note).flag_ids == ["persistent_cough"]
