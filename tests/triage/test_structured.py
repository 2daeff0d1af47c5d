"""Triage of the structured entry: symptom severities against the previous entry, and weight."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from lems_companion import catalogue
from lems_companion.diary.schemas import EntryCreate
from lems_companion.triage import triage_entry

NOW = datetime.now(UTC).replace(microsecond=0)


def entry(
    days_ago: float = 0, note: str | None = None, weight_kg: float | None = None, **symptoms: int
) -> EntryCreate:
    return EntryCreate(
        recorded_at=NOW - timedelta(days=days_ago),
        symptoms=symptoms,
        note=note,
        weight_kg=weight_kg,
    )


def levels(result) -> dict[str, str]:
    return {hit.id: hit.level for hit in result.flags}


def test_new_mild_swallowing_difficulty_is_an_emergency() -> None:
    result = triage_entry(entry(swallowing_difficulty=1), previous=entry(days_ago=2))
    assert result.level == "emergency"
    assert levels(result) == {"dysphagia": "emergency"}


def test_first_ever_entry_with_mild_choking_counts_as_new() -> None:
    assert levels(triage_entry(entry(choking=1), previous=None)) == {"choking": "emergency"}


def test_moderate_shortness_of_breath_is_an_emergency_even_when_unchanged() -> None:
    result = triage_entry(
        entry(shortness_of_breath=2), previous=entry(days_ago=1, shortness_of_breath=2)
    )
    assert levels(result) == {"dyspnea": "emergency"}


def test_severe_choking_is_an_emergency() -> None:
    result = triage_entry(entry(choking=3), previous=entry(days_ago=1, choking=3))
    assert levels(result) == {"choking": "emergency"}


def test_worse_than_previous_entry_is_an_emergency() -> None:
    result = triage_entry(entry(choking=2), previous=entry(days_ago=3, choking=1))
    assert result.level == "emergency"


def test_unchanged_at_severity_one_is_prompt() -> None:
    result = triage_entry(
        entry(swallowing_difficulty=1), previous=entry(days_ago=3, swallowing_difficulty=1)
    )
    assert result.level == "prompt"
    assert levels(result) == {"dysphagia": "prompt"}


def test_milder_than_before_at_severity_one_is_still_prompt() -> None:
    result = triage_entry(
        entry(shortness_of_breath=1), previous=entry(days_ago=3, shortness_of_breath=2)
    )
    assert levels(result) == {"dyspnea": "prompt"}


def test_previous_entry_older_than_fourteen_days_counts_as_absent() -> None:
    result = triage_entry(
        entry(swallowing_difficulty=1), previous=entry(days_ago=15, swallowing_difficulty=1)
    )
    assert levels(result) == {"dysphagia": "emergency"}


def test_previous_entry_exactly_fourteen_days_old_still_counts() -> None:
    result = triage_entry(
        entry(swallowing_difficulty=1), previous=entry(days_ago=14, swallowing_difficulty=1)
    )
    assert levels(result) == {"dysphagia": "prompt"}


def test_zero_severity_raises_nothing() -> None:
    result = triage_entry(entry(choking=0, shortness_of_breath=0), previous=None)
    assert result.level == "none"
    assert result.flags == ()


def test_cancer_warning_symptoms_at_one_are_prompt() -> None:
    result = triage_entry(entry(weight_loss=1, persistent_cough=1, chest_pain=1), previous=None)
    assert result.level == "prompt"
    assert levels(result) == {
        "weight_loss": "prompt",
        "persistent_cough": "prompt",
        "chest_pain": "prompt",
    }


def test_cancer_warning_symptoms_at_three_stay_prompt() -> None:
    assert triage_entry(entry(chest_pain=3), previous=None).level == "prompt"


def test_non_red_flag_symptom_makes_entry_routine() -> None:
    result = triage_entry(entry(proximal_leg_weakness=2, dry_mouth=1), previous=None)
    assert result.level == "routine"
    assert result.flags == ()


def test_empty_entry_is_none() -> None:
    assert triage_entry(entry(), previous=None).level == "none"


def test_structured_flag_has_evidence_and_no_offsets() -> None:
    (hit,) = triage_entry(entry(swallowing_difficulty=2), previous=None).flags
    assert hit.evidence == "swallowing_difficulty severity 2"
    assert (hit.start, hit.end) == (None, None)
    assert "structured entry" in hit.basis


def test_every_catalogue_red_flag_symptom_raises_its_flag() -> None:
    for symptom_id, symptom in catalogue.red_flag_symptoms().items():
        result = triage_entry(entry(**{symptom_id: 3}), previous=None)
        assert symptom.red_flag in result.flag_ids, symptom_id


def test_note_flags_combine_with_structured_flags() -> None:
    result = triage_entry(entry(chest_pain=1, note="Coughed up blood this morning."), previous=None)
    assert set(result.flag_ids) == {"persistent_cough", "chest_pain"}
    note_hit = next(hit for hit in result.flags if hit.id == "persistent_cough")
    assert note_hit.start is not None


def test_emergency_in_note_outranks_prompt_symptom() -> None:
    result = triage_entry(entry(weight_loss=1, note="I choked on my tea."), previous=None)
    assert result.level == "emergency"
    assert result.flag_ids[0] == "choking"


def test_same_flag_from_symptom_and_note_is_listed_once_at_its_most_urgent() -> None:
    result = triage_entry(
        entry(
            swallowing_difficulty=1,
            note="Food sticking again.",
        ),
        previous=entry(days_ago=1, swallowing_difficulty=1),
    )
    assert result.flag_ids == ["dysphagia"]
    assert result.flags[0].level == "emergency"


def test_routine_note_makes_an_otherwise_empty_entry_routine() -> None:
    assert triage_entry(entry(note="Eyelids drooping tonight."), previous=None).level == "routine"


def test_five_percent_weight_loss_within_six_months_is_prompt() -> None:
    history = [(NOW - timedelta(days=120), 80.0), (NOW - timedelta(days=30), 78.0)]
    result = triage_entry(entry(weight_kg=76.0), previous=None, weight_history=history)
    assert levels(result) == {"weight_loss": "prompt"}
    assert "5.0%" in result.flags[0].evidence


def test_weight_loss_under_five_percent_is_not_flagged() -> None:
    history = [(NOW - timedelta(days=60), 80.0)]
    result = triage_entry(entry(weight_kg=76.5), previous=None, weight_history=history)
    assert result.flags == ()


def test_five_percent_loss_over_a_longer_span_than_six_months_is_not_flagged() -> None:
    history = [(NOW - timedelta(days=300), 80.0), (NOW - timedelta(days=150), 78.0)]
    result = triage_entry(entry(weight_kg=76.0), previous=None, weight_history=history)
    assert result.flags == ()


def test_weight_gain_is_not_flagged() -> None:
    history = [(NOW - timedelta(days=30), 70.0)]
    result = triage_entry(entry(weight_kg=75.0), previous=None, weight_history=history)
    assert result.flags == ()


def test_weight_history_without_an_entry_weight_raises_nothing() -> None:
    history = [(NOW - timedelta(days=30), 90.0), (NOW - timedelta(days=1), 70.0)]
    assert triage_entry(entry(), previous=None, weight_history=history).flags == ()


def test_emergency_advice_comes_first_and_names_the_emergency_number() -> None:
    result = triage_entry(entry(choking=2), previous=None, emergency_number="999")
    assert "999" in result.advice[0]


def test_new_unsteadiness_symptom_raises_cerebellar_signs_at_prompt() -> None:
    result = triage_entry(entry(unsteadiness=1), previous=None)
    assert levels(result) == {"cerebellar_signs": "prompt"}
    assert "SCLC" in result.flags[0].basis


def test_intended_weight_loss_in_the_note_raises_the_bar_to_ten_percent() -> None:
    history = [(NOW - timedelta(days=60), 80.0)]
    on_a_diet = triage_entry(
        entry(weight_kg=75.0, note="On a diet since the summer."), weight_history=history
    )
    not_trying = triage_entry(
        entry(weight_kg=75.0, note="Not trying to lose."), weight_history=history
    )
    assert on_a_diet.flag_ids == []
    assert not_trying.flag_ids == ["weight_loss"]
    big_loss = triage_entry(
        entry(weight_kg=71.0, note="On a diet since the summer."), weight_history=history
    )
    assert big_loss.flag_ids == ["weight_loss"]
    assert "intended" in big_loss.flags[0].basis


def test_a_caregiver_entry_flags_the_patient_in_the_third_person() -> None:
    note = "Mum couldn't get her tablets down this morning."
    assert triage_entry(entry(note=note)).flag_ids == []
    assert triage_entry(entry(note=note), author="caregiver").flag_ids == ["dysphagia"]


def test_cough_dates_are_counted_from_the_entry_date() -> None:
    october_note = "Cough since the beginning of October."
    early = EntryCreate(recorded_at=datetime(2026, 10, 10, 9, tzinfo=UTC), note=october_note)
    late = EntryCreate(recorded_at=datetime(2026, 11, 20, 9, tzinfo=UTC), note=october_note)
    assert triage_entry(early).flag_ids == []
    assert triage_entry(late).flag_ids == ["persistent_cough"]
