"""Word tokenisation shared by the enrich sub-steps, so the text is split once per document."""

from __future__ import annotations

import re

# A word: letters/digits, with inner apostrophes or hyphens kept ("don't", "Jong-un", "U.S" handled by callers).
# Possessive repeats: a word never gives characters back, and not recording where it could makes the
# search faster.
WORD = re.compile(r"\w++(?:['’\-]\w++)*+")


def lower_words(text: str) -> list[str]:
    """The document's words, lowercased, in order."""
    return words_of_lowered(text.lower())


def words_of_lowered(lowered: str) -> list[str]:
    """lower_words of a text already lowercased: lowercasing non-ASCII text costs about as much as
    finding its words, so a caller that needs the lowercased text too does it once."""
    return WORD.findall(lowered)
