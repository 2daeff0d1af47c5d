"""The migration history has one head, so every deployment applies the same single chain."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from lems_companion.db.engine import alembic_config


def test_the_migration_history_has_one_head(tmp_path: object) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path}/lems.sqlite3"))
    assert len(script.get_heads()) == 1, f"more than one head: {script.get_heads()}"


def test_every_revision_leads_to_the_head(tmp_path: object) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path}/lems.sqlite3"))
    [head] = script.get_heads()
    reachable = {revision.revision for revision in script.walk_revisions("base", head)}
    assert reachable == {revision.revision for revision in script.walk_revisions()}
