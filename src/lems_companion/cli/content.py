"""``lems content``: the Learn articles: list them, check them, record a clinician's review."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from lems_companion.cli.common import command_group, fail, settings_from

app = command_group("Learn articles: list, check and record clinical reviews.")


def check_content(directory: Path | None = None) -> list[str]:
    """Return every problem in the articles of this folder (default: the packaged ones; reads
    them all); empty when none."""
    from lems_companion.learn.articles import (
        CONTENT_DIR,
        ArticleError,
        load_all,
        load_translations,
        problems,
        translation_problems,
    )

    try:
        articles = load_all(directory or CONTENT_DIR)
        translations = load_translations(directory or CONTENT_DIR)
    except ArticleError as error:
        return [str(error)]
    found = [line for article in articles.values() for line in problems(article, known=articles)]
    for translated in translations.values():
        for article in translated.values():
            # Links name English slugs: the reader of a translation follows them in their language.
            found += [f"{article.language}/{line}" for line in problems(article, known=articles)]
            found += translation_problems(article, english=articles)
    return found


def review_article(
    database_url: str,
    slug: str,
    *,
    reviewer: str,
    today: date | None = None,
    language: str = "en",
) -> str:
    """Return a line confirming the review of the packaged article in the language, recorded in
    the database.

    ArticleError when there is no such article or translation; ReviewError when the review
    cannot be recorded.
    """
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.learn.articles import ArticleError, load_all, load_translations
    from lems_companion.learn.reviews import record_review

    versions = load_all() if language == "en" else load_translations().get(language, {})
    article = versions.get(slug)
    if article is None:
        raise ArticleError(f"no article {slug!r} in {language!r}; `lems content list` shows them")
    upgrade(database_url)
    with session_scope(database_url) as db:
        review = record_review(db, article, reviewer=reviewer, today=today)
        return (
            f"recorded: {slug} medically reviewed by {review.reviewer_name} on {review.reviewed_on}"
        )


@app.command("list")
def list_command(ctx: typer.Context) -> None:
    """List the articles and their translations with their review status and last-updated date
    (each language's version is reviewed on its own)."""
    from lems_companion.db.engine import session_scope, upgrade
    from lems_companion.learn.articles import load_all, load_translations
    from lems_companion.learn.reviews import review_status

    settings = settings_from(ctx)
    upgrade(settings.resolved_database_url)
    versions = [load_all(), *load_translations().values()]
    with session_scope(settings.resolved_database_url) as db:
        for articles in versions:
            for article in articles.values():
                status = review_status(db, article)
                state: str = "draft" if not article.published else status.state
                if status.reviewer and article.published:
                    state += f" ({status.reviewer}, {status.reviewed_on})"
                name = (
                    article.slug
                    if article.language == "en"
                    else f"{article.language}/{article.slug}"
                )
                print(f"{name}\tupdated {article.updated}\t{state}")


@app.command("check")
def check_command() -> None:
    """Check every article: front matter, a cited source for every number, links; exit 1 if bad."""
    found = check_content()
    for line in found:
        print(line)
    if found:
        raise typer.Exit(1)
    print("all articles pass")


@app.command("review")
def review_command(
    ctx: typer.Context,
    article: str = typer.Argument(..., help="The article's name, e.g. red-flags (see `list`)."),
    reviewer: str = typer.Option(
        ..., "--reviewer", help="The clinician's name and title, as the article should show it."
    ),
    language: str = typer.Option(
        "en", "--language", help="Which version was reviewed: en, or a translation (es, fr, de)."
    ),
) -> None:
    """Record that a named clinician reviewed the article as it is now (dated today)."""
    from lems_companion.learn.articles import ArticleError
    from lems_companion.learn.reviews import ReviewError

    settings = settings_from(ctx)
    try:
        line = review_article(
            settings.resolved_database_url, article, reviewer=reviewer, language=language
        )
        print(line)
    except (ArticleError, ReviewError) as error:
        fail(str(error))
