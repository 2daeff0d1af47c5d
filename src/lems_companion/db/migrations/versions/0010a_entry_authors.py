"""Entries know who wrote them: the patient, or an invited caregiver or clinician.

Revision ID: 0010a
Revises: 0008p
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010a"
down_revision: str | Sequence[str] | None = "0008p"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.add_column(sa.Column("author_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("author_role", sa.String(length=10), server_default="patient", nullable=False)
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_entries_author_id_users"),
            "users",
            ["author_id"],
            ["id"],
            ondelete="SET NULL",
        )


def downgrade() -> None:
    with op.batch_alter_table("entries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_entries_author_id_users"), type_="foreignkey")
        batch_op.drop_column("author_role")
        batch_op.drop_column("author_id")
