"""pydantic's own validation words in the reader's language, by each problem's ``type`` and the
values in its ``ctx`` (pydantic's documented error types:
https://docs.pydantic.dev/latest/errors/validation_errors/).

pydantic words its problems in English only ("Input should be a valid number"). A page says them
in the reader's language through these catalogue messages; the JSON API, the command line and
the logs keep pydantic's words exactly (``Reworded`` is pydantic's text), because programs match
on them. A type missing here, or a message not yet translated, stays in pydantic's English.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lems_companion.i18n import DEFAULT_LANGUAGE, N_, Said, _fill, translate

# Problems whose words carry no value.
PLAIN: dict[str, str] = {
    "missing": N_("Field required"),
    "extra_forbidden": N_("Extra inputs are not permitted"),
    "int_type": N_("Input should be a valid integer"),
    "int_parsing": N_("Input should be a valid integer, unable to parse string as an integer"),
    "int_from_float": N_("Input should be a valid integer, got a number with a fractional part"),
    "float_type": N_("Input should be a valid number"),
    "float_parsing": N_("Input should be a valid number, unable to parse string as a number"),
    "finite_number": N_("Input should be a finite number"),
    "decimal_parsing": N_("Input should be a valid decimal"),
    "string_type": N_("Input should be a valid string"),
    "bool_type": N_("Input should be a valid boolean"),
    "bool_parsing": N_("Input should be a valid boolean, unable to interpret input"),
    "list_type": N_("Input should be a valid list"),
    "dict_type": N_("Input should be a valid dictionary"),
    "date_type": N_("Input should be a valid date"),
    "datetime_type": N_("Input should be a valid datetime"),
    "time_type": N_("Input should be a valid time"),
    "date_from_datetime_inexact": N_(
        "Datetimes provided to dates should have zero time - e.g. be exact dates"
    ),
    "date_past": N_("Date should be in the past"),
    "date_future": N_("Date should be in the future"),
    "datetime_past": N_("Input should be in the past"),
    "datetime_future": N_("Input should be in the future"),
    "timezone_aware": N_("Input should have timezone info"),
    "timezone_naive": N_("Input should not have timezone info"),
}

# Problems that name a limit: the message and the ``ctx`` key of the limit.
LIMITS: dict[str, tuple[str, str]] = {
    "greater_than": (N_("Input should be greater than %(limit)s"), "gt"),
    "greater_than_equal": (N_("Input should be greater than or equal to %(limit)s"), "ge"),
    "less_than": (N_("Input should be less than %(limit)s"), "lt"),
    "less_than_equal": (N_("Input should be less than or equal to %(limit)s"), "le"),
    "multiple_of": (N_("Input should be a multiple of %(limit)s"), "multiple_of"),
}

# Problems that count (characters, items): the message for exactly one, the message for any
# other count, and the ``ctx`` key of the count. One is catalogued apart rather than through
# plural forms: Spanish, French and German all take the singular for one and the plural for
# any larger count, and a limit of none is never set.
COUNTED: dict[str, tuple[str, str, str]] = {
    "string_too_short": (
        N_("String should have at least 1 character"),
        N_("String should have at least %(number)s characters"),
        "min_length",
    ),
    "string_too_long": (
        N_("String should have at most 1 character"),
        N_("String should have at most %(number)s characters"),
        "max_length",
    ),
    "too_short": (
        N_("There should be at least 1 item, not %(actual_length)s"),
        N_("There should be at least %(number)s items, not %(actual_length)s"),
        "min_length",
    ),
    "too_long": (
        N_("There should be at most 1 item, not %(actual_length)s"),
        N_("There should be at most %(number)s items, not %(actual_length)s"),
        "max_length",
    ),
}

# Problems that give the date parser's reason after their own words.
REASONED: dict[str, str] = {
    "date_parsing": N_("Input should be a valid date in the format YYYY-MM-DD, %(reason)s"),
    "date_from_datetime_parsing": N_("Input should be a valid date or datetime, %(reason)s"),
    "datetime_parsing": N_("Input should be a valid datetime, %(reason)s"),
    "datetime_from_date_parsing": N_("Input should be a valid datetime or date, %(reason)s"),
    "time_parsing": N_("Input should be in a valid time format, %(reason)s"),
}

# The date parser's reasons (pydantic's speedate) that a person meets typing a date or a time;
# any other reason stays in English.
DATE_REASONS = (
    N_("input is too short"),
    N_("unexpected extra characters at the end of the input"),
    N_("invalid date separator, expected `-`"),
    N_("invalid datetime separator, expected `T`, `t`, `_` or space"),
    N_("invalid time separator, expected `:`"),
    N_("invalid character in year"),
    N_("invalid character in month"),
    N_("invalid character in day"),
    N_("invalid character in hour"),
    N_("invalid character in minute"),
    N_("month value is outside expected range of 1-12"),
    N_("day value is outside expected range"),
    N_("hour value is outside expected range of 0-23"),
    N_("minute value is outside expected range of 0-59"),
    N_("second value is outside expected range of 0-59"),
)

# Problems that list the choices ("'a', 'b' or 'c'").
CHOICES = {
    "enum": N_("Input should be %(choices)s"),
    "literal_error": N_("Input should be %(choices)s"),
}
# One choice as pydantic writes it: a quoted text or a bare word (a number, True).
_CHOICE = re.compile(r"'[^',]*'|[^\s,']+")


class Reworded(Said):
    """A message worded by another library (pydantic's English), kept exactly as worded, that
    a page says in the reader's language through a catalogue message with its values; in
    English, or where the message has no translation, it is the library's own words."""

    def __new__(cls, english: str, message: str, /, **values: object) -> Reworded:
        text = str.__new__(cls, english)
        text.message, text.values, text.field = message, values, ""
        return text

    def said_in(self, language: str) -> str:
        """Return the message in the language; the library's words when it has no translation."""
        if language == DEFAULT_LANGUAGE or translate(self.message, language) == self.message:
            return str(self)
        return _fill(self.message, self.values, language)

    def unfielded(self) -> Reworded:
        """Return the same message (it names no field)."""
        return self


class Choices(Said):
    """Choices as pydantic lists them ("'a', 'b' or 'c'"), listed as the language lists
    alternatives ("'a', 'b' o 'c'")."""

    items: tuple[str, ...]

    def __new__(cls, english: str, items: tuple[str, ...]) -> Choices:
        text = str.__new__(cls, english)
        text.message, text.values, text.field, text.items = english, {}, "", items
        return text

    def said_in(self, language: str) -> str:
        """Return the choices joined with the language's "or" (Babel's CLDR lists)."""
        from babel.lists import format_list

        if language == DEFAULT_LANGUAGE or len(self.items) == 1:
            return str(self)
        return format_list(list(self.items), style="or", locale=language)


def _choices(expected: str) -> Said | str:
    """Return pydantic's list of choices as ``Choices``; as it is when a choice cannot be read
    back exactly (one holding a comma, a space or a quote)."""
    head, joined, last = expected.rpartition(" or ")
    items = (*head.split(", "), last) if joined else (expected,)
    if all(_CHOICE.fullmatch(item) for item in items):
        return Choices(expected, items)
    return expected


def pydantic_words(problem: Mapping[str, Any]) -> str:
    """Return pydantic's words for one problem (``msg``, without "Value error, "), as a
    ``Reworded`` a page can say in the reader's language; a plain text for a type not known
    here."""
    english = str(problem["msg"]).removeprefix("Value error, ")
    kind, ctx = problem.get("type", ""), problem.get("ctx") or {}
    if kind in PLAIN:
        return Reworded(english, PLAIN[kind])
    if kind in LIMITS and LIMITS[kind][1] in ctx:
        message, key = LIMITS[kind]
        return Reworded(english, message, limit=ctx[key])
    if kind in COUNTED and COUNTED[kind][2] in ctx:
        one, many, key = COUNTED[kind]
        count = ctx[key]
        extra = {"actual_length": ctx["actual_length"]} if "actual_length" in ctx else {}
        if "actual_length" in COUNTED[kind][1] and not extra:
            return english
        return Reworded(english, one if count == 1 else many, number=count, **extra)
    if kind in REASONED and "error" in ctx:
        return Reworded(english, REASONED[kind], reason=Said(str(ctx["error"])))
    if kind in CHOICES and "expected" in ctx:
        return Reworded(english, CHOICES[kind], choices=_choices(str(ctx["expected"])))
    return english
