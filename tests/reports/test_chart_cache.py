"""A report's charts are drawn once per diary change and read back after, on both databases."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from lems_companion.accounts.service import find_user
from lems_companion.analysis.patterns import Analysis
from lems_companion.db.engine import session_scope
from lems_companion.diary.models import ChartSet, Entry
from lems_companion.diary.schemas import EntryCreate, EntryPublic
from lems_companion.diary.service import add_entries, delete_entry
from lems_companion.reports import chart_cache
from lems_companion.reports.chart import Chart
from lems_companion.reports.charts import charts
from lems_companion.reports.service import owner_report
from tests.cli.test_startup import modules_loaded_by
from tests.conftest import Persona
from tests.factories import as_public, year_of_entries
from tests.reports.test_report_pages import fill_diary


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Return a list that gets the number of entries of each set of charts drawn from now on."""
    calls: list[int] = []

    def draw(entries: Sequence[EntryPublic], analysis: Analysis, language: str) -> list[Chart]:
        calls.append(len(entries))
        return charts(entries, analysis, language)

    monkeypatch.setattr(chart_cache, "draw_charts", draw)
    return calls


def _report_charts(
    db_url: str, persona: Persona, since: datetime | None = None, language: str = "en"
) -> list[Chart]:
    with session_scope(db_url) as db:
        owner = find_user(db, persona.email)
        assert owner is not None
        return owner_report(db, owner=owner, since=since, language=language).charts


def test_an_unchanged_diary_gets_the_charts_drawn_before(
    db_url: str, patient: Persona, drawn: list[int]
) -> None:
    fill_diary(db_url, patient)
    first = _report_charts(db_url, patient)
    again = _report_charts(db_url, patient)
    assert len(drawn) == 1
    assert again == first and first  # the same titles, SVGs and text alternatives


def test_charts_kept_in_one_language_are_never_shown_in_another(
    db_url: str, patient: Persona, drawn: list[int]
) -> None:
    fill_diary(db_url, patient)
    english = _report_charts(db_url, patient)
    spanish = _report_charts(db_url, patient, language="es")
    assert len(drawn) == 2
    assert [c.title for c in spanish] != [c.title for c in english]
    assert _report_charts(db_url, patient, language="es") == spanish and len(drawn) == 2


def test_a_new_entry_gets_new_charts(db_url: str, patient: Persona, drawn: list[int]) -> None:
    fill_diary(db_url, patient)
    before = _report_charts(db_url, patient)
    with session_scope(db_url) as db:
        owner = find_user(db, patient.email)
        assert owner is not None
        last = db.scalar(select(func.max(Entry.recorded_at)).where(Entry.user_id == owner.id))
        assert last is not None
        weighed = EntryCreate(recorded_at=last + timedelta(hours=1), weight_kg=61.0)
        add_entries(db, owner=owner, items=[weighed])
    after = _report_charts(db_url, patient)
    assert drawn == [drawn[0], drawn[0] + 1]
    assert after != before


def test_deleting_an_entry_forgets_every_chart_kept_for_the_diary(
    db_url: str, patient: Persona
) -> None:
    # Charts drawn before may show the deleted entry: none may keep what was taken out.
    fill_diary(db_url, patient)
    _report_charts(db_url, patient)
    _report_charts(db_url, patient, since=datetime(2026, 3, 1, tzinfo=UTC))
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(ChartSet)) == 2
        owner = find_user(db, patient.email)
        assert owner is not None
        first = select(Entry).where(Entry.user_id == owner.id).limit(1)
        delete_entry(db, db.scalars(first).one())
    with session_scope(db_url) as db:
        assert db.scalar(select(func.count()).select_from(ChartSet)) == 0


def test_each_period_has_its_charts_and_only_the_latest_few_are_kept(
    db_url: str, patient: Persona, drawn: list[int]
) -> None:
    fill_diary(db_url, patient)
    starts = [datetime(2026, 3, day, tzinfo=UTC) for day in range(1, 8)]
    for since in starts:
        _report_charts(db_url, patient, since=since)
    assert len(drawn) == len(starts)
    with session_scope(db_url) as db:
        kept = db.scalar(select(func.count()).select_from(ChartSet))
    assert kept == chart_cache.KEEP_PER_OWNER
    _report_charts(db_url, patient, since=starts[-1])  # the latest period is still kept
    assert len(drawn) == len(starts)


def test_a_report_with_its_charts_kept_does_not_import_matplotlib(
    db_url: str, patient: Persona
) -> None:
    fill_diary(db_url, patient)
    _report_charts(db_url, patient)
    code = (
        "from lems_companion.cli.report import report_for\n"
        f"report_for({db_url!r}, {patient.email!r}, None, None)\n"
    )
    assert "matplotlib" not in {name.split(".")[0] for name in modules_loaded_by(code)}


def test_chart_svgs_set_line_joins_on_the_root_not_with_a_css_rule() -> None:
    # A CSS rule for every element made the PDF renderer match it against each one (a third of
    # the charts' time in a PDF); the root's attributes are inherited by every element alike.
    from lems_companion.analysis.patterns import analyze

    entries = as_public(year_of_entries())
    for chart in charts(entries, analyze(entries)):
        root = ET.fromstring(chart.svg)
        assert root.get("stroke-linejoin") == "round", chart.id
        assert not list(root.iter("{http://www.w3.org/2000/svg}style")), chart.id


def test_a_year_of_home_tests_is_drawn_as_lines_without_a_mark_per_session() -> None:
    from lems_companion.analysis.patterns import analyze

    entries = as_public(year_of_entries())
    home_tests = next(c for c in charts(entries, analyze(entries)) if c.id == "home-tests")
    marks = [e for e in ET.fromstring(home_tests.svg).iter() if e.tag.endswith("}use")]
    assert len(marks) < 40  # the axes' ticks only; a mark per session would be over 400
