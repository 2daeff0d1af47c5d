"""Join the areas' branches into one head.

Revision ID: 0007
Revises: 0003i, 0003l, 0003r, 0005t, 0006p

Earlier releases let each area add its tables on its own branch. Those migrations may already be
applied, so they are not rewritten: this revision only joins them, and from here on every
migration follows the one before it (tests/db/test_migrations.py fails on a second head).
"""

from collections.abc import Sequence

revision: str = "0007"
down_revision: str | Sequence[str] | None = ("0003i", "0003l", "0003r", "0005t", "0006p")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Nothing to change: the revision only joins the branches."""


def downgrade() -> None:
    """Nothing to change: the revision only joins the branches."""
