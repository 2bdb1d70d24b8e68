"""Word tokenisation shared by the enrich sub-steps, so the text is split once per document."""

from __future__ import annotations

import re
import string

# A word: letters/digits, with inner apostrophes or hyphens kept ("don't", "Jong-un", "U.S" handled by callers).
# Possessive repeats: a word never gives characters back, and not recording where it could makes the
# search faster.
WORD = re.compile(r"\w++(?:['’\-]\w++)*+")

# The same words without the regex engine stopping at every word: a joiner (apostrophe or hyphen) that
# does not join two word characters becomes a space, then so does every other character that cannot
# belong to a word, and str.split() cuts what is left.
# One pattern per joiner, each opening with its literal character: the engine skips to it in a tight loop,
# where a class of the joiners is tested with a call per character. Whether a joiner is lone depends only
# on whether its neighbours are word characters, which a joiner and the space put for it are not: replacing
# one joiner first leaves the others' answers as they were.
_LONE_APOSTROPHE = re.compile(r"'(?:(?<!\w')|(?!\w))")
_LONE_CURLY_APOSTROPHE = re.compile(r"’(?:(?<!\w’)|(?!\w))")
_LONE_HYPHEN = re.compile(r"-(?:(?<!\w-)|(?!\w))")
_IN_ASCII_WORDS = frozenset(string.ascii_letters + string.digits + "_'-")
# As bytes: bytes.translate is one table lookup per byte, str.translate a few steps per character.
# The bytes of non-ASCII UTF-8 characters stay as they are.
_NOT_IN_WORDS = bytes(code for code in range(128) if chr(code) not in _IN_ASCII_WORDS)
_ASCII_NOT_IN_WORDS = bytes.maketrans(_NOT_IN_WORDS, b" " * len(_NOT_IN_WORDS))
_ASCII = bytes(range(128))


def _non_ascii(text: str) -> str:
    """The text's non-ASCII characters, in order: its UTF-8 bytes without the ASCII ones."""
    return text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")


def lower_words(text: str) -> list[str]:
    """The document's words, lowercased, in order."""
    return words_of_lowered(text.lower())


def words_of_lowered(lowered: str) -> list[str]:
    """lower_words of a text already lowercased: lowercasing non-ASCII text costs about as much as
    finding its words, so a caller that needs the lowercased text too does it once."""
    curly = False
    if not lowered.isascii():
        # A non-ASCII text holds few distinct non-ASCII characters (quotes, dashes, accented letters): each
        # that is neither a word character (\w is alphanumeric or "_") nor a joiner becomes a space, so that
        # the UTF-8 bytes left outside ASCII all belong to words. Surrogates pass through, to become spaces.
        others = _non_ascii(lowered)
        for char in set(others):
            if char != "’" and not char.isalnum():
                lowered = lowered.replace(char, " ")
        curly = "’" in others
    joined = _LONE_HYPHEN.sub(" ", _LONE_APOSTROPHE.sub(" ", lowered))
    if curly:
        joined = _LONE_CURLY_APOSTROPHE.sub(" ", joined)
    # UTF-8 costs what ASCII does for an ASCII text (two thirds of news articles): both take a fast path.
    return joined.encode("utf-8").translate(_ASCII_NOT_IN_WORDS).decode("utf-8").split()
