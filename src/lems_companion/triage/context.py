"""ConText (Harkema et al., 2009) exactly as medspaCy 1.3 applies it, on plain numbers.

medspaCy's ``ConText`` component builds a Python object per cue match, finds each cue's sentence
through spaCy's ``Token.sent`` and compares every cue with every other through properties:
about a third of a note's triage time (docs/performance.md, "Triage speed (third pass)"). This
module applies the same algorithm with the same results to tuples of token offsets:

1. every cue pattern (a lexicon ``Cue`` has one or more) is matched on the note's text, a match
   widened to whole tokens, and overlapping matches pruned to the longest (medspaCy's
   ``prune_overlapping_matches``, called as it is);
2. a cue's scope is the rest of its sentence in its direction, cut to its ``max_scope`` tokens;
3. cue pairs limit each other's scope (same category, a TERMINATE cue, or a category the cue is
   ``terminated_by``), in medspaCy's order and with its overlap test, which misses a span lying
   wholly inside another (kept: the lexicons are tuned to it, see lexicon.TERMINATOR_SCOPE);
4. a cue modifies a target whose tokens its scope overlaps, unless it overlaps the target
   itself, is PSEUDO or TERMINATE, or does not allow the target's label.

Only what triage reads is kept: for each target, the (category, token span) of its modifiers.
``tests/triage`` and the note sets hold it to medspaCy's results.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lems_companion.triage import prefilter

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from lems_companion.triage.lexicon import Cue

# What a target is modified by: each modifier's category and its token span.
Modifiers = tuple[tuple[str, tuple[int, int]], ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """One cue pattern with its cue's category, direction and limits (upper case, as medspaCy
    keeps them)."""

    category: str
    direction: str
    terminated_by: frozenset[str]
    max_scope: int | None
    allowed_types: frozenset[str] | None
    pattern: re.Pattern[str]


@dataclass(slots=True)
class _Modifier:
    rule: Rule
    start: int
    end: int
    scope_start: int
    scope_end: int
    targets: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Matcher:
    """The cue rules of a language, with the prefilter's index of them."""

    rules: tuple[Rule, ...]
    candidates: Callable[[frozenset[str]], list[int]]


def matcher(cues: Sequence[Cue]) -> Matcher:
    """Return the rules of these cues, one per pattern in order, compiled case-insensitively
    (as medspaCy's RegexMatcher compiles them)."""
    rules = tuple(
        Rule(
            category=cue.category.upper(),
            direction=cue.direction.upper(),
            terminated_by=frozenset(name.upper() for name in cue.terminated_by),
            max_scope=cue.max_scope,
            # An empty set allows every label, as the medspaCy rules were built.
            allowed_types=(
                frozenset(label.upper() for label in cue.allowed_types)
                if cue.allowed_types
                else None
            ),
            pattern=re.compile(pattern, re.IGNORECASE),
        )
        for cue in cues
        for pattern in cue.patterns
    )
    index = prefilter.candidates(
        tuple(prefilter.required_sets(rule.pattern.pattern) for rule in rules)
    )
    return Matcher(rules=rules, candidates=index)


def apply(
    doc: Doc, targets: Sequence[Span], cues: Matcher, found_factors: frozenset[str] | None
) -> list[Modifiers]:
    """Return, for each target in order, the cues that modify it; empty tuples when none.

    ``found_factors`` are the required strings the note holds (``prefilter``); None tries every
    cue pattern."""
    matches = _matches(doc, cues, found_factors)
    if not matches:
        return [() for _ in targets]
    sentences = _sentence_bounds(doc)
    modifiers = [
        _modifier(cues.rules[index], start, end, sentences) for index, start, end in matches
    ]
    for i in range(len(modifiers) - 1):
        first = modifiers[i]
        for j in range(i + 1, len(modifiers)):
            second = modifiers[j]
            _limit_scope(first, second)
            _limit_scope(second, first)
    spans = [(target.start, target.end, target.label_.upper()) for target in targets]
    for number, (start, end, label) in enumerate(spans):
        for modifier in modifiers:
            if _modifies(modifier, start, end, label):
                modifier.targets.append(number)
    found: list[list[tuple[str, tuple[int, int]]]] = [[] for _ in targets]
    for modifier in modifiers:
        for number in modifier.targets:
            found[number].append((modifier.rule.category, (modifier.start, modifier.end)))
    return [tuple(items) for items in found]


