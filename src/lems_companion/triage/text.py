"""Free-text triage: find red flags in a patient's note with medspaCy ConText, in four languages.

For each language we check (``language.CHECKED``: en, es, fr, de) the pipeline is a blank spaCy
tokenizer of that language, a small sentence splitter, a target finder (what is mentioned: the
language's ``RED_FLAG_TARGETS`` and ``SYMPTOM_TARGETS``, and the word classes of ``concepts``
matched by their stems, put in a span group as medspaCy's TargetMatcher would, at half its
cost) and medspaCy's ConText (what the mention means: the language's ``CUES``). No statistical
model is loaded, so nothing is downloaded and a note takes a millisecond or two. Every lexicon
is matched against the note with its accents folded (``language.fold``), one character for
one, so offsets stay those of the patient's own text.

Context rules (spec section 3, "Context rules for free text") are applied in ``_keeps``:
negated, about another person, hypothetical or a question, long past, resolved, intended weight
loss, words in another sense and a benign cause with quick recovery are dropped; hedged mentions
are kept. Who is writing (spec section 3, "Who is writing") decides whether a family member's
symptom is the patient's: see ``_keeps`` and ``authorship``.

Numbers count as if entered (spec section 3): pulse-oximeter readings, weights (``numbers``) and
cough durations (``durations``) are read from the note and judged by the same rules as the diary.
"""

from __future__ import annotations

import importlib
import re
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Literal

from lems_companion.triage import (
    concepts,
    durations,
    language,
    numbers,
    prefilter,
    slots,
    spelling,
)
from lems_companion.triage import flags as flag_defs
from lems_companion.triage.result import FlagHit

if TYPE_CHECKING:  # spaCy is imported when the pipeline is first built, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc, Span

Author = Literal["patient", "caregiver", "unknown"]
AUTHORS: tuple[str, ...] = ("patient", "caregiver", "unknown")

SPAN_GROUP = "lems_mentions"
# Where the target finder leaves the set of required strings found in the note (prefilter).
FACTORS_KEY = "lems_factors"
# Long notes are triaged in pieces of about this many characters, cut between sentences.
CHUNK_CHARS = 500
SENTENCE_BREAK = re.compile(r"(?:[.!?;]+|\u2026)\s+|\n+")
SENTENCE_END = {".", "!", "?", ";", "...", "…", "¿", "¡"}
# A question of at most this many tokens ("Breathing?", "¿Ahogo?") keeps its answer with it.
SHORT_QUESTION = 4
# "¿" and "¡" open a Spanish sentence; they start one rather than end one.
SENTENCE_OPEN = {"¿", "¡"}

# spaCy's French tokenizer takes about nine seconds to build (its exception list); the
# multi-language one takes a quarter of a second, with elisions split by ``_split_elisions``.
TOKENIZERS: dict[str, str] = {"fr": "xx"}
# Each checked language's lexicon: its targets, cues and question and caregiver patterns.
LEXICON_MODULES: dict[str, str] = {
    "en": "lems_companion.triage.lexicon",
    "es": "lems_companion.triage.lexicon_es",
    "fr": "lems_companion.triage.lexicon_fr",
    "de": "lems_companion.triage.lexicon_de",
}

# Red flags that describe a state which can clear up; an event (a choking episode, a fit, a
# stroke sign) stays worth flagging even when the note says it passed, unless it is long past.
# Spec section 3: "clearly resolved or long past ... not flagged"; spec section 1: when in doubt,
# flag.
RESOLVABLE = {
    "DYSPHAGIA",
    "DYSPNEA",
    "PERSISTENT_COUGH",
    "COUGH",
    "CHEST_PAIN",
    "WEIGHT_LOSS",
    "CEREBELLAR",
}
# Categories that always drop a mention (spec section 3, context rules 1-4, and words used in
# another sense: "choked with emotion", "read an article about choking").
DROPPING = {"NEGATED", "OTHER_PERSON", "HYPOTHETICAL", "HISTORICAL", "STOPPED", "FIGURATIVE"}
# A negation among a target's own words does not negate it ("me quedo sin aire", "no me pasan
# las pastillas"); other cues inside a target still count ("suddenly", "cleared up").
INSIDE_IGNORED = {"NEGATED"}
# Spec section 3: a cough counts as persistent from three weeks.
PERSISTENT_COUGH_DAYS = 21
# A loss of consciousness with this category ("fainted, came round at once") is a faint.
FAINT = "FAINT_RECOVERY"
SYMPTOM_LABEL_PREFIX = "SYMPTOM_"


def _split_sentences(doc: Doc) -> Doc:
    """Return the doc with sentence starts after . ! ? ; and line breaks, and at ¿ and ¡."""
    starts_sentence = True
    length = 0
    for token in doc:
        text = token.text
        token.is_sent_start = starts_sentence or (text in SENTENCE_OPEN and length > 0)
        length = 1 if token.is_sent_start else length + 1
        starts_sentence = (text in SENTENCE_END and text not in SENTENCE_OPEN) or "\n" in text
        # "Ran for the bus (!), out of breath": a bracketed "!" or "?" ends no sentence.
        if starts_sentence and token.i > 0 and doc[token.i - 1].text == "(":
            starts_sentence = False
        # "Breathing? Bit worse on the stairs.": a short question and its answer are one
        # sentence, so the answer's words reach the question (spec section 3).
        if text == "?" and length <= SHORT_QUESTION:
            starts_sentence = False
    return doc


