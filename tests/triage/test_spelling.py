"""Misspelt red-flag words are read as the word they stand for, real words never are, and the
evidence shown is the patient's own spelling (spec section 3: misspellings are flagged)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from lems_companion.triage import spelling, triage_text

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("text", "flag", "evidence"),
    [
        ("food keeps stickin in my throte since sunday", "dysphagia", "stickin"),
        ("I was chokking on my tea again", "choking", "chokking"),
        ("me atragante con el agua, otra vez", "choking", "atragante"),
        ("Ich habe mich beim Essen verschlukt", "choking", "verschlukt"),
    ],
)
def test_a_misspelt_red_flag_word_is_flagged_with_the_patients_spelling(
    text: str, flag: str, evidence: str
) -> None:
    result = triage_text(text)
    hits = [hit for hit in result.flags if hit.id == flag]
    assert hits, result
    assert evidence in hits[0].evidence
    assert text[hits[0].start : hits[0].end] == hits[0].evidence


@pytest.mark.parametrize(
    ("word", "language"),
    [("cooking", "en"), ("bread", "en"), ("flojas", "es"), ("chercher", "fr"), ("brutal", "de")],
)
def test_a_real_word_is_never_corrected_into_a_red_flag_word(word: str, language: str) -> None:
    assert spelling.keyword_for(word, language) is None


def test_a_real_word_near_choking_raises_nothing() -> None:
    result = triage_text("Cooking a stew for my sister tonight, feeling fine.")
    assert result.level == "none", result


def test_corrected_text_maps_back_to_the_note() -> None:
    corrected, origin = spelling.correct("in my throte now", "en")
    assert corrected == "in my throat now"
    assert origin is not None and len(origin) == len(corrected) + 1
    assert origin[-1] == len("in my throte now")


@pytest.mark.skipif(
    importlib.util.find_spec("spellchecker") is None, reason="pyspellchecker (dev) not installed"
)
def test_the_near_words_list_is_current(tmp_path: Path) -> None:
    shipped = json.loads(
        (ROOT / "src/lems_companion/triage/near_words.json").read_text(encoding="utf-8")
    )
    script = ROOT / "scripts/build_near_words.py"
    code = (
        "import runpy, sys, json; sys.argv=['x'];"
        f"mod = runpy.run_path({str(script)!r}, run_name='lib');"
        "print(json.dumps({c: mod['near'](c) for c in ('en', 'es', 'fr', 'de')}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert json.loads(out.stdout) == shipped
