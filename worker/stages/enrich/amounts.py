"""Amounts: money with its ISO 4217 currency, percentages, counts (of people and things) and measured
quantities, each with what it counts. Years, dates, times and bare numbers are not amounts.

"more than 200 protesters" is a count of 200 "protesters" (the qualifier is not kept in the value);
"US$40 billion" is 4e10 USD; "£20.1 million" GBP; "5 million euros" EUR; "15 percent" a percent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from operator import itemgetter

from pydantic import TypeAdapter

from schemas import Amount, Offsets
from worker.stages.enrich.amounts_digits import PREFIX_CURRENCIES, bare_numbers, digit_runs, prefixed_numbers
from worker.stages.enrich.amounts_numbers import (
    SPELLED,
    SPELLED_START,
    digits_value,
    spelled_value,
)
from worker.stages.enrich.word_bytes import word_bytes
from worker.stages.regex_trie import trie_pattern

SUFFIX_CURRENCIES = {
    "dollar": "USD", "euro": "EUR", "pound": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY",
    "renminbi": "CNY", "rupee": "INR", "won": "KRW", "franc": "CHF", "rouble": "RUB", "ruble": "RUB",
    "peso": "MXN", "real": "BRL", "reais": "BRL", "lira": "TRY", "rand": "ZAR", "dirham": "AED",
    "riyal": "SAR", "shekel": "ILS", "krona": "SEK", "kronor": "SEK", "krone": "NOK", "kroner": "NOK",
    "zloty": "PLN", "naira": "NGN", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "hryvnia": "UAH",
}  # fmt: skip
DOLLAR_COUNTRIES = {
    "us": "USD", "u.s.": "USD", "american": "USD", "australian": "AUD", "canadian": "CAD",
    "new zealand": "NZD", "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD",
}  # fmt: skip
UNITS = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km",
    "miles": "mi", "mile": "mi", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "feet": "ft",
    "foot": "ft", "tonnes": "t", "tons": "t", "tonne": "t", "ton": "t", "kg": "kg", "kilograms": "kg",
    "kilogram": "kg", "hectares": "ha", "acres": "acre", "litres": "l", "liters": "l", "barrels": "bbl",
    "megawatts": "MW", "mw": "MW", "gigawatts": "GW", "degrees": "degree", "mph": "mph", "km/h": "km/h",
    "square kilometres": "km2", "square kilometers": "km2", "square miles": "mi2", "millimetres": "mm",
    "millimeters": "mm", "mm": "mm", "centimetres": "cm", "centimeters": "cm", "cm": "cm", "inches": "in",
    "inch": "in", "yards": "yd", "yard": "yd", "gallons": "gal", "knots": "kn", "kph": "km/h",
}  # fmt: skip
# Plural nouns that count time are durations (the dates layer's business), not counts.
TIME_NOUNS = frozenset(
    str.split("years months weeks days hours minutes seconds decades centuries times nights mornings")
)
IRREGULAR_PLURALS = frozenset(
    str.split(
        "people men women children police staff personnel cattle sheep fish dead injured wounded missing"
    )
)
_FUNCTION_WORDS = frozenset(
    str.split(
        "of the and in to from at on for with by or as than per a an this that its their his her after before "
        "during while when who which were was are is have has had will would could"
    )
)
_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
# Prefix trees rather than alternations: the engine walks down one tree instead of trying every word,
# and a tree tries the longer of two words that share a start first, as the longest-first order did.
_COUNTRY = trie_pattern(list(DOLLAR_COUNTRIES))
_CURRENCY_WORD = trie_pattern(list(SUFFIX_CURRENCIES))
_UNIT = trie_pattern(list(UNITS))

# Each pattern opens with a literal or a character class and no assertion, so the regex engine jumps
# to the next possible first character; word boundaries on the left are checked in Python.
# Spelled numbers are searched in " " + the lowercased text, from the white space before them.
SPELLED_NUMBER = re.compile(rf"\s(?P<spelled>{SPELLED})\b(?!-)")
SPELLED_NUMBER_ANY_CASE = re.compile(rf"(?i:\s(?P<spelled>{SPELLED})\b(?!-))")
_GLUED_BEFORE_DIGITS = frozenset(".,:$£€¥/-_")
# What follows a number, in one match: a percent sign or word, a currency word, or a unit of measure.
AFTER_NUMBER = re.compile(
    r"(?P<percent>\s?(?:%|percent\b|per cent\b|percentage points?\b))"
    rf"|(?i:\s+(?:(?P<country>{_COUNTRY})\s+)?(?P<currency>{_CURRENCY_WORD})(?:e?s)?\b(?!\s+of\b))"
    rf"|(?i:\s+(?P<unit>{_UNIT})\b)"
)
NOUN_PHRASE = re.compile(r"(?:\s+[A-Za-z][\w'’\-]*){1,3}")
MONTH_BEFORE = re.compile(rf"(?i:\b(?:{_MONTHS})\.?\s*$)")
DATE_CONTEXT_AFTER = re.compile(rf"(?i:^\s*(?:{_MONTHS})\b)")
_SENTENCE_ENDS = frozenset(".!?")
_START = itemgetter(0)
_AMOUNTS = TypeAdapter(list[Amount])


def _counted_noun(text: str, position: int) -> tuple[int, str] | None:
    """(end, noun phrase) of the plural noun counted after a number: "three official meetings"."""
    match = NOUN_PHRASE.match(text, position)
    if match is None:
        return None
    words = match.group().split()
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _FUNCTION_WORDS:
            return None
        if lower in TIME_NOUNS:
            return None
        plural = lower in IRREGULAR_PLURALS or (
            len(lower) > 3 and lower.endswith("s") and lower[-2] not in "su'"
        )
        if plural:
            phrase = " ".join(words[: index + 1])
            end = text.index(words[index], position) + len(words[index])
            return end, phrase
    return None


def _is_date_or_year(text: str, start: int, end: int, value: float, raw: str) -> bool:
    """A year ("in 2019", "2019"), or a day next to a month ("March 5", "5 March")."""
    if raw.isdigit() and len(raw) == 4 and 1800 <= value <= 2100:
        return True
    if raw.isdigit() and value <= 31:
        before = text[max(0, start - 12) : start]
        return bool(MONTH_BEFORE.search(before) or DATE_CONTEXT_AFTER.match(text, end))
    return False


def _fields(
    start: int,
    end: int,
    text: str,
    kind: str,
    value: float,
    unit: str | None = None,
    counts: str | None = None,
) -> dict[str, object]:
    """The fields of an Amount: plain dicts let pydantic build all of a document's amounts in one
    validation pass, about twice as fast as one constructor call each."""
    return {
        "start": start,
        "end": end,
        "text": text,
        "kind": kind,
        "value": value,
        "unit": unit,
        "counts": counts,
    }


def _after_number(text: str, start: int, end: int, value: float) -> dict[str, object] | None:
    """Classify a plain number by what follows it: %, a currency word, a unit, or a counted noun."""
    after = AFTER_NUMBER.match(text, end)
    if after is not None:
        stop = after.end()
        if after.group("percent"):
            return _fields(start, stop, text[start:stop], "percent", value, "percent")
        if after.group("currency"):
            word = after.group("currency").lower()
            country = (after.group("country") or "").lower()
            code = DOLLAR_COUNTRIES.get(country, "USD") if word == "dollar" else SUFFIX_CURRENCIES[word]
            return _fields(start, stop, text[start:stop], "money", value, code)
        unit = UNITS[after.group("unit").lower()]
        return _fields(start, stop, text[start:stop], "quantity", value, unit)
    noun = _counted_noun(text, end)
    if noun:
        return _fields(start, noun[0], text[start : noun[0]], "count", value, counts=noun[1])
    return None


# A number found: (start, end, value, the ISO code of a currency sign or code before it, its digits as
# written ("" when spelled out), whether a scale word or letter follows). A plain tuple, one per number of
# every document: a NamedTuple's constructor is a Python function call.
_Number = tuple[int, int, float, str | None, str, bool]


def _spelled_numbers(searched: str) -> Iterator[re.Match[str]]:
    """The matches of SPELLED_NUMBER.finditer(searched), tried only where a spelled-out number can start."""
    scanned = word_bytes(searched)
    end = 0
    for candidate in SPELLED_START.finditer(scanned):
        if candidate.start() >= end:
            match = SPELLED_NUMBER.match(searched, candidate.start())
            if match is not None:
                end = match.end()
                yield match


def _numbers(text: str, lowered: str) -> list[_Number]:
    """Money after a currency sign, digit numbers and spelled-out numbers, in text order."""
    found: list[_Number] = []
    runs = digit_runs(text)
    for match in prefixed_numbers(text, runs):
        prefix = text[match.start() : match.start("num")].strip()
        value = digits_value(match.group("num"), match.group("scale"))
        found.append((match.start(), match.end(), value, PREFIX_CURRENCIES[prefix], "", True))
    prefixed_ends = {number[1] for number in found}
    for match in bare_numbers(text, runs):
        before = text[match.start() - 1] if match.start() else " "
        if before.isalnum() or before in _GLUED_BEFORE_DIGITS or match.end() in prefixed_ends:
            continue
        raw, scale = match.group("num"), match.group("scale")
        found.append((match.start(), match.end(), digits_value(raw, scale), None, raw, bool(scale)))
    # lower() keeps offsets except for a few letters ("İ"): then search case-insensitively instead.
    exact = len(lowered) == len(text)
    spelled = _spelled_numbers(" " + lowered) if exact else SPELLED_NUMBER_ANY_CASE.finditer(" " + text)
    for match in spelled:
        start, end = match.start("spelled") - 1, match.end("spelled") - 1
        found.append((start, end, spelled_value(match.group("spelled")), None, "", False))
    found.sort(key=_START)  # stable: numbers that start together keep their order
    return found


def extract_amounts(text: str, sentences: Sequence[Offsets], *, lowered: str | None = None) -> list[Amount]:
    """Money, percentages, counts and quantities in text order. `lowered` is text.lower() when the caller
    has it already."""
    amounts: list[dict[str, object]] = []
    numbers = _numbers(text, text.lower() if lowered is None else lowered)
    for start, end, value, currency, digits, scaled in numbers:
        if currency:
            amounts.append(_fields(start, end, text[start:end], "money", value, currency))
            continue
        raw = digits.replace(",", "")
        if raw and not scaled and _is_date_or_year(text, start, end, value, raw):
            continue
        amount = _after_number(text, start, end, value)
        if amount is not None:
            amounts.append(amount)
    return _AMOUNTS.validate_python(amounts)
