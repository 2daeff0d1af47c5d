"""Articles: loading the Markdown files, checking their front matter, rendering and search.

An article is ``content/<slug>.md``: TOML front matter between ``+++`` lines, then Markdown::

    +++
    title = "Red flags and what to do"
    question = "Which symptoms need a doctor now, and which soon?"
    short_answer = "Two sentences. The second one."
    updated = 2026-11-24
    review_status = "awaiting"
    sources = ["Laroche et al., Thorax 1989;44:913.", "..."]
    +++
    Body text, citing sources by number [1].

TOML rather than YAML because the standard library reads it (no dependency) and it has real
dates, so a mistyped date fails to parse instead of becoming a string.

The body's citation convention, checked by ``problems``: every sentence that contains a digit
carries a marker such as ``[1]`` or ``[1, 3]`` naming entries of ``sources`` (counted from 1).
``review_status`` is the author's state of the text, ``draft`` or ``awaiting``; a file can never
claim a review: "Medically reviewed" is shown only for a review recorded by a clinician
(``learn.reviews``).

A translation is ``content/<language>/<slug>.md`` (es, fr, de), with the same slug, front matter
and sources as the English article it translates (issue 20). It has its own review status: a
translation is never "Medically reviewed" because the English text is. A reader gets the article
in their language when it exists, else the English one with a note saying so.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FRONT_MATTER_FENCE = "+++"
REQUIRED_FIELDS = ("title", "question", "short_answer", "updated", "review_status", "sources")
# "draft" articles are checked but not published; "awaiting" ones are published and wait for a
# clinician. "reviewed" is deliberately not allowed: only a recorded review may say so.
REVIEW_STATUSES = ("draft", "awaiting")
# The issue asks for a two-sentence short answer: shown first, it must stay short.
SHORT_ANSWER_SENTENCES = 2
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CITATION = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")
# Markdown links and their targets are not prose: a digit in a URL needs no citation.
MARKDOWN_LINK = re.compile(r"\]\(([^)\s]+)\)")
# A sentence starts with a capital (accented ones too, for the translations), a bracket, a quote,
# or Spanish's opening ¿ and ¡.
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-Þ(“\"«¿¡])")
INTERNAL_LINK = re.compile(r"^/learn/([a-z0-9-]+)(?:#([a-z0-9-]+))?$")
LIST_MARKER = re.compile(r"^(?:[-*+]|\d+\.)\s+")
WORD = re.compile(r"[a-z0-9]+")
# The languages an article may be translated into: each has a folder content/<language>/.
TRANSLATION_LANGUAGES = ("es", "fr", "de")
# Search reads words in every language ("atención", "Schlucken"), not only ASCII ones.
SEARCH_WORD = re.compile(r"[^\W_]+")
# Search ignores words this short ("a", "of") so they do not match every article.
MIN_SEARCH_WORD = 2


class ArticleError(ValueError):
    """An article file that cannot be read: no front matter, or front matter that is not TOML."""


@dataclass(frozen=True)
class Article:
    """One article: its front matter, Markdown body and the hash that reviews are tied to."""

    slug: str
    title: str
    question: str
    short_answer: str
    updated: date
    review_status: str
    sources: tuple[str, ...]
    body: str
    sha256: str
    front_matter: dict[str, Any]
    # The language the text is written in; the English article is the source of translations.
    language: str = "en"

    @property
    def url(self) -> str:
        """Return the article's page address."""
        return f"/learn/{self.slug}"

    @property
    def published(self) -> bool:
        """Return True when the article is shown on the site (not a draft)."""
        return self.review_status != "draft"


def content_hash(text: str) -> str:
    """Return the SHA-256 of an article's text, line endings normalised, as a review ties to it."""
    return hashlib.sha256(text.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def parse_article(slug: str, text: str, language: str = "en") -> Article:
    """Return the article in this text; ArticleError when its front matter cannot be read.

    Missing or wrongly typed fields are not errors here (``problems`` lists them), so one bad
    article can be reported with all its faults at once.
    """
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != FRONT_MATTER_FENCE:
        raise ArticleError(f"{slug}: the file must start with a {FRONT_MATTER_FENCE} line")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == FRONT_MATTER_FENCE)
    except StopIteration:
        raise ArticleError(
            f"{slug}: the front matter has no closing {FRONT_MATTER_FENCE}"
        ) from None
    try:
        meta = tomllib.loads("\n".join(lines[1:end]))
    except tomllib.TOMLDecodeError as error:
        raise ArticleError(f"{slug}: front matter is not valid TOML: {error}") from None
    updated = meta.get("updated")
    sources = meta.get("sources")
    return Article(
        slug=slug,
        title=str(meta.get("title", "")),
        question=str(meta.get("question", "")),
        short_answer=str(meta.get("short_answer", "")),
        updated=updated if isinstance(updated, date) else date.min,
        review_status=str(meta.get("review_status", "")),
        sources=tuple(str(s) for s in sources) if isinstance(sources, list) else (),
        body="\n".join(lines[end + 1 :]).strip() + "\n",
        sha256=content_hash(text),
        front_matter=meta,
        language=language,
    )


