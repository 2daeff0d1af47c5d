"""Report tables: the charts drawn for a diary, kept until what they show changes."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import JSONType, UTCDateTime


class ChartSet(Base):
    """A report's charts as drawn for one owner's entries, found again by the digest of those
    entries and of the code that draws them (``reports.chart_cache``). Derived data: it goes with
    the account, and a few of the latest per owner are kept."""

    __tablename__ = "report_charts"

    owner_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    # SHA-256 in hex of the entries charted and of the chart code (chart_cache.digest).
    digest: Mapped[str] = mapped_column(String(64), primary_key=True)
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime())
    # The charts in report order: [{"id", "title", "svg", "alt"}, ...].
    charts: Mapped[list[dict[str, Any]]] = mapped_column(JSONType)
