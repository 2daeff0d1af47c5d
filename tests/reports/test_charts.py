"""The report's charts read correctly: axes cover the data with round ticks, dates are named."""

from __future__ import annotations

import math
from datetime import date
from itertools import pairwise

import pytest

from lems_companion.reports.charts import SEVERITY_SCALE, date_ticks, nice_ticks, severity_colour


@pytest.mark.parametrize(
    ("low", "high"), [(79.6, 80.2), (2.9, 4.3), (16.0, 25.0), (70.0, 70.0), (0.0, 0.3)]
)
def test_value_ticks_cover_the_data_with_a_round_step(low: float, high: float) -> None:
    ticks = nice_ticks(low, high, most=5)
    assert ticks[0] <= low and ticks[-1] >= high
    assert 2 <= len(ticks) <= 6
    steps = {round(b - a, 9) for a, b in pairwise(ticks)}
    assert len(steps) == 1  # evenly spaced
    step = steps.pop()
    assert round(step / 10 ** math.floor(math.log10(step)), 9) in (1, 2, 2.5, 5)


def test_a_year_is_marked_by_quarters_and_the_new_year_by_its_number() -> None:
    ticks = date_ticks(date(2025, 11, 3), date(2026, 10, 26))
    assert [label for _, label in ticks] == ["2026", "Apr", "Jul", "Oct"]
    assert all(day.day == 1 for day, _ in ticks)


def test_a_short_period_is_marked_by_days_within_it() -> None:
    first, last = date(2026, 3, 1), date(2026, 3, 10)
    ticks = date_ticks(first, last)
    assert ticks[0] == (first, "01 Mar")
    assert all(first <= day <= last for day, _ in ticks) and len(ticks) <= 6
    assert date_ticks(first, first) == [(first, "01 Mar")]


def test_heat_map_colours_run_from_light_for_none_to_dark_for_severe() -> None:
    assert severity_colour(0) == SEVERITY_SCALE[0]
    assert severity_colour(3) == SEVERITY_SCALE[-1]
    assert severity_colour(-1) == SEVERITY_SCALE[0] and severity_colour(9) == SEVERITY_SCALE[-1]

    def darkness(colour: str) -> int:
        return -sum(int(colour[i : i + 2], 16) for i in (1, 3, 5))

    shades = [darkness(severity_colour(value / 4)) for value in range(13)]
    assert shades == sorted(shades)
