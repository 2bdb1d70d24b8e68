"""Word lists written as plain text, so lexicons stay readable and diffable."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The whitespace-separated words of `text` as a set."""
    return frozenset(text.split())
