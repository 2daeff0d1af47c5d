"""``lems report`` and ``lems analyze --language``: the document in the language asked for, else
the owner's profile language, else English; any other value is refused with the choices."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from lems_companion.cli.report import DocumentLanguage
from lems_companion.diary.flags import flag_name
from lems_companion.i18n import LANGUAGES
from tests.cli.test_cli import lems
from tests.conftest import Persona
from tests.reports.test_report_pages import fill_diary


def written_report(db_url: str, patient: Persona, out: Path, *options: str) -> BeautifulSoup:
    """Return the HTML report ``lems report`` wrote with these options."""
    result = lems(
        db_url, "report", "--user", patient.email, "--format", "html", "-o", str(out), *options
    )
    assert result.returncode == 0, result.stderr
    return BeautifulSoup(out.read_text(encoding="utf-8"), "html.parser")


def set_profile_language(db_url: str, patient: Persona, language: str) -> None:
    result = lems(db_url, "user", "profile", "--email", patient.email, "--language", language)
    assert result.returncode == 0, result.stderr


def test_the_command_offers_the_apps_languages() -> None:
    assert [language.value for language in DocumentLanguage] == list(LANGUAGES)


def test_report_is_written_in_the_language_asked_for(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    fill_diary(db_url, patient)
    shown = written_report(db_url, patient, tmp_path / "report.html", "--language", "es")
    assert shown.html is not None and shown.html["lang"] == "es"
    assert (
        shown.h1 is not None and shown.h1.get_text(strip=True) == "Informe del diario de síntomas"
    )
    assert "por la mañana" in shown.select_one("#observations .observations").get_text()


def test_report_follows_the_profile_language_unless_another_is_asked_for(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    fill_diary(db_url, patient)
    english = written_report(db_url, patient, tmp_path / "before.html")
    assert english.html is not None and english.html["lang"] == "en"
    set_profile_language(db_url, patient, "fr")
    french = written_report(db_url, patient, tmp_path / "profile.html")
    assert french.html is not None and french.html["lang"] == "fr"
    assert french.h1 is not None and french.h1.get_text(strip=True) == (
        "Rapport du journal des symptômes"
    )
    asked = written_report(db_url, patient, tmp_path / "asked.html", "--language", "en")
    assert asked.h1 is not None and asked.h1.get_text(strip=True) == "Symptom diary report"


def test_analyze_words_observations_and_flags_in_the_language(
    db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient, flag=True)
    result = lems(db_url, "analyze", "--user", patient.email, "--language", "de")
    assert result.returncode == 0, result.stderr
    assert f"RED FLAG (emergency) {flag_name('dysphagia', 'de')}:" in result.stdout
    assert flag_name("dysphagia", "de") != flag_name("dysphagia", "en")
    assert "morgens" in result.stdout  # weakness worst in the morning
    assert "in the morning" not in result.stdout


def test_analyze_json_follows_the_profile_language(db_url: str, patient: Persona) -> None:
    fill_diary(db_url, patient)
    set_profile_language(db_url, patient, "es")
    result = lems(db_url, "analyze", "--user", patient.email, "--json")
    assert result.returncode == 0, result.stderr
    assert "por la mañana" in result.stdout
    assert '"worst": "morning"' in result.stdout  # the JSON's keys and values stay codes


def test_a_language_the_app_does_not_speak_is_refused_with_the_choices(
    db_url: str, patient: Persona, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    for command in (
        ["report", "--user", patient.email, "--format", "html", "-o", str(out)],
        ["analyze", "--user", patient.email],
    ):
        result = lems(db_url, *command, "--language", "it")
        assert result.returncode == 2
        assert "--language" in result.stderr
        assert "'en', 'es', 'fr', 'de'" in result.stderr
    assert not out.exists()
