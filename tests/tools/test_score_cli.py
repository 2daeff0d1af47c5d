"""``lems score``: JSON output, readable summaries and refused input, through the real command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from lems_companion.cli import app
from lems_companion.rules.medicines import CAUTION_CLASSES

runner = CliRunner()

DELTA_P_ARGS = [
    "score", "delta-p", "--age-at-onset", "62", "--sex", "male", "--smoker",
    "--weight-loss-percent", "6", "--bulbar", "--no-erectile-dysfunction", "--karnofsky", "80",
]  # fmt: skip


def lems(*args: str) -> Result:
    return runner.invoke(app, list(args))


def with_option(args: list[str], option: str, value: str) -> list[str]:
    changed = list(args)
    changed[changed.index(option) + 1] = value
    return changed


def json_out(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_delta_p_json_has_exactly_the_documented_keys() -> None:
    data = json_out(lems(*DELTA_P_ARGS, "--json"))
    assert set(data) == {
        "score",
        "items",
        "sclc_probability_percent",
        "derivation_note",
        "screening_plan",
    }
    assert data["score"] == 4
    assert data["items"] == {
        "bulbar": True,
        "erectile_dysfunction": False,
        "weight_loss": True,
        "tobacco": True,
        "age": True,
        "karnofsky": False,
    }
    assert data["sclc_probability_percent"] == 85.7
    assert data["screening_plan"][0] == {"months_after_diagnosis": 0, "test": "chest_ct"}


def test_delta_p_ignores_erectile_dysfunction_for_women() -> None:
    args = with_option(DELTA_P_ARGS, "--sex", "female")
    args[args.index("--no-erectile-dysfunction")] = "--erectile-dysfunction"
    data = json_out(lems(*args, "--json"))
    assert data["items"]["erectile_dysfunction"] is False
    assert data["score"] == 4


def test_delta_p_for_women_does_not_need_the_erectile_dysfunction_option() -> None:
    args = with_option(DELTA_P_ARGS, "--sex", "female")
    args.remove("--no-erectile-dysfunction")
    assert json_out(lems(*args, "--json"))["score"] == 4


def test_delta_p_summary_names_both_studies_and_says_it_is_not_a_diagnosis() -> None:
    result = lems(*DELTA_P_ARGS)
    assert result.exit_code == 0
    assert "Maddison et al., Sci Rep 2020" in result.stdout
    assert "Titulaer et al., J Clin Oncol 2011" in result.stdout
    assert "not a diagnosis" in result.stdout


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--age-at-onset", "250", "--age-at-onset"),
        ("--karnofsky", "105", "--karnofsky"),
        ("--karnofsky", "65", "multiple of 10"),
        ("--weight-loss-percent", "-3", "--weight-loss-percent"),
        ("--weight-loss-percent", "nan", "--weight-loss-percent"),
        ("--sex", "unknown", "--sex"),
        ("--age-at-onset", "sixty", "--age-at-onset"),
    ],
)
def test_delta_p_refuses_impossible_values(option: str, value: str, message: str) -> None:
    result = lems(*with_option(DELTA_P_ARGS, option, value), "--json")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize(
    "missing", ["--age-at-onset", "--sex", "--weight-loss-percent", "--karnofsky"]
)
def test_delta_p_refuses_missing_options(missing: str) -> None:
    args = list(DELTA_P_ARGS)
    del args[args.index(missing) : args.index(missing) + 2]
    result = lems(*args, "--json")
    assert result.exit_code == 2
    assert "Missing option" in result.stderr
    assert missing in result.stderr


@pytest.mark.parametrize("flag", ["--smoker", "--bulbar"])
def test_delta_p_refuses_missing_yes_no_options(flag: str) -> None:
    args = [arg for arg in DELTA_P_ARGS if arg != flag]
    result = lems(*args, "--json")
    assert result.exit_code == 2
    assert flag in result.stderr


def test_delta_p_asks_men_about_erectile_dysfunction() -> None:
    args = [arg for arg in DELTA_P_ARGS if arg != "--no-erectile-dysfunction"]
    result = lems(*args, "--json")
    assert result.exit_code == 2
    assert "--erectile-dysfunction" in result.stderr


def test_edx_json_reads_the_increment_against_both_cutoffs() -> None:
    data = json_out(
        lems("score", "edx", "--cmap-rest", "1.0", "--cmap-after-exercise", "1.6", "--json")
    )
    assert data["increment_percent"] == 60.0
    assert (data["meets_60"], data["meets_100"]) == (True, False)
    assert data["decrement"] is None
    sources = {study["source"] for cutoff in data["cutoffs"] for study in cutoff["published"]}
    assert sources == {"Oh et al., Muscle Nerve 2005;32:515", "Lipka et al., Muscle Nerve 2020"}


def test_edx_json_includes_the_decrement_reading_when_given() -> None:
    args = ["--cmap-rest", "1", "--cmap-after-exercise", "2.5", "--decrement-percent", "12"]
    data = json_out(lems("score", "edx", *args, "--json"))
    assert data["decrement"]["meets_10"] is True
    assert data["meets_100"] is True


@pytest.mark.parametrize(
    ("rest", "after", "option"),
    [("0", "2", "--cmap-rest"), ("-1", "2", "--cmap-rest"), ("1", "900", "--cmap-after-exercise")],
)
def test_edx_refuses_zero_negative_or_absurd_amplitudes(rest: str, after: str, option: str) -> None:
    result = lems("score", "edx", "--cmap-rest", rest, "--cmap-after-exercise", after, "--json")
    assert result.exit_code == 2
    assert option in result.stderr
    assert result.stdout == ""


def test_edx_summary_says_it_is_not_a_diagnosis() -> None:
    result = lems("score", "edx", "--cmap-rest", "1", "--cmap-after-exercise", "1.5")
    assert result.exit_code == 0
    assert "not reached" in result.stdout
    assert "not a diagnosis" in result.stdout


def test_screening_json_gives_dated_items() -> None:
    data = json_out(
        lems("score", "screening", "--diagnosed", "2026-01-15", "--delta-p", "1", "--json")
    )
    assert [(item["due"], item["test"]) for item in data["items"]] == [
        ("2026-01-15", "chest_ct"),
        ("2026-01-15", "fdg_pet_if_ct_negative"),
        ("2026-07-15", "chest_ct"),
    ]


def test_screening_refuses_a_score_outside_0_to_6() -> None:
    result = lems("score", "screening", "--diagnosed", "2026-01-15", "--delta-p", "9")
    assert result.exit_code == 2
    assert "0 to 6" in result.stderr


def test_medicine_json_lists_cautions_and_amifampridine() -> None:
    data = json_out(lems("score", "medicine", "Zithromax 250mg", "--json"))
    assert [c["class_id"] for c in data["cautions"]] == ["macrolides"]
    assert data["is_amifampridine"] is False
    assert json_out(lems("score", "medicine", "3,4-DAP", "--json"))["is_amifampridine"] is True


def test_medicine_botox_returns_the_botulinum_caution() -> None:
    data = json_out(lems("score", "medicine", "botox", "--json"))
    assert [c["class_id"] for c in data["cautions"]] == ["botulinum_toxin"]
    result = lems("score", "medicine", "Botox")
    assert result.exit_code == 0
    assert "Botulinum toxin" in result.stdout and "acetylcholine" in result.stdout


@pytest.mark.parametrize(
    ("country", "daily", "single"),
    [("GB", 60, 20), ("US", 100, 20), ("CH", 60, 20), (None, 60, 20)],
)
def test_medicine_json_gives_the_amifampridine_limits_of_the_country(
    country: str | None, daily: int, single: int
) -> None:
    args = ["score", "medicine", "Firdapse", "--json"]
    if country:
        args += ["--country", country]
    limits = json_out(lems(*args))["amifampridine_limits"]
    assert (limits["max_daily_mg"], limits["max_single_dose_mg"]) == (daily, single)


def test_medicine_summary_for_a_us_child_under_45_kg_gives_the_lower_limits() -> None:
    result = lems("score", "medicine", "3,4-DAP", "--country", "US", "--weight-kg", "40")
    assert result.exit_code == 0
    assert "at most 50 mg a day and 10 mg a dose" in result.stdout
    assert "children under 45 kg" in result.stdout
    assert "Tingling" in result.stdout


def test_medicine_json_says_whether_a_medicine_prolongs_qt() -> None:
    assert json_out(lems("score", "medicine", "amiodarone", "--json"))["prolongs_qt"] is True
    data = json_out(lems("score", "medicine", "aspirin", "--json"))
    assert data["prolongs_qt"] is False
    assert data["amifampridine_limits"] is None


def test_medicine_without_a_caution_says_so() -> None:
    result = lems("score", "medicine", "aspirin")
    assert result.exit_code == 0
    assert "No caution found" in result.stdout


def test_docs_cover_every_command_and_caution_class() -> None:
    docs = (Path(__file__).resolve().parents[2] / "docs" / "clinical-tools.md").read_text("utf-8")
    for command in ("delta-p", "edx", "screening", "medicine"):
        assert f"lems score {command}" in docs
    for caution_class in CAUTION_CLASSES:
        assert f"`{caution_class.id}`" in docs
    assert "not diagnoses" in docs
