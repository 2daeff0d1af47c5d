"""DELTA-P: each item, each score and its probability, the sex rule and the item boundaries."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from lems_companion.rules.delta_p import DeltaPInput, score_delta_p

# Nothing scores: a 40-year-old non-smoking woman, no weight loss, no bulbar signs, Karnofsky 90.
NO_ITEMS: dict[str, Any] = {
    "age_at_onset": 40,
    "sex": "female",
    "smoker_at_onset": False,
    "weight_loss_percent": 0.0,
    "bulbar": False,
    "erectile_dysfunction": None,
    "karnofsky": 90,
}
# Each item on its own, as the changes to NO_ITEMS that make only that item score.
ONE_ITEM: dict[str, dict[str, Any]] = {
    "bulbar": {"bulbar": True},
    "erectile_dysfunction": {"sex": "male", "erectile_dysfunction": True},
    "weight_loss": {"weight_loss_percent": 8.0},
    "tobacco": {"smoker_at_onset": True},
    "age": {"age_at_onset": 65},
    "karnofsky": {"karnofsky": 50},
}
PROBABILITY_BY_SCORE = {0: 0.0, 1: 18.8, 2: 45.0, 3: 55.5, 4: 85.7, 5: 87.5, 6: 100.0}


def score(**changes: Any) -> Any:
    return score_delta_p(DeltaPInput(**{**NO_ITEMS, **changes}))


def test_nothing_present_scores_zero() -> None:
    result = score()
    assert result.score == 0
    assert not any(result.items.model_dump().values())


@pytest.mark.parametrize("item", list(ONE_ITEM))
def test_each_item_scores_one_point_on_its_own(item: str) -> None:
    result = score(**ONE_ITEM[item])
    assert result.score == 1
    assert [name for name, scored in result.items.model_dump().items() if scored] == [item]


@pytest.mark.parametrize("points", range(7))
def test_each_score_reports_the_prospective_validation_probability(points: int) -> None:
    changes: dict[str, Any] = {}
    for item in list(ONE_ITEM)[:points]:
        changes.update(ONE_ITEM[item])
    result = score(**changes)
    assert result.score == points
    assert result.sclc_probability_percent == PROBABILITY_BY_SCORE[points]


def test_erectile_dysfunction_does_not_count_for_women() -> None:
    result = score(sex="female", erectile_dysfunction=True)
    assert result.items.erectile_dysfunction is False
    assert result.score == 0


def test_erectile_dysfunction_counts_for_men() -> None:
    assert score(sex="male", erectile_dysfunction=True).items.erectile_dysfunction is True
    assert score(sex="male", erectile_dysfunction=False).score == 0


def test_men_must_say_whether_erectile_dysfunction_was_present() -> None:
    with pytest.raises(ValidationError, match="erectile dysfunction"):
        DeltaPInput(**{**NO_ITEMS, "sex": "male", "erectile_dysfunction": None})


def test_age_49_does_not_score_and_age_50_does() -> None:
    assert score(age_at_onset=49).items.age is False
    assert score(age_at_onset=50).items.age is True


def test_weight_loss_of_4_9_percent_does_not_score_and_5_0_does() -> None:
    assert score(weight_loss_percent=4.9).items.weight_loss is False
    assert score(weight_loss_percent=5.0).items.weight_loss is True


def test_karnofsky_70_does_not_score_and_60_does() -> None:
    assert score(karnofsky=70).items.karnofsky is False
    assert score(karnofsky=60).items.karnofsky is True


@pytest.mark.parametrize(
    "changes",
    [
        {"age_at_onset": 250},
        {"age_at_onset": -1},
        {"karnofsky": 105},
        {"karnofsky": -10},
        {"karnofsky": 65},
        {"weight_loss_percent": -2.0},
        {"weight_loss_percent": 80.0},
        {"weight_loss_percent": float("nan")},
        {"sex": "other"},
    ],
)
def test_impossible_values_are_refused(changes: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        DeltaPInput(**{**NO_ITEMS, **changes})


def test_karnofsky_off_the_10_point_scale_is_refused_with_a_reason() -> None:
    with pytest.raises(ValidationError, match="multiple of 10"):
        DeltaPInput(**{**NO_ITEMS, "karnofsky": 65})


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        (0, "0-2.6%"),
        (1, "0-2.6%"),
        (2, "no summary range"),
        (3, "no summary range"),
        (4, "93.5-100%"),
        (5, "93.5-100%"),
        (6, "93.5-100%"),
    ],
)
def test_derivation_note_gives_the_2011_figure_for_the_score_range(
    points: int, expected: str
) -> None:
    changes: dict[str, Any] = {}
    for item in list(ONE_ITEM)[:points]:
        changes.update(ONE_ITEM[item])
    note = score(**changes).derivation_note
    assert expected in note
    assert "2011" in note


def test_result_lists_the_screening_steps_from_diagnosis() -> None:
    plan = score(bulbar=True, smoker_at_onset=True, age_at_onset=70).screening_plan
    assert [(step.months_after_diagnosis, step.test) for step in plan] == [
        (0, "chest_ct"),
        (0, "fdg_pet_if_ct_negative"),
        (3, "chest_ct"),
        (9, "chest_ct"),
        (15, "chest_ct"),
        (21, "chest_ct"),
        (27, "chest_ct"),
    ]
