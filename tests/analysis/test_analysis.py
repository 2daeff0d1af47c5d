"""Pattern analysis on made-up diaries: each rule, at and around its thresholds."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from lems_companion.analysis.patterns import (
    analyze,
    facilitation,
    fatigability,
    medication_changes,
    period_of,
    time_of_day,
    weight,
)
from lems_companion.diary.flags import FlagRecord
from lems_companion.i18n import LANGUAGES
from lems_companion.reports.appointment import summary
from tests.factories import entry, grip, sit_to_stand

START = datetime.fromisoformat("2026-03-02T08:00:00+01:00")


def days(n: int, hour: int = 8) -> datetime:
    return START.replace(hour=hour) + timedelta(days=n)


def test_faster_later_repetitions_are_facilitation_and_hold_across_sessions() -> None:
    entries = [
        entry(days(i), home_tests=sit_to_stand(4.0, 3.6, 3.3, 3.1, 3.0)) for i in range(5)
    ] + [entry(days(6), home_tests=sit_to_stand(4.0, 4.0, 3.9, 3.9, 3.9))]
    result = facilitation(entries)
    assert result.sessions == 6
    assert result.sessions_showing == 5
    assert result.median_change_percent == pytest.approx(23.8)
    assert result.consistent is True
    assert "faster after the first by 10% or more in 5 of 6 sessions" in result.observation
    assert fatigability(entries).consistent is False


def test_stronger_grip_after_the_squeeze_is_facilitation() -> None:
    entries = [entry(days(i), home_tests=grip(18.0, 24.0)) for i in range(3)]
    result = facilitation(entries)
    assert result.median_change_percent == pytest.approx(33.3)
    assert result.by_test["grip"]["consistent"] is True
    assert result.consistent is True


def test_slower_later_repetitions_are_fatigability_not_facilitation() -> None:
    entries = [entry(days(i), home_tests=sit_to_stand(3.0, 3.3, 3.6, 3.9, 4.1)) for i in range(4)]
    tired = fatigability(entries)
    assert tired.consistent is True
    assert tired.median_change_percent == pytest.approx(33.3)
    assert tired.sessions_showing == 4
    assert "slower after the first" in tired.observation
    assert facilitation(entries).consistent is False
    assert facilitation(entries).sessions_showing == 0


def test_mixed_sessions_are_not_consistent() -> None:
    entries = [
        entry(days(0), home_tests=sit_to_stand(4.0, 3.6, 3.3, 3.1, 3.0)),
        entry(days(1), home_tests=sit_to_stand(3.0, 3.3, 3.6, 3.9, 4.1)),
        entry(days(2), home_tests=sit_to_stand(4.0, 3.6, 3.3, 3.1, 3.0)),
        entry(days(3), home_tests=sit_to_stand(3.0, 3.3, 3.6, 3.9, 4.1)),
    ]
    assert facilitation(entries).consistent is False
    assert fatigability(entries).consistent is False


@pytest.mark.parametrize("sessions", [0, 1, 2])
def test_too_few_sessions_say_so_and_are_never_consistent(sessions: int) -> None:
    entries = [
        entry(days(i), home_tests=sit_to_stand(4.0, 3.5, 3.0, 2.8, 2.7)) for i in range(sessions)
    ]
    result = facilitation(entries)
    assert result.sessions == sessions
    assert result.enough_data is False
    assert result.consistent is False
    assert result.observation.startswith("Too little data")
    if sessions == 0:
        assert result.median_change_percent is None


def test_a_sit_to_stand_total_alone_cannot_show_facilitation() -> None:
    entries = [entry(days(i), home_tests={"sit_to_stand_total_seconds": 16.0}) for i in range(4)]
    assert facilitation(entries).sessions == 0


@pytest.mark.parametrize(
    ("clock", "band"),
    [
        ("04:59", "night"),
        ("05:00", "morning"),
        ("11:59", "morning"),
        ("12:00", "afternoon"),
        ("17:00", "evening"),
        ("21:59", "evening"),
        ("22:00", "night"),
        ("00:30", "night"),
    ],
)
def test_times_of_day_use_the_local_time_of_the_entry(clock: str, band: str) -> None:
    assert period_of(datetime.fromisoformat(f"2026-03-02T{clock}:00+09:00")) == band


def test_weakness_worst_in_the_morning_is_a_varying_pattern() -> None:
    entries = []
    for i in range(4):
        entries.append(
            entry(days(i, 7), symptoms={"proximal_leg_weakness": 3}, context="after_rest")
        )
        entries.append(
            entry(days(i, 14), symptoms={"proximal_leg_weakness": 1}, context="after_activity")
        )
        entries.append(entry(days(i, 19), symptoms={"proximal_leg_weakness": 2}))
    result = time_of_day(entries)
    assert result.pattern == "varies"
    assert result.worst == "morning"
    assert result.by_period["morning"]["mean_severity"] == 3
    assert any("first moving after rest" in text for text in result.observations)


def test_weakness_worst_in_the_evening_is_a_varying_pattern() -> None:
    entries = []
    for i in range(4):
        entries.append(entry(days(i, 8), symptoms={"proximal_leg_weakness": 1}))
        entries.append(entry(days(i, 14), symptoms={"proximal_leg_weakness": 1}))
        entries.append(entry(days(i, 20), symptoms={"proximal_leg_weakness": 3}))
    result = time_of_day(entries)
    assert result.pattern == "varies"
    assert result.worst == "evening"
    assert result.by_period["evening"]["mean_severity"] == 3
    assert result.observations[0].startswith("Muscle weakness was recorded as worst in the evening")
    assert "The weakness is usually worst in the evening." in summary(analyze(entries))


def test_the_same_weakness_all_day_is_constant() -> None:
    entries = [
        entry(days(i, hour), symptoms={"proximal_leg_weakness": 2})
        for i in range(3)
        for hour in (8, 15, 20)
    ]
    result = time_of_day(entries)
    assert result.pattern == "constant"
    assert result.worst is None


def test_time_of_day_needs_entries_in_two_bands() -> None:
    entries = [entry(days(i, 8), symptoms={"proximal_leg_weakness": 2}) for i in range(5)]
    result = time_of_day(entries)
    assert result.pattern is None
    assert result.enough_data is False
    assert result.observations[0].startswith("Too little data")


def test_improved_after_moving_answers_are_counted() -> None:
    answers = ["yes", "yes", "no", "unsure"]
    entries = [entry(days(i), improved_after_moving=a) for i, a in enumerate(answers)]
    result = time_of_day(entries)
    assert result.improved_after_moving == {"yes": 2, "no": 1, "unsure": 1}
    assert any("2 of 4 answers" in text for text in result.observations)


def _stored_weight_flag(on: object) -> FlagRecord:
    return FlagRecord(
        entry_id=on.id,  # type: ignore[attr-defined]
        recorded_at=on.recorded_at,  # type: ignore[attr-defined]
        flag="weight_loss",
        level="prompt",
        evidence="weight fell",
    )


def test_the_weight_section_reports_the_loss_and_only_the_flag_triage_stored() -> None:
    entries = [entry(days(0), weight_kg=100.0), entry(days(30), weight_kg=94.0)]
    unflagged = weight(entries)
    assert unflagged.largest_loss_within_6_months is not None
    assert unflagged.largest_loss_within_6_months.percent == 6.0
    # No entry raised a flag (say the note called the loss intended): the analysis adds none.
    assert unflagged.weight_loss_flag is False
    assert analyze(entries).red_flags == []
    flagged = weight(entries, [_stored_weight_flag(entries[1])])
    assert flagged.weight_loss_flag is True
    assert "fell by 6%" in flagged.observation


def test_a_loss_spread_over_intermediate_weights_is_found_from_the_heaviest() -> None:
    weights = [90.0, 92.0, 91.0, 89.5, 88.0, 87.3]
    entries = [entry(days(i * 20), weight_kg=w) for i, w in enumerate(weights)]
    loss = weight(entries).largest_loss_within_6_months
    assert loss is not None
    assert loss.heavier.kg == 92.0 and loss.lighter.kg == 87.3
    assert loss.percent == 5.1


def test_no_weights_say_so() -> None:
    result = weight([entry(days(0))])
    assert result.measurements == 0 and result.weight_loss_flag is False
    assert "No weight" in result.observation


def test_a_weight_flag_already_stored_by_triage_is_not_doubled() -> None:
    entries = [entry(days(0), weight_kg=100.0), entry(days(10), weight_kg=90.0)]
    stored = FlagRecord(
        entry_id=entries[1].id,
        recorded_at=entries[1].recorded_at,
        flag="weight_loss",
        level="prompt",
        evidence="weight fell",
    )
    assert len(analyze(entries, flags=[stored]).red_flags) == 1


def _treatment_diary(start_day: int, *, dose: float = 10.0) -> list:
    entries = []
    for i in range(28):
        treated = i >= start_day
        meds = [{"name": "Firdapse", "dose_mg": dose}] if treated else []
        severity = 1 if treated else 3
        entries.append(
            entry(days(i), symptoms={"proximal_leg_weakness": severity}, medications=meds)
        )
    return entries


def test_weakness_before_and_after_a_medicine_starts_is_compared() -> None:
    changes = medication_changes(_treatment_diary(14))
    assert len(changes) == 1
    change = changes[0]
    assert change.medicine == "Amifampridine"  # brand name grouped with the generic
    assert change.event == "started"
    assert change.enough_data is True
    assert change.before["mean_weakness"] == 3 and change.after["mean_weakness"] == 1
    assert "averaged 1.0 of 3" in change.observation


def test_a_dose_change_that_persists_is_compared() -> None:
    entries = []
    for i in range(20):
        dose = 10.0 if i < 10 else 20.0
        entries.append(
            entry(
                days(i),
                symptoms={"proximal_leg_weakness": 2 if i < 10 else 1},
                medications=[{"name": "Amifampridine", "dose_mg": dose}],
            )
        )
    entries[3] = entry(days(3), medications=[{"name": "Amifampridine", "dose_mg": 15.0}])
    changes = medication_changes(entries)
    assert [(c.event, c.dose_mg_before, c.dose_mg_after) for c in changes] == [
        ("dose_changed", 10.0, 20.0)
    ]


def test_a_medicine_taken_from_the_first_entry_has_no_before() -> None:
    assert medication_changes(_treatment_diary(0)) == []


def test_too_few_entries_before_a_start_say_so() -> None:
    change = medication_changes(_treatment_diary(2))[0]
    assert change.enough_data is False
    assert "Too little data" in change.observation


def test_a_medicine_that_can_worsen_lems_carries_its_caution() -> None:
    entries = [entry(days(0), medications=[{"name": "Ciprofloxacin 500mg", "dose_mg": 500.0}])]
    meds = analyze(entries).medications
    assert meds[0].cautions and "Fluoroquinolone" in meds[0].cautions[0].class_label


def test_groups_count_entries_and_regions() -> None:
    entries = [
        entry(days(0), symptoms={"proximal_leg_weakness": 2, "dry_mouth": 1}),
        entry(days(1), symptoms={"distal_weakness": 1, "dry_mouth": 0}),
        entry(days(2), symptoms={"drooping_eyelids": 1}),
    ]
    result = analyze(entries).groups
    by_group = {g.group: g for g in result.by_group}
    assert by_group["limb"].entries_with == 2
    assert by_group["autonomic"].entries_with == 1
    assert by_group["ocular"].symptoms[0].hpo == ["HP:0000508"]
    assert result.limb_regions == {"proximal": 1, "distal": 1, "axial": 0}


# What a diagnosis would sound like, in each language the analysis is worded in.
DIAGNOSIS_WORDS = {
    "en": ("you have lems", "diagnosis of", "diagnosed", "consistent with lems"),
    "es": ("usted tiene", "diagnóstico de", "diagnosticad", "compatible con"),
    "fr": ("vous avez", "diagnostic de", "diagnostiqué", "compatible avec"),
    "de": ("sie haben", "diagnose von", "diagnostiziert", "vereinbar mit"),
}
NOT_A_DIAGNOSIS = {
    "en": "not a diagnosis",
    "es": "no un diagnóstico",
    "fr": "pas un diagnostic",
    "de": "keine Diagnose",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_analysis_never_words_a_diagnosis(language: str) -> None:
    entries = _treatment_diary(14)
    analysis = analyze(entries, language=language)
    text = " ".join(o.text for o in analysis.observations).lower()
    for word in DIAGNOSIS_WORDS[language]:
        assert word not in text
    assert NOT_A_DIAGNOSIS[language] in analysis.disclaimer
