"""Misspelt red-flag words: "stickin in my throte" is read as "sticking in my throat".

Spec section 3: "misspellings and everyday phrasing ... → flagged". The lexicons spell out the
commonest misspellings; this module catches the others. A word of the note is corrected to a
keyword of its language (``KEYWORDS``: the red-flag words of six letters or more, so short words
with many neighbours are never touched) when

- it is within edit distance 1 of the keyword (insertions, deletions, substitutions and swaps
  of neighbouring letters), or 2 when its first three letters are the keyword's, starts with
  the same letter and is no more than one letter longer or shorter (``closeness``); and
- it is not itself a real word of the language: ``near_words.json`` lists every word of the
  language's dictionary (pyspellchecker's word-frequency lists, from OpenSubtitles; words seen
  at least ``scripts/build_near_words.py``'s MIN_COUNT times) that lies that close to a
  keyword, such as "cooking" near "choking" or "bread" near "breath". It is built by
  ``scripts/build_near_words.py`` and kept current by ``tests/triage/test_spelling.py``.

The correction keeps offsets: ``correct`` returns the corrected text and, for each of its
characters, the offset of the character of the note it stands for, so that evidence is always
the patient's own words. No model is loaded; the word list is a few kilobytes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

# Red-flag words of six letters or more, per language, accent-folded (spec section 3 table).
# Ours; awaiting clinical review like the lexicons.
KEYWORDS: dict[str, tuple[str, ...]] = {
    "en": (
        "swallow", "swallowing", "swallowed", "swallows", "throat", "sticking", "choking",
        "choked", "breath", "breathe", "breathing", "breathless", "breathlessness", "coughing",
        "coughed", "phlegm", "seizure", "seizures", "stroke", "tablets", "slurred", "slurring",
        "tightness", "crushing", "mouthful", "spluttering", "haemoptysis", "hemoptysis",
        "dysphagia", "wheezing", "unsteady", "clumsy", "weight", "convulsion", "blacked",
    ),
    "es": (
        "tragar", "atragantado", "atragantada", "atragante", "atragantamiento",
        "atragantamientos", "ahogando", "respirar", "respiracion", "garganta", "pastillas",
        "flemas", "sangre", "convulsion", "convulsiones", "desmayo", "disfagia",
        "tosiendo", "asfixia", "dificultad", "pulmones",
    ),
    "fr": (
        "avaler", "etouffe", "etouffement", "etouffer", "fausse", "fausses", "routes",
        "respirer", "respiration", "essouffle", "essoufflee", "essoufflement", "poitrine",
        "crachats", "convulsion", "convulsions", "comprimes", "dysphagie", "difficulte",
        "souffle", "tousse", "etrangle",
    ),
    "de": (
        "schlucken", "verschluckt", "verschlucke", "atemnot", "luftnot", "husten",
        "brustschmerzen", "krampfanfall", "tabletten", "schluckbeschwerden", "kurzatmig",
        "ersticke", "erstickt", "gewicht", "abgenommen", "atmung", "krampfanfalle",
        "schwierigkeiten", "brustschmerz",
    ),
}  # fmt: skip

# Texting spellings of whole families of short words, read as the words they stand for ("creo q
# m ha entrado", "tosiendo desde principios d octubre"; spec section 3: everyday phrasing). Only
# where they stand alone between words, never next to a figure ("5 m", "x3").
TEXTING: dict[str, dict[str, str]] = {
    "es": {
        "q": "que", "k": "que", "ke": "que", "d": "de", "m": "me", "x": "por", "xq": "porque",
        "pq": "porque", "porq": "porque", "tb": "tambien", "tol": "todo el",
        "toa": "toda la", "dsd": "desde", "mxo": "mucho", "mxa": "mucha", "bn": "bien",
        "nd": "nada", "xa": "para", "pa": "para", "ns": "no se", "dsps": "despues",
        "dps": "despues", "toy": "estoy", "tas": "estas", "tmb": "tambien",
    },
}  # fmt: skip


@cache
def _texting_words(language_code: str) -> re.Pattern[str]:
    words = "|".join(sorted(TEXTING[language_code], key=len, reverse=True))
    return re.compile(rf"(?<!\d)(?<!\d\s)\b(?:{words})\b(?!\s*\d)(?!')", re.IGNORECASE)


def _expand_texting(text: str, language_code: str) -> tuple[str, list[int] | None]:
    """Return the text with texting spellings written out, and the origin of each character."""
    words = TEXTING.get(language_code)
    if not words:
        return text, None
    return _rewrite(
        text,
        (
            (match, full)
            for match in _texting_words(language_code).finditer(text)
            if (full := words.get(match.group(0).lower())) is not None
        ),
    )


def _rewrite(
    text: str, replacements: Iterable[tuple[re.Match[str], str]]
) -> tuple[str, list[int] | None]:
    """Return the text with each matched word replaced, and for each character of the result
    (and one past its end) the offset in ``text`` it stands for; None when nothing changed."""
    pieces: list[str] = []
    origin: list[int] = []
    last = 0
    for match, word in replacements:
        pieces.append(text[last : match.start()])
        origin.extend(range(last, match.start()))
        pieces.append(word)
        origin.extend(min(match.start() + index, match.end() - 1) for index in range(len(word)))
        last = match.end()
    if not pieces:
        return text, None
    pieces.append(text[last:])
    origin.extend(range(last, len(text) + 1))
    return "".join(pieces), origin


# Words of a note that may be misspellings: letters only, at least this long.
MIN_LENGTH = 6
_WORD = re.compile(rf"[^\W\d_]{{{MIN_LENGTH},}}")


@cache
def near_words(language_code: str) -> frozenset[str]:
    """Return the real words of the language that lie close to one of its keywords."""
    data = resources.files("lems_companion.triage").joinpath("near_words.json").read_text("utf-8")
    return frozenset(json.loads(data).get(language_code, ()))


def distance(a: str, b: str) -> int:
    """Return the optimal-string-alignment distance: insertions, deletions, substitutions and
    swaps of two neighbouring letters, one each."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, char_b in enumerate(b, 1):
            cost = char_a != char_b
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


