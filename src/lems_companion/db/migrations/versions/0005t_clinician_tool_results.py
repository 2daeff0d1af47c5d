"""clinician tool results

Revision ID: 0005t
Revises: 0004s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0005t"
down_revision: str | None = "0004s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table(
        "tool_results",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("inputs", JSON_TYPE, nullable=False),
        sa.Column("result", JSON_TYPE, nullable=False),
        sa.Column("saved_by", sa.String(length=320), nullable=False),
        sa.Column("saved_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_tool_results_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tool_results")),
    )
    with op.batch_alter_table("tool_results", schema=None) as batch_op:
        batch_op.create_index("ix_tool_results_owner_saved", ["owner_id", "saved_at"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("tool_results", schema=None) as batch_op:
        batch_op.drop_index("ix_tool_results_owner_saved")

    op.drop_table("tool_results")
