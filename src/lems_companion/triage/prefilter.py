"""A cheap first look before a costly regular expression: the words a match cannot do without.

Most lexicon patterns cannot match a note that lacks all of a few literal strings ("swallow",
"stuck", "nose"...). ``required_sets`` reads a pattern's parse tree once and returns such sets;
``present`` finds which strings of a language the lower-cased note holds (one pass), and
``candidates`` gives the patterns, targets and ConText cues alike, that may match a note holding
them. The answer is conservative: a pattern whose tree gives no guarantee is always tried, so
skipping never changes a result. This is what keeps triage in four languages as fast as it was
in one (bench/triage_speed.py).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
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
def required_sets(pattern: str) -> tuple[frozenset[str], ...]:
    """Return sets of lower-case strings such that every match holds a string of each set, the
    most telling first; empty when none is known.

    A pattern in several parts requires one of each part ("cough" and one of the foods after
    it), which skips it in more notes."""
    try:
        tree = parser.parse(pattern)
    except Exception:
        return ()
    found = [_factors(list(tree)), *_sequence_sets(list(tree))]
    usable = {
        frozenset(factors)
        for factors in found
        if factors and min(len(factor) for factor in factors) >= MIN_FACTOR_LENGTH
    }
    return tuple(
        sorted(usable, key=lambda factors: (-min(map(len, factors)), len(factors), sorted(factors)))
    )


def _sequence_sets(items: list[Any]) -> list[set[str]]:
    """Return every required set of a sequence of parsed items: its runs of known texts, and
    the parts of its groups and repeats, all of which a match must hold."""
    return _runs(items, _part_sets)


def _part_sets(op: Any, value: Any) -> list[set[str]]:
    """Return the required sets of one item that is not a known text: a group's or a repeat's
    own sequence, else the item's factors."""
    if op is constants.SUBPATTERN:
        return _sequence_sets(list(value[-1]))
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _sequence_sets(list(value))
    if op in _REPEATS and int(value[0]) >= 1:
        return _sequence_sets(list(value[2]))
    return _item_sets(op, value)


def _runs(items: list[Any], other: Callable[[Any, Any], list[set[str]]]) -> list[set[str]]:
    """Return the required sets of a sequence: each run of items whose every text is known and
    few, as the set of their concatenations ("i", "(?:'m|m| am)", "\\b" give "i'm", "im",
    "i am": longer strings, so fewer notes hold one and more patterns are skipped), and what
    ``other`` finds in each item between the runs."""
    found: list[set[str]] = []
    run: set[str] = {""}
    for op, value in items:
        exact = _exact(op, value)
        if exact is not None:
            joined = {head + tail for head in run for tail in exact}
            if len(joined) <= MAX_EXACT:
                run = joined
                continue
            found.append(_minimal(run))
            run = exact
            continue
        found.append(_minimal(run))
        run = {""}
        found += other(op, value)
    found.append(_minimal(run))
    return [factors for factors in found if factors and "" not in factors]


def present(factors: frozenset[str], lowered: str) -> frozenset[str]:
    """Return which of these strings the lower-cased text contains."""
    return scanner(factors)(lowered)


@cache
def scanner(factors: frozenset[str]) -> Callable[[str], frozenset[str]]:
    """Return a function giving which of these strings a lower-cased text contains.

    One pass of one regular expression over the text: the strings as a trie, tried at every
    position, longest first. A string found at a position holds every shorter string of the set
    that starts there as its prefix, so those are added from a table. A thousand substring tests
    (the first version) cost a third of a note; this costs a twentieth."""
    ordered = sorted(factors)
    longest = re.compile(f"(?=({_trie_pattern(ordered)}))") if ordered else None
    # For each string, the strings of the set it begins with (itself included).
    prefixes = {
        factor: frozenset(
            factor[:length] for length in range(1, len(factor) + 1) if factor[:length] in factors
        )
        for factor in ordered
    }
    empty: frozenset[str] = frozenset()

    def contained(lowered: str) -> frozenset[str]:
        if longest is None:
            return empty
        starts = set(longest.findall(lowered))
        return empty.union(*(prefixes[factor] for factor in starts)) if starts else empty

    return contained