@cache
def lexicon(language_code: str) -> ModuleType:
    """Return the lexicon module of a checked language; KeyError for another language."""
    return importlib.import_module(LEXICON_MODULES[language_code])


@cache
def pipeline(language_code: str = language.DEFAULT) -> Language:
    """Return the triage pipeline of a language; built once per process (about a second)."""
    # Imported here rather than with the module: importing spaCy and medspaCy takes about a
    # second, which commands and pages that never triage a note should not pay.
    import medspacy  # noqa: F401  (registers the medspaCy pipeline factories)
    import spacy
    from loguru import logger
    from medspacy.context import ConTextRule
    from spacy.language import Language

    # PyRuSH (a medspaCy dependency) logs every document through loguru unless told not to.
    logger.disable("PyRuSH")
    # ConText's cues are all regular expressions, so its token Matcher is empty and spaCy warns
    # about that (W036) on every note; the warning says nothing here.
    warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)
    if "lems_sentences" not in Language.factories:
        Language.component("lems_sentences", func=_split_sentences)
    factory = f"lems_targets_{language_code}"
    if factory not in Language.factories:
        Language.component(factory, func=_TargetFinder(language_code))
    nlp = spacy.blank(TOKENIZERS.get(language_code, language_code))
    if language_code == "fr":
        _split_elisions(nlp)
    nlp.add_pipe("lems_sentences")
    nlp.add_pipe(factory, name="lems_targets")
    context = nlp.add_pipe(
        "medspacy_context",
        config={"rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    context.add(  # type: ignore[attr-defined]
        [
            # One rule per pattern rather than per cue, so that the prefilter can skip each.
            ConTextRule(
                f"{cue.category}_{cue.direction}_{index}_{number}",
                cue.category,
                pattern=pattern,
                direction=cue.direction,
                terminated_by=set(cue.terminated_by),
                max_scope=cue.max_scope,
                allowed_types=set(cue.allowed_types) if cue.allowed_types else None,
            )
            for index, cue in enumerate(lexicon(language_code).CUES)
            for number, pattern in enumerate(cue.patterns)
        ]
    )
    _match_cues_on_one_text(context)
    # The compiled patterns and the prefilter's indexes and required strings, built now rather
    # than on the first note.
    _targets(language_code)
    prefilter.scanner(_all_factors(language_code))
    for cue in lexicon(language_code).CUES:
        for pattern in cue.patterns:
            prefilter.required_sets(pattern)
    return nlp


def _split_elisions(nlp: Language) -> None:
    """Make the tokenizer split French elisions ("d'essoufflement" -> "d", "'", ...), so that a
    cue such as "pas d'" is a token apart from the symptom it negates."""
    from spacy.util import compile_infix_regex

    infixes = [
        *(nlp.Defaults.infixes or ()),
        r"(?<=\b[cdjlmnstCDJLMNST])'(?=[^\W\d_])",
        r"(?<=\bqu)'(?=\w)",
    ]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer  # type: ignore[union-attr]


def _match_cues_on_one_text(context: object) -> None:
    """Make ConText's regex matcher build the note's text once per note, not once per cue.

    medspaCy 1.3's RegexMatcher reads ``doc.text_with_ws`` for every rule, and spaCy rebuilds
    that string from the tokens on every read: with thirty cues it was a fifth of a note's cost.
    The subclass matches exactly as its parent does. If medspaCy's internals change, the
    matcher is left as it is (slower, same results)."""
    from medspacy.common.regex_matcher import RegexMatcher

    matcher = getattr(context, "_ConText__matcher", None)
    regex_matcher = getattr(matcher, "_MedspacyMatcher__regex_matcher", None)
    if type(regex_matcher) is RegexMatcher:
        regex_matcher.__class__ = _one_text_regex_matcher()


@cache
def _one_text_regex_matcher() -> type:
    from medspacy.common.regex_matcher import RegexMatcher

    class OneTextRegexMatcher(RegexMatcher):
        """medspaCy's RegexMatcher, reading the doc's text once per call and trying only the
        cues whose required strings the note holds (``prefilter.candidates``)."""

        def __call__(self, doc: Doc) -> list[tuple[int, int, int]]:
            matches: list[tuple[int, int, int]] = []
            text = doc.text_with_ws
            found_factors = doc.user_data.get(FACTORS_KEY)
            cues, index = self._index()
            chosen = range(len(cues)) if found_factors is None else index(found_factors)
            for position in chosen:
                match_id, pattern = cues[position]
                on_match = self._callbacks[match_id]
                for found in pattern.finditer(text):
                    span = doc.char_span(found.start(), found.end(), alignment_mode="expand")
                    if span is not None and len(span):
                        matches.append((match_id, span.start, span.end))
                    if on_match is not None:
                        on_match(self, doc, len(matches) - 1, matches)
            return matches

        def _index(
            self,
        ) -> tuple[list[tuple[int, re.Pattern[str]]], Callable[[frozenset[str]], list[int]]]:
            """Return every cue in the parent's order and the prefilter's index over them,
            built again only when a cue was added since."""
            count = sum(len(patterns) for patterns in self._patterns.values())
            built = self.__dict__.get("_lems_index")
            if built is None or built[0] != count:
                cues = [
                    (match_id, pattern)
                    for match_id, patterns in self._patterns.items()
                    for pattern in patterns
                ]
                index = prefilter.candidates(
                    tuple(prefilter.required_sets(pattern.pattern) for _, pattern in cues)
                )
                built = (count, cues, index)
                self.__dict__["_lems_index"] = built
            return built[1], built[2]

    return OneTextRegexMatcher


def _any_of(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _symptom_label(symptom_id: str) -> str:
    return SYMPTOM_LABEL_PREFIX + symptom_id.upper()


@cache
def _targets(
    language_code: str,
) -> tuple[
    tuple[str, ...],
    list[tuple[int, re.Pattern[str]]],
    Callable[[frozenset[str]], list[int]],
]:
    """Return every target of the language's lexicon: the labels in order, each compiled
    pattern with the position of its label, and the prefilter's index of which patterns may
    match a note holding some required strings, so most are never tried."""
    words = lexicon(language_code)
    labelled = list(words.RED_FLAG_TARGETS.items()) + [
        (_symptom_label(symptom_id), patterns)
        for symptom_id, patterns in words.SYMPTOM_TARGETS.items()
    ]
    compiled = [
        (position, pattern)
        for position, (_, patterns) in enumerate(labelled)
        for pattern in patterns
    ]
    index = prefilter.candidates(tuple(prefilter.required_sets(pattern) for _, pattern in compiled))
    return (
        tuple(label for label, _ in labelled),
        [(position, re.compile(pattern, re.IGNORECASE)) for position, pattern in compiled],
        index,
    )


@cache
def _all_factors(language_code: str) -> frozenset[str]:
    """Return every required string of the language's targets and cues (``prefilter``)."""
    words = lexicon(language_code)
    patterns = [
        pattern
        for group in (*words.RED_FLAG_TARGETS.values(), *words.SYMPTOM_TARGETS.values())
        for pattern in group
    ] + [pattern for cue in words.CUES for pattern in cue.patterns]
    return frozenset(
        factor
        for pattern in patterns
        for factors in prefilter.required_sets(pattern)
        for factor in factors
    )


@cache
def _compiled(language_code: str, name: str) -> re.Pattern[str]:
    """Return one of the lexicon's note-level patterns (QUESTION_START, CAREGIVER_HEADER...)."""
    return re.compile(getattr(lexicon(language_code), name), re.IGNORECASE)


class _TargetFinder:
    """The pipeline component that finds a language's targets (spaCy factory "lems_targets")."""

    def __init__(self, language_code: str) -> None:
        self.language_code = language_code

    def __call__(self, doc: Doc) -> Doc:
        return _find_targets(doc, self.language_code)


def _find_targets(doc: Doc, language_code: str) -> Doc:
    """Return the doc with every lexicon target in its span group, for ConText to read.

    A label's patterns are matched one by one; where two matches of one label overlap, the
    first and longest is kept, as one alternation of them would."""
    spans = []
    text = doc.text  # spaCy joins the tokens anew on every access
    # Which required strings of the language's targets and cues the note holds (one pass), then
    # only the patterns one of whose strings is here are tried. ConText's matcher reads the
    # same set from the doc.
    found_factors = prefilter.present(_all_factors(language_code), text.lower())
    doc.user_data[FACTORS_KEY] = found_factors
    # Word classes matched by their stems, in any order and inflection (concepts.py).
    by_concept: dict[str, list[tuple[int, int]]] = {}
    for label, start, stop in concepts.find(text, language_code):
        by_concept.setdefault(label, []).append((start, stop))
    labels, patterns, candidates = _targets(language_code)
    found: dict[int, list[tuple[int, int]]] = {
        position: list(by_concept[label])
        for position, label in enumerate(labels)
        if label in by_concept
    }
    for index in candidates(found_factors):
        position, pattern = patterns[index]
        matched = [match.span() for match in pattern.finditer(text) if match.end() > match.start()]
        if matched:
            found.setdefault(position, []).extend(matched)
    # Labels in the lexicon's order, as before: ConText reads the span group in this order.
    for position in sorted(found):
        label = labels[position]
        end = -1
        for start, stop in sorted(found[position], key=lambda span: (span[0], -span[1])):
            if start < end:
                continue
            end = stop
            # Widened to whole tokens, as medspaCy does for a match inside a token.
            span = doc.char_span(start, stop, label=label, alignment_mode="expand")
            if span is not None and len(span):
                spans.append(span)
    doc.spans[SPAN_GROUP] = spans
    return doc


@dataclass(frozen=True, slots=True)
class Mention:
    """A target found in the note, with the ConText categories that modify it."""

    label: str
    text: str
    start: int
    end: int
    categories: frozenset[str]
    sentence: tuple[int, int]  # character offsets of its sentence


@dataclass(frozen=True, slots=True)
class NoteTriage:
    """What a note raised: red flags, LEMS symptoms found, and whether it is `routine`.

    ``language`` is the note's ISO 639-1 code (or "und"); ``checked`` is False when triage has
    no lexicon for it; ``author`` is who wrote it, after a caregiver header in the note; and
    ``third_person`` is True when a flag rests on words about a family member written by an
    unknown author."""

    hits: tuple[FlagHit, ...]
    findings: tuple[str, ...]
    routine: bool
    language: str = language.DEFAULT
    checked: bool = True
    author: str = "patient"
    third_person: bool = False
    weight_loss_intended: bool = False


def mentions(text: str, language_code: str = language.DEFAULT) -> list[Mention]:
    """Return every target mention in the note, in order, with its ConText categories."""
    nlp = pipeline(language_code)
    found = []
    for offset, chunk in _chunks(text):
        # Misspelt red-flag words are read as the word they stand for (spec section 3,
        # misspellings); ``origin`` maps the corrected text back to the note's characters.
        corrected, origin = spelling.correct(_folded(chunk, language_code), language_code)
        doc = _analyse(nlp, corrected)

        def at(position: int, origin: list[int] | None = origin) -> int:
            return position if origin is None else origin[position]

        for span in sorted(doc.spans[SPAN_GROUP], key=lambda item: (item.start, item.end)):
            # medspaCy 1.3 lets a cue lying wholly inside a target modify it (its overlap test
            # misses containment): "me quedo sin aire" would be negated by its own "sin".
            categories = {
                modifier.category
                for modifier in span._.modifiers
                if modifier.category not in INSIDE_IGNORED
                or not (
                    span.start <= modifier.modifier_span[0]
                    and modifier.modifier_span[1] <= span.end
                )
            }
            if _is_general_question(span, language_code):
                categories.add("HYPOTHETICAL")
            start, end = offset + at(span.start_char), offset + at(span.end_char)
            found.append(
                Mention(
                    label=span.label_,
                    text=text[start:end],  # the patient's own characters
                    start=start,
                    end=end,
                    categories=frozenset(categories),
                    sentence=(offset + at(span.sent.start_char), offset + at(span.sent.end_char)),
                )
            )
    return found


# Spanish "sí" (yes, indeed) and "si" (if) differ only by the accent: "Hoy sí me atraganté" is a
# choking, "si me atraganto" a hypothetical (spec section 3). The accent is kept on "sí" alone.
_SPANISH_YES = re.compile(r"\b[sS][íÍ]\b")


def _folded(text: str, language_code: str) -> str:
    """Return the note folded for matching, with Spanish "sí" kept apart from "si"."""
    folded = language.fold(text)
    if language_code != "es" or "í" not in text.lower():
        return folded
    for match in _SPANISH_YES.finditer(text):
        folded = folded[: match.start()] + match.group(0) + folded[match.end() :]
    return folded


def _analyse(nlp: Language, text: str) -> Doc:
    """Return the processed doc; ConText is skipped when the note names no target at all."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "medspacy_context" and not doc.spans[SPAN_GROUP]:
            break  # nothing for ConText to modify: most of a note's cost saved
        doc = component(doc)
    return doc


def _chunks(text: str) -> list[tuple[int, str]]:
    """Return the note cut at sentence ends into pieces of about CHUNK_CHARS, with offsets."""
    # ConText never looks beyond a sentence, so cutting between sentences changes nothing; it
    # keeps long notes fast, because medspaCy compares every cue with every other in a doc.
    if len(text) <= CHUNK_CHARS:
        return [(0, text)]
    pieces, start = [], 0
    for boundary in SENTENCE_BREAK.finditer(text):
        if boundary.end() - start >= CHUNK_CHARS:
            pieces.append((start, text[start : boundary.end()]))
            start = boundary.end()
    if start < len(text):
        pieces.append((start, text[start:]))
    return pieces


def _is_general_question(span: Span, language_code: str) -> bool:
    # Spec section 3: a question is not flagged. "Is choking a sign of LEMS?" asks in general;
    # "Why do I keep choking?" reports the patient's own symptom and stays flagged.
    sentence = span.sent.text.strip()
    return (
        sentence.endswith("?")
        and (
            _compiled(language_code, "QUESTION_START").search(sentence) is not None
            # "Bekommt man bei LEMS oft Schluckbeschwerden?": asked about people in general.
            or _generic_subject(language_code).search(sentence) is not None
        )
        and not _compiled(language_code, "FIRST_PERSON").search(sentence)
    )


@cache
def _generic_subject(language_code: str) -> re.Pattern[str]:
    return re.compile(slots.GENERIC_SUBJECT[language_code], re.IGNORECASE)


def authorship(text: str, author: str, language_code: str) -> str:
    """Return who wrote the note: "caregiver" when the note says so, else the given author."""
    if author != "caregiver" and language.is_checked(language_code):
        folded = language.fold(text)
        if _compiled(language_code, "CAREGIVER_HEADER").search(folded):
            return "caregiver"
    return author


def _keeps(mention: Mention, author: str) -> bool:
    """Return True when the mention stands after the context rules of spec section 3."""
    categories = mention.categories
    if mention.label == "OXIMETRY" and categories & DROPPING == {"NEGATED"}:
        # A pulse-oximeter reading is judged by its number (spec section 3: numbers count as
        # if entered): "93 %, normal hab ich 97" does not negate it.
        categories = categories - {"NEGATED"}
    if categories & DROPPING:
        return False
    # Spec section 3, "Who is writing": a family member's symptom is another person's when the
    # patient writes, the patient's own when a caregiver writes, and flagged with a caveat when
    # we do not know who wrote it.
    if "FAMILY" in categories and author == "patient":
        return False
    # A LEMS symptom that passed is still worth recording (routine); a red flag that cleared up
    # is not flagged.
    if "RESOLVED" in categories and mention.label in RESOLVABLE:
        return False
    if mention.label == "WEIGHT_LOSS" and "INTENDED" in categories:
        return False
    if mention.label == "LOC" and FAINT in categories:
        return False
    # Spec section 3: an expected, benign cause stated *with* a quick recovery (for choking, a
    # drink gone the wrong way while laughing, one cough and over: only where a lexicon allows it).
    return not (
        mention.label in {"DYSPNEA", "CHEST_PAIN", "CHOKING"}
        and {"BENIGN_CAUSE", "QUICK_RECOVERY"} <= categories
    )


def triage_note(
    text: str,
    *,
    author: str = "patient",
    language_code: str | None = None,
    today: date | None = None,
) -> NoteTriage:
    """Return the red flags and LEMS findings in a free-text note; empty when there are none.

    ``language_code`` is detected from the note when not given; a note in a language we cannot
    check returns no flags and ``checked=False``. ``today`` is the note's date, for durations
    such as "since the beginning of October" (today's date when not given)."""
    code = (language_code or language.detect(text)).lower()
    if not text.strip():
        return NoteTriage(hits=(), findings=(), routine=False, language=code, author=author)
    if not language.is_checked(code):
        return NoteTriage(
            hits=(), findings=(), routine=False, language=code, checked=False, author=author
        )
    writer = authorship(text, author, code)
    found = [
        _me_too(_third_person(mention, text, code), text, code) for mention in mentions(text, code)
    ]
    # Mentions often share a sentence: each of its figurative patterns is searched once.
    figurative_found: dict[tuple[tuple[int, int], int], tuple[int, int] | None] = {}
    kept = [
        mention
        for mention in found
        if _keeps(mention, writer)
        and not _figurative(mention, text, code, figurative_found)
        and not _inside_choking(mention, found)
    ]
    breathless_sentences = {m.sentence for m in kept if m.label in {"DYSPNEA", "OXIMETRY"}}
    choking_sentences = {m.sentence for m in kept if m.label == "CHOKING"}
    hits: list[FlagHit] = []
    findings: list[str] = []
    routine = False
    third_person = False
    for mention in kept:
        decision = _flag_for(
            mention,
            text=text,
            breathless_sentences=breathless_sentences,
            choking_sentences=choking_sentences,
            stroke_sentences={
                m.sentence
                for m in kept
                if m.label in {"STROKE", "SPEECH"} and "SUDDEN" in m.categories
            },
            today=today or date.today(),
            language_code=code,
            weight_ends=tuple((m.sentence, m.end) for m in found if m.label == "WEIGHT_LOSS"),
        )
        if decision is None:
            finding = _finding(mention)
            if finding is not False:
                routine = True
                if finding:
                    findings.append(finding)
            continue
        flag_id, level = decision
        about_family = "FAMILY" in mention.categories and writer == "unknown"
        third_person = third_person or about_family
        hits.append(
            FlagHit(
                id=flag_id,
                level=level,
                evidence=mention.text,
                start=mention.start,
                end=mention.end,
                basis=_basis(flag_id, mention, about_family=about_family),
            )
        )
    weighs = any(hit.id == "weight_loss" for hit in hits) or numbers.mentions_weight(text)
    intended = weighs and _says_intended(text, code)
    if weighs:
        named = any(mention.label == "WEIGHT_LOSS" for mention in found)
        hits = _weigh_numbers(text, hits, intended=intended, named=named)
    return NoteTriage(
        hits=tuple(hits),
        findings=tuple(dict.fromkeys(findings)),
        routine=routine or bool(hits),
        language=code,
        author=writer,
        third_person=third_person,
        weight_loss_intended=intended,
    )


def _third_person(mention: Mention, text: str, language_code: str) -> Mention:
    """Return the mention marked FAMILY when its sentence speaks of someone in the third person
    and never of the writer ("Jean choked on a biscuit, she was fine after"): another person's
    symptom when the patient writes, the patient's when a caregiver does (spec section 3)."""
    if mention.categories & {"FAMILY", "OTHER_PERSON"}:
        return mention
    sentence = language.fold(text[mention.sentence[0] : mention.sentence[1]])
    if _taken_up_by_pronoun(mention, sentence, language_code):
        return replace(mention, categories=mention.categories | {"FAMILY"})
    subject = _sentence_subject(sentence, language_code)
    if subject is not None:
        return replace(mention, categories=mention.categories | {subject})
    if lexicon(language_code).THIRD_PERSON is None:
        return mention
    if _compiled(language_code, "THIRD_PERSON").search(sentence) and not _compiled(
        language_code, "FIRST_PERSON_WORDS"
    ).search(sentence):
        return replace(mention, categories=mention.categories | {"FAMILY"})
    return mention


@cache
def _me_too_after(language_code: str) -> re.Pattern[str]:
    # Up to a few words after the symptom, or the start of the next sentence; the words close
    # their clause (slots.ME_TOO).
    return re.compile(
        rf"^[^.;!?\n]{{0,40}}?(?:[,;.!?]\s*|\s+)(?:{slots.ME_TOO[language_code]})"
        r"(?=\s*(?:[.,;!?)]|$|\s+(?:but|pero|mais|aber|y|and|et|und|since|for|when|especially|"
        r"desde|hace|cuando|sobre todo|depuis|quand|surtout|seit|wenn|vor allem|besonders|"
        # or a word of when or how much: "and so do I lately", "y a mí también ahora".
        r"lately|recently|now|today|these days|sometimes|at times|a bit|again|more|ahora|hoy|"
        r"ultimamente|a veces|un poco|otra vez|maintenant|aujourd'hui|en ce moment|parfois|"
        r"un peu|encore|jetzt|heute|neuerdings|manchmal|zurzeit|gerade|ein bisschen|etwas|"
        r"wieder)\b))",
        re.IGNORECASE,
    )


def _me_too(mention: Mention, text: str, language_code: str) -> Mention:
    """Return another person's symptom as the writer's own too when "and me too" follows it
    ("A mi madre le cuesta tragar y a mí también"; spec section 3, "Who is writing")."""
    if not mention.categories & {"FAMILY", "OTHER_PERSON"}:
        return mention
    if language_code not in slots.ME_TOO:
        return mention
    after = language.fold(text[mention.end : mention.end + 80])
    if not _me_too_after(language_code).search(after):
        return mention
    return replace(mention, categories=mention.categories - {"FAMILY", "OTHER_PERSON"})


@cache
def _subject_patterns(
    language_code: str,
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    words = lexicon(language_code)
    determiner = slots.DETERMINER[language_code]
    return (
        re.compile(rf"^\W*(?:{determiner}\s*)?{words.OTHER_WORDS}\b", re.IGNORECASE),
        re.compile(rf"^\W*(?:{determiner}\s*)?{words.FAMILY_WORDS}\b", re.IGNORECASE),
        re.compile(words.FIRST_PERSON_WORDS or words.FIRST_PERSON, re.IGNORECASE),
    )


@cache
def _reported(language_code: str) -> re.Pattern[str]:
    return re.compile(slots.REPORTED[language_code], re.IGNORECASE)


@cache
def _reported_about_them(language_code: str) -> re.Pattern[str]:
    return re.compile(slots.REPORTED_ABOUT_THEM[language_code], re.IGNORECASE)


def _sentence_subject(sentence: str, language_code: str) -> str | None:
    """Return OTHER_PERSON or FAMILY when the sentence opens with another person as its subject
    and never speaks of the writer after it ("Le voisin, M. Dubois, a fait un malaise avec le
    visage de travers"): spec section 3, "Who is writing" (friends and neighbours are always
    another person; a family member's symptom depends on who writes)."""
    other, family, first_person = _subject_patterns(language_code)
    reported = _reported(language_code).search(sentence)
    if reported and not _reported_about_them(language_code).match(sentence, reported.end()):
        return None
    for pattern, category in ((other, "OTHER_PERSON"), (family, "FAMILY")):
        found = pattern.match(sentence)
        if found is not None and not first_person.search(sentence, found.end()):
            return category
    return None


@cache
def _family_then_pronoun(language_code: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = lexicon(language_code)
    first_person = words.FIRST_PERSON_WORDS or words.FIRST_PERSON
    return (
        re.compile(
            # The pronoun may follow a comma or "and" ("Mon mari tousse et l'autre jour il a
            # avalé de travers", "neulich hat er sich verschluckt"), as long as no word for the
            # writer stands between (checked below).
            rf"\b(?:{slots.POSSESSIVE[language_code]}\s+{words.FAMILY_WORDS}|"
            rf"{slots.BARE_KIN[language_code]})\b[^.;!?]*?\b{slots.PRONOUN[language_code]}\b",
            re.IGNORECASE,
        ),
        re.compile(first_person, re.IGNORECASE),
    )


def _taken_up_by_pronoun(mention: Mention, sentence: str, language_code: str) -> bool:
    """Return True when a family member named in the sentence is taken up by a third-person
    pronoun in a later clause, and the mention lies in that clause with no word for the writer
    ("mon père est mort d'un cancer du poumon, il crachait du sang"): spec section 3, "Who is
    writing" (slots.py)."""
    family, first_person = _family_then_pronoun(language_code)
    found = family.search(sentence)
    if found is None:
        return False
    start = mention.start - mention.sentence[0]
    return start >= found.end() and not first_person.search(sentence, found.end(), start)


def _inside_choking(mention: Mention, found: list[Mention]) -> bool:
    """Return True for breathlessness words that are part of a choking mention ("me ahogo con
    mi saliva", "s'étouffer avec"): choking, not dyspnea."""
    return mention.label == "DYSPNEA" and any(
        other.label == "CHOKING" and other.start <= mention.start and mention.end <= other.end
        for other in found
    )


@cache
def _figurative_patterns(language_code: str) -> list[tuple[frozenset[str] | None, re.Pattern[str]]]:
    return [
        (labels, re.compile(pattern, re.IGNORECASE))
        for labels, pattern in lexicon(language_code).FIGURATIVE
    ]


def _figurative(
    mention: Mention,
    text: str,
    language_code: str,
    found: dict[tuple[tuple[int, int], int], tuple[int, int] | None] | None = None,
) -> bool:
    """Return True when the mention's clause uses its words in another sense (spec section 3:
    "choked with emotion", "a hard pill to swallow", reading about a symptom).

    The other sense reaches only as far as its clause: in "Watched a film, then I couldn't
    breathe" the film is not why the writer could not breathe, and a red flag is never softened
    (spec section 1). ``found`` keeps, per sentence and pattern, where it matched, for the
    note's other mentions."""
    found = {} if found is None else found
    sentence_start, sentence_end = mention.sentence
    sentence = language.fold(text[sentence_start:sentence_end])
    for number, (labels, pattern) in enumerate(_figurative_patterns(language_code)):
        if labels is not None and mention.label not in labels:
            continue
        key = (mention.sentence, number)
        if key not in found:
            match = pattern.search(sentence)
            found[key] = None if match is None else match.span()
        span = found[key]
        if span is not None and not _clause_break_between(
            sentence,
            (span[0] + sentence_start, span[1] + sentence_start),
            (mention.start, mention.end),
            sentence_start,
        ):
            return True
    return False


# Where a new clause starts within a sentence: a comma or semicolon before a conjunction, a time
# word or the writer ("..., then I", "... y después", ", et moi", ", und ich"), or "and then".
_CLAUSE_BREAK = re.compile(
    r"(?:;|[,:]\s*(?:and|but|then|so|now|later|afterwards|after that|y|pero|luego|despues|"
    r"entonces|ahora|et|mais|puis|ensuite|alors|maintenant|depuis|und|aber|dann|danach|jetzt|"
    r"seitdem|i|my|yo|mi|je|j'|moi|ich|mir|mich)\b|\b(?:and then|y despues|y luego|et puis|"
    r"et depuis|und dann|und seitdem|then i|luego yo|puis je|dann ich)\b)",
    re.IGNORECASE,
)


def _clause_break_between(
    sentence: str, other_sense: tuple[int, int], mention: tuple[int, int], offset: int
) -> bool:
    """Return True when a new clause starts between the words in another sense and the mention
    (offsets into the note; ``sentence`` is the folded sentence starting at ``offset``)."""
    if other_sense[1] <= mention[0]:
        between = sentence[other_sense[1] - offset : mention[0] - offset]
    elif mention[1] <= other_sense[0]:
        between = sentence[mention[1] - offset : other_sense[0] - offset]
    else:
        return False  # they overlap: "choked with emotion" is the mention itself
    return _CLAUSE_BREAK.search(between) is not None


def _finding(mention: Mention) -> str | Literal[False] | None:
    """Return the catalogue symptom a kept, unflagged mention records (None: routine, no id;
    False: nothing worth recording)."""
    label = mention.label
    if label.startswith(SYMPTOM_LABEL_PREFIX):
        return label.removeprefix(SYMPTOM_LABEL_PREFIX).lower()
    if label == "SPEECH":
        return "slurred_speech"
    if label == "STROKE" and "DRUG_EFFECT" in mention.categories:
        return "tingling"
    if label in {"COUGH", "OXIMETRY"}:
        return False  # a short cough or a normal reading is not a LEMS finding
    return None


def _says_intended(text: str, language_code: str) -> bool:
    """Return True when the note says a weight loss is intended ("on a diet", "régime")."""
    folded = language.fold(text)
    return bool(
        _compiled(language_code, "INTENDED").search(folded)
        and not _compiled(language_code, "NOT_INTENDED").search(folded)
    )


def says_weight_loss_intended(text: str) -> bool:
    """Return True when a diary note says the weight loss is intended; False when not."""
    code = language.detect(text)
    return language.is_checked(code) and _says_intended(text, code)


def _weigh_numbers(
    text: str, hits: list[FlagHit], *, intended: bool, named: bool = False
) -> list[FlagHit]:
    """Return the hits with weight_loss decided by the weights written in the note, if any.

    Spec section 3: "was 81 kg at Easter, 76.5 now" is judged by the one weight-loss rule. When
    the note gives two weights, they decide (a 2% loss is not flagged, 10% is flagged even when
    intended); a note that only says "lost weight" keeps its flag."""
    change = numbers.weight_change(text)
    others = [hit for hit in hits if hit.id != "weight_loss"]
    flag = flag_defs.get("weight_loss")
    if change is None:
        # Spec section 3: an amount lost ("lost 4 kilos", "bajé cuatro kilos y medio") counts
        # as if entered: with one body weight it gives the percentage; alone, a loss without
        # trying is weight_loss whatever language its words are in.
        folded = language.fold(text)
        lost = numbers.amount_lost(folded)
        if lost is None:
            return hits
        change = numbers.change_from_amount(folded, lost)
        if change is None:
            # A loss the lexicon read and the context rules dropped ("before diagnosis I lost
            # 10 kg") stays dropped.
            if intended or named or len(others) < len(hits):
                return hits
            return [
                *hits,
                FlagHit(
                    id="weight_loss",
                    level="prompt",
                    evidence=text[lost.start : lost.end],
                    start=lost.start,
                    end=lost.end,
                    basis=f"note says {lost.kg:.1f} kg lost, not on purpose; {flag.basis} "
                    f"({flag.source})",
                ),
            ]
    from lems_companion.rules import weight_loss

    if not weight_loss.is_loss(change.percent, intended=intended):
        return others
    reason = (
        "10% or more of body weight lost, though the note says it is intended"
        if intended
        else "5% or more of body weight lost"
    )
    return [
        *others,
        FlagHit(
            id="weight_loss",
            level="prompt",
            evidence=text[change.start : change.end],
            start=change.start,
            end=change.end,
            basis=(
                f"note gives weights: {change.heavier_kg:g} kg then {change.lighter_kg:g} kg, "
                f"{change.percent:.1f}% lost; {reason}; {flag.basis} ({flag.source})"
            ),
        ),
    ]


def _flag_for(
    mention: Mention,
    *,
    text: str,
    breathless_sentences: set[tuple[int, int]],
    choking_sentences: set[tuple[int, int]],
    stroke_sentences: set[tuple[int, int]],
    today: date,
    language_code: str,
    weight_ends: tuple[tuple[tuple[int, int], int], ...] = (),
) -> tuple[str, flag_defs.Level] | None:
    """Return the flag id and level this kept mention raises; None when it raises none.

    ``weight_ends`` holds each weight-loss mention's sentence and end offset."""
    label, categories = mention.label, mention.categories
    if label.startswith(SYMPTOM_LABEL_PREFIX):
        return None
    if label == "CHEST_PAIN":
        # Spec section 3, severe_chest_pain: sudden, severe, crushing, spreading, or with
        # breathlessness or sweating.
        severe = (
            categories & {"SEVERE", "SUDDEN"}
            or mention.sentence in breathless_sentences
            or _compiled(language_code, "SEVERE_IN_MENTION").search(language.fold(mention.text))
        )
        return ("severe_chest_pain", "emergency") if severe else ("chest_pain", "prompt")
    if label == "SPEECH":
        # Spec section 3: only *sudden* slurred speech is a stroke sign; new slurring over days
        # to weeks is a cerebellar sign (spec section 6); otherwise it is the fluctuating bulbar
        # weakness of LEMS, recorded as routine.
        if "SUDDEN" in categories or (
            not categories & {"GRADUAL", "LONG_STANDING", "NEW_ONSET"}
            and _onset_next_door(mention, text, language_code)
        ):
            return "stroke_signs", "emergency"
        if "NEW_ONSET" in categories and "LONG_STANDING" not in categories:
            return "cerebellar_signs", "prompt"
        return None
    if label == "LIMB_ONE_SIDE":
        return ("stroke_signs", "emergency") if "SUDDEN" in categories else None
    if label == "CEREBELLAR":
        # A sudden "as if drunk" next to sudden slurring is the stroke sign, not a second flag;
        # so is a clumsy hand in a note that tells a sudden stroke sign, unless it says the
        # clumsiness came on over days or weeks.
        if "SUDDEN" in categories and mention.sentence in stroke_sentences:
            return None
        if stroke_sentences and "NEW_ONSET" not in categories:
            return None
        return None if "LONG_STANDING" in categories else ("cerebellar_signs", "prompt")
    if label == "STROKE":
        if "DRUG_EFFECT" in categories:
            return None  # amifampridine's lip and finger tingling (spec section 6): routine
        gradual_only = "GRADUAL" in categories and "SUDDEN" not in categories
        return None if gradual_only else ("stroke_signs", "emergency")
    if label == "OXIMETRY":
        level = numbers.oximetry_level(language.fold(mention.text))
        return ("dyspnea", "emergency" if level == "emergency" else "prompt") if level else None
    if label == "COUGH":
        # Spec section 3: a cough of three weeks or more, wherever the duration stands; "for
        # ages" after a choking fit is not a duration in weeks.
        start = max(mention.sentence[0], mention.start - 90)
        # A duration told with a weight loss earlier in the sentence, before the comma that
        # ends its clause, is the loss's ("lost 5 kg since September, and I cough on every
        # meal"), not the cough's.
        for sentence, end in weight_ends:
            if sentence == mention.sentence and end <= mention.start:
                comma = text.find(",", end, mention.start)
                if comma != -1:
                    start = max(start, comma + 1)
        window = text[start : mention.sentence[1]]
        days = durations.longest_days(language.fold(window), today=today)
        if days is None or days < PERSISTENT_COUGH_DAYS:
            return None
        if _near_choking(mention, choking_sentences) and durations.is_vague(language.fold(window)):
            return None
        return "persistent_cough", "prompt"
    if (
        label == "DYSPNEA"
        and mention.sentence in choking_sentences
        and getattr(lexicon(language_code), "COLOUR_SIGN", None) is not None
        and _compiled(language_code, "COLOUR_SIGN").search(
            language.fold(text[mention.start : mention.end + 40])
        )
    ):
        return None  # how a choking fit looked is that fit's sign (spec section 3 table)
    if (
        label == "PERSISTENT_COUGH"
        and mention.sentence in choking_sentences
        and durations.is_vague(language.fold(mention.text))
    ):
        return None
    flag_id = lexicon("en").TARGET_FLAG.get(label)
    return (flag_id, flag_defs.get(flag_id).level) if flag_id else None


def _near_choking(mention: Mention, choking_sentences: set[tuple[int, int]]) -> bool:
    """Return True when a choking mention stands in the mention's sentence or the one just
    before it ("went down the wrong way again at lunch. coughed for ages"): spec section 3,
    "for ages" after a choking fit is not a duration in weeks."""
    start = mention.sentence[0]
    return any(begin <= start <= end + 2 for begin, end in choking_sentences)


def _onset_next_door(mention: Mention, text: str, language_code: str) -> bool:
    """Return True when the sentence just after or before the mention's only says the onset was
    sudden ("... talking gibberish. Sudden, he was fine an hour ago."): spec section 3."""
    if getattr(lexicon(language_code), "ONSET_SENTENCE", None) is None:
        return False
    pattern = _compiled(language_code, "ONSET_SENTENCE")
    after = language.fold(text[mention.sentence[1] : mention.sentence[1] + 80]).lstrip(" .!?\n")
    before = language.fold(text[max(0, mention.sentence[0] - 80) : mention.sentence[0]])
    before = re.split(r"[.!?\n]\s", before.rstrip(" \n"))[-1]
    return bool(pattern.match(after) or pattern.match(before))


def _basis(flag_id: str, mention: Mention, *, about_family: bool = False) -> str:
    """Return the rule that raised this flag, in words a clinician can check."""
    flag = flag_defs.get(flag_id)
    reason = f"note mentions {flag.title.lower()}"
    if "SUDDEN" in mention.categories:
        reason += " with a sudden onset"
    if flag_id == "severe_chest_pain" and "SEVERE" in mention.categories:
        reason += " described as severe or spreading"
    if mention.label == "OXIMETRY":
        reason = (
            "note gives a home pulse-oximeter reading of 94% or lower (NHS home pulse-oximetry "
            "advice: 92% or below, urgent care now; 93-94%, a clinician the same day)"
        )
    if about_family:
        reason += ", about a family member (author unknown)"
    return f"{reason}; {flag.basis} ({flag.source})"
