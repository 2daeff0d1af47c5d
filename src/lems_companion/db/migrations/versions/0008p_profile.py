"""users: the profile (display name, date of birth, country, language, emergency number)

Revision ID: 0008p
Revises: 0007

Every column is nullable: existing accounts simply have no profile yet, and the app falls back
to the e-mail address, the lowest amifampridine maximum and the server's emergency number.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008p"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = (
    ("display_name", sa.String(length=100)),
    ("date_of_birth", sa.Date()),
    ("country", sa.String(length=2)),
    ("language", sa.String(length=2)),
    ("emergency_number", sa.String(length=15)),
)


def upgrade() -> None:
    """Add the profile's columns to users."""
    with op.batch_alter_table("users") as batch:
        for name, type_ in COLUMNS:
            batch.add_column(sa.Column(name, type_, nullable=True))


def downgrade() -> None:
    """Drop the profile's columns from users."""
    with op.batch_alter_table("users") as batch:
        for name, _ in reversed(COLUMNS):
            batch.drop_column(name)
