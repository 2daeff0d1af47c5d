"""The ``lems`` command as a shell runs it: a real process, through both of its entry points.

The command-line contract itself is tested in this process (tests/cli/test_cli.py); this checks
what only a real process shows: the installed ``lems`` script and ``python -m lems_companion``
start, read the database from the environment, read stdin and exit with the right status.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import PASSWORD

ENTRY = {"recorded_at": "2026-03-02T08:30:00+01:00", "note": "I choked on my tea this morning."}
# The console script installed beside the interpreter (pyproject.toml [project.scripts]).
LEMS_SCRIPT = Path(sys.executable).with_name("lems")


def run(command: list[str], db_url: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    """Return the finished process, run with this database."""
    return subprocess.run(
        command,
        input=stdin,
        capture_output=True,
        text=True,
        env={**os.environ, "LEMS_DATABASE_URL": db_url},
        timeout=120,
        check=False,
    )


def test_the_lems_script_creates_an_account_and_refuses_a_second_one(db_url: str) -> None:
    create = [str(LEMS_SCRIPT), "user", "create", "--email", "ana@example.org", "--password-stdin"]
    first = run(create, db_url, stdin=f"{PASSWORD}\n")
    assert first.returncode == 0, first.stderr
    again = run(create, db_url, stdin=f"{PASSWORD}\n")
    assert again.returncode == 1
    assert "already exists" in again.stderr


def test_python_m_adds_a_triaged_entry_read_from_stdin(db_url: str) -> None:
    module = [sys.executable, "-m", "lems_companion"]
    made = run(
        [*module, "user", "create", "--email", "ana@example.org", "--password-stdin"],
        db_url,
        f"{PASSWORD}\n",
    )
    assert made.returncode == 0, made.stderr
    added = run([*module, "diary", "add", "--user", "ana@example.org"], db_url, json.dumps(ENTRY))
    assert added.returncode == 0, added.stderr
    listed = run([*module, "diary", "list", "--user", "ana@example.org", "--json"], db_url)
    assert listed.returncode == 0, listed.stderr
    [stored] = json.loads(listed.stdout)
    assert stored["id"] == json.loads(added.stdout)["id"]
    assert stored["triage_level"] == "emergency"


def test_lems_triage_runs_as_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lems_companion", "triage", "-", "--json"],
        input="Sudden weakness down my left side.",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert set(record) == {"level", "flags", "advice", "language", "checked"}
    assert isinstance(record["advice"], list) and record["advice"]
    assert set(record["flags"][0]) == {"id", "level", "evidence", "start", "end"}
    assert record["flags"][0]["id"] == "stroke_signs"