def _matches(
    doc: Doc, cues: Matcher, found_factors: frozenset[str] | None
) -> list[tuple[int, int, int]]:
    """Return (rule, start token, end token) of every cue match, overlaps pruned to the longest."""
    from medspacy.common.util import prune_overlapping_matches

    text = doc.text_with_ws  # spaCy joins the tokens anew on every read
    chosen = range(len(cues.rules)) if found_factors is None else cues.candidates(found_factors)
    matches: list[tuple[int, int, int]] = []
    for index in chosen:
        for found in cues.rules[index].pattern.finditer(text):
            span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
            if span is not None and len(span):
                matches.append((index, span.start, span.end))
    # medspaCy's own pruning (only offsets are compared: the rule number stands for its id).
    return list(prune_overlapping_matches(matches)) if matches else matches


def _sentence_bounds(doc: Doc) -> list[tuple[int, int]]:
    """Return each token's sentence as (first token, one past the last)."""
    starts = [token.i for token in doc if token.is_sent_start or token.i == 0]
    bounds: list[tuple[int, int]] = []
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(doc)
        bounds.extend([(start, end)] * (end - start))
    return bounds


def _modifier(rule: Rule, start: int, end: int, sentences: list[tuple[int, int]]) -> _Modifier:
    """Return the modifier of a match with its scope: its sentence in its direction, cut to
    ``max_scope`` tokens (medspaCy's ``ConTextModifier.__set_scope``)."""
    sentence_start, sentence_end = sentences[start]
    limit = rule.max_scope
    if rule.direction == "FORWARD":
        scope_start, scope_end = end, sentence_end
        if limit is not None and scope_end - scope_start > limit:
            scope_end = end + limit
    elif rule.direction == "BACKWARD":
        scope_start, scope_end = sentence_start, start
        if limit is not None and scope_end - scope_start > limit:
            scope_start = start - limit
    else:
        scope_start, scope_end = sentence_start, sentence_end
        if limit is not None and start - scope_start > limit:
            scope_start = start - limit
        if limit is not None and scope_end - end > limit:
            scope_end = end + limit
    return _Modifier(rule, start, end, scope_start, scope_end)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Return medspaCy's ``tuple_overlaps``: b starts or ends inside a (b holding all of a is
    not counted)."""
    return a_start <= b_start < a_end or a_start < b_end <= a_end


def _limit_scope(modifier: _Modifier, other: _Modifier) -> None:
    """Cut the modifier's scope at the other cue when it may (``ConTextModifier.limit_scope``)."""
    if not _overlaps(modifier.scope_start, modifier.scope_end, other.scope_start, other.scope_end):
        return
    rule, other_rule = modifier.rule, other.rule
    if rule.direction == "TERMINATE":
        return
    if (
        other_rule.direction != "TERMINATE"
        and other_rule.category not in rule.terminated_by
        and other_rule.category != rule.category
    ):
        return
    if rule.category == other_rule.category and rule.allowed_types != other_rule.allowed_types:
        return
    if rule.direction in ("FORWARD", "BIDIRECTIONAL") and other.start > modifier.start:
        modifier.scope_end = min(modifier.scope_end, other.start)
    if rule.direction in ("BACKWARD", "BIDIRECTIONAL") and other.end < modifier.end:
        modifier.scope_start = max(modifier.scope_start, other.end)


def _modifies(modifier: _Modifier, start: int, end: int, label: str) -> bool:
    """Return True when the modifier modifies this target (``ConTextModifier.modifies``)."""
    if _overlaps(modifier.start, modifier.end, start, end):
        return False
    rule = modifier.rule
    if rule.direction in ("TERMINATE", "PSEUDO"):
        return False
    if rule.allowed_types is not None and label not in rule.allowed_types:
        return False
    return _overlaps(modifier.scope_start, modifier.scope_end, start, end)
