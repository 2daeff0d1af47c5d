"""people: acknowledgements of red flags, when a grantee last looked, the people list's signals

Revision ID: 0013p
Revises: 0009s
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013p"
down_revision: str | Sequence[str] | None = "0009s"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "flag_acknowledgements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_flag_id", sa.Integer(), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("role", sa.String(length=10), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["entry_flag_id"],
            ["entry_flags.id"],
            name=op.f("fk_flag_acknowledgements_entry_flag_id_entry_flags"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_flag_acknowledgements_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_flag_acknowledgements_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_flag_acknowledgements")),
        sa.UniqueConstraint(
            "entry_flag_id", "user_id", name=op.f("uq_flag_acknowledgements_entry_flag_id")
        ),
    )
    with op.batch_alter_table("flag_acknowledgements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_flag_acknowledgements_entry_flag_id"), ["entry_flag_id"], unique=False
        )
        batch_op.create_index(
            "ix_flag_acknowledgements_user_owner", ["user_id", "owner_id"], unique=False
        )

    op.create_table(
        "diary_signals",
        sa.Column("owner_id", sa.Integer(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("latest_entry_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("weakness_trend", sa.String(length=10), nullable=True),
        sa.Column("tug_change_percent", sa.Double(), nullable=True),
        sa.Column("weight_loss_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(
            ["owner_id"],
            ["users.id"],
            name=op.f("fk_diary_signals_owner_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("owner_id", name=op.f("pk_diary_signals")),
    )
    with op.batch_alter_table("entry_flags", schema=None) as batch_op:
        batch_op.create_index("ix_entry_flags_user_level", ["user_id", "level"], unique=False)
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.add_column(sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("seen_flag_id", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("grants", schema=None) as batch_op:
        batch_op.drop_column("seen_flag_id")
        batch_op.drop_column("last_seen_at")
    with op.batch_alter_table("entry_flags", schema=None) as batch_op:
        batch_op.drop_index("ix_entry_flags_user_level")
    op.drop_table("diary_signals")
    with op.batch_alter_table("flag_acknowledgements", schema=None) as batch_op:
        batch_op.drop_index("ix_flag_acknowledgements_user_owner")
        batch_op.drop_index(batch_op.f("ix_flag_acknowledgements_entry_flag_id"))
    op.drop_table("flag_acknowledgements")
