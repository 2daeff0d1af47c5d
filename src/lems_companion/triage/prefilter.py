"""A cheap first look before a costly regular expression: the words a match cannot do without.

Most lexicon patterns cannot match a note that lacks all of a few literal strings ("swallow",
"stuck", "nose"...). ``required_factors`` reads a pattern's parse tree once and returns such a
set; ``present`` tests the lower-cased note once for every such string of a language, and
``may_match`` skips a regular expression when none of its strings is there. The answer is
conservative: None (always run the pattern) whenever the tree gives no guarantee, so skipping
never changes a result. This is what
keeps triage in four languages as fast as it was in one (bench/triage_speed.py).
"""

from __future__ import annotations

import importlib
from functools import cache
from typing import Any

# Python 3.11+ keeps the parser in re._parser (sre_parse is its deprecated alias); typeshed does
# not describe it, hence the Any.
constants: Any = importlib.import_module("re._constants")
parser: Any = importlib.import_module("re._parser")

# A factor set is useless when one of its strings is this short: nearly every note has it.
MIN_FACTOR_LENGTH = 2
_REPEATS = {constants.MAX_REPEAT, constants.MIN_REPEAT}
if hasattr(constants, "POSSESSIVE_REPEAT"):
    _REPEATS.add(constants.POSSESSIVE_REPEAT)


@cache
def required_factors(pattern: str) -> frozenset[str] | None:
    """Return lower-case strings one of which every match contains; None when unknown."""
    try:
        tree = parser.parse(pattern)
    except Exception:
        return None
    factors = _factors(list(tree))
    if not factors or min(len(factor) for factor in factors) < MIN_FACTOR_LENGTH:
        return None
    return frozenset(factors)


def present(factors: frozenset[str], lowered: str) -> frozenset[str]:
    """Return which of these strings the lower-cased text contains (one substring test each)."""
    # filter() with the bound method runs the loop in C: a few per cent of a note's cost.
    return frozenset(filter(lowered.__contains__, factors))


def may_match(factors: frozenset[str] | None, found: frozenset[str]) -> bool:
    """Return False only when none of the pattern's required strings was found in the text."""
    return factors is None or not factors.isdisjoint(found)


def _factors(items: list[Any]) -> set[str] | None:
    """Return the best required set of a sequence of parsed items; None when there is none."""
    candidates: list[set[str]] = []
    run = ""
    for op, value in items:
        if op is constants.LITERAL:
            run += chr(value).lower()
            continue
        if run:
            candidates.append({run})
            run = ""
        found = _item_factors(op, value)
        if found:
            candidates.append(found)
    if run:
        candidates.append({run})
    if not candidates:
        return None
    return max(candidates, key=lambda factors: (min(map(len, factors)), -len(factors)))


def _item_factors(op: Any, value: Any) -> set[str] | None:
    if op is constants.SUBPATTERN:
        return _factors(list(value[-1]))
    if op is constants.BRANCH:
        branches = [_factors(list(branch)) for branch in value[1]]
        if branches and all(branches):
            return set().union(*(branch for branch in branches if branch))
        return None
    if op in _REPEATS:
        minimum, _, item = value
        return _factors(list(item)) if int(minimum) >= 1 else None
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _factors(list(value))
    return None
