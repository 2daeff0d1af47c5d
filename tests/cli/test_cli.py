"""The ``lems`` command-line contract against both databases.

The commands run in this process through Click's runner (the same command, the database named by
``LEMS_DATABASE_URL``, stdin, stdout, stderr and exit status as a shell sees them), which saves
each test a Python start-up; tests/e2e/test_cli_process.py runs the real ``lems`` processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lems_companion.cli import app
from tests.conftest import PASSWORD, Persona

ENTRY = {"recorded_at": "2026-03-02T08:30:00+01:00", "symptoms": {"proximal_leg_weakness": 2}}


def lems(db_url: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Return the finished ``lems`` command (status, stdout, stderr), run with this database."""
    result = CliRunner().invoke(app, list(args), input=stdin, env={"LEMS_DATABASE_URL": db_url})
    return subprocess.CompletedProcess(list(args), result.exit_code, result.stdout, result.stderr)


def listed(db_url: str, email: str, *args: str) -> list[dict[str, object]]:
    result = lems(db_url, "diary", "list", "--user", email, "--json", *args)
    assert result.returncode == 0, result.stderr
    entries: list[dict[str, object]] = json.loads(result.stdout)
    return entries


def test_user_create_reads_the_password_from_stdin(db_url: str) -> None:
    result = lems(
        db_url,
        "user",
        "create",
        "--email",
        "ana@example.org",
        "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )
    assert result.returncode == 0, result.stderr
    again = lems(
        db_url,
        "user",
        "create",
        "--email",
        "ana@example.org",
        "--password-stdin",
        stdin=f"{PASSWORD}\n",
    )
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_diary_add_prints_the_stored_entry_with_its_id(db_url: str, patient: Persona) -> None:
    result = lems(db_url, "diary", "add", "--user", patient.email, stdin=json.dumps(ENTRY))
    assert result.returncode == 0, result.stderr
    stored = json.loads(result.stdout)
    assert isinstance(stored["id"], int)
    assert stored["recorded_at"] == ENTRY["recorded_at"]
    assert listed(db_url, patient.email) == [stored]


@pytest.mark.parametrize(
    ("stdin", "message"),
    [
        (
            json.dumps({**ENTRY, "symptoms": {"headache": 1}}),
            "symptoms.headache: unknown symptom id",
        ),
        (
            json.dumps({**ENTRY, "weight_kg": 900}),
            "weight_kg: Input should be less than or equal to 400",
        ),
        ("{not json", "Invalid JSON"),
        ("", "Invalid JSON"),
    ],
)
def test_diary_add_refuses_bad_input_and_stores_nothing(
    db_url: str, patient: Persona, stdin: str, message: str
) -> None:
    result = lems(db_url, "diary", "add", "--user", patient.email, stdin=stdin)
    assert result.returncode == 1
    assert message in result.stderr
    assert result.stdout == ""
    assert listed(db_url, patient.email) == []


def test_diary_add_for_an_unknown_user_says_how_to_create_one(db_url: str) -> None:
    result = lems(db_url, "diary", "add", "--user", "nobody@example.org", stdin=json.dumps(ENTRY))
    assert result.returncode == 1
    assert "lems user create --email nobody@example.org" in result.stderr


def test_diary_list_is_oldest_first_and_filters_whole_days(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    days = ["2026-03-03T23:30:00+00:00", "2026-03-01T08:00:00+00:00", "2026-03-02T12:00:00+00:00"]
    source = tmp_path / "entries.jsonl"
    source.write_text("\n".join(json.dumps({**ENTRY, "recorded_at": day}) for day in days))
    assert lems(db_url, "diary", "import", "--user", patient.email, str(source)).returncode == 0
    everything = listed(db_url, patient.email)
    assert [item["recorded_at"] for item in everything] == sorted(days)
    # The patient lives in London (UTC in March): --until includes the whole of that day.
    window = listed(db_url, patient.email, "--since", "2026-03-02", "--until", "2026-03-03")
    assert [item["recorded_at"] for item in window] == [
        "2026-03-02T12:00:00+00:00",
        "2026-03-03T23:30:00+00:00",
    ]
    bad = lems(db_url, "diary", "list", "--user", patient.email, "--since", "March", "--json")
    assert bad.returncode == 1 and "--since" in bad.stderr
    plain = lems(db_url, "diary", "list", "--user", patient.email, "--since", "2026-03-02")
    assert plain.returncode == 0, plain.stderr
    lines = plain.stdout.splitlines()
    assert "2026-03-02 12:00 +0000  proximal_leg_weakness 2" in lines[0]
    assert lines[-1] == "2 entries"


def test_diary_list_json_carries_each_entrys_triage_level_and_named_flags(
    db_url: str, patient: Persona
) -> None:
    choking = {**ENTRY, "note": "I choked on my tea twice this morning."}
    assert (
        lems(db_url, "diary", "add", "--user", patient.email, stdin=json.dumps(choking)).returncode
        == 0
    )
    assert (
        lems(
            db_url,
            "diary",
            "add",
            "--user",
            patient.email,
            stdin=json.dumps({**ENTRY, "recorded_at": "2026-03-03T08:30:00+01:00"}),
        ).returncode
        == 0
    )
    first, second = listed(db_url, patient.email)
    assert first["triage_level"] == "emergency"
    [flag] = first["flags"]  # type: ignore[misc]
    assert flag["id"] == "choking" and flag["level"] == "emergency"
    assert flag["name"] == "Choking"
    assert "choked" in flag["evidence"]
    assert second["triage_level"] == "routine" and second["flags"] == []


def test_import_is_all_or_nothing_and_names_the_line_and_field(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    source = tmp_path / "entries.json"
    source.write_text(
        "[\n"
        + json.dumps(ENTRY)
        + ",\n"
        + json.dumps({**ENTRY, "symptoms": {"fatigue": 5}})
        + ",\n"
        + json.dumps({**ENTRY, "note": 42})
        + "\n]"
    )
    result = lems(db_url, "diary", "import", "--user", patient.email, str(source))
    assert result.returncode == 1
    assert "line 3: symptoms.fatigue" in result.stderr
    assert "line 4: note" in result.stderr
    assert listed(db_url, patient.email) == []


def test_import_accepts_a_json_array_and_export_gives_it_back(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    source = tmp_path / "entries.json"
    items = [
        {**ENTRY, "recorded_at": f"2026-03-0{day}T08:30:00+01:00", "note": f"day {day}"}
        for day in (1, 2)
    ]
    source.write_text(json.dumps(items))
    result = lems(db_url, "diary", "import", "--user", patient.email, str(source))
    assert result.returncode == 0, result.stderr
    exported = json.loads(
        lems(db_url, "diary", "export", "--user", patient.email, "--format", "json").stdout
    )
    assert [
        {key: item[key] for key in ("recorded_at", "symptoms", "note")} for item in exported
    ] == items


def test_export_as_csv_has_one_row_per_entry_and_a_column_per_symptom(
    db_url: str, patient: Persona
) -> None:
    lems(
        db_url,
        "diary",
        "add",
        "--user",
        patient.email,
        stdin=json.dumps({**ENTRY, "note": "stairs, then rest"}),
    )
    result = lems(db_url, "diary", "export", "--user", patient.email, "--format", "csv")
    assert result.returncode == 0, result.stderr
    import csv
    import io

    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert rows[0]["symptom_proximal_leg_weakness"] == "2"
    assert rows[0]["symptom_dry_mouth"] == ""
    assert rows[0]["note"] == "stairs, then rest"


def test_demo_adds_eight_weeks_once(db_url: str) -> None:
    first = lems(db_url, "demo", "--user", "demo@example.org")
    assert first.returncode == 0, first.stderr
    assert "sign in as demo@example.org with password" in first.stdout
    entries = listed(db_url, "demo@example.org")
    span_days = (
        __import__("datetime").datetime.fromisoformat(str(entries[-1]["recorded_at"]))
        - __import__("datetime").datetime.fromisoformat(str(entries[0]["recorded_at"]))
    ).days
    assert 50 <= span_days <= 56
    assert any(item["home_tests"] for item in entries)
    assert any(item["medications"] for item in entries)
    assert lems(db_url, "demo", "--user", "demo@example.org").returncode == 1
    assert len(listed(db_url, "demo@example.org")) == len(entries)


def test_db_upgrade_and_the_db_option(db_url: str, tmp_path: Path) -> None:
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    result = lems(db_url, "--db", other, "db", "upgrade")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "other.sqlite3").exists()


def test_user_profile_changes_only_the_options_given(db_url: str, patient: Persona) -> None:
    result = lems(
        db_url, "user", "profile", "--email", patient.email, "--name", "Ann", "--country", "gb"
    )
    assert result.returncode == 0, result.stderr
    assert "country: GB" in result.stdout and "display_name: Ann" in result.stdout
    result = lems(db_url, "user", "profile", "--email", patient.email, "--language", "fr")
    assert result.returncode == 0, result.stderr
    assert "country: GB" in result.stdout and "language: fr" in result.stdout


def test_user_profile_refuses_a_bad_value_and_stores_nothing(db_url: str, patient: Persona) -> None:
    lems(db_url, "user", "profile", "--email", patient.email, "--country", "DE")
    result = lems(
        db_url,
        "user",
        "profile",
        "--email",
        patient.email,
        "--country",
        "FR",
        "--birth-date",
        "2999-01-01",
    )
    assert result.returncode == 1
    assert "date_of_birth: a date of birth cannot be in the future" in result.stderr
    shown = lems(db_url, "user", "profile", "--email", patient.email)
    assert "country: DE" in shown.stdout


def test_settings_come_from_the_environment_and_a_bad_one_stops_every_command(
    db_url: str,
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "lems_companion", "user", "list"],
        capture_output=True,
        text=True,
        env={**os.environ, "LEMS_DATABASE_URL": db_url, "lems_session_days": "91"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 2
    assert "LEMS_SESSION_DAYS: Input should be less than or equal to 90" in result.stderr


def test_the_log_format_setting_applies_to_command_line_security_events(
    db_url: str, tmp_path: Path
) -> None:
    if not db_url.startswith("sqlite"):
        pytest.skip("a PostgreSQL backup needs pg_dump; the log is the same")
    result = subprocess.run(
        [sys.executable, "-m", "lems_companion", "backup", str(tmp_path / "copy.sqlite3")],
        capture_output=True,
        text=True,
        env={**os.environ, "LEMS_DATABASE_URL": db_url, "LEMS_LOG_FORMAT": "json"},
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stderr.splitlines()[-1])["event"] == "backup_written"
