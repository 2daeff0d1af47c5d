"""Articles in the reader's language (issue 20): a translation where one exists, else English
with a note saying so; each translation has its own review status."""

from __future__ import annotations

from datetime import date

import httpx
import pytest
from bs4 import BeautifulSoup

from lems_companion.cli.content import check_content, review_article
from lems_companion.learn import articles
from lems_companion.learn.articles import (
    TRANSLATION_LANGUAGES,
    find_article,
    load_all,
    load_translations,
    parse_article,
    translation_problems,
)

TITLES = {
    "en": "Red flags and what to do",
    "es": "Señales de alarma y qué hacer",
    "fr": "Signaux d'alerte et que faire",
    "de": "Warnzeichen und was zu tun ist",
}
# Chrome around the article, translated by the catalogue.
SOURCES_HEADING = {"en": "Sources", "es": "Fuentes", "fr": "Sources", "de": "Quellen"}


def page(response: httpx.Response) -> BeautifulSoup:
    assert response.status_code == 200, response.text
    return BeautifulSoup(response.text, "html.parser")


@pytest.mark.parametrize("language", ["en", *TRANSLATION_LANGUAGES])
def test_a_reader_gets_the_article_in_their_language(http: httpx.Client, language: str) -> None:
    shown = page(http.get("/learn/red-flags", headers={"Accept-Language": language}))
    assert shown.html is not None and shown.html["lang"] == language
    assert shown.h1 is not None and shown.h1.get_text() == TITLES[language]
    assert shown.select_one("#sources-heading").get_text() == SOURCES_HEADING[language]
    assert shown.select_one(".untranslated") is None
    assert shown.select_one("article").get("lang") is None


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_an_untranslated_article_is_english_and_says_so(
    http: httpx.Client, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Every article has its translations today; one added later in English only must still be
    # shown, in English, saying so.
    packaged = {lang: dict(items) for lang, items in articles._packaged_translations().items()}
    del packaged[language]["keeping-a-diary"]
    monkeypatch.setattr(articles, "_packaged_translations", lambda: packaged)
    english = find_article("keeping-a-diary")
    assert english is not None and find_article("keeping-a-diary", language) is english
    shown = page(http.get("/learn/keeping-a-diary", headers={"Accept-Language": language}))
    assert shown.html is not None and shown.html["lang"] == language
    assert shown.select_one("article")["lang"] == "en"
    assert shown.h1 is not None and shown.h1.get_text() == english.title
    assert shown.select_one(".untranslated") is not None


def test_the_index_lists_translations_in_the_readers_language(http: httpx.Client) -> None:
    shown = page(http.get("/learn", headers={"Accept-Language": "fr"}))
    titles = [a.get_text() for a in shown.select(".article-item h2 a")]
    assert TITLES["fr"] in titles and TITLES["en"] not in titles
    assert shown.h1 is not None and shown.h1.get_text() == "Comprendre le LEMS"


def test_search_finds_words_with_accents(http: httpx.Client) -> None:
    shown = page(http.get("/learn", params={"q": "atención"}, headers={"Accept-Language": "es"}))
    assert TITLES["es"] in [a.get_text() for a in shown.select(".article-item h2 a")]


def test_a_review_of_the_english_article_does_not_review_its_translation(
    http: httpx.Client, db_url: str
) -> None:
    review_article(db_url, "red-flags", reviewer="Dr Ada Lovelace", today=date.today())
    english = page(http.get("/learn/red-flags"))
    spanish = page(http.get("/learn/red-flags", headers={"Accept-Language": "es"}))
    assert english.select_one(".review-reviewed") is not None
    status = spanish.select_one(".review-status")
    assert "review-awaiting" in status["class"]
    assert "Pendiente de revisión clínica" in status.get_text()


def test_a_translation_reviewed_in_its_language_says_so(http: httpx.Client, db_url: str) -> None:
    review_article(db_url, "red-flags", reviewer="Dra. Ana Ruiz", language="es")
    spanish = page(http.get("/learn/red-flags", headers={"Accept-Language": "es"}))
    english = page(http.get("/learn/red-flags"))
    assert "Revisado médicamente por Dra. Ana Ruiz" in spanish.select_one(".review-status").text
    assert english.select_one(".review-awaiting") is not None


def test_every_packaged_translation_passes_the_content_check() -> None:
    assert check_content() == []
    english = load_all()
    for translated in load_translations().values():
        for article in translated.values():
            assert article.language in TRANSLATION_LANGUAGES
            assert translation_problems(article, english=english) == []


def test_a_translation_must_translate_an_article_and_keep_its_sources() -> None:
    english = load_all()
    source = english["red-flags"]
    text = "+++\n" + 'title = "x"\nsources = ["only one"]\n' + "+++\nBody.\n"
    orphan = parse_article("no-such-article", text, "es")
    fewer = parse_article("red-flags", text, "es")
    assert "translates no article" in translation_problems(orphan, english=english)[0]
    assert (
        f"the English article has {len(source.sources)}"
        in translation_problems(fewer, english=english)[0]
    )


@pytest.mark.parametrize("language", TRANSLATION_LANGUAGES)
def test_a_link_to_a_section_finds_it_in_every_language(http: httpx.Client, language: str) -> None:
    # Articles link to each other's sections by the English ids (early-signs#the-...-pattern).
    shown = page(http.get("/learn/early-signs", headers={"Accept-Language": language}))
    assert shown.select_one("article").get("lang") is None  # the translation is shown
    assert shown.select_one("#the-facilitation-pattern") is not None
