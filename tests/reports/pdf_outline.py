"""Read a PDF's headings and language without poppler: WeasyPrint writes every heading into the
document outline (the bookmarks) and the language into the catalogue, as PDF strings."""

from __future__ import annotations

import re
import zlib

# A stream's bytes, an outline entry's title (literal or hex string) and the document language.
STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
TITLE = re.compile(rb"/Title\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>)")
LANG = re.compile(rb"/Lang\s*\(([^)]*)\)")
# PDF literal-string escapes (ISO 32000 7.3.4.2) WeasyPrint may write in a title.
ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"(": b"(", b")": b")", b"\\": b"\\"}


def _sections(pdf: bytes) -> list[bytes]:
    """Return the file and each of its streams decompressed (object streams hold the outline)."""
    found = [pdf]
    for match in STREAM.finditer(pdf):
        try:
            found.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue  # an image or font, not deflated text
    return found


def _text(raw: bytes) -> str:
    if raw.startswith(b"<"):
        data = bytes.fromhex(raw[1:-1].decode("ascii"))
        return data.decode("utf-16") if data.startswith(b"\xfe\xff") else data.decode("latin-1")
    body = re.sub(rb"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), raw[1:-1])
    return body.decode("latin-1")


def outline_titles(pdf: bytes) -> list[str]:
    """Return the titles of the PDF's outline (its headings and the document title)."""
    return [_text(match.group(1)) for part in _sections(pdf) for match in TITLE.finditer(part)]


def document_language(pdf: bytes) -> str | None:
    """Return the language the PDF declares (its catalogue's /Lang); None when none."""
    for part in _sections(pdf):
        if match := LANG.search(part):
            return match.group(1).decode("ascii")
    return None
