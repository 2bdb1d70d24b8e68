"""Numbers as news writes them: "1,250", "3.5", "US$40 billion", "two hundred and fifty thousand"."""

from __future__ import annotations

import re

from worker.stages.regex_trie import trie_pattern

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "a": 1, "an": 1,
}  # fmt: skip
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "dozen": 12, "crore": 10_000_000, "lakh": 100_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000, "k": 1_000,
}  # fmt: skip
# Prefix trees rather than plain alternations: the number regexes run over every document.
_SCALE_WORDS = trie_pattern(
    ["hundred", "thousand", "million", "billion", "trillion", "dozen", "crore", "lakh"]
)
_UNIT_WORDS = trie_pattern([word for word in UNITS if word not in {"a", "an"}])
_TENS_WORDS = trie_pattern(list(TENS))
# A spelled-out number: "three", "twenty-five", "two hundred and fifty thousand", "a million", "a dozen".
_SPELLED_PART = rf"(?:(?:{_TENS_WORDS})(?:[- ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
_SCALE_TAIL = rf"\s+(?:{_SCALE_WORDS})(?:\s+(?:and\s+)?{_SPELLED_PART}\b)?"
SPELLED = rf"(?:{_SPELLED_PART}(?:{_SCALE_TAIL})*|an?\s+dozen|an?(?:{_SCALE_TAIL})+)"
# Where a spelled-out number can start, found in the text's word_bytes (see word_bytes.py), at the space
# before the word: the regex engine finds spaces by a fast search for one byte, where the spelled-number
# regex, which opens with a class, would be tried at every position. A unit or tens word is always
# followed by a word boundary, and "a"/"an" starts a number only before a scale ("a million"). The unit
# and tens words make one prefix tree whose branches sit beside the "a" branch in one group: the engine
# skips a branch that opens with a letter after one comparison, but would enter a nested group at every
# space. The "a" branch runs to the end of its word ("\w*") so that it passes the word boundary the other
# branches need.
_FIRST_WORDS = trie_pattern([word for word in UNITS if word not in {"a", "an"}] + list(TENS))
SPELLED_START = re.compile(
    rf" (?:an? +(?:{_SCALE_WORDS})\w*|{_FIRST_WORDS.removeprefix('(?:').removesuffix(')')})\b".encode()
)
# Opens with a plain [0-9] class so the regex engine can jump from digit to digit instead of trying
# every position (ASCII digits only: news numbers are written with them).
DIGITS = r"[0-9](?:[0-9]{0,2}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]*(?:\.[0-9]+)?)"
# A scale after digits: "40 billion", "20.1m", "5bn" (single letters only when glued to the digits).
DIGIT_SCALE = rf"(?:\s+(?:{_SCALE_WORDS})\b|(?:bn|mn|m|k)\b)?"
_TOKEN = re.compile(r"[a-z]+")


def digits_value(number: str, scale: str) -> float:
    """The value of "1,250.5" with an optional scale word ("million", "bn")."""
    value = float(number.replace(",", ""))
    scale = scale.strip().lower()
    return value * SCALES[scale] if scale else value


def spelled_value(phrase: str) -> float:
    """The value of a spelled-out number: "two hundred and fifty thousand" -> 250000."""
    total = 0
    current = 0
    for token in _TOKEN.findall(phrase.lower().replace("-", " ")):
        if token == "and":
            continue
        if token in UNITS:
            current += UNITS[token]
        elif token in TENS:
            current += TENS[token]
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0
    return float(total + current)
