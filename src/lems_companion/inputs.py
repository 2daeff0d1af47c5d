"""Checks every text input shares: no NUL, whole numbers in ASCII digits, JSON not too deep.

Python's ``str.isdigit`` is true for "²" and ``int`` reads "٣" as 3, so a check like
``text.isdigit() and int(text)`` either fails with a server error or accepts what no form of
ours offers; ``whole_number`` is the one way text becomes an integer here.
"""

from __future__ import annotations

import json
from typing import Any

# Deeper than any file the app writes (a FHIR export nests about 10 levels), far below the point
# where parsing, validating or writing JSON recursively would exhaust the stack.
MAX_JSON_DEPTH = 64


def check_storable_text(value: str) -> str:
    """Return the text unchanged; ValueError when it holds a NUL character.

    PostgreSQL cannot store NUL in text or JSON, and no keyboard types it: it only arrives from
    broken or hostile clients, so it is refused on every database alike. Every text that is
    stored passes through here (entry schemas, test results, link labels, reviewer names).
    """
    if "\x00" in value:
        raise ValueError("contains a NUL character (\\u0000), which cannot be stored")
    return value


class TooDeep(ValueError):
    """JSON nested deeper than MAX_JSON_DEPTH."""


def whole_number(text: str) -> int:
    """Return the whole number written in ASCII digits (an optional leading minus); ValueError
    for anything else, including other scripts' digits and superscripts."""
    text = text.strip()
    digits = text.removeprefix("-")
    if not (digits.isascii() and digits.isdigit()) or len(digits) > 18:
        raise ValueError("give a whole number, e.g. 7")
    return int(text)


def loads_json(text: str, *, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """Return the parsed JSON; json.JSONDecodeError when it is not JSON, TooDeep when it nests
    deeper than max_depth."""
    try:
        value = json.loads(text)
    except RecursionError:
        # The parser gives up around a thousand levels; far past our limit either way.
        raise TooDeep(f"the JSON is nested more than {max_depth} levels deep") from None
    check_depth(value, max_depth=max_depth)
    return value


def check_depth(value: Any, *, max_depth: int = MAX_JSON_DEPTH) -> None:
    """Return nothing when parsed JSON nests at most max_depth levels; TooDeep when deeper.

    Walks the containers without recursion, so the check itself cannot overflow the stack.
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > max_depth:
                raise TooDeep(f"the JSON is nested more than {max_depth} levels deep")
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
