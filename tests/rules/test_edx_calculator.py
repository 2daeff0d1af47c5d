"""The EDX calculator: increment after exercise, read against the 60% and 100% cut-offs."""

from __future__ import annotations

from decimal import Decimal

import pytest
from pydantic import ValidationError

from lems_companion.rules.edx import EdxInput, EdxResult, read_edx


def read(rest: float, after: float, decrement: float | None = None) -> EdxResult:
    return read_edx(
        EdxInput(cmap_rest_mv=rest, cmap_after_exercise_mv=after, decrement_percent=decrement)
    )


def test_increment_is_the_rise_over_the_resting_amplitude_in_percent() -> None:
    assert read(2.0, 5.0).increment_percent == 150.0


def test_an_increment_of_exactly_60_percent_meets_the_60_cutoff() -> None:
    result = read(1.0, 1.6)
    assert result.increment_percent == 60.0
    assert result.meets_60 is True
    assert result.meets_100 is False


def test_an_increment_of_59_99_percent_does_not_meet_the_60_cutoff() -> None:
    result = read(1.0, 1.5999)
    assert result.increment_percent == 59.99
    assert result.meets_60 is False


def test_an_increment_just_above_60_percent_meets_it() -> None:
    assert read(1.0, 1.6001).meets_60 is True


def test_an_increment_of_exactly_100_percent_meets_both_cutoffs() -> None:
    result = read(3.0, 6.0)
    assert result.increment_percent == 100.0
    assert (result.meets_60, result.meets_100) == (True, True)


def test_an_increment_just_below_100_percent_meets_only_the_60_cutoff() -> None:
    result = read(3.0, 5.9997)
    assert result.increment_percent == 99.99
    assert (result.meets_60, result.meets_100) == (True, False)


@pytest.mark.parametrize("rest", ["0.1", "0.3", "0.7", "1.1", "2.3", "4.7", "9.9"])
def test_exact_cutoffs_are_met_whatever_floating_point_does(rest: str) -> None:
    # 0.7 x 1.6 is 1.1199999999999999 in binary floating point; typed as 1.12 it must still meet.
    at_60 = float(Decimal(rest) * Decimal("1.6"))
    at_100 = float(Decimal(rest) * 2)
    assert read(float(rest), at_60).meets_60 is True
    assert read(float(rest), at_100).meets_100 is True


def test_the_reported_increment_is_rounded_down_so_it_never_overstates() -> None:
    # True increment 59.996%: shown as 59.99, not 60.00, because it does not meet 60%.
    result = read(5.0, 7.9998)
    assert result.increment_percent == 59.99
    assert result.meets_60 is False


def test_a_fall_after_exercise_is_a_negative_increment() -> None:
    result = read(4.0, 3.0)
    assert result.increment_percent == -25.0
    assert (result.meets_60, result.meets_100) == (False, False)


def test_each_cutoff_carries_its_published_accuracy_and_source() -> None:
    cutoffs = {cutoff.threshold_percent: cutoff for cutoff in read(1.0, 2.0).cutoffs}
    at_60 = [
        (s.sensitivity_percent, s.specificity_percent, s.source) for s in cutoffs[60].published
    ]
    at_100 = [
        (s.sensitivity_percent, s.specificity_percent, s.source) for s in cutoffs[100].published
    ]
    assert at_60 == [
        (97, 99, "Oh et al., Muscle Nerve 2005;32:515"),
        (78, 99, "Lipka et al., Muscle Nerve 2020"),
    ]
    assert at_100 == [(59, 100, "Lipka et al., Muscle Nerve 2020")]


def test_a_decrement_of_10_percent_meets_the_low_rate_cutoff() -> None:
    decrement = read(1.0, 2.0, decrement=10.0).decrement
    assert decrement is not None
    assert decrement.meets_10 is True
    assert "2-5 Hz" in decrement.stimulation


def test_a_decrement_of_9_9_percent_does_not_meet_it() -> None:
    decrement = read(1.0, 2.0, decrement=9.9).decrement
    assert decrement is not None
    assert decrement.meets_10 is False


def test_without_a_decrement_there_is_no_decrement_reading() -> None:
    assert read(1.0, 2.0).decrement is None


@pytest.mark.parametrize(
    ("rest", "after", "decrement"),
    [
        (0.0, 2.0, None),
        (-1.0, 2.0, None),
        (1.0, 0.0, None),
        (1.0, -3.0, None),
        (51.0, 60.0, None),
        (1.0, 500.0, None),
        (float("nan"), 2.0, None),
        (1.0, float("inf"), None),
        (1.0, 2.0, -5.0),
        (1.0, 2.0, 101.0),
    ],
)
def test_zero_negative_or_absurd_values_are_refused(
    rest: float, after: float, decrement: float | None
) -> None:
    with pytest.raises(ValidationError):
        EdxInput(cmap_rest_mv=rest, cmap_after_exercise_mv=after, decrement_percent=decrement)
