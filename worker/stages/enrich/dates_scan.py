"""Where time expressions can start, found in one cheap pass before the full regex runs.

`PATTERN.finditer` would try the whole alternation at every character of the text; Python's regex engine
pays for each position, and for each word the gate of dates_lexicon.py reads. Here a small regex over the
lowercased text picks the word starts that can open an expression (a digit, a month or weekday name, a
number word, "the" before a part of a period, ...); `PATTERN.match` runs at those positions only. The
prefilter is looser than the gate (lowercase, prefixes of words), so the matches are exactly those of
`PATTERN.finditer`: the same leftmost, non-overlapping expressions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from worker.stages.enrich.dates_lexicon import MONTHS, NUMBER_WORDS, PATTERN, WEEKDAYS
from worker.stages.parse_lexicon import words

_UNIT_START = r"(?:sec|min|hour|day|week|fortnight|month|year|decade|centur)"
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec")
# A number opens an expression only as a year, a decade, a date or time in figures, a day before a
# month, or an amount before a time unit (the lowercase form of the gate's test for digits).
_DIGITS = (
    rf"[0-9](?:[0-9]{{3}}(?![0-9])|[0-9]{{0,3}}(?:s\b|[-/:.][0-9]|(?:st|nd|rd|th)?[- ](?:of\s+)?"
    rf"(?:{_MONTH_START}|{_UNIT_START}|more)|\s*(?:[ap]\.?m\b|utc|gmt)))"
)
# "the" opens an expression only before a part, an ordinal, a season, a relative word or a year.
_AFTER_THE = (
    r"\s+(?:very|end|beginning|start|middle|close|turn|first|second|third|fourth|last|[0-9]|spring|summer"
    r"|autumn|fall|winter|early|late|mid|this|past|coming|current|following|previous|next|same|preceding|day)"
)
# (first word, what must follow it): a superset of what the gate and the alternatives accept.
_FIRST_WORDS: list[tuple[str, str]] = [
    ("the", _AFTER_THE),
    ("a", rf"n?(?:\s+(?:few|couple)|[- ](?:more\s+)?{_UNIT_START})"),
    ("that", r"\s+(?:day|morning|afternoon|evening|night)"),
    ("new", r"\s+year"),
    ("more", r"\s+recently"),
    ("over", r"\s+the\s+years"),
    ("q", "[1-4]"),
    *((word, r"\s") for word in ("per", "each", "every")),
    *((word, r"[\s-]") for word in NUMBER_WORDS if word not in {"a", "an"}),
    *((word, r"[\s-]") for word in ("few", "couple", "several")),
    # an abbreviated month needs its period or a day after it
    *((month, r"[.\s]" if month in _MONTH_ABBREVIATIONS else "") for month in MONTHS),
    *((weekday, "") for weekday in WEEKDAYS),
    *(
        (word, "")
        for word in words(
            "this last late next past previous coming current following earl mid fiscal financial fy first "
            "second third fourth spring summer autumn fall winter today tonight yesterday tomorrow weekend "
            "year decades months christmas halloween valentine recent annually yearly monthly weekly daily "
            "hourly noon"
        )
    ),
]


def _first_word_pattern() -> str:
    """The first words grouped by initial letter, so that a word is turned away after a few character
    comparisons."""
    by_initial: dict[str, set[str]] = {}
    for word, tail in _FIRST_WORDS:
        by_initial.setdefault(word[0], set()).add(word[1:] + tail)
    branches = [
        initial + "(?:" + "|".join(sorted(rests, key=len, reverse=True)) + ")"
        for initial, rests in sorted(by_initial.items())
    ]
    return "|".join([_DIGITS, *branches])


_FIRST = _first_word_pattern()
# The character before a candidate is consumed: a pattern that opens with a character class lets the
# engine skip through the text instead of trying every position. (Any character outside the class that
# PATTERN's lookbehind also refuses; PATTERN.match checks it again.)
_CANDIDATE = re.compile(rf"[^a-z0-9_$/\-](?={_FIRST})")
_CANDIDATE_AT_START = re.compile(rf"(?={_FIRST})")
# Letters whose lowercase form has another length, or that a case-insensitive pattern matches as an
# ASCII letter without lowercasing to it: with them the lowercased text cannot stand in for the text.
_UNSAFE_LETTERS = ("ı", "ſ")


def find_expressions(text: str) -> Iterator[re.Match[str]]:
    """The matches of PATTERN in `text`, as `PATTERN.finditer` would give them."""
    lowered = text.lower()
    if len(lowered) != len(text) or any(letter in text for letter in _UNSAFE_LETTERS):
        yield from PATTERN.finditer(text)
        return
    match_at = PATTERN.match
    end = 0
    if _CANDIDATE_AT_START.match(lowered):
        match = match_at(text, 0)
        if match is not None:
            end = match.end()
            yield match
    for candidate in _CANDIDATE.finditer(lowered):
        position = candidate.end()
        if position < end:
            continue
        match = match_at(text, position)
        if match is not None:
            end = match.end()
            yield match
