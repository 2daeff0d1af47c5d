"""Factors (heat, an infection, ...): weakness on the days one was noted against the other days."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from lems_companion.analysis.patterns import MIN_FACTOR_DAYS, analyze, factor_comparisons
from lems_companion.diary.schemas import EntryPublic
from tests.factories import entry

START = datetime(2026, 5, 1, 9, 0, tzinfo=timezone(timedelta(hours=2)))


def diary(noted: int, other: int, *, noted_level: int, other_level: int) -> list[EntryPublic]:
    """Return one entry a day: first the days without the factor, then the days with heat."""
    days = [(False, other_level)] * other + [(True, noted_level)] * noted
    return [
        entry(
            START + timedelta(days=index),
            symptoms={"proximal_leg_weakness": level},
            factors=["heat"] if hot else [],
        )
        for index, (hot, level) in enumerate(days)
    ]


def test_weakness_worse_on_the_days_heat_was_noted_is_said_as_an_observation() -> None:
    [heat] = factor_comparisons(diary(9, 20, noted_level=3, other_level=1))
    assert heat.enough_data and (heat.days_noted, heat.days_not_noted) == (9, 20)
    assert (heat.mean_weakness_noted, heat.mean_weakness_not_noted) == (3.0, 1.0)
    assert heat.observation.startswith("Muscle weakness was worse on the 9 days heat was noted")
    assert "not a cause" in heat.observation
    assert "diagnos" not in heat.observation.lower()
    assert len(heat.entry_ids) == 9


def test_milder_and_about_the_same_are_said_too() -> None:
    [milder] = factor_comparisons(diary(6, 6, noted_level=1, other_level=2))
    assert "was milder on the 6 days" in milder.observation
    [same] = factor_comparisons(diary(6, 6, noted_level=2, other_level=2))
    assert "was about the same on the 6 days" in same.observation


def test_too_few_days_on_either_side_gives_no_comparison() -> None:
    few = factor_comparisons(diary(MIN_FACTOR_DAYS - 1, 20, noted_level=3, other_level=1))
    assert not few[0].enough_data
    assert "too little data" in few[0].observation and "worse" not in few[0].observation
    few_without = factor_comparisons(diary(20, MIN_FACTOR_DAYS - 1, noted_level=3, other_level=1))
    assert not few_without[0].enough_data
    enough = factor_comparisons(
        diary(MIN_FACTOR_DAYS, MIN_FACTOR_DAYS, noted_level=3, other_level=1)
    )
    assert enough[0].enough_data


def test_several_entries_on_one_day_count_as_one_day_noted() -> None:
    entries = diary(5, 5, noted_level=3, other_level=1)
    # A second entry on a day without heat that notes heat makes that day a heat day.
    entries.append(entry(START + timedelta(hours=3), symptoms={"fatigue": 1}, factors=["heat"]))
    entries.append(entry(START + timedelta(hours=5), symptoms={"neck_weakness": 3}))
    [heat] = factor_comparisons(sorted(entries, key=lambda item: item.recorded_at))
    # The extra heat entry had no weakness answer, but its day had one: that day now counts.
    assert (heat.days_noted, heat.days_not_noted) == (6, 4)


def test_factors_never_noted_are_left_out_and_the_analysis_lists_the_observations() -> None:
    result = analyze(diary(9, 20, noted_level=3, other_level=1))
    assert [item.factor for item in result.factors] == ["heat"]
    texts = [item.text for item in result.observations if item.topic == "factors"]
    assert texts == [result.factors[0].observation]
    assert analyze(diary(0, 20, noted_level=3, other_level=1)).factors == []


def test_factors_and_symptoms_are_named_in_the_readers_language() -> None:
    [chaleur] = factor_comparisons(diary(9, 20, noted_level=3, other_level=1), language="fr")
    [hitze] = factor_comparisons(diary(9, 20, noted_level=3, other_level=1), language="de")
    # Inside a sentence the name loses its capital, except a German noun.
    assert "chaleur" in chaleur.observation and chaleur.label == "Chaleur"
    assert "Hitze" in hitze.observation
    spanish = analyze(diary(2, 2, noted_level=2, other_level=1), language="es")
    [legs] = [s for group in spanish.groups.by_group for s in group.symptoms]
    assert legs.label == "Debilidad en caderas y muslos"
