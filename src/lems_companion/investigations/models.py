"""The test tracker's table: investigations a patient has had or wants to discuss (spec section 4).

Named ``models_tests`` for the test tracker; the class is ``Investigation`` so it is never taken
for a software test.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from lems_companion.db.base import Base
from lems_companion.db.types import UTCDateTime


class Investigation(Base):
    """A test recorded by the patient: done (with date and result) or pending ("to discuss")."""

    __tablename__ = "investigations"
    # The tracker and the report read one user's tests, most recent first.
    __table_args__ = (Index("ix_investigations_user_done", "user_id", "done_on"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    # One of investigations.schemas.KINDS: edx, vgcc_antibodies, chest_ct, fdg_pet, ...
    kind: Mapped[str] = mapped_column(String(30))
    # "done" or "pending"; pending tests are shown as "to discuss".
    status: Mapped[str] = mapped_column(String(10))
    done_on: Mapped[date | None] = mapped_column()
    result: Mapped[str | None] = mapped_column(Text)
    # Electrodiagnostic studies only: CMAP increment after 10 s of exercise, in percent.
    increment_percent: Mapped[float | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
