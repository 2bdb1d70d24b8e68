"""Where clauses start and where a target's clause ends, found by literal-led scans.

The reference patterns open with a character class (";", ":", ",", or any white space), which the regex
engine tests at every character of a sentence with a function call. In a printable sentence the only white
space is the plain space (every other white-space character is a separator or control character, never
printable), so each alternative opens with one literal character instead: the engine then skips to it in a
tight loop. Each position opens at most one alternative (its character says which), so the leftmost match of
the whole pattern is the leftmost of the alternatives' own matches, and the scans below find exactly what
the reference patterns find. Sentences that are not printable use the reference patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from worker.stages.regex_trie import trie_pattern

_CLAUSE_WORDS = trie_pattern([
    "that", "which", "who", "whom", "whose", "but", "while", "whereas", "after", "before", "when", "because",
    "although", "though", "since", "following", "despite", "until", "unless", "if", "where",
])  # fmt: skip
_TARGET_END_WORDS = trie_pattern([
    "which", "who", "whom", "whose", "but", "while", "whereas", "when", "because", "although", "though",
    "where", "following", "despite", "amid", "during",
])  # fmt: skip
_PRONOUNS = r"(?:the|he|she|it|they|we|his|her|its|their)"
_PRONOUN_NEXT = rf"as\s+(?={_PRONOUNS}\s)"
# The characters `\s` matches, written out: a class of plain characters is one table lookup where `\s`
# among them is one more test per character (the class matches the same characters).
_OPENING_MARKS = r"[;:, \t\n\v\f\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
# The reference patterns: the lookbehinds say which of the alternatives the opening character opens.
BOUNDARY = re.compile(
    rf"{_OPENING_MARKS}(?:(?<=[;:])|(?<=,)\s(?:and|but)\s|(?<=\s)(?:{_CLAUSE_WORDS}\s|{_PRONOUN_NEXT}))"
)
TARGET_END = re.compile(
    rf"{_OPENING_MARKS}(?:(?<=[;:])|(?<=,)\s|(?<=\s)(?:{_TARGET_END_WORDS}\s|{_PRONOUN_NEXT}))"
)
# Their alternatives in a printable sentence, where `\s` is a space.
_PRINTABLE_PRONOUN_NEXT = rf"as +(?={_PRONOUNS} )"
# The literal ones (", (?:and|but) " split in two) are found by str.find, cheaper than a regex search; the
# split changes no leftmost match, as the two never start at one place.
_BOUNDARY_MARKS = (";", ":", ", and ", ", but ")
_BOUNDARY_WORD = re.compile(rf" (?:{_CLAUSE_WORDS} |{_PRINTABLE_PRONOUN_NEXT})")
_TARGET_END_WORD = re.compile(rf" (?:{_TARGET_END_WORDS} |{_PRINTABLE_PRONOUN_NEXT})")


class Boundaries:
    """The clause boundaries of a sentence as `BOUNDARY.finditer` gives them, (start, end) one at a time."""

    __slots__ = ("_ahead", "_lower", "_matches", "_position")

    def __init__(self, lower: str, printable: bool) -> None:
        """`printable` is `lower.isprintable()`, which the caller knows already."""
        self._lower = lower
        self._matches: Iterator[re.Match[str]] | None = None if printable else BOUNDARY.finditer(lower)
        # Per alternative (the marks in their order, then the word), its leftmost match at or after where it
        # was last searched from (None: no more).
        self._ahead: list[tuple[int, int] | None] = [(-1, -1)] * (len(_BOUNDARY_MARKS) + 1)
        self._position = 0

    def next(self) -> tuple[int, int] | None:
        """The next boundary, or None when there is none left."""
        if self._matches is not None:
            match = next(self._matches, None)
            return None if match is None else match.span()
        lower, position, ahead = self._lower, self._position, self._ahead
        best: tuple[int, int] | None = None
        for index, mark in enumerate(_BOUNDARY_MARKS):
            found = ahead[index]
            if found is not None and found[0] < position:  # taken or overlapped: search again from here
                at = lower.find(mark, position)
                found = ahead[index] = None if at == -1 else (at, at + len(mark))
            if found is not None and (best is None or found[0] < best[0]):
                best = found
        found = ahead[-1]
        if found is not None and found[0] < position:
            match = _BOUNDARY_WORD.search(lower, position)
            found = ahead[-1] = None if match is None else match.span()
        if found is not None and (best is None or found[0] < best[0]):
            best = found
        if best is not None:
            self._position = best[1]
        return best


def target_end(lower: str, position: int, printable: bool) -> int:
    """Where `TARGET_END.search(lower, position)` starts; the sentence's length when it finds nothing
    (`printable` is `lower.isprintable()`)."""
    if not printable:
        match = TARGET_END.search(lower, position)
        return match.start() if match else len(lower)
    end = len(lower)
    for mark in (";", ":", ", "):
        at = lower.find(mark, position, end)
        if at != -1:
            end = at
    # Not bounded by `end`: a bound would cut off the space after the word and its lookahead.
    word = _TARGET_END_WORD.search(lower, position)
    return word.start() if word and word.start() < end else end
