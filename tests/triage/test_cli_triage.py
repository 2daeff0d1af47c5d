"""``lems triage``: the JSON contract, stdin, JSON lines in order, and refusing bad lines.

Run in this process; tests/e2e/test_cli_process.py runs it as a real process.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from lems_companion.cli import app
from lems_companion.cli.triage import BadLine, read_notes

RESULT_KEYS = {"level", "flags", "advice", "language", "checked"}
FLAG_KEYS = {"id", "level", "evidence", "start", "end"}
runner = CliRunner()


def run(*args: str, stdin: str | None = None):
    return runner.invoke(app, ["triage", *args], input=stdin)


def assert_contract(record: dict) -> None:
    assert set(record) == RESULT_KEYS
    assert isinstance(record["advice"], list) and record["advice"]
    for flag in record["flags"]:
        assert set(flag) == FLAG_KEYS


def test_json_output_has_exactly_the_contract_keys() -> None:
    result = run("I choked on a sip of water.", "--json")
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert_contract(record)
    assert record["level"] == "emergency"
    assert record["flags"] == [
        {"id": "choking", "level": "emergency", "evidence": "choked", "start": 2, "end": 8}
    ]


def test_json_output_for_a_quiet_note_has_no_flags() -> None:
    record = json.loads(run("A good day.", "--json").stdout)
    assert_contract(record)
    assert (record["level"], record["flags"]) == ("none", [])


def test_dash_reads_the_note_from_stdin() -> None:
    result = run("-", "--json", stdin="Struggling to breathe since this morning.\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["flags"][0]["id"] == "dyspnea"


def test_emergency_number_option_is_used_in_the_advice() -> None:
    record = json.loads(run("Had a fit.", "--json", "--emergency-number", "999").stdout)
    assert "999" in record["advice"][0]


def test_summary_without_json_is_readable() -> None:
    result = run("Coughed up a little blood today.")
    assert result.exit_code == 0
    assert "Level: PROMPT" in result.stdout
    assert "persistent_cough" in result.stdout
    assert "not diagnosis" in result.stdout


def test_jsonl_writes_one_object_per_line_in_order(tmp_path: Path) -> None:
    notes = ["I choked at lunch.", "Nothing to report.", "Cough for a month.", "Dry mouth."]
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(json.dumps({"text": n}) + "\n" for n in notes), encoding="utf-8")
    result = run("--jsonl", str(source))
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["level"] for r in records] == ["emergency", "none", "prompt", "routine"]
    for record in records:
        assert_contract(record)


def test_jsonl_from_stdin() -> None:
    result = run("--jsonl", "-", stdin='{"text": "no choking"}\n{"text": "choking"}\n')
    assert [json.loads(line)["level"] for line in result.stdout.splitlines()] == [
        "none",
        "emergency",
    ]


def test_jsonl_bad_line_is_refused_naming_its_number(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text('{"text": "fine"}\n{"note": "wrong key"}\n', encoding="utf-8")
    result = run("--jsonl", str(source))
    assert result.exit_code == 1
    assert "line 2" in result.stderr
    assert result.stdout == ""


def test_jsonl_invalid_json_is_refused_naming_its_number(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text('{"text": "fine"}\n{"text": "also fine"}\nnot json\n', encoding="utf-8")
    result = run("--jsonl", str(source))
    assert result.exit_code == 1
    assert "line 3" in result.stderr


def test_missing_jsonl_file_is_a_clear_error(tmp_path: Path) -> None:
    result = run("--jsonl", str(tmp_path / "absent.jsonl"))
    assert result.exit_code == 1
    assert "cannot read" in result.stderr


def test_read_notes_skips_blank_lines_and_refuses_non_string_text() -> None:
    assert read_notes(['{"text": "a"}\n', "\n", '{"text": "b"}']) == ["a", "b"]
    try:
        read_notes(['{"text": 3}'])
    except BadLine as error:
        assert "line 1" in str(error)
    else:
        raise AssertionError("a number as text was accepted")


def test_note_and_jsonl_together_is_a_usage_error(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text("", encoding="utf-8")
    assert run("hello", "--jsonl", str(source)).exit_code == 2


def test_json_output_says_the_language_and_that_it_was_checked() -> None:
    record = json.loads(run("Me atraganté con el agua.", "--json").stdout)
    assert (record["language"], record["checked"], record["level"]) == ("es", True, "emergency")


def test_a_note_in_another_language_is_not_passed_silently() -> None:
    record = json.loads(run("Oggi ho avuto molta tosse e non riesco a respirare.", "--json").stdout)
    assert record["checked"] is False
    assert record["language"] == "it"
    assert "could not be checked" in record["advice"][0]
    assert "112" in record["advice"][0]


def test_author_option_makes_a_family_member_the_patient() -> None:
    note = "My dad choked on his dinner."
    assert json.loads(run(note, "--json").stdout)["level"] == "none"
    record = json.loads(run(note, "--json", "--author", "caregiver").stdout)
    assert record["level"] == "emergency"


def test_unknown_author_is_refused() -> None:
    assert run("fine", "--author", "doctor").exit_code == 2


def test_jsonl_lines_may_carry_author_and_language(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    lines = [
        {"text": "Dad choked on his dinner.", "author": "caregiver"},
        {"text": "Dad choked on his dinner."},
        {"text": "Dad choked on his dinner.", "author": "unknown"},
        {"text": "Tosí sangre.", "language": "es"},
    ]
    source.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    records = [json.loads(line) for line in run("--jsonl", str(source)).stdout.splitlines()]
    assert [r["level"] for r in records] == ["emergency", "none", "emergency", "prompt"]
    assert "person whose diary this is" in records[2]["advice"][-1]


def test_jsonl_refuses_an_unknown_author(tmp_path: Path) -> None:
    source = tmp_path / "notes.jsonl"
    source.write_text('{"text": "fine", "author": "nurse"}\n', encoding="utf-8")
    result = run("--jsonl", str(source))
    assert result.exit_code == 1
    assert "line 1" in result.stderr
