"""The migration history has one head, so every deployment applies the same single chain."""

from __future__ import annotations

from alembic.script import ScriptDirectory

from lems_companion.db.engine import alembic_config, is_at_head, script_heads, upgrade


def test_the_migration_history_has_one_head(tmp_path: object) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path}/lems.sqlite3"))
    assert len(script.get_heads()) == 1, f"more than one head: {script.get_heads()}"


def test_every_revision_leads_to_the_head(tmp_path: object) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path}/lems.sqlite3"))
    [head] = script.get_heads()
    reachable = {revision.revision for revision in script.walk_revisions("base", head)}
    assert reachable == {revision.revision for revision in script.walk_revisions()}


def test_the_heads_read_without_alembic_are_alembics(tmp_path: object) -> None:
    script = ScriptDirectory.from_config(alembic_config(f"sqlite:///{tmp_path}/lems.sqlite3"))
    assert script_heads() == frozenset(script.get_heads())


def test_upgrade_applies_migrations_once_and_then_only_checks(tmp_path: object) -> None:
    url = f"sqlite:///{tmp_path}/lems.sqlite3"
    assert not is_at_head(url)
    upgrade(url)
    assert is_at_head(url)
    upgrade(url)  # nothing to apply: one query, no Alembic
    assert is_at_head(url)
