"""Word tokenisation shared by the enrich sub-steps, so the text is split once per document."""

from __future__ import annotations

import re
import string

# A word: letters/digits, with inner apostrophes or hyphens kept ("don't", "Jong-un", "U.S" handled by callers).
# Possessive repeats: a word never gives characters back, and not recording where it could makes the
# search faster.
WORD = re.compile(r"\w++(?:['’\-]\w++)*+")

# The same words of an ASCII text (two thirds of news articles) without the regex engine stopping at every
# word: an apostrophe or hyphen that does not join two word characters becomes a space, then so does
# every other character that cannot belong to a word, and str.split() cuts what is left.
_LONE_JOINER = re.compile(r"['\-](?:(?<!\w['\-])|(?!\w))")
_IN_ASCII_WORDS = frozenset(string.ascii_letters + string.digits + "_'-")
_ASCII_NOT_IN_WORDS = str.maketrans(
    {chr(code): " " for code in range(128) if chr(code) not in _IN_ASCII_WORDS}
)


def lower_words(text: str) -> list[str]:
    """The document's words, lowercased, in order."""
    return words_of_lowered(text.lower())


def words_of_lowered(lowered: str) -> list[str]:
    """lower_words of a text already lowercased: lowercasing non-ASCII text costs about as much as
    finding its words, so a caller that needs the lowercased text too does it once."""
    if lowered.isascii():
        return _LONE_JOINER.sub(" ", lowered).translate(_ASCII_NOT_IN_WORDS).split()
    return WORD.findall(lowered)
