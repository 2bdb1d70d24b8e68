"""Word tokenisation shared by the enrich sub-steps, so the text is split once per document."""

from __future__ import annotations

import re

# A word: letters/digits, with inner apostrophes or hyphens kept ("don't", "Jong-un", "U.S" handled by callers).
# Possessive repeats: a word never gives characters back, and not recording where it could makes the
# search faster.
WORD = re.compile(r"\w++(?:['’\-]\w++)*+")


def lower_words(text: str) -> list[str]:
    """The document's words, lowercased, in order."""
    return WORD.findall(text.lower())
