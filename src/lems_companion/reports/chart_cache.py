"""The report's charts drawn once per diary change, then read back from the database.

Importing matplotlib and drawing a year's four charts took about a third of a year's report
as HTML (docs/performance.md). What the charts show depends only on the entries charted and on
the code and wording that draw them, so they are kept in ``report_charts`` under a digest of
both, and matplotlib is imported only when that digest is new: after the diary changed, after
an upgrade of the chart code, matplotlib or a language catalogue, or for another period.
Anything else that ever changes what ``charts()`` draws for the same entries (an argument such
as the reader's language) must go into the digest too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from functools import cache
from importlib.metadata import version
from pathlib import Path

from pydantic import TypeAdapter
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lems_companion.analysis.patterns import Analysis
from lems_companion.diary.models import ChartSet
from lems_companion.diary.schemas import EntryPublic
from lems_companion.i18n import DEFAULT_LANGUAGE
from lems_companion.reports.chart import Chart, draw_charts

PACKAGE_DIR = Path(__file__).resolve().parents[1]
# Everything besides the entries that decides what the charts look like and say: the drawing,
# the analysis it charts (time of day, weeks, home-test sessions), the symptoms' names and the
# translations. A change to any of these files gives every diary new charts.
CHART_SOURCES = (
    PACKAGE_DIR / "reports" / "charts.py",
    PACKAGE_DIR / "analysis" / "patterns.py",
    PACKAGE_DIR / "catalogue",
    PACKAGE_DIR / "i18n" / "locales",
    PACKAGE_DIR / "i18n" / "__init__.py",
)
SOURCE_SUFFIXES = frozenset({".py", ".toml", ".po"})
# Sets of charts kept per owner, newest first: enough for the periods one person asks for in a
# row (the whole diary, a year, the last month, a shared period) without keeping every version.
KEEP_PER_OWNER = 4

_ENTRIES = TypeAdapter(list[EntryPublic])


@cache
def code_fingerprint() -> bytes:
    """Return a digest of matplotlib's version and of the files in CHART_SOURCES. Reads them."""
    digest = hashlib.sha256(version("matplotlib").encode())
    for source in CHART_SOURCES:
        files = sorted(source.rglob("*")) if source.is_dir() else [source]
        for path in files:
            if path.suffix in SOURCE_SUFFIXES and path.is_file():
                digest.update(path.relative_to(PACKAGE_DIR).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.digest()


def charts_digest(entries: Sequence[EntryPublic], language: str = DEFAULT_LANGUAGE) -> str:
    """Return the key of these entries' charts in a language: SHA-256 of the chart code, the
    language their labels are in and the entries."""
    digest = hashlib.sha256(code_fingerprint())
    digest.update(language.encode())
    digest.update(_ENTRIES.dump_json(list(entries)))
    return digest.hexdigest()


def cached_charts(
    db: Session,
    owner_id: int,
    entries: Sequence[EntryPublic],
    analysis: Analysis,
    language: str = DEFAULT_LANGUAGE,
) -> list[Chart]:
    """Return the charts of these entries of the owner's diary: those kept for the same digest,
    else drawn now and kept (in a savepoint of ``db``; the caller commits). One query when
    kept; when drawn, an insert and the removal of the owner's oldest sets."""
    key = charts_digest(entries, language)
    kept = db.scalar(
        select(ChartSet.charts).where(ChartSet.owner_id == owner_id, ChartSet.digest == key)
    )
    if kept is not None:
        return [Chart(**item) for item in kept]
    drawn = draw_charts(entries, analysis, language)
    newest = (
        select(ChartSet.digest)
        .where(ChartSet.owner_id == owner_id)
        .order_by(ChartSet.drawn_at.desc())
        .limit(KEEP_PER_OWNER)
    )
    try:
        with db.begin_nested():
            db.add(
                ChartSet(
                    owner_id=owner_id,
                    digest=key,
                    drawn_at=datetime.now(UTC),
                    charts=[asdict(chart) for chart in drawn],
                )
            )
            db.flush()
            db.execute(
                delete(ChartSet).where(
                    ChartSet.owner_id == owner_id, ChartSet.digest.not_in(newest)
                ),
                execution_options={"synchronize_session": False},
            )
    except IntegrityError:
        pass  # another request kept the same charts first
    return drawn
