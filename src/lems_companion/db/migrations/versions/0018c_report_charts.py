"""report_charts: a report's charts kept per diary until what they show changes

Revision ID: 0018c
Revises: 0017r

Drawing a year's charts with matplotlib is most of a report's time; an unchanged diary now
reuses the charts drawn for it (reports.chart_cache, docs/performance.md). Derived data only:
dropping the table loses nothing that cannot be drawn again.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0018c"
down_revision: str | Sequence[str] | None = "0017r"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    """Create report_charts."""
    op.create_table(
        "report_charts",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("drawn_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("charts", JSON_TYPE, nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_report_charts_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", "digest", name=op.f("pk_report_charts")),
    )


def downgrade() -> None:
    """Drop report_charts."""
    op.drop_table("report_charts")
