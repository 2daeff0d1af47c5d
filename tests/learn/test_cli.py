"""``lems content``: check, list and review from the command line."""

from __future__ import annotations

from tests.cli.test_cli import lems


def test_content_check_passes_on_the_packaged_articles(db_url: str) -> None:
    result = lems(db_url, "content", "check")
    assert result.returncode == 0, result.stderr
    assert "all articles pass" in result.stdout


def test_content_review_records_a_named_review_that_list_shows(db_url: str) -> None:
    result = lems(db_url, "content", "review", "red-flags", "--reviewer", "Dr Ada Lovelace")
    assert result.returncode == 0, result.stderr
    assert "red-flags medically reviewed by Dr Ada Lovelace" in result.stdout
    listing = lems(db_url, "content", "list").stdout.splitlines()
    red_flags = next(line for line in listing if line.startswith("red-flags\t"))
    assert "reviewed (Dr Ada Lovelace" in red_flags
    assert all("awaiting" in line for line in listing if not line.startswith("red-flags\t"))


def test_content_review_refuses_an_unknown_article(db_url: str) -> None:
    result = lems(db_url, "content", "review", "no-such-thing", "--reviewer", "Dr Ada Lovelace")
    assert result.returncode == 1
    assert "no article 'no-such-thing'" in result.stderr


def test_content_review_of_a_translation_reviews_only_that_language(db_url: str) -> None:
    args = ("content", "review", "red-flags", "--language", "fr", "--reviewer", "Dr Claire Martin")
    result = lems(db_url, *args)
    assert result.returncode == 0, result.stderr
    listing = lems(db_url, "content", "list").stdout.splitlines()
    french = next(line for line in listing if line.startswith("fr/red-flags\t"))
    english = next(line for line in listing if line.startswith("red-flags\t"))
    assert "reviewed (Dr Claire Martin" in french and "awaiting" in english
    missing = lems(
        db_url, "content", "review", "no-such-article", "--language", "fr", "--reviewer", "Dr C"
    )
    assert missing.returncode == 1 and "no article 'no-such-article' in 'fr'" in missing.stderr
