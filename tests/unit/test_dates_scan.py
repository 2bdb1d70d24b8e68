"""The prefiltered scan finds exactly the expressions the full regex finds."""

from __future__ import annotations

import re

import pytest

from worker.stages.enrich import dates_scan
from worker.stages.enrich.dates_lexicon import PATTERN
from worker.stages.enrich.dates_scan import compile_patterns, find_expressions

_TEXTS = [
    "March 3, 2009 was a Tuesday; the vote is next week.",
    "The talks ended on Monday. Two years ago the plant closed, and in early 2011 it reopened.",
    "THE END OF THE YEAR, LAST WEEK AND 18:00 UTC ON 12/19/2019 (twenty-five days later).",
    "Sales rose 15% to US$40 billion in the first quarter of 2009, or 2,000 jobs, every Monday.",
    "(Yesterday) the fiscal year 2010 began; FY2009 ended. Christmas Day and New Year's Eve, at noon.",
    "mid-2011, the 1990s, the 19th century, a few weeks, several years, over the years, recently.",
    "In 2001, after the September 11 attacks, the same day and the day after; the weekend before.",
    "Istanbul's İstiklal street, 3 March; ſeveral dayſ later; Sept. 5 and Mar Menor.",
    "The very beginning of the decade, the preceding evening, this coming fortnight, Twenty-One centuries,"
    " a couple of weeks, the same Morning, thirteen more hours; she'll come the following Spring.",
]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], str | None, dict[str, str]]]:
    """Each match's extent, alternative and the groups that took part (a cut-down pattern lacks the
    groups of the alternatives it leaves out)."""
    return [
        (match.span(), match.lastgroup, {k: v for k, v in match.groupdict().items() if v is not None})
        for match in matches
    ]


@pytest.mark.parametrize("text", _TEXTS)
def test_find_expressions_equals_full_regex_scan(text: str) -> None:
    for variant in (text, text.lower(), text.upper(), text.title()):
        expected = list(PATTERN.finditer(variant))
        found = list(find_expressions(variant))
        assert _spans(found) == _spans(expected)


def test_find_expressions_reads_an_expression_at_the_very_start() -> None:
    found = list(find_expressions("Yesterday it rained."))
    assert [match.group() for match in found] == ["Yesterday"]


def test_find_expressions_skips_positions_inside_a_match() -> None:
    found = list(find_expressions("on March 3, 2009 and 2010"))
    assert [match.group() for match in found] == ["March 3, 2009", "2010"]


def test_compile_patterns_covers_every_pattern_the_scan_asks_for() -> None:
    compile_patterns()
    compiled = dates_scan._pattern.cache_info().currsize
    for text in _TEXTS:
        for variant in (text, text.lower(), text.upper(), text.title()):
            list(find_expressions(variant))
    assert dates_scan._pattern.cache_info().currsize == compiled
