"""A chart as the report carries it (SVG with a title and a text alternative), and drawing them.

Kept apart from ``charts.py``, which draws with matplotlib, so that a report whose charts are
already drawn (``chart_cache``) never imports matplotlib, a large share of a command's start.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lems_companion.i18n import DEFAULT_LANGUAGE

if TYPE_CHECKING:
    from lems_companion.analysis.patterns import Analysis
    from lems_companion.diary.schemas import EntryPublic


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as SVG with its title and a text alternative for people who cannot see it."""

    id: str
    title: str
    svg: str
    alt: str

    @property
    def data_uri(self) -> str:
        """Return the SVG as a data: URI for an <img> element (allowed by the page's CSP)."""
        return "data:image/svg+xml;base64," + base64.b64encode(self.svg.encode()).decode()


def draw_charts(
    entries: Sequence[EntryPublic], analysis: Analysis, language: str = DEFAULT_LANGUAGE
) -> list[Chart]:
    """Return the report's charts drawn now with matplotlib, in report order, labelled in the
    language."""
    # Imported here: matplotlib is needed only when charts are drawn, not when they are kept.
    from lems_companion.reports.charts import charts

    return charts(entries, analysis, language)
