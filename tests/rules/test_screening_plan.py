"""The SCLC screening plan: dated items for each DELTA-P band, and progress against scans done."""

from __future__ import annotations

import json
from datetime import date

import pytest

from lems_companion.rules.screening import (
    RecordedScan,
    ScreeningPlan,
    add_months,
    band_for,
    build_plan,
    track_progress,
)

DIAGNOSED = date(2026, 1, 15)


def dated(plan: ScreeningPlan) -> list[tuple[str, str]]:
    return [(item.due.isoformat(), item.test) for item in plan.items]


def status_by_id(plan: ScreeningPlan, scans: list[RecordedScan], today: date) -> dict[str, str]:
    return {p.item.id: p.status for p in track_progress(plan, scans, today=today)}


@pytest.mark.parametrize("score", [3, 4, 5, 6])
def test_high_band_rescreens_at_3_months_then_every_6_for_at_least_2_years(score: int) -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=score)
    assert plan.band == "high"
    assert dated(plan) == [
        ("2026-01-15", "chest_ct"),
        ("2026-01-15", "fdg_pet_if_ct_negative"),
        ("2026-04-15", "chest_ct"),
        ("2026-10-15", "chest_ct"),
        ("2027-04-15", "chest_ct"),
        ("2027-10-15", "chest_ct"),
        ("2028-04-15", "chest_ct"),
    ]


def test_score_2_rescreens_every_6_months_for_2_years() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=2)
    assert plan.band == "intermediate"
    assert dated(plan) == [
        ("2026-01-15", "chest_ct"),
        ("2026-01-15", "fdg_pet_if_ct_negative"),
        ("2026-07-15", "chest_ct"),
        ("2027-01-15", "chest_ct"),
        ("2027-07-15", "chest_ct"),
        ("2028-01-15", "chest_ct"),
    ]


@pytest.mark.parametrize("score", [0, 1])
def test_scores_0_and_1_rescreen_once_at_6_months(score: int) -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=score)
    assert plan.band == "low"
    assert dated(plan) == [
        ("2026-01-15", "chest_ct"),
        ("2026-01-15", "fdg_pet_if_ct_negative"),
        ("2026-07-15", "chest_ct"),
    ]


def test_every_item_has_a_reason_a_source_and_a_stable_id() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=4)
    assert all(item.reason and item.source for item in plan.items)
    assert [item.id for item in plan.items][:3] == [
        "m00-chest_ct",
        "m00-fdg_pet_if_ct_negative",
        "m03-chest_ct",
    ]
    assert "any time" in plan.note


def test_plan_round_trips_through_json() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=2)
    text = json.dumps(plan.model_dump(mode="json"))
    assert ScreeningPlan.model_validate_json(text) == plan


def test_month_end_diagnosis_dates_clamp_to_the_end_of_shorter_months() -> None:
    assert add_months(date(2026, 1, 31), 3) == date(2026, 4, 30)
    assert add_months(date(2027, 11, 30), 3) == date(2028, 2, 29)


@pytest.mark.parametrize("score", [-1, 7])
def test_scores_outside_0_to_6_are_refused(score: int) -> None:
    with pytest.raises(ValueError, match="0 to 6"):
        band_for(score)


def test_nothing_done_before_the_due_dates_is_upcoming() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=0)
    assert set(status_by_id(plan, [], date(2026, 1, 10)).values()) == {"upcoming"}


def test_a_due_date_passed_without_a_scan_is_overdue() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=0)
    statuses = status_by_id(plan, [], date(2026, 2, 1))
    assert statuses["m00-chest_ct"] == "overdue"
    assert statuses["m06-chest_ct"] == "upcoming"


def test_scans_done_complete_their_items() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=0)
    scans = [
        RecordedScan(performed_on=date(2026, 1, 2), test="chest_ct", result="negative"),
        RecordedScan(performed_on=date(2026, 1, 20), test="fdg_pet", result="negative"),
        RecordedScan(performed_on=date(2026, 7, 1), test="chest_ct", result="negative"),
    ]
    progress = track_progress(plan, scans, today=date(2026, 8, 1))
    assert [p.status for p in progress] == ["done", "done", "done"]
    assert progress[2].scan == scans[2]


def test_pet_is_not_applicable_when_the_diagnosis_ct_was_abnormal() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=4)
    scans = [RecordedScan(performed_on=DIAGNOSED, test="chest_ct", result="abnormal")]
    statuses = status_by_id(plan, scans, date(2026, 2, 1))
    assert statuses["m00-fdg_pet_if_ct_negative"] == "not_applicable"


def test_a_rescreen_skipped_until_the_next_one_opens_is_missed() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=2)
    scans = [
        RecordedScan(performed_on=DIAGNOSED, test="chest_ct", result="negative"),
        RecordedScan(performed_on=DIAGNOSED, test="fdg_pet", result="negative"),
        RecordedScan(performed_on=date(2027, 1, 10), test="chest_ct", result="negative"),
    ]
    statuses = status_by_id(plan, scans, date(2027, 2, 1))
    assert statuses["m06-chest_ct"] == "missed"
    assert statuses["m12-chest_ct"] == "done"
    assert statuses["m18-chest_ct"] == "upcoming"


def test_a_scan_counts_for_one_item_only() -> None:
    plan = build_plan(diagnosed_on=DIAGNOSED, delta_p_score=4)
    scans = [RecordedScan(performed_on=date(2026, 4, 10), test="chest_ct", result="negative")]
    statuses = status_by_id(plan, scans, date(2026, 4, 20))
    assert statuses["m03-chest_ct"] == "done"
    assert statuses["m00-chest_ct"] == "missed"
