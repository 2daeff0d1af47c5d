"""Entries note factors (heat, an infection, ...); a person chooses their own symptoms once.

Revision ID: 0015f
Revises: 0014m

Both columns are nullable JSON: an existing entry simply noted no factor, and an existing
account has not chosen its symptoms (the quick form then learns them from the entries).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision: str = "0015f"
down_revision: str | Sequence[str] | None = "0014m"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

JSON_TYPE = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    """Add entries.factors and users.own_symptoms."""
    with op.batch_alter_table("entries") as batch:
        batch.add_column(sa.Column("factors", JSON_TYPE, nullable=True))
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("own_symptoms", JSON_TYPE, nullable=True))


def downgrade() -> None:
    """Drop entries.factors and users.own_symptoms."""
    with op.batch_alter_table("users") as batch:
        batch.drop_column("own_symptoms")
    with op.batch_alter_table("entries") as batch:
        batch.drop_column("factors")
