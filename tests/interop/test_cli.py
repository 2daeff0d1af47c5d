"""``lems export`` and ``lems import``, run in this process (tests/cli/test_cli.py says how)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import lems
from tests.conftest import Persona
from tests.interop.conftest import contents


@pytest.mark.parametrize("format_", ["fhir", "csv"])
def test_export_then_import_into_an_empty_account(
    db_url: str, diary: Persona, stranger: Persona, tmp_path: Path, format_: str
) -> None:
    target = tmp_path / f"diary.{format_}"
    exported = lems(db_url, "export", "--user", diary.email, "--format", format_, "-o", str(target))
    assert exported.returncode == 0, exported.stderr
    imported = lems(db_url, "import", "--user", stranger.email, str(target))
    assert imported.returncode == 0, imported.stderr
    assert "imported 4 entries" in imported.stdout
    assert contents(db_url, stranger) == contents(db_url, diary)


def test_export_a_phenopacket_to_stdout(db_url: str, diary: Persona) -> None:
    result = lems(db_url, "export", "--user", diary.email, "--format", "phenopacket")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["phenotypicFeatures"]


def test_a_truncated_file_imports_nothing(
    db_url: str, diary: Persona, stranger: Persona, tmp_path: Path
) -> None:
    text = lems(db_url, "export", "--user", diary.email, "--format", "fhir").stdout
    target = tmp_path / "cut.json"
    target.write_text(text[: len(text) // 3])
    result = lems(db_url, "import", "--user", stranger.email, "--format", "fhir", str(target))
    assert result.returncode == 1
    assert "nothing was imported" in result.stderr and "not valid JSON" in result.stderr
    assert contents(db_url, stranger) == []
