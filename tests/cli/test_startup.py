"""The ``lems`` command starts quickly: loading it imports nothing a command may not need.

A behaviour guard, not a timing: what a command needs (drawing, PDF, language models, the ORM,
migrations) is imported when that command runs. Timings are in bench/cli_startup.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

from lems_companion.cli import server, triage
from lems_companion.diary import demo
from lems_companion.triage import DEFAULT_EMERGENCY_NUMBER
from tests.conftest import REPO_ROOT

HEAVY_MODULES = ("matplotlib", "weasyprint", "spacy", "medspacy", "alembic", "sqlalchemy.orm")


def modules_loaded_by(code: str) -> set[str]:
    """Return the names of the modules a fresh interpreter holds after running this code."""
    result = subprocess.run(
        [sys.executable, "-c", f"{code}\nimport json, sys\nprint(json.dumps(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        timeout=60,
        check=True,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_importing_the_command_loads_no_heavy_library() -> None:
    loaded = modules_loaded_by("import lems_companion.cli")
    assert not loaded & set(HEAVY_MODULES)


def test_the_help_of_every_command_loads_no_heavy_library() -> None:
    code = (
        "from typer.main import get_command\nfrom lems_companion.cli import app\nget_command(app)\n"
    )
    loaded = modules_loaded_by(code)
    assert not loaded & set(HEAVY_MODULES)
    assert "rich" not in loaded  # plain Click help: Rich costs more than the rest of the help


def test_a_backup_loads_neither_the_orm_nor_alembic() -> None:
    # `lems backup` copies the database; the ORM and the migrations are for `lems restore`.
    loaded = modules_loaded_by(
        "from lems_companion.cli import backup\nimport lems_companion.schema.backup"
    )
    assert not loaded & set(HEAVY_MODULES)


def test_the_defaults_named_in_the_command_line_are_the_domains() -> None:
    assert triage.DEFAULT_EMERGENCY_NUMBER == DEFAULT_EMERGENCY_NUMBER
    assert server.DEMO_EMAIL == demo.DEMO_EMAIL
