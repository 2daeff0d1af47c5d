"""A person chooses the unit they weigh in: kilograms, stones and pounds, or pounds.

Revision ID: 0016u
Revises: 0015f

Nullable: an existing account has not chosen, and None means kilograms (diary/weights.py).
Weights stay stored in kilograms; only what the form asks and the diary shows changes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016u"
down_revision: str | Sequence[str] | None = "0015f"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add users.weight_unit."""
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("weight_unit", sa.String(length=5), nullable=True))


def downgrade() -> None:
    """Drop users.weight_unit."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("weight_unit")
