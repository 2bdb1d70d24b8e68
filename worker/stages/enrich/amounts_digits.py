"""Numbers written in digits, with or without a currency prefix, found from where the digits stand.

A pattern that opens with a class ("[0-9]", or the first characters of the currency prefixes) makes the
regex engine test every character of the text against it; a news text holds a few runs of digits in
some two thousand characters. Here the text becomes bytes in which each digit is "0" and every other
character a space, the engine's fast search for one literal byte finds the runs, and the number patterns
are tried only where they can start, in the order `finditer` would try them: the matches are exactly
those of `PREFIXED_NUMBER.finditer` and `BARE_NUMBER.finditer` over the whole text.
"""

from __future__ import annotations

import re

from worker.stages.enrich.amounts_numbers import DIGIT_SCALE, DIGITS
from worker.stages.regex_trie import trie_pattern

PREFIX_CURRENCIES = {
    "US$": "USD", "$": "USD", "A$": "AUD", "AU$": "AUD", "C$": "CAD", "CA$": "CAD", "NZ$": "NZD",
    "HK$": "HKD", "S$": "SGD", "R$": "BRL", "£": "GBP", "€": "EUR", "¥": "JPY", "₹": "INR", "₩": "KRW",
    "Rs": "INR", "Rs.": "INR", "USD": "USD", "EUR": "EUR", "GBP": "GBP", "JPY": "JPY", "CNY": "CNY",
    "RMB": "CNY", "INR": "INR", "CHF": "CHF", "AUD": "AUD", "CAD": "CAD",
}  # fmt: skip
# A prefix tree rather than an alternation: the engine walks down one tree instead of trying every
# prefix, and tries the longer of two prefixes that share a start first.
_PREFIX = trie_pattern(list(PREFIX_CURRENCIES))
PREFIXED_NUMBER = re.compile(rf"(?:{_PREFIX})\s?(?P<num>{DIGITS})(?P<scale>{DIGIT_SCALE})")
BARE_NUMBER = re.compile(rf"(?P<num>{DIGITS})(?P<scale>{DIGIT_SCALE})(?![\w:/-]|[.,]\d)")

# The text as Latin-1 bytes (a character outside it becomes "?"), one byte at each character's offset,
# with the ASCII digits (all that [0-9] matches) as "0" and everything else as a space.
_DIGITS_ONLY = bytes(0x30 if 0x30 <= byte <= 0x39 else 0x20 for byte in range(256))
_DIGIT_RUN = re.compile(b"00*")  # a literal first byte: the engine jumps from digit to digit
# A prefixed number's digits follow the last character of its prefix, or that and one white space.
_PREFIX_ENDS = frozenset(prefix[-1] for prefix in PREFIX_CURRENCIES)
_PREFIX_REACH = max(map(len, PREFIX_CURRENCIES)) + 1


def digit_runs(text: str) -> list[tuple[int, int]]:
    """The spans of the text's runs of ASCII digits, in order."""
    scanned = text.encode("latin-1", "replace").translate(_DIGITS_ONLY)
    return [run.span() for run in _DIGIT_RUN.finditer(scanned)]


def prefixed_numbers(text: str, runs: list[tuple[int, int]]) -> list[re.Match[str]]:
    """`PREFIXED_NUMBER.finditer(text)` as a list, given the text's digit_runs.

    A match's number starts a run of digits (its prefix and the optional space are not digits), so it
    can only start a few characters before a run that a prefix's last character comes before.
    """
    tried: set[int] = set()
    for start, _ in runs:
        before = start - 1
        if before > 0 and text[before].isspace():
            before -= 1
        if before >= 0 and text[before] in _PREFIX_ENDS:
            tried.update(range(max(0, start - _PREFIX_REACH), start))
    found = []
    end = 0
    for position in sorted(tried):  # in text order, as finditer would try them
        if position >= end:
            match = PREFIXED_NUMBER.match(text, position)
            if match is not None:
                found.append(match)
                end = match.end()
    return found


def bare_numbers(text: str, runs: list[tuple[int, int]]) -> list[re.Match[str]]:
    """`BARE_NUMBER.finditer(text)` as a list, given the text's digit_runs: a match starts at a digit, so
    only the digits after the last match are tried, one after another."""
    found = []
    end = 0
    for run_start, run_end in runs:
        position = max(run_start, end)
        while position < run_end:
            match = BARE_NUMBER.match(text, position)
            if match is None:
                position += 1
            else:
                found.append(match)
                end = position = match.end()
    return found