def _trie_pattern(words: list[str]) -> str:
    """Return a pattern matching the longest of these strings at a position (a trie, so that
    each position costs a character or two rather than a test per string)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _node_pattern(trie)


def _node_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _node_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    # A string ends here: the longer ones are tried first (greedy), then this one.
    return f"(?:{body})?" if "" in node else body


def candidates(
    factor_sets: tuple[tuple[frozenset[str], ...], ...],
) -> Callable[[frozenset[str]], list[int]]:
    """Return a function giving, for the strings found in a text, the positions (in order) of
    the patterns whose required sets (``required_sets``, one tuple per pattern) all allow a
    match. An index from each string of a pattern's first set to the patterns that need it
    replaces a test per pattern: a note costs a look-up per string it holds."""
    always = [index for index, sets in enumerate(factor_sets) if not sets]
    needing: dict[str, list[int]] = {}
    for index, sets in enumerate(factor_sets):
        for factor in sets[0] if sets else ():
            needing.setdefault(factor, []).append(index)
    others = {index: sets[1:] for index, sets in enumerate(factor_sets) if len(sets) > 1}

    def matching(found: frozenset[str]) -> list[int]:
        chosen = set(always)
        for factor in found:
            chosen.update(needing.get(factor, ()))
        return sorted(
            index
            for index in chosen
            if index not in others
            or all(not factors.isdisjoint(found) for factors in others[index])
        )

    return matching


def _factors(items: list[Any]) -> set[str] | None:
    """Return the best required set of a sequence of parsed items (its longest strings, then
    the fewest); None when there is none."""
    candidates = _runs(items, _item_sets)
    if not candidates:
        return None
    return max(candidates, key=lambda factors: (min(map(len, factors)), -len(factors)))


def _item_sets(op: Any, value: Any) -> list[set[str]]:
    """Return an item's factors as a list of at most one required set."""
    factors = _item_factors(op, value)
    return [factors] if factors else []


# Most strings a run of known items may stand for before it is cut (bounds the work per pattern).
MAX_EXACT = 64
# Longest bounded repeat ("l{1,2}") whose texts are spelt out.
MAX_EXACT_REPEAT = 3


def _minimal(strings: set[str]) -> set[str]:
    """Return the strings that hold none of the others: a text holding one of the set holds one
    of these."""
    return {
        string
        for string in strings
        if not any(other != string and other in string for other in strings)
    }


def _exact(op: Any, value: Any) -> set[str] | None:
    """Return every lower-case text the item can match, when they are few; None otherwise.

    Assertions (``\\b``, look-arounds) match no text: the empty string."""
    if op is constants.LITERAL:
        return {chr(value).lower()}
    if op in (constants.AT, constants.ASSERT, constants.ASSERT_NOT):
        return {""}
    if op is constants.IN:
        if all(kind is constants.LITERAL for kind, _ in value):
            return {chr(code).lower() for _, code in value}
        return None
    if op is constants.SUBPATTERN:
        return _exact_sequence(list(value[-1]))
    if op is getattr(constants, "ATOMIC_GROUP", None):
        return _exact_sequence(list(value))
    if op is constants.BRANCH:
        found: set[str] = set()
        for branch in value[1]:
            texts = _exact_sequence(list(branch))
            if texts is None:
                return None
            found |= texts
        return found if len(found) <= MAX_EXACT else None
    if op in _REPEATS:
        minimum, maximum, item = value
        if int(maximum) > MAX_EXACT_REPEAT:
            return None
        body = _exact_sequence(list(item))
        if body is None:
            return None
        found, power = set(), {""}
        for count in range(int(maximum) + 1):
            if count >= int(minimum):
                found |= power
            power = {head + tail for head in power for tail in body}
            if len(power) > MAX_EXACT:
                return None
        return found if len(found) <= MAX_EXACT else None
    return None


def _exact_sequence(items: list[Any]) -> set[str] | None:
    texts = {""}
    for op, value in items:
        exact = _exact(op, value)
        if exact is None:
            return None
        texts = {head + tail for head in texts for tail in exact}
        if len(texts) > MAX_EXACT:
            return None
    return texts


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
