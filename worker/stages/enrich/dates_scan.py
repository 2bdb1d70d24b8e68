"""Where time expressions can start, found in one cheap pass before the full regex runs.

`PATTERN.finditer` would try the whole alternation at every character of the text; Python's regex engine
pays for each position, and for each word the gate of dates_lexicon.py reads. Here a small regex over the
lowercased text picks the word starts that can open an expression (a digit, a month or weekday name, a
number word, "the" before a part of a period, ...) and tells which alternatives can open with that word;
PATTERN cut down to those alternatives (and to the gate's branch for the first character) runs at those
positions only. The prefilter is looser than the gate (lowercase, prefixes of words), and an alternative
is left out only where it cannot match, so the matches are exactly those of `PATTERN.finditer`: the same
leftmost, non-overlapping expressions with the same groups."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from worker.stages.enrich.dates_lexicon import MONTHS, NUMBER_WORDS, PATTERN, WEEKDAYS, pattern_at
from worker.stages.parse_lexicon import words
from worker.stages.regex_trie import trie_pattern

_UNIT_START = r"(?:sec|min|hour|day|week|fortnight|month|year|decade|centur)"
_MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
_MONTH_ABBREVIATIONS = words("jan feb mar apr jun jul aug sep sept oct nov dec")
# A number opens an expression only as a year, a decade, a date or time in figures, a day before a
# month, or an amount before a time unit (the gate's test for digits, in the scanned form of the text,
# where every digit reads as "0").
_DIGITS = (
    rf"0(?:0{{3}}(?!0)|0{{0,3}}(?:s\b|[-/ ]0|(?:st|nd|rd|th)?[- ](?:of\s+)?"
    rf"(?:{_MONTH_START}|{_UNIT_START}|more)|\s*(?:[ap] ?m\b|utc|gmt)))"
)
# "the" opens an expression only before a part, an ordinal, a season, a relative word or a year; it is
# the commonest word, so those followers make a prefix tree.
_WORDS_AFTER_THE = trie_pattern(
    str.split(
        "very end beginning start middle close turn first second third fourth last spring summer autumn "
        "fall winter early late mid this past coming current following previous next same preceding day"
    )
)
_AFTER_THE = rf"\s+(?:0|{_WORDS_AFTER_THE})"
# Which alternatives of PATTERN can open with each kind of first word.
_AFTER_A_NUMBER = "ago set duration"
_RELATIVE = "period deictic weekday relative month duration"
_PART_OF_PERIOD = "period decade weekday relative month"
_ORDINAL = "period quarter duration"
# (first word, what must follow it, the alternatives it can open): a superset of what the gate and the
# alternatives accept.
_FIRST_WORDS: list[tuple[str, str, str]] = [
    ("0", "", "iso slash period dmy decade century ago quarter clock duration"),  # stands for _DIGITS
    ("the", _AFTER_THE, "period decade century relative anchored period_rel quarter duration"),
    ("a", rf"n?(?:\s+(?:few|couple)|[- ](?:more\s+)?{_UNIT_START})", _AFTER_A_NUMBER),
    ("that", r"\s+(?:day|morning|afternoon|evening|night)", "anchored"),
    ("new", r"\s+year", "holiday"),
    ("more", r"\s+recently", "ref"),
    ("over", r"\s+the\s+years", "duration"),
    ("q", "0", "quarter"),  # Q1 to Q4, and (turned away by the gate) Q0 or Q5 to Q9
    *((word, r"\s", "set") for word in ("per", "each", "every")),
    *((word, r"[\s-]", _AFTER_A_NUMBER) for word in NUMBER_WORDS if word not in {"a", "an"}),
    *((word, r"[\s-]", _AFTER_A_NUMBER) for word in ("few", "couple", "several")),
    # an abbreviated month needs its period or a day after it
    *((month, r"\s" if month in _MONTH_ABBREVIATIONS else "", "period mdy month") for month in MONTHS),
    *((weekday, "", "weekday") for weekday in WEEKDAYS),
    *((word, "", _RELATIVE) for word in words("this last next past previous coming current following")),
    ("earl", "", _PART_OF_PERIOD),
    ("late", "", _PART_OF_PERIOD),
    ("mid", r"[\s-]", _PART_OF_PERIOD),
    *((word, "", _ORDINAL) for word in ("first", "second", "third", "fourth")),
    *((word, "", "period") for word in words("fiscal financial fy spring summer autumn fall winter")),
    *((word, "", "deictic") for word in ("today", "tonight", "yesterday", "tomorrow")),
    ("weekend", "", "weekend"),
    ("year", "", "period_rel duration set"),  # year end, years-long, yearly
    *((word, "", "duration") for word in ("decades", "months")),
    *((word, "", "holiday") for word in ("christmas", "halloween", "valentine")),
    ("recent", "", "ref duration"),
    *((word, "", "set") for word in words("annually monthly weekly daily hourly")),
    *((word, "", "clock") for word in ("noon", "midnight")),
]


# The initials of English words, most frequent first ("0" stands for a digit): the engine tries the
# branches of the first word pattern in turn at every word start, so the common ones go first.
_COMMON_INITIALS = "tasiowcbhpfmrdlne0guvjkyqxz"


def _first_word_pattern() -> tuple[str, list[frozenset[str]], list[str]]:
    """The first words grouped by initial letter and then by second letter, so that a word is turned
    away after a few character comparisons; each ends in an empty group whose number (the match's
    `lastindex`) tells which alternatives can follow. Words whose second letters differ never match at
    one place (the tails of "a" and "q" rule out the longer words), so the grouping keeps the group a
    match ends in. Returns the pattern, and the alternatives and the initial of each group number."""
    by_start: dict[tuple[str, str], list[tuple[str, frozenset[str]]]] = {}
    for word, tail, alternatives in _FIRST_WORDS:
        # The tail is a lookahead: a candidate match takes its first word only, so that the next word
        # start is still ahead of the search.
        tail = _DIGITS[len("0") :] if word == "0" else tail
        rest = (word[2:] if word != "0" else "") + (f"(?={tail})" if tail else "")
        by_start.setdefault((word[0], word[1:2]), []).append((rest + "()", frozenset(alternatives.split())))
    branches: dict[str, list[str]] = {}
    names: list[frozenset[str]] = [frozenset()]  # group numbers start at 1, in the order of the pattern
    initials = [""]
    for (initial, second), rests in sorted(
        by_start.items(), key=lambda item: _COMMON_INITIALS.index(item[0][0])
    ):
        branches.setdefault(initial, []).append(second + "(?:" + "|".join(r for r, _ in rests) + ")")
        names.extend(alternatives for _, alternatives in rests)
        initials.extend(initial for _ in rests)
    return (
        "|".join(initial + "(?:" + "|".join(parts) + ")" for initial, parts in branches.items()),
        names,
        initials,
    )


_FIRST, _ALTERNATIVES_AFTER, _INITIAL_OF_GROUP = _first_word_pattern()
# The prefilter reads the lowercased text as Latin-1 bytes (a character outside it becomes "?") in which
# every character that cannot belong to a first word is a space, so the word starts are found by the
# engine's fast search for one literal character; every digit is a "0", which a first word tests as it
# tests a letter (one comparison) rather than by a character class. The first words above are written for
# that form (a period or colon inside them reads as a space). Each character's byte stands one after its
# offset, behind the space the scanned text opens with.
_KEPT = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_$/-")
_TO_SPACE = bytes(
    ord("0") if byte in b"0123456789" else byte if byte in _KEPT else 0x20 for byte in range(256)
)
# A candidate is a space and a first word, so a match starts at its word's offset in the text. Taking the
# first word in the match (its tail stays a lookahead) rather than looking ahead for it all spares the
# engine a lookahead at each of the text's spaces.
_CANDIDATE = re.compile(rf" (?:{_FIRST})".encode())
# Letters whose lowercase form has another length, or that a case-insensitive pattern matches as an
# ASCII letter without lowercasing to it: with them the lowercased text cannot stand in for the text.
_UNSAFE_LETTERS = ("ı", "ſ")


@cache
def _pattern(initial: str, group: int) -> re.Pattern[str] | None:
    return pattern_at(initial, _ALTERNATIVES_AFTER[group])


def compile_patterns() -> int:
    """Compile every cut-down pattern the prefilter can ask for (under a second in all), so that
    a worker does it once before it forks instead of in each child's first batches. Returns how many."""
    for group, initial in enumerate(_INITIAL_OF_GROUP):
        characters = "0123456789" if initial == "0" else initial + initial.upper()
        for character in characters if group else ():
            _pattern(character, group)
    return _pattern.cache_info().currsize


def find_expressions(text: str, lowered: str | None = None) -> Iterator[re.Match[str]]:
    """The matches of PATTERN in `text`, as `PATTERN.finditer` would give them. `lowered` is text.lower()
    when the caller has it already."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) != len(text) or any(letter in text for letter in _UNSAFE_LETTERS):
        yield from PATTERN.finditer(text)
        return
    scanned = b" " + lowered.encode("latin-1", "replace").translate(_TO_SPACE)
    end = 0
    for candidate in _CANDIDATE.finditer(scanned):
        position = candidate.start()
        if position < end:
            continue
        pattern = _pattern(text[position], candidate.lastindex or 0)
        match = pattern.match(text, position) if pattern is not None else None
        if match is not None:
            end = match.end()
            yield match
