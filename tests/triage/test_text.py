"""Free-text triage: evidence, offsets, advice, ordering and the pipeline itself."""

from __future__ import annotations

import pytest

from lems_companion.triage import text as text_triage
from lems_companion.triage import triage_text


def test_negated_choking_is_not_flagged() -> None:
    assert triage_text("No choking at all this week.").level == "none"


def test_evidence_is_the_matched_text_at_its_offsets() -> None:
    note = "Good morning. Then I choked on my toast at lunch."
    (hit,) = triage_text(note).flags
    assert hit.evidence == "choked"
    assert note[hit.start : hit.end] == hit.evidence


def test_offsets_survive_curly_apostrophes() -> None:
    note = "I can\u2019t catch my breath today"
    (hit,) = triage_text(note).flags
    assert hit.id == "dyspnea"
    assert note[hit.start : hit.end] == hit.evidence


def test_flags_are_ordered_most_urgent_first() -> None:
    result = triage_text("Cough for five weeks. Food keeps sticking in my throat.")
    assert result.flag_ids == ["dysphagia", "persistent_cough"]
    assert [hit.level for hit in result.flags] == ["emergency", "prompt"]


def test_emergency_advice_comes_first_and_uses_the_given_number() -> None:
    result = triage_text("Sudden weakness down my left side", emergency_number="911")
    assert result.level == "emergency"
    assert "911" in result.advice[0]
    assert any("911" in line for line in result.advice[1:])


def test_default_emergency_number_is_112() -> None:
    assert "112" in triage_text("I choked on water").advice[0]


def test_each_flag_advice_appears_once() -> None:
    result = triage_text("Choked at lunch. Choked again at dinner.")
    assert result.flag_ids == ["choking"]
    assert len(result.advice) == len(set(result.advice)) == 2


def test_severe_chest_pain_replaces_chest_pain() -> None:
    result = triage_text("Aching chest yesterday. Today crushing chest pain.")
    assert result.flag_ids == ["severe_chest_pain"]


def test_chest_pain_with_breathlessness_is_severe_but_not_when_breathlessness_is_negated() -> None:
    assert "severe_chest_pain" in triage_text("Chest pain and breathless.").flag_ids
    assert triage_text("Chest pain but not breathless.").flag_ids == ["chest_pain"]


def test_every_flag_carries_its_basis_and_source() -> None:
    result = triage_text("I had a fit this morning and lost 5 kg this month")
    for hit in result.flags:
        assert hit.basis
        assert "clinical-spec.md" in hit.source


def test_routine_note_lists_its_catalogue_findings() -> None:
    result = triage_text("Dry mouth and double vision tonight.")
    assert result.level == "routine"
    assert set(result.findings) >= {"dry_mouth", "double_vision"}


def test_gradual_slurred_speech_is_a_routine_finding() -> None:
    result = triage_text("Speech slurred by the evening, has been for weeks.")
    assert result.level == "routine"
    assert "slurred_speech" in result.findings


def test_empty_note_is_none() -> None:
    assert triage_text("").level == "none"
    assert triage_text("   \n ").flags == ()


@pytest.mark.parametrize(
    "note",
    [
        "No choking.\nBreathless on the stairs.",
        "no choking; breathless on the stairs",
        "No choking! Breathless on the stairs",
    ],
)
def test_negation_does_not_cross_a_sentence_or_line(note: str) -> None:
    assert triage_text(note).flag_ids == ["dyspnea"]


def test_pipeline_is_built_once() -> None:
    assert text_triage.pipeline() is text_triage.pipeline()


def test_pipeline_has_no_statistical_model() -> None:
    nlp = text_triage.pipeline()
    assert nlp.pipe_names == ["lems_sentences", "lems_targets", "medspacy_context"]


def test_long_note_is_triaged() -> None:
    note = "Legs weak after the walk. " * 150 + "Then I choked on water."
    result = triage_text(note)
    assert result.flag_ids == ["choking"]
    assert note[result.flags[0].start : result.flags[0].end] == "choked"


def test_long_note_keeps_context_rules_in_every_part() -> None:
    filler = "Dry mouth again and legs a bit weak this morning. " * 30
    note = filler + "No choking at all. " + filler + "My father is breathless. " + filler
    note += "Coughed up blood today."
    result = triage_text(note)
    assert result.flag_ids == ["persistent_cough"]
    hit = result.flags[0]
    assert note[hit.start : hit.end] == hit.evidence