def load_article(path: Path, language: str = "en") -> Article:
    """Return the article in this file (reads the file); ArticleError when unreadable."""
    return parse_article(path.stem, path.read_text(encoding="utf-8"), language)


def load_all(directory: Path = CONTENT_DIR, language: str = "en") -> dict[str, Article]:
    """Return every article in the folder by slug, in file-name order (reads every file)."""
    return {path.stem: load_article(path, language) for path in sorted(directory.glob("*.md"))}


def load_translations(directory: Path = CONTENT_DIR) -> dict[str, dict[str, Article]]:
    """Return the translated articles by language, then slug (reads every file); a language
    with no folder has none."""
    return {
        language: load_all(directory / language, language)
        for language in TRANSLATION_LANGUAGES
        if (directory / language).is_dir()
    }


@cache
def _packaged() -> dict[str, Article]:
    return load_all(CONTENT_DIR)


@cache
def _packaged_translations() -> dict[str, dict[str, Article]]:
    return load_translations(CONTENT_DIR)


def _published(article: Article | None) -> Article | None:
    return article if article is not None and article.published else None


def in_language(article: Article, language: str) -> Article:
    """Return the article's published translation into the language; the article itself when
    there is none (read once per process)."""
    translated = _packaged_translations().get(language, {}).get(article.slug)
    return _published(translated) or article


def published_articles(language: str = "en") -> list[Article]:
    """Return the packaged articles the site shows, each in the language where translated, by
    title; read once per process."""
    shown = (in_language(a, language) for a in _packaged().values() if a.published)
    return sorted(shown, key=lambda a: a.title)


def find_article(slug: str, language: str = "en") -> Article | None:
    """Return the published packaged article with this slug, in the language where translated;
    None when there is none (a translation without its English article is never shown)."""
    article = _published(_packaged().get(slug))
    return in_language(article, language) if article is not None else None


def _sentences(body: str) -> list[str]:
    """Return the body's sentences: paragraphs, list items and headings split at full stops."""
    pieces: list[str] = []
    for block in re.split(r"\n\s*\n", body):
        for line in re.split(r"\n(?=\s*(?:[-*+]|\d+\.|#{1,6})\s)", block):
            # A list's "1." or "-" is layout, not a number in the text.
            text = LIST_MARKER.sub("", " ".join(line.split()))
            pieces.extend(s for s in SENTENCE_END.split(text) if s)
    return pieces


def cited_numbers(sentence: str) -> list[int]:
    """Return the source numbers cited in a sentence; empty when it cites none."""
    return [int(n) for group in CITATION.findall(sentence) for n in group.split(",")]


def uncited_sentences(article: Article) -> list[str]:
    """Return the sentences that contain a digit but cite no source; empty when all do."""
    missing = []
    for sentence in _sentences(article.body):
        prose = CITATION.sub("", MARKDOWN_LINK.sub("]", sentence))
        if re.search(r"\d", prose) and not cited_numbers(sentence):
            missing.append(sentence)
    return missing


def internal_links(article: Article) -> list[tuple[str, str | None]]:
    """Return the (slug, anchor) of each link to another article; empty when there are none."""
    found = []
    for target in MARKDOWN_LINK.findall(article.body):
        match = INTERNAL_LINK.match(target)
        if match:
            found.append((match.group(1), match.group(2)))
    return found


