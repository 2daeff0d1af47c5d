"""The language pipeline is loaded only by what triages: other commands and pages start fast."""

from __future__ import annotations

import subprocess
import sys


def modules_loaded_by(code: str) -> set[str]:
    script = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_the_web_app_and_the_cli_start_without_spacy() -> None:
    loaded = modules_loaded_by(
        "from lems_companion.web.app import create_app\n"
        "from lems_companion.settings import Settings\n"
        "create_app(Settings(database_url='sqlite://'))\n"
        "import lems_companion.cli"
    )
    assert "lems_companion.triage" in loaded
    assert "spacy" not in loaded and "medspacy" not in loaded


def test_triaging_a_note_loads_the_pipeline() -> None:
    loaded = modules_loaded_by(
        "from lems_companion.triage import triage_text\ntriage_text('I choked')"
    )
    assert "medspacy" in loaded
