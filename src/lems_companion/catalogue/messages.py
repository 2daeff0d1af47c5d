"""The catalogue's texts for the translation catalogues: a Babel extractor (babel.cfg).

``pybabel extract`` cannot read TOML, so this extractor hands it every text a person reads from
``catalogue.toml`` (each symptom's label and question, each factor's label and question) and the
group headings and severity words the catalogue module gives them. Ids, HPO codes, the
ontology's labels and a factor's source are codes or notes for maintainers and stay English.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator
from typing import IO, Any

from lems_companion.catalogue import GROUP_TITLES, SEVERITY_LABELS

# The fields of catalogue.toml a person reads, per kind of item.
SHOWN_FIELDS: dict[str, tuple[str, ...]] = {
    "symptom": ("label", "question"),
    "factor": ("label", "question"),
}

Message = tuple[int, str | None, str, list[str]]


def catalogue_texts(raw: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """Yield (where it comes from, English text) for every shown text of a parsed catalogue."""
    for kind, fields in SHOWN_FIELDS.items():
        for item in raw.get(kind, []):
            for name in fields:
                yield f"{kind} {item['id']}: {name}", item[name]
    for group, title in GROUP_TITLES.items():
        yield f"symptom group {group}: heading", title
    for severity, word in SEVERITY_LABELS.items():
        yield f"severity {severity}", word


def extract(
    fileobj: IO[bytes],
    keywords: Collection[str],
    comment_tags: Collection[str],
    options: dict[str, Any],
) -> Iterator[Message]:
    """Babel extractor (``[catalogue: **/catalogue.toml]`` in babel.cfg): yield each shown text
    with a comment naming where it comes from, for the translator."""
    raw = tomllib.loads(fileobj.read().decode("utf-8"))
    for origin, text in catalogue_texts(raw):
        yield 0, None, text, [f"Symptom catalogue, {origin}"]