def problems(article: Article, *, known: dict[str, Article]) -> list[str]:
    """Return what is wrong with an article (front matter, citations, links); empty when none."""
    found = []
    name = article.slug
    if not SLUG_PATTERN.match(name):
        found.append(f"{name}: the file name must be lower-case words joined by hyphens")
    for field in REQUIRED_FIELDS:
        if not article.front_matter.get(field):
            found.append(f"{name}: front matter field {field!r} is missing or empty")
    if "updated" in article.front_matter and not isinstance(article.front_matter["updated"], date):
        found.append(f"{name}: 'updated' must be a TOML date such as 2026-11-24, not a string")
    if article.updated > date.today():
        found.append(f"{name}: 'updated' is in the future")
    if article.front_matter.get("review_status") not in REVIEW_STATUSES:
        found.append(f"{name}: 'review_status' must be one of {', '.join(REVIEW_STATUSES)}")
    if len(_sentences(article.short_answer)) != SHORT_ANSWER_SENTENCES:
        found.append(f"{name}: the short answer must be {SHORT_ANSWER_SENTENCES} sentences")
    for sentence in uncited_sentences(article):
        found.append(f"{name}: a number without a source: {sentence!r}")
    for sentence in _sentences(article.body):
        for number in cited_numbers(sentence):
            if not 1 <= number <= len(article.sources):
                found.append(f"{name}: [{number}] is not in its sources: {sentence!r}")
    for slug, anchor in internal_links(article):
        target = known.get(slug)
        if target is None:
            found.append(f"{name}: a link to /learn/{slug}, which does not exist")
        elif anchor and anchor not in heading_ids(target):
            found.append(f"{name}: a link to /learn/{slug}#{anchor}, which has no such heading")
    for target in MARKDOWN_LINK.findall(article.body):
        if target.startswith("/") and not INTERNAL_LINK.match(target) and target != "/learn":
            found.append(f"{name}: a site link outside /learn that cannot be checked: {target}")
    return found


def translation_problems(translation: Article, *, english: dict[str, Article]) -> list[str]:
    """Return what is wrong with a translation besides ``problems``: no English article of its
    slug, or other sources (citations count from them); empty when none."""
    name = f"{translation.language}/{translation.slug}"
    source = english.get(translation.slug)
    if source is None:
        return [f"{name}: translates no article; name the file as the English one"]
    if len(translation.sources) != len(source.sources):
        return [
            f"{name}: has {len(translation.sources)} sources, the English article has "
            f"{len(source.sources)}; a citation [n] must name the same source in both"
        ]
    return []


def slugify(text: str) -> str:
    """Return the anchor id for a heading: lower-case words joined by hyphens."""
    return "-".join(WORD.findall(text.lower()))


def heading_ids(article: Article) -> list[str]:
    """Return the ids the article's headings get on its page, in order."""
    return [slugify(m.group(1)) for m in re.finditer(r"^#{2,6}\s+(.+)$", article.body, re.M)]


def _heading_anchors(state: StateCore) -> None:
    # Give headings stable ids so the app can link to a section (e.g. the entry form's groups);
    # a translation's headings take the English ids given in env, so a link to a section works
    # in every language.
    tokens = state.tokens
    given = iter(state.env.get("heading_ids", ()))
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            token.attrSet("id", next(given, None) or slugify(tokens[index + 1].content))


# CommonMark with raw HTML off: any HTML in an article is shown as text, never passed through.
_markdown = MarkdownIt("commonmark", {"html": False, "typographer": False})
_markdown.core.ruler.push("heading_anchors", _heading_anchors)


def _link_citations(html: str, source_count: int) -> str:
    def replace(match: re.Match[str]) -> str:
        numbers = [n.strip() for n in match.group(1).split(",")]
        if not all(n.isdigit() and 1 <= int(n) <= source_count for n in numbers):
            return match.group(0)
        links = ", ".join(f'<a href="#source-{n}">{n}</a>' for n in numbers)
        return f'<sup class="citation">[{links}]</sup>'

    return CITATION.sub(replace, html)


def render_body(article: Article) -> str:
    """Return the article body as safe HTML: raw HTML escaped, citations linked to sources; a
    translation's sections keep their English ids when it has the English article's sections."""
    english = _packaged().get(article.slug) if article.language != "en" else None
    ids = heading_ids(english) if english is not None else []
    env = {"heading_ids": ids} if len(ids) == len(heading_ids(article)) else {}
    return _link_citations(_markdown.render(article.body, env), len(article.sources))


def search(query: str, articles: list[Article]) -> list[Article]:
    """Return the articles containing every word of the query, best match first; empty if none."""
    words = [w for w in SEARCH_WORD.findall(query.lower()) if len(w) >= MIN_SEARCH_WORD]
    if not words:
        return []
    scored = []
    for article in articles:
        # A word in the title counts most, then in the question or short answer, then the body.
        fields = (
            (article.title.lower(), 5),
            (f"{article.question} {article.short_answer}".lower(), 3),
            (article.body.lower(), 1),
        )
        score = 0
        for word in words:
            hits = sum(weight * text.count(word) for text, weight in fields)
            if not hits:
                break
            score += hits
        else:
            scored.append((score, article))
    scored.sort(key=lambda pair: (-pair[0], pair[1].title))
    return [article for _, article in scored]
