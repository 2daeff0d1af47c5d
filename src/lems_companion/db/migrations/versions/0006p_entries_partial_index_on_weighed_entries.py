"""entries: partial index on weighed entries

Revision ID: 0006p
Revises: 0004s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006p"
down_revision: str | None = "0004s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHERE = sa.text("weight_kg IS NOT NULL")
COLUMNS = ["user_id", "recorded_at", "weight_kg"]


def upgrade() -> None:
    context = op.get_context()
    if context.dialect.name == "postgresql":
        # CONCURRENTLY: on a large entries table a plain build would lock out every new entry
        # for as long as it runs; it cannot run inside a transaction.
        with context.autocommit_block():
            op.create_index(
                "ix_entries_user_weighed",
                "entries",
                COLUMNS,
                postgresql_where=WHERE,
                postgresql_concurrently=True,
            )
    else:
        op.create_index("ix_entries_user_weighed", "entries", COLUMNS, sqlite_where=WHERE)


def downgrade() -> None:
    op.drop_index("ix_entries_user_weighed", table_name="entries")
