"""``lems analyze``, ``lems report`` and ``lems tests`` on both databases (run in this process)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.cli.test_cli import lems
from tests.conftest import Persona
from tests.reports.test_report_pages import fill_diary

DOCUMENTED_KEYS = ("facilitation", "fatigability", "time_of_day", "groups", "weight", "red_flags")


def test_analyze_prints_the_documented_json(db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient, flag=True)
    result = lems(db_url, "analyze", "--user", patient.email, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(DOCUMENTED_KEYS) <= set(data)
    for key in ("facilitation", "fatigability"):
        assert {"sessions", "median_change_percent", "consistent"} <= set(data[key])
        assert isinstance(data[key]["consistent"], bool)
    # The demo diary: facilitation in sit-to-stand and grip, worst in the morning.
    assert data["facilitation"]["consistent"] is True
    assert data["facilitation"]["median_change_percent"] > 10
    assert data["fatigability"]["consistent"] is False
    assert data["time_of_day"]["pattern"] == "varies"
    assert data["time_of_day"]["worst"] == "morning"
    assert data["red_flags"][0]["evidence"] == "food sticking in my throat"
    started = [c for c in data["medication_changes"] if c["event"] == "started"]
    assert started and started[0]["medicine"] == "Amifampridine"


def test_analyze_limits_the_period(db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient)
    result = lems(
        db_url,
        "analyze",
        "--user",
        patient.email,
        "--since",
        "2026-03-31",
        "--until",
        "2026-03-31",
        "--json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert 1 <= data["period"]["entries"] <= 3
    assert data["facilitation"]["enough_data"] is False


def test_analyze_without_json_prints_observations(db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient)
    result = lems(db_url, "analyze", "--user", patient.email)
    assert result.returncode == 0, result.stderr
    assert "- Muscle weakness was recorded as worst in the morning" in result.stdout
    assert "not a diagnosis" in result.stdout


def test_analyze_refuses_a_bad_date(db_url: str, patient: Persona) -> None:
    result = lems(db_url, "analyze", "--user", patient.email, "--since", "last week")
    assert result.returncode == 1
    assert "--since and --until" in result.stderr


def test_report_writes_html_and_pdf(db_url: str, patient: Persona, tmp_path: Path) -> None:
    fill_diary(db_url, patient)
    for fmt in ("html", "pdf"):
        out = tmp_path / f"report.{fmt}"
        result = lems(db_url, "report", "--user", patient.email, "--format", fmt, "-o", str(out))
        assert result.returncode == 0, result.stderr
        assert out.stat().st_size > 1000
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")
    assert "<figure" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_tests_add_and_list(db_url: str, patient: Persona) -> None:
    added = lems(
        db_url,
        "tests",
        "add",
        "--user",
        patient.email,
        "--kind",
        "edx",
        "--date",
        "2026-03-01",
        "--increment",
        "120",
        "--result",
        "increment after exercise",
    )
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["increment_percent"] == 120
    pending = lems(
        db_url, "tests", "add", "--user", patient.email, "--kind", "chest_ct", "--pending"
    )
    assert pending.returncode == 0, pending.stderr
    listed = lems(db_url, "tests", "list", "--user", patient.email, "--json")
    items = json.loads(listed.stdout)
    assert [i["status"] for i in items] == ["pending", "done"]
    assert items[1]["done_on"] == str(date(2026, 3, 1))
    wrong = lems(db_url, "tests", "add", "--user", patient.email, "--kind", "xray")
    assert wrong.returncode == 1 and "kind" in wrong.stderr
