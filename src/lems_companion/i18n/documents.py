"""The catalogue and Babel's formats for documents rendered outside a request: the report's PDF
and file, the alert card. Such a document names its reader's language in its context as
``language``; the web pages find theirs from the request (web.templating).

Kept apart from the web so that the reports, which the web pages call, never import the web.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from jinja2 import Environment, pass_context
from jinja2.runtime import Context

from lems_companion.i18n import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    format_day,
    format_moment,
    format_number,
    translations,
)


def document_language(context: Context) -> str:
    """Return the language a document is rendered in: the one it names, else English."""
    named = context.get("language")
    return str(named) if named in LANGUAGES else DEFAULT_LANGUAGE


@pass_context
def _gettext(context: Context, message: str) -> str:
    return translations(document_language(context)).gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, count: int) -> str:
    return translations(document_language(context)).ngettext(singular, plural, count)


@pass_context
def _when(context: Context, moment: datetime) -> str:
    return format_moment(moment, document_language(context))


@pass_context
def _day(context: Context, value: date, pattern: str = "d MMM y") -> str:
    return format_day(value, document_language(context), pattern)


@pass_context
def _number(context: Context, value: float | Decimal, pattern: str | None = None) -> str:
    return format_number(value, document_language(context), pattern)


def install(env: Environment) -> None:
    """Give a Jinja2 environment for documents the gettext calls (new style, as the web pages
    use) and the ``when``, ``day`` and ``number`` filters, in the document's language."""
    env.add_extension("jinja2.ext.i18n")
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(when=_when, day=_day, number=_number)
    env.globals["reader_language"] = pass_context(document_language)
