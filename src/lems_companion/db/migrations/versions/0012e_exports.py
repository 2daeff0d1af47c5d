"""Exports: one identity per installation, and the identifier an imported entry came with.

Revision ID: 0012e
Revises: 0010a
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012e"
down_revision: str | Sequence[str] | None = "0010a"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # One row, made by the app the first time it needs it (interop.identity), not here: a freshly
    # migrated database must stay empty so that a backup can be restored into it.
    op.create_table(
        "installation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("namespace", sa.String(length=36), nullable=False),
        sa.Column(
            "created_at",
            sa.DateTime(timezone=True),
            server_default=sa.func.current_timestamp(),
            nullable=False,
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_installation")),
    )
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("source_identifier", sa.String(length=300), nullable=True))
        batch_op.create_index(
            "ix_entries_user_source_identifier", ["user_id", "source_identifier"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_index("ix_entries_user_source_identifier")
        batch_op.drop_column("source_identifier")
    op.drop_table("installation")