# How many edits a word may be from a keyword ("throte" is two from "throat").
MAX_DISTANCE = 2
# How much longer or shorter than the keyword it may be ("ahogandome" is not "ahogando").
MAX_LENGTH_DIFFERENCE = 1


@cache
def _by_initial(language_code: str) -> dict[str, tuple[str, ...]]:
    index: dict[str, list[str]] = {}
    for keyword in KEYWORDS.get(language_code, ()):
        index.setdefault(keyword[0], []).append(keyword)
    return {initial: tuple(words) for initial, words in index.items()}


@lru_cache(maxsize=8192)
def keyword_for(word: str, language_code: str) -> str | None:
    """Return the keyword a misspelt word stands for; None for a keyword, a real word or a word
    too far from every keyword."""
    word = word.lower()
    if len(word) < MIN_LENGTH:
        return None
    candidates = _by_initial(language_code).get(word[:1], ())
    if word in candidates or word in near_words(language_code):
        return None
    best, best_distance = None, MAX_DISTANCE + 1
    for keyword in candidates:
        found = closeness(word, keyword)
        if found is not None and found < best_distance:
            best, best_distance = keyword, found
    return best


def closeness(word: str, keyword: str) -> int | None:
    """Return the distance from a word to a keyword when the word may stand for it: same first
    letter, length within MAX_LENGTH_DIFFERENCE, one edit, or two when the first three letters
    agree ("throte" for "throat", never "flojas" for "flemas"); None otherwise."""
    if word[:1] != keyword[:1] or abs(len(keyword) - len(word)) > MAX_LENGTH_DIFFERENCE:
        return None
    found = distance(word, keyword)
    if found <= 1 or (found <= MAX_DISTANCE and word[:3] == keyword[:3]):
        return found
    return None


def correct(text: str, language_code: str) -> tuple[str, list[int] | None]:
    """Return the text with texting spellings written out and misspelt keywords corrected, and
    for each of its characters (and one past the end) the offset in ``text`` it stands for;
    None when nothing was changed."""
    expanded, first = _expand_texting(text, language_code)
    corrected, second = _correct_keywords(expanded, language_code)
    if first is None or second is None:
        return corrected, first or second
    return corrected, [first[position] for position in second]


def _correct_keywords(text: str, language_code: str) -> tuple[str, list[int] | None]:
    if language_code not in KEYWORDS:
        return text, None
    return _rewrite(
        text,
        (
            # Keep the writer's capital: "Throte" -> "Throat".
            (match, keyword.capitalize() if match.group(0)[0].isupper() else keyword)
            for match in _WORD.finditer(text)
            if (keyword := keyword_for(match.group(0), language_code)) is not None
        ),
    )
