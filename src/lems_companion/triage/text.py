"""Free-text triage: find red flags in a patient's note with medspaCy ConText.

The pipeline is a blank English spaCy tokenizer, a small sentence splitter, a target finder
(what is mentioned: ``lexicon.RED_FLAG_TARGETS`` and ``lexicon.SYMPTOM_TARGETS``, put in a span
group as medspaCy's TargetMatcher would, at half its cost) and medspaCy's ConText (what the
mention means: ``lexicon.CUES``). No statistical model is
loaded, so nothing is downloaded and a note takes a millisecond or two.

Context rules (spec section 3, "Context rules for free text") are applied in ``_keeps``:
negated, about another person, hypothetical or a question, long past, resolved, intended weight
loss and a benign cause with quick recovery are dropped; hedged mentions are kept.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from lems_companion.triage import flags as flag_defs
from lems_companion.triage import lexicon
from lems_companion.triage.result import FlagHit

if TYPE_CHECKING:  # spaCy is imported when the pipeline is first built, not with this module
    from spacy.language import Language
    from spacy.tokens import Doc, Span

# PyRuSH (a medspaCy dependency) logs every document through loguru unless told not to.


SPAN_GROUP = "lems_mentions"
# Long notes are triaged in pieces of about this many characters, cut between sentences.
CHUNK_CHARS = 500
SENTENCE_BREAK = re.compile(r"(?:[.!?;]+|\u2026)\s+|\n+")
SENTENCE_END = {".", "!", "?", ";", "...", "…"}

# Red flags that describe a state which can clear up; an event (a choking episode, a fit, a
# stroke sign) stays worth flagging even when the note says it passed, unless it is long past.
# Spec section 3: "clearly resolved or long past ... not flagged"; spec section 1: when in doubt,
# flag.
RESOLVABLE = {"DYSPHAGIA", "DYSPNEA", "PERSISTENT_COUGH", "CHEST_PAIN", "WEIGHT_LOSS"}
# Categories that always drop a mention (spec section 3, context rules 1-4).
DROPPING = {"NEGATED", "OTHER_PERSON", "HYPOTHETICAL", "HISTORICAL", "STOPPED"}
# A question with none of these words asks about symptoms in general ("Can LEMS cause
# choking?"), not about the patient's own ("Why do I keep choking?"), so only the first is dropped.
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|i'd|me|my|myself|this|these)\b", re.IGNORECASE)
# Only a sentence built as a question counts: "Maybe some chest tightness?" is a hedged report.
QUESTION_START = re.compile(
    r"^\W*(?:is|are|can|could|does|do|did|will|would|should|shall|may|might|what|when|why|how|"
    r"which|who|where|has|have)\b",
    re.IGNORECASE,
)
# A chest-pain mention that itself says "crushing" or "severe" (a cue inside the mention cannot
# modify it in ConText, so it is checked here).
SEVERE_IN_MENTION = re.compile(
    r"\b(?:crushing|severe|terrible|agonising|agonizing|excruciating|unbearable|intense|worst|"
    r"squeezing)\b",
    re.IGNORECASE,
)
# Curly quotes become straight ones so one pattern covers both; each is one character, so the
# offsets of the matches stay valid for the original note.
_STRAIGHTEN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def _split_sentences(doc: Doc) -> Doc:
    """Return the doc with sentence starts after . ! ? ; and line breaks."""
    starts_sentence = True
    for token in doc:
        token.is_sent_start = starts_sentence
        text = token.text
        starts_sentence = text in SENTENCE_END or "\n" in text
    return doc


@cache
def pipeline() -> Language:
    """Return the triage pipeline; built once per process (about a second), then cached."""
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
        Language.component("lems_targets", func=_find_targets)
    nlp = spacy.blank("en")
    nlp.add_pipe("lems_sentences")
    nlp.add_pipe("lems_targets")
    context = nlp.add_pipe(
        "medspacy_context",
        config={"rules": None, "input_span_type": "group", "span_group_name": SPAN_GROUP},
    )
    context.add(  # type: ignore[attr-defined]
        [
            ConTextRule(
                f"{cue.category}_{cue.direction}_{index}",
                cue.category,
                pattern=_any_of(cue.patterns),
                direction=cue.direction,
                terminated_by=set(cue.terminated_by),
                max_scope=cue.max_scope,
                allowed_types=set(cue.allowed_types) if cue.allowed_types else None,
            )
            for index, cue in enumerate(lexicon.CUES)
        ]
    )
    return nlp


def _any_of(patterns: Iterable[str]) -> str:
    return "|".join(f"(?:{pattern})" for pattern in patterns)


def _symptom_label(symptom_id: str) -> str:
    return lexicon.SYMPTOM_LABEL_PREFIX + symptom_id.upper()


# Every target of the lexicon: one compiled pattern per label, case-insensitive like medspaCy's.
# medspaCy's TargetMatcher would rebuild the note's text for every rule; finding the targets
# here, one pass per pattern over the text, halves the cost of triaging a note.
_TARGETS: list[tuple[str, re.Pattern[str]]] = [
    (label, re.compile(_any_of(patterns), re.IGNORECASE))
    for label, patterns in lexicon.RED_FLAG_TARGETS.items()
] + [
    (_symptom_label(symptom_id), re.compile(_any_of(patterns), re.IGNORECASE))
    for symptom_id, patterns in lexicon.SYMPTOM_TARGETS.items()
]


def _find_targets(doc: Doc) -> Doc:
    """Return the doc with every lexicon target in its span group, for ConText to read."""
    spans = []
    text = doc.text  # spaCy joins the tokens anew on every access
    for label, pattern in _TARGETS:
        for match in pattern.finditer(text):
            # Widened to whole tokens, as medspaCy does for a match inside a token.
            span = doc.char_span(match.start(), match.end(), label=label, alignment_mode="expand")
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
    """What a note raised: red flags, LEMS symptoms found, and whether it is `routine`."""

    hits: tuple[FlagHit, ...]
    findings: tuple[str, ...]
    routine: bool


def mentions(text: str) -> list[Mention]:
    """Return every target mention in the note, in order, with its ConText categories."""
    nlp = pipeline()
    found = []
    for offset, chunk in _chunks(text):
        doc = _analyse(nlp, chunk.translate(_STRAIGHTEN))
        for span in sorted(doc.spans[SPAN_GROUP], key=lambda item: (item.start, item.end)):
            categories = {modifier.category for modifier in span._.modifiers}
            if _is_general_question(span):
                categories.add("HYPOTHETICAL")
            start, end = offset + span.start_char, offset + span.end_char
            found.append(
                Mention(
                    label=span.label_,
                    text=text[start:end],  # the patient's own characters
                    start=start,
                    end=end,
                    categories=frozenset(categories),
                    sentence=(offset + span.sent.start_char, offset + span.sent.end_char),
                )
            )
    return found


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


def _is_general_question(span: Span) -> bool:
    # Spec section 3: a question is not flagged. "Is choking a sign of LEMS?" asks in general;
    # "Why do I keep choking?" reports the patient's own symptom and stays flagged.
    sentence = span.sent.text.strip()
    return (
        sentence.endswith("?")
        and QUESTION_START.search(sentence) is not None
        and not FIRST_PERSON.search(sentence)
    )


def _keeps(mention: Mention) -> bool:
    """Return True when the mention stands after the context rules of spec section 3."""
    categories = mention.categories
    if categories & DROPPING:
        return False
    if "RESOLVED" in categories and (
        mention.label in RESOLVABLE or mention.label.startswith(lexicon.SYMPTOM_LABEL_PREFIX)
    ):
        return False
    if mention.label == "WEIGHT_LOSS" and "INTENDED" in categories:
        return False
    # Spec section 3: an expected, benign cause stated *with* a quick recovery.
    return not (mention.label == "DYSPNEA" and {"BENIGN_CAUSE", "QUICK_RECOVERY"} <= categories)


def triage_note(text: str) -> NoteTriage:
    """Return the red flags and LEMS findings in a free-text note; empty when there are none."""
    kept = [mention for mention in mentions(text) if _keeps(mention)]
    breathless_sentences = {m.sentence for m in kept if m.label == "DYSPNEA"}
    hits: list[FlagHit] = []
    findings: list[str] = []
    routine = False
    for mention in kept:
        flag_id = _flag_for(mention, breathless_sentences)
        if flag_id is None:
            routine = True
            if mention.label.startswith(lexicon.SYMPTOM_LABEL_PREFIX):
                findings.append(mention.label.removeprefix(lexicon.SYMPTOM_LABEL_PREFIX).lower())
            elif mention.label == "SPEECH":
                findings.append("slurred_speech")
            continue
        hits.append(
            FlagHit(
                id=flag_id,
                level=flag_defs.get(flag_id).level,
                evidence=mention.text,
                start=mention.start,
                end=mention.end,
                basis=_basis(flag_id, mention),
            )
        )
    return NoteTriage(hits=tuple(hits), findings=tuple(dict.fromkeys(findings)), routine=routine)


def _flag_for(mention: Mention, breathless_sentences: Iterable[tuple[int, int]]) -> str | None:
    """Return the flag id this kept mention raises; None when it is a routine LEMS finding."""
    label, categories = mention.label, mention.categories
    if label == "CHEST_PAIN":
        # Spec section 3, severe_chest_pain: sudden, severe, crushing, spreading, or with
        # breathlessness or sweating.
        severe = (
            categories & {"SEVERE", "SUDDEN"}
            or mention.sentence in breathless_sentences
            or SEVERE_IN_MENTION.search(mention.text)
        )
        return "severe_chest_pain" if severe else "chest_pain"
    if label == "SPEECH":
        # Spec section 3: only *sudden* slurred speech is a stroke sign; otherwise it is the
        # fluctuating bulbar weakness of LEMS, recorded as routine.
        return "stroke_signs" if "SUDDEN" in categories else None
    if label == "STROKE":
        gradual_only = "GRADUAL" in categories and "SUDDEN" not in categories
        return None if gradual_only else "stroke_signs"
    return lexicon.TARGET_FLAG.get(label)


def _basis(flag_id: str, mention: Mention) -> str:
    """Return the rule that raised this flag, in words a clinician can check."""
    flag = flag_defs.get(flag_id)
    reason = f"note mentions {flag.title.lower()}"
    if "SUDDEN" in mention.categories:
        reason += " with a sudden onset"
    if flag_id == "severe_chest_pain" and "SEVERE" in mention.categories:
        reason += " described as severe or spreading"
    return f"{reason}; {flag.basis} ({flag.source})"
