"""The clinician tools' table: DELTA-P, EDX and medicine-check results saved to a patient's record.

The screening schedule needs no table of its own: its diagnosis date and DELTA-P score live in
``CalendarSchedule`` below (the calendar feed reads them too) and its scan results in
the test tracker's ``models_tests.Investigation`` (kinds ``chest_ct`` and ``fdg_pet``).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import JSONType, UTCDateTime


class ToolResult(Base):
    """One saved tool result: what was entered, what the tool returned, who saved it and when."""

    __tablename__ = "tool_results"
    # The tool pages and the report read one patient's results, newest first.
    __table_args__ = (Index("ix_tool_results_owner_saved", "owner_id", "saved_at"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    owner_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # One of lems_companion.tools.records.TOOL_KINDS: delta_p, edx, medicine.
    kind: Mapped[str] = mapped_column(String(20))
    inputs: Mapped[dict[str, Any]] = mapped_column(JSONType)
    result: Mapped[dict[str, Any]] = mapped_column(JSONType)
    # The e-mail of the account that saved it: the patient, or a clinician they invited.
    saved_by: Mapped[str] = mapped_column(String(320))
    saved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CalendarSchedule(Base):
    """The diagnosis date and DELTA-P score the screening dates are computed from.

    The clinician tools' screening schedule owns them; the calendar feed reads them, and the
    person can also enter both on the calendar settings page.
    """

    __tablename__ = "calendar_schedules"

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    diagnosed_on: Mapped[date | None] = mapped_column(Date())
    delta_p_score: Mapped[int | None] = mapped_column()
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
