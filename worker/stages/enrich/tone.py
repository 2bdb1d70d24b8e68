"""GDELT-style tone: shares of positive, negative, activity and self/group words, in percent of all words.

Positive and negative words come from the VADER lexicon (MIT; `resources/tone_lexicon.tsv`, built by
`resources/tone_build_lexicon.py`), activity words are action verbs in all their forms
(`resources/tone_activity_words.txt`), and self/group references are the first-person pronouns.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Final

from schemas import Tone
from worker.stages.enrich.rounding import round4
from worker.stages.records import trusted

POSITIVE = 1
NEGATIVE = 2
ACTIVITY = 4
SELF_GROUP = 8
# Not a class: marks "us" in the table score_tone counts with, so that the search for the country
# "US" runs only in a document that has the word.
_US = 16

SELF_GROUP_WORDS = frozenset({"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"})
# "US" is lowercased to "us" by the tokeniser: after "the", or before one of these, it is the country.
_COUNTRY_US_BEFORE = frozenset({"the"})
_COUNTRY_US_NEXT_WORDS = (
    "president administration government officials official military forces troops army navy dollar "
    "dollars economy embassy state states senate congress house secretary department treasury "
    "attorney ambassador envoy citizens citizen soldiers"
)
_COUNTRY_US_AFTER = frozenset(_COUNTRY_US_NEXT_WORDS.split())
_TONE_FIELDS: Final = frozenset(Tone.model_fields)


def _resource_lines(name: str) -> list[str]:
    text = resources.files("worker.resources").joinpath(name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip()]


@cache
def word_classes() -> dict[str, int]:
    """word -> bit set of POSITIVE / NEGATIVE / ACTIVITY / SELF_GROUP, loaded once."""
    classes: dict[str, int] = {}
    for line in _resource_lines("tone_lexicon.tsv"):
        word, valence = line.split("\t")
        classes[word] = POSITIVE if float(valence) > 0 else NEGATIVE
    for line in _resource_lines("tone_activity_words.txt"):
        for word in line.split():
            classes[word] = classes.get(word, 0) | ACTIVITY
    for word in SELF_GROUP_WORDS:
        classes[word] = classes.get(word, 0) | SELF_GROUP
    return classes


@cache
def _counting_classes() -> dict[str, int]:
    """word_classes() with "us" (a self/group word) under a code of its own."""
    classes = dict(word_classes())
    classes["us"] |= _US
    return classes


def _country_us_count(words: Sequence[str]) -> int:
    """How many "us" tokens are the United States rather than the pronoun."""
    # Found with the C-level list search; counted first, so that no search runs off the end.
    as_list = words if isinstance(words, list) else list(words)
    last = len(as_list) - 1
    country = 0
    index = -1
    for _ in range(as_list.count("us")):
        index = as_list.index("us", index + 1)
        if (index and as_list[index - 1] in _COUNTRY_US_BEFORE) or (
            index < last and as_list[index + 1] in _COUNTRY_US_AFTER
        ):
            country += 1
    return country


def _percent(count: int, total: int) -> float:
    return round4(100.0 * count / total) if total else 0.0


def score_tone(words: Sequence[str]) -> Tone:
    """Tone = positive% - negative%, polarity = positive% + negative%, densities in % of all words."""
    total = len(words)
    classes = _counting_classes()
    positive = negative = activity = self_group = 0
    has_us = False
    for word in words:  # compiled: a dict lookup and a few bit tests per word, no object made
        code = classes.get(word, 0)
        if code:
            if code & POSITIVE:
                positive += 1
            if code & NEGATIVE:
                negative += 1
            if code & ACTIVITY:
                activity += 1
            if code & SELF_GROUP:
                self_group += 1
            if code & _US:
                has_us = True
    if has_us:
        self_group -= _country_us_count(words)
    positive_share, negative_share = _percent(positive, total), _percent(negative, total)
    # Built without pydantic's validation (worker/stages/records.py): the shares are rounded percentages
    # of counts, never negative, and the word count is a length.
    return trusted(Tone, {
        "tone": round4(positive_share - negative_share),
        "positive": positive_share,
        "negative": negative_share,
        "polarity": round4(positive_share + negative_share),
        "activity_density": _percent(activity, total),
        "self_group_density": _percent(self_group, total),
        "word_count": total,
    }, _TONE_FIELDS)  # fmt: skip
