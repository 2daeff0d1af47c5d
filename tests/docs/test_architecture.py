"""The layout keeps its promises (docs/architecture.md): one-way dependencies between concepts."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "lems_companion"
# Pure rules: no web, no database, no other concept's service.
PURE = ("rules", "catalogue", "analysis")
INFRASTRUCTURE = {"settings", "logs", "dates", "inputs", "__init__", "__main__"}


def _runtime_imports(path: Path) -> Iterator[str]:
    """Yield the lems_companion modules a file imports when it runs (not for type checking)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(child)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for child in ast.walk(node)
    }
    for node in ast.walk(tree):
        if id(node) in typing_only or not isinstance(node, ast.ImportFrom) or not node.module:
            continue
        if node.module == "lems_companion":
            yield from (f"lems_companion.{alias.name}" for alias in node.names)
        elif node.module.startswith("lems_companion."):
            yield node.module


def _package_of(module: str) -> str:
    return module.split(".")[1]


def _dependencies() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "migrations" in parts:  # Alembic's scripts, loaded by path
            continue
        package = parts[0].removesuffix(".py")
        targets = {_package_of(module) for module in _runtime_imports(path)}
        found.setdefault(package, set()).update(targets - {package, "__version__"})
    return found


def _reachable(start: str, edges: dict[str, set[str]]) -> set[str]:
    seen: set[str] = set()
    stack = [start]
    while stack:
        for target in edges.get(stack.pop(), set()):
            if target not in seen:
                seen.add(target)
                stack.append(target)
    return seen


def test_no_two_packages_import_each_other_even_through_others() -> None:
    edges = _dependencies()
    cycles = sorted(
        f"{package} -> {target}"
        for package, targets in edges.items()
        for target in targets
        if package in _reachable(target, edges)
    )
    assert cycles == []


@pytest.mark.parametrize("package", PURE)
def test_pure_rules_import_neither_the_web_nor_the_database(package: str) -> None:
    imported = {
        module for path in (PACKAGE / package).rglob("*.py") for module in _runtime_imports(path)
    }
    assert not {m for m in imported if _package_of(m) in {"web", "cli", "db", "schema"}}
    assert not {m for m in imported if m.endswith((".service", ".models"))}


def test_the_flat_top_level_modules_are_gone() -> None:
    modules = {path.stem for path in PACKAGE.glob("*.py")}
    assert modules <= INFRASTRUCTURE
