"""The translation catalogues are complete: every marked text is translated in every language,
nothing is fuzzy, every catalogue compiles, and the translated templates hold no text outside
the catalogue."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from lems_companion.i18n import LANGUAGES, catalogue_path
from lems_companion.web.templating import TEMPLATES_DIR

ROOT = Path(__file__).resolve().parents[2]
TRANSLATED = [language for language in LANGUAGES if language != "en"]
# The pages translated so far; every other template is still English only (issue 20 moves
# them here one by one, and this list only grows).
TRANSLATED_TEMPLATES = [
    "base.html",
    "_alert.html",
    "login.html",
    "signup.html",
    "error.html",
    "offline.html",
    "signup_closed.html",
    "account_deleted.html",
    "password_reset.html",
    "password_reset_confirm.html",
    "verify_email.html",
    "red_flags.html",
    "entry_form.html",
    "entry.html",
    "diary.html",
    "_timeline_items.html",
    "_medication_warnings.html",
    "_macros.html",
    "analysis_page.html",
    "report_page.html",
    "report_body.html",
    "report_document.html",
    "_report_tools.html",
    "learn_index.html",
    "learn_article.html",
    "learn_review.html",
    "learn_language_review.html",
    "home.html",
    "patients.html",
    "_people_list.html",
    "_person_nav.html",
    "people_diary.html",
    "shared_with_me.html",
    "sharing.html",
    "sharing_audit.html",
    "account_page.html",
    "password.html",
    "two_step.html",
    "appointment_body.html",
    "appointment_page.html",
    "appointment_print.html",
    "card_page.html",
    "card_document.html",
    "_card_body.html",
    "interop_calendar.html",
    "interop_index.html",
    "tests_list.html",
    "tests_detail.html",
    "_tools_macros.html",
    "tools_index.html",
    "tools_delta_p.html",
    "tools_edx.html",
    "tools_medicines.html",
    "tools_screening.html",
]
# Words that stay as they are in every language: the product's name, the names of scores and
# of coding systems.
UNTRANSLATED_WORDS = re.compile(r"LEMS Companion|DELTA-P|HPO")
# Text that a browser shows or reads aloud from an attribute.
SHOWN_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label"}


def extracted_messages() -> set[str]:
    """Return every text marked for translation in the code, templates and symptom catalogue,
    from the same babel.cfg that ``pybabel extract`` reads."""
    with (ROOT / "babel.cfg").open(encoding="utf-8") as config:
        method_map, options = parse_mapping_cfg(config)
    found = extract_from_dir(
        ROOT,
        method_map,
        options_map=options,
        keywords={"_": None, "N_": None, "gettext": None, "ngettext": (1, 2)},
    )
    return {message if isinstance(message, str) else message[0] for _, _, message, _, _ in found}


def _texts(string: str | tuple[str, ...]) -> tuple[str, ...]:
    return (string,) if isinstance(string, str) else string


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_marked_text_is_translated_and_none_is_fuzzy(language: str) -> None:
    with catalogue_path(language).open("rb") as po:
        catalogue = read_po(po, locale=language)
    messages = {message.id: message for message in catalogue if message.id}
    # A plural message is known by its singular.
    known = {key if isinstance(key, str) else key[0] for key in messages}
    missing = extracted_messages() - known
    assert not missing, f"{language}: run pybabel update (docs/i18n.md); missing {missing}"
    # A plural message has one text per plural form, each to be filled.
    untranslated = [m.id for m in messages.values() if not all(_texts(m.string))]
    fuzzy = [m.id for m in messages.values() if m.fuzzy]
    assert not untranslated, f"{language}: untranslated {untranslated}"
    assert not fuzzy, f"{language}: fuzzy, check and clear the flag: {fuzzy}"
    assert not catalogue.obsolete, f"{language}: obsolete messages, remove them"


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_compiles_with_the_same_placeholders(language: str) -> None:
    with catalogue_path(language).open("rb") as po:
        catalogue = read_po(po, locale=language)
    errors = [(message.id, error) for message, error in catalogue.check() if error]
    assert not errors
    write_mo(BytesIO(), catalogue)


class _ShownText(HTMLParser):
    """Collects the text a reader sees: text nodes and shown attributes, skipping scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._hidden += 1
        self.shown.extend(value or "" for name, value in attrs if name in SHOWN_ATTRIBUTES)

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.shown.append(data)


def text_outside_the_catalogue(source: str) -> list[str]:
    """Return the words of a template that a reader sees but no gettext call or trans block
    holds (Jinja tags and expressions are taken out first)."""
    source = re.sub(r"\{%-?\s*trans\b.*?endtrans\s*-?%\}", " ", source, flags=re.S)
    source = re.sub(r"\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}", " ", source, flags=re.S)
    parser = _ShownText()
    parser.feed(source)
    words = (UNTRANSLATED_WORDS.sub(" ", text) for text in parser.shown)
    return [text.strip() for text in words if re.search(r"[^\W\d_]", text)]


@pytest.mark.parametrize("template", TRANSLATED_TEMPLATES)
def test_translated_templates_hold_no_text_outside_the_catalogue(template: str) -> None:
    source = (TEMPLATES_DIR / template).read_text(encoding="utf-8")
    assert text_outside_the_catalogue(source) == []


def test_the_check_finds_text_left_out() -> None:
    assert text_outside_the_catalogue('<p>{{ _("Diary") }}</p><p>Sign out</p>') == ["Sign out"]
    assert text_outside_the_catalogue('<input placeholder="Your name">') == ["Your name"]
    assert text_outside_the_catalogue("{% trans %}New <a href='/x'>here</a>{% endtrans %}") == []
