"""Interface languages: which one a reader gets, and the gettext catalogues that translate.

The catalogues are Babel/gettext ``.po`` files under ``locales/<lang>/LC_MESSAGES/``
(``pybabel extract``/``update``/``compile``, see docs/i18n.md). They are compiled in memory the
first time a language is needed, so a fresh clone needs no build step; CI also runs
``pybabel compile`` to prove they compile.

The reader's language is the profile's, else the one chosen with the switch on every page (a
cookie), else the browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Literal

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.support import NullTranslations, Translations

Language = Literal["en", "es", "fr", "de"]
# Each language named in itself, as the switch shows it.
LANGUAGES: dict[str, str] = {"en": "English", "es": "Español", "fr": "Français", "de": "Deutsch"}
DEFAULT_LANGUAGE = "en"
LANGUAGE_COOKIE = "lems_language"
LOCALES_DIR = Path(__file__).with_name("locales")
DOMAIN = "messages"


def N_(message: str) -> str:
    """Mark a text for the translation catalogues (pybabel extract); it is translated where it
    is shown, in the reader's language."""
    return message


def catalogue_path(language: str) -> Path:
    """Return the ``.po`` file of a language."""
    return LOCALES_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> NullTranslations:
    """Return the translations of a supported language (English is the source: no catalogue)."""
    if language not in LANGUAGES or language == DEFAULT_LANGUAGE:
        return NullTranslations()
    with catalogue_path(language).open("rb") as po:
        catalog = read_po(po, locale=language)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled, domain=DOMAIN)


def accepted_languages(header: str | None) -> list[str]:
    """Return the primary language tags of an ``Accept-Language`` header, best first.

    RFC 9110 section 12.5.4: comma-separated ranges, each with an optional ``q`` weight; a
    weight of 0 means "not acceptable". Ties keep the header's order.
    """
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((header or "").split(",")):
        tag, _, params = item.strip().partition(";")
        weight = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name.strip().lower() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        primary = tag.strip().split("-")[0].lower()
        if primary and weight > 0:
            ranked.append((-weight, position, primary))
    return [primary for _, _, primary in sorted(ranked)]


def choose_language(profile: str | None, chosen: str | None, accept_language: str | None) -> str:
    """Return the reader's language: profile, then the switch's cookie, then the browser's."""
    for candidate in (profile, chosen, *accepted_languages(accept_language)):
        if candidate in LANGUAGES:
            return candidate
        if candidate == "*":
            break
    return DEFAULT_LANGUAGE


def translate(message: str, language: str) -> str:
    """Return a marked text in the language; the English text when it has no translation."""
    return translations(language).gettext(message)


def gettext_in(language: str) -> NullTranslations:
    """Return the catalogue of a language, or English (the source) for an unsupported one: for
    text built in Python for a named reader (the analysis, a report, an e-mail)."""
    return translations(language if language in LANGUAGES else DEFAULT_LANGUAGE)


def in_sentence(name: str, language: str) -> str:
    """Return a name as it stands inside a sentence: its first letter in lower case, except in
    German, where nouns keep their capital ("heat", "calor", "chaleur", "Hitze")."""
    if language == "de" or not name:
        return name
    return name[0].lower() + name[1:]


def format_number(value: float | Decimal, language: str, pattern: str | None = None) -> str:
    """Return a number as the language writes it (Babel's CLDR data: "1.5", "1,5"); the pattern
    as in CLDR ("0.0": one decimal always), else up to three decimals as needed."""
    from babel.numbers import format_decimal

    return format_decimal(value, pattern, locale=language)


def format_moment(value: datetime, language: str) -> str:
    """Return a date and time as the language writes it (Babel's CLDR data): "30 Nov 2026,
    08:30", "30 nov. 2026, 08:30", "30 Nov. 2026, 08:30"."""
    from babel.dates import format_datetime

    return format_datetime(value, "d MMM y, HH:mm", locale=language)


def format_day(value: date, language: str, pattern: str = "d MMM y") -> str:
    """Return a calendar date as the language writes it (Babel): "30 Nov 2026", "30 nov 2026"."""
    from babel.dates import format_date

    return format_date(value, pattern, locale=language)
