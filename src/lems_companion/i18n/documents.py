"""The catalogue and Babel's formats for documents rendered outside a request: the report's PDF
and file, the alert card. Such a document names its reader's language in its context as
``language``; the web pages find theirs from the request (web.templating).

Kept apart from the web so that the reports, which the web pages call, never import the web.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from decimal import Decimal
from types import MappingProxyType
from typing import Any

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    format_day,
    format_moment,
    format_number,
    said_in,
    translations,
)

# A text the code words through a catalogue (rules.medicines.WORDINGS, diary.alerts): the value
# a template holds and a language give the text in that language.
Wording = Callable[[Any, str], str]


def document_language(context: Context) -> str:
    """Return the language a document is rendered in: the one it names, else English."""
    named = context.get("language")
    return str(named) if named in LANGUAGES else DEFAULT_LANGUAGE


def install(
    env: Environment,
    language_of: Callable[[Context], str] = document_language,
    wordings: Mapping[str, Wording] = MappingProxyType({}),
) -> None:
    """Give a Jinja2 environment the gettext calls (new style: `_("Saved %(count)s", count=n)`
    formats and escapes safely), the ``when``, ``day``, ``number`` and ``translated`` filters,
    and a filter per wording (``{{ caution.warning | caution_warning }}``), all in the language
    ``language_of`` finds for a template's context: the document's own (the default), or the
    reader's of a web page (web.templating). Pages and documents install the same wordings, so
    a warning reads the same on an entry page and in the report's PDF.

    The wordings are passed in rather than imported: the rules that word them mark their texts
    with this package's ``N_``, and this package imports no other concept.
    """

    @pass_context
    def gettext(context: Context, message: str) -> str:
        return translations(language_of(context)).gettext(message)

    @pass_context
    def ngettext(context: Context, singular: str, plural: str, count: int) -> str:
        return translations(language_of(context)).ngettext(singular, plural, count)

    @pass_context
    def when(context: Context, moment: datetime) -> str:
        """A date and time: "30 Nov 2026, 08:30", "30 nov. 2026, 08:30"."""
        return format_moment(moment, language_of(context))

    @pass_context
    def day(context: Context, value: date, pattern: str = "d MMM y") -> str:
        """A calendar date ("5 Mar 2026"); a CLDR pattern for another form ("d MMMM y")."""
        return format_day(value, language_of(context), pattern)

    @pass_context
    def number(context: Context, value: float | Decimal, pattern: str | None = None) -> str:
        """A number ("72.5", "72,5"); a CLDR pattern for a fixed form ("+0.0;-0.0")."""
        return format_number(value, language_of(context), pattern)

    @pass_context
    def translated(context: Context, text: str) -> str:
        """A text the code hands a template (an error message, a label marked with ``N_``); the
        text itself when the catalogue has none. Unlike ``_()``, it does not read "%" as a
        placeholder, so any message is safe to pass. A message built with values
        (``i18n.Said``) is said with them, its numbers as the language writes them."""
        return said_in(text, language_of(context))

    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(gettext, ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(when=when, day=day, number=number, translated=translated)
    env.filters.update({name: _worded(word, language_of) for name, word in wordings.items()})
    env.globals["reader_language"] = pass_context(language_of)


def _worded(word: Wording, language_of: Callable[[Context], str]) -> Callable[..., str]:
    """Return a filter giving ``word``'s text in the language of the template's context."""

    @pass_context
    def in_language(context: Context, value: Any) -> str:
        return word(value, language_of(context))

    return in_language
