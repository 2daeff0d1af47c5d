"""Build src/lems_companion/triage/near_words.json: the real words close to triage's keywords.

Run: PYTHONPATH=src python scripts/build_near_words.py  (needs pyspellchecker, a dev tool only:
the app reads the JSON it writes and never imports pyspellchecker).

For each language of ``triage.spelling.KEYWORDS``, every word of pyspellchecker's word-frequency
list (built from OpenSubtitles) seen at least MIN_COUNT times, of ``spelling.MIN_LENGTH``
letters or more, that ``spelling`` could take for a misspelt keyword (``spelling.closeness``)
is written out, so that it is never
"corrected" ("cooking" stays "cooking", not "choking"). tests/triage/test_spelling.py checks
that the file matches the keywords.
"""

from __future__ import annotations

import json
from pathlib import Path

from lems_companion.triage import spelling
from lems_companion.triage.language import fold

# Every word of the lists counts as real: a rare real word ("flojas") must never become a
# keyword ("flemas"); common misspellings in the lists ("chocking") are in the lexicons.
MIN_COUNT = 1
OUT = Path(__file__).resolve().parents[1] / "src/lems_companion/triage/near_words.json"


def near(language_code: str) -> list[str]:
    """Return the language's dictionary words that lie close to one of its keywords."""
    from spellchecker import SpellChecker

    dictionary = SpellChecker(language=language_code, distance=1).word_frequency.dictionary
    words = {
        fold(word).lower()
        for word, count in dictionary.items()
        if count >= MIN_COUNT and len(word) >= spelling.MIN_LENGTH and word.isalpha()
    }
    found = set()
    for keyword in spelling.KEYWORDS[language_code]:
        for word in words:
            if word != keyword and spelling.closeness(word, keyword) is not None:
                found.add(word)
    return sorted(found - set(spelling.KEYWORDS[language_code]))


def main() -> None:
    """Write the near words of every language."""
    data = {code: near(code) for code in spelling.KEYWORDS}
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print({code: len(words) for code, words in data.items()})


if __name__ == "__main__":
    main()
