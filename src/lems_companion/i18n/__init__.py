"""Interface languages: which one a reader gets, and the gettext catalogues that translate.

The catalogues are Babel/gettext ``.po`` files under ``locales/<lang>/LC_MESSAGES/``
(``pybabel extract``/``update``/``compile``, see docs/i18n.md). They are compiled in memory the
first time a language is needed, so a fresh clone needs no build step; CI also runs
``pybabel compile`` to prove they compile.

The reader's language is the profile's, else the one chosen with the switch on every page (a
cookie), else the browser's ``Accept-Language``, else English.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from typing import Any, Literal

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


class Said(str):
    """A marked message with its values: the English text (what the API, the command line and
    the logs give) that also knows its catalogue message, so a page can say it in the reader's
    language (``said_in``; the ``translated`` filter asks it).

    ``field`` names the form field a domain error is about; the English text then reads
    "field: message", as ``web.forms.field_errors`` splits it. A value that is itself ``Said``
    is said in the same language; numbers are written as the language writes them.
    """

    message: str
    values: dict[str, object]
    field: str

    def __new__(cls, message: str, /, *, field: str = "", **values: object) -> Said:
        english = _fill(message, values, DEFAULT_LANGUAGE)
        text = super().__new__(cls, f"{field}: {english}" if field else english)
        text.message, text.values, text.field = message, values, field
        return text

    def said_in(self, language: str) -> str:
        """Return the message in the language (English when it has no translation), its
        placeholders filled in; without the field's name."""
        return _fill(self.message, self.values, language)

    def unfielded(self) -> Said:
        """Return the same message without the field's name before it."""
        return Said(self.message, field="", **self.values)


class Sentences(Said):
    """Sentences said one after another, each in the reader's language; English as text."""

    parts: tuple[Said, ...]

    def __new__(cls, *parts: Said) -> Sentences:
        english = " ".join(parts)
        text = str.__new__(cls, english)
        text.message, text.values, text.field, text.parts = english, {}, "", parts
        return text

    def said_in(self, language: str) -> str:
        """Return every sentence in the language."""
        return " ".join(part.said_in(language) for part in self.parts)

    def unfielded(self) -> Sentences:
        """Return the same sentences (they name no field)."""
        return self


def _fill(message: str, values: dict[str, object], language: str) -> str:
    """Return a marked message in the language with its placeholders filled in."""
    text = translate(message, language)
    if not values:
        return text
    shown = {name: _shown(value, language) for name, value in values.items()}
    return text % shown


def _shown(value: object, language: str) -> object:
    """Return a placeholder's value as the language writes it: a Said said in it, a fractional
    number by Babel ("7.5", "7,5"), anything else as it is. Whole numbers stay plain: they are
    line numbers, years and counts, which a thousands separator would garble ("line 1,204")."""
    if isinstance(value, Said):
        return value.said_in(language)
    if isinstance(value, float | Decimal):
        return format_number(value, language)
    return value


def message_of(error: Exception) -> str:
    """Return an error's message to show; a ``Said`` stays one, so a page can translate it."""
    said = error.args[0] if len(error.args) == 1 else None
    return said if isinstance(said, Said) else str(error)


def problem_message(problem: Mapping[str, Any]) -> str:
    """Return the message of one pydantic validation problem: the ``Said`` a validator raised,
    else pydantic's own words (``i18n.problems``); either way a page can say it in the reader's
    language, and its text is what the API and the command line give."""
    from lems_companion.i18n.problems import pydantic_words

    error = (problem.get("ctx") or {}).get("error")
    if isinstance(error, ValueError) and error.args and isinstance(error.args[0], Said):
        return error.args[0]
    return pydantic_words(problem)


def said_in(text: str, language: str) -> str:
    """Return a text the code hands a page in the language: a ``Said`` with its values, a marked
    constant through the catalogue, anything else as it is (the catalogue has no entry)."""
    if isinstance(text, Said):
        return text.said_in(language)
    return translate(text, language)


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
    08:30", "30 nov 2026, 08:30", "30. Nov. 2026, 08:30"."""
    from babel.dates import format_datetime

    return format_datetime(value, f"{day_pattern(language)}, HH:mm", locale=language)


@lru_cache(maxsize=64)
def day_pattern(language: str, pattern: str = "d MMM y") -> str:
    """Return the CLDR pattern that writes a day in the language. English keeps the app's own
    day-month-year order; the others take their locale's pattern for the same fields, so German
    gets its ordinal dot ("1. März 2026") and Spanish its "de" ("1 de marzo de 2026")."""
    if language == DEFAULT_LANGUAGE:
        return pattern
    from babel import Locale
    from babel.dates import get_date_format

    locale = Locale.parse(language)
    if pattern == "d MMMM y":
        return get_date_format("long", locale=locale).pattern
    skeleton = _DAY_SKELETONS.get(pattern)
    return locale.datetime_skeletons[skeleton].pattern if skeleton else pattern


# The app's English day patterns and the CLDR skeletons naming the same fields.
_DAY_SKELETONS = {"d MMM y": "yMMMd", "d MMM": "MMMd"}


def format_day(value: date, language: str, pattern: str = "d MMM y") -> str:
    """Return a calendar date as the language writes it (Babel): "30 Nov 2026", "30 nov 2026",
    "30. Nov. 2026"; ``pattern`` is the English form, and the language's own is used for it."""
    from babel.dates import format_date

    return format_date(value, day_pattern(language, pattern), locale=language)
