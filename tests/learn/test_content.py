"""Content checks: every article's front matter, a cited source for every number, links, dates.

These run on the packaged articles, and on small broken articles to prove each check can fail.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from lems_companion.cli.content import check_content
from lems_companion.learn.articles import (
    CONTENT_DIR,
    REQUIRED_FIELDS,
    Article,
    heading_ids,
    load_all,
    parse_article,
    problems,
    render_body,
)

ARTICLES = load_all()
TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "src/lems_companion/web/templates"
# The topics issue 8 asks for, by file name.
TOPICS = {
    "early-signs",
    "checking-facilitation-at-home",
    "red-flags",
    "tests-to-ask-for",
    "talking-to-your-doctor",
    "lung-cancer-screening",
    "medicines-to-be-careful-with",
    "treatment-overview",
    "keeping-a-diary",
    # Issue 21 (outside fact-check): the alert card, other treatments, pregnancy.
    "medical-alert-card",
    "other-treatments",
    "pregnancy-and-lems",
}
GOOD = """+++
title = "A title"
question = "A question?"
short_answer = "One sentence. Two sentences."
updated = 2026-01-15
review_status = "awaiting"
sources = ["Somebody et al. A journal 2020."]
+++
About 90% of something [1]. See [the red flags](/learn/red-flags).
"""


def article(text: str, slug: str = "example") -> Article:
    return parse_article(slug, text)


def test_every_topic_of_the_issue_has_a_published_article() -> None:
    assert set(ARTICLES) >= TOPICS
    assert all(ARTICLES[slug].published for slug in TOPICS)


def test_the_packaged_articles_pass_every_check() -> None:
    assert check_content(CONTENT_DIR) == []


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_each_article_has_all_its_front_matter_and_a_parsed_date(slug: str) -> None:
    found = ARTICLES[slug]
    assert all(found.front_matter.get(field) for field in REQUIRED_FIELDS)
    assert isinstance(found.front_matter["updated"], date)
    assert found.updated <= date.today()


@pytest.mark.parametrize("slug", sorted(ARTICLES))
def test_each_article_cites_only_sources_it_lists(slug: str) -> None:
    found = ARTICLES[slug]
    cited = {int(n) for n in re.findall(r"\[(\d+)", found.body)}
    cited |= {int(n) for n in re.findall(r",\s*(\d+)\]", found.body)}
    assert cited and cited <= set(range(1, len(found.sources) + 1))


def test_a_good_article_passes() -> None:
    assert problems(article(GOOD), known=ARTICLES) == []


def test_a_number_without_a_source_fails() -> None:
    text = GOOD.replace("About 90% of something [1].", "About 90% of something.")
    assert any("a number without a source" in p for p in problems(article(text), known=ARTICLES))


def test_a_citation_of_a_source_that_is_not_listed_fails() -> None:
    text = GOOD.replace("[1]", "[2]")
    assert any("[2] is not in its sources" in p for p in problems(article(text), known=ARTICLES))


def test_a_missing_source_list_fails() -> None:
    text = GOOD.replace('sources = ["Somebody et al. A journal 2020."]\n', "")
    found = problems(article(text), known=ARTICLES)
    assert any("'sources' is missing" in p for p in found)
    assert any("[1] is not in its sources" in p for p in found)


@pytest.mark.parametrize("field", REQUIRED_FIELDS)
def test_a_missing_front_matter_field_fails(field: str) -> None:
    text = "\n".join(line for line in GOOD.split("\n") if not line.startswith(f"{field} ="))
    assert any(f"{field!r} is missing" in p for p in problems(article(text), known=ARTICLES))


def test_a_broken_link_fails() -> None:
    text = GOOD.replace("/learn/red-flags", "/learn/no-such-article")
    assert any("does not exist" in p for p in problems(article(text), known=ARTICLES))


def test_a_link_to_a_missing_heading_fails() -> None:
    text = GOOD.replace("/learn/red-flags", "/learn/red-flags#no-such-heading")
    assert any("no such heading" in p for p in problems(article(text), known=ARTICLES))


def test_a_date_that_is_not_a_date_fails() -> None:
    text = GOOD.replace("updated = 2026-01-15", 'updated = "15 January"')
    assert any("must be a TOML date" in p for p in problems(article(text), known=ARTICLES))


def test_an_article_cannot_claim_its_own_review() -> None:
    text = GOOD.replace('review_status = "awaiting"', 'review_status = "reviewed"')
    assert any("review_status" in p for p in problems(article(text), known=ARTICLES))


def test_a_long_short_answer_fails() -> None:
    text = GOOD.replace("One sentence. Two sentences.", "One. Two. Three sentences.")
    assert any("short answer" in p for p in problems(article(text), known=ARTICLES))


def test_the_check_command_reports_a_broken_folder(tmp_path: Path) -> None:
    (tmp_path / "broken.md").write_text(GOOD.replace("[1]", ""), encoding="utf-8")
    assert check_content(tmp_path) == [
        "broken: a number without a source: 'About 90% of something .'",
        "broken: a link to /learn/red-flags, which does not exist",
    ]


def test_raw_html_in_an_article_is_shown_as_text() -> None:
    html = render_body(article(GOOD + '\n<script>alert("x")</script> <b onclick="x">bold</b>\n'))
    assert "<script>" not in html and "<b " not in html
    assert "&lt;script&gt;" in html


def test_citations_link_to_their_sources() -> None:
    assert '<a href="#source-1">1</a>' in render_body(article(GOOD))


def test_every_learn_link_in_the_templates_resolves() -> None:
    links = set()
    for template in TEMPLATES_DIR.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        links |= set(re.findall(r'"/learn/([a-z0-9-]+)(?:#([a-z0-9-]+))?"', text))
        links |= set(re.findall(r'"([a-z0-9-]+)#([a-z0-9-]+)"', text))
    assert links, "the app links to the articles"
    for slug, anchor in links:
        if slug in ("source",):
            continue
        assert slug in ARTICLES, f"a link to a missing article: {slug}"
        assert not anchor or anchor in heading_ids(ARTICLES[slug]), f"{slug}#{anchor}"
