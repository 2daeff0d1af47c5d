"""The documentation covers what the code offers: settings, entry fields, commands."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from lems_companion import catalogue
from lems_companion.cli import app
from lems_companion.diary.io import csv_columns
from lems_companion.settings import Settings
from tests.conftest import REPO_ROOT


def doc(name: str) -> str:
    return (REPO_ROOT / name).read_text(encoding="utf-8")


def test_every_setting_is_documented() -> None:
    text = doc("docs/configuration.md")
    for name in Settings.model_fields:
        assert f"`LEMS_{name.upper()}`" in text, name


def test_every_catalogue_symptom_and_csv_column_is_documented() -> None:
    text = doc("docs/entries.md")
    for symptom in catalogue.symptoms():
        assert f"`{symptom.id}`" in text, symptom.id
        assert all(hpo in text for hpo in symptom.hpo), symptom.id
    for column in csv_columns():
        documented = f"`{column}`" in text or column.startswith("symptom_")
        assert documented, column
    assert "`symptom_<id>`" in text


def test_every_command_in_the_readme_exists() -> None:
    readme = doc("README.md")
    commands = set(re.findall(r"`lems ([a-z][a-z-]*(?: [a-z][a-z-]*)?)", readme))
    assert commands, "the README lists no lems commands"
    for command in sorted(commands):
        result = CliRunner().invoke(app, [*command.split(), "--help"])
        assert result.exit_code == 0, f"`lems {command} --help` failed: {result.output}"


def test_the_readme_quick_start_names_the_two_scripts() -> None:
    readme = doc("README.md")
    quick_start = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    assert "scripts/start" in quick_start and "scripts/test" in quick_start
    assert (REPO_ROOT / "scripts/start").exists() and (REPO_ROOT / "scripts/test").exists()


@pytest.mark.parametrize("page", ["docs/security.md", "docs/clinical-safety.md"])
def test_every_test_named_in_the_safety_and_security_pages_exists(page: str) -> None:
    named = set(re.findall(r"`(tests/[\w/]+\.py)(?:::(\w+))?`", doc(page)))
    assert named, f"{page} names no tests"
    for path, function in sorted(named):
        source = REPO_ROOT / path
        assert source.exists(), path
        if function:
            assert re.search(rf"def {function}\(", source.read_text(encoding="utf-8")), (
                f"{path}::{function}"
            )
