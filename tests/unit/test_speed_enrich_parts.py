"""The faster shapes of the keyword, word, date and amount steps give what the plain forms give."""

from __future__ import annotations

import random
import re

import pytest

from worker.stages.enrich.amounts import extract_amounts
from worker.stages.enrich.dates import extract_dates
from worker.stages.enrich.keywords_candidates import _run_text, _runs, _stopwords, candidates_of
from worker.stages.tokens import WORD, words_of_lowered


def plain_runs(lowered: str) -> list[str]:
    """The keyword runs as the plain prefix-tree alternation with an end-of-word test after it finds them."""
    stop = "|".join(sorted(map(re.escape, _stopwords()), key=len, reverse=True))
    word = r"[a-z][a-z'’\-]*+"
    not_stop = rf"(?!(?:{stop})(?![a-z'’\-]))"
    return re.findall(rf"(?<![a-z'’\-]){not_stop}{word}(?:[ \t]++{not_stop}{word})*+", lowered)


@pytest.mark.parametrize(
    "lowered",
    [
        "the theory of them all",  # words that start like a stopword are no stopwords
        "storm drain upgrade came too late for the",
        "a flood-defence plan, the council's plan\tand o’neil's  idea",
        "aboutface about above-ground -magnitude 'tis the end",
        "",
    ],
)
def test_keyword_runs_match_the_plain_pattern(lowered: str) -> None:
    assert _runs().findall(_run_text(lowered)) == plain_runs(lowered)


def test_candidates_fix_up_only_what_needs_it() -> None:
    lowered = "flood defence plan. rain. mag-nitude' quake. x. heavy rain flooded. council's  vote"
    assert candidates_of(lowered) == [
        "flood defence plan",
        "rain",
        "mag-nitude quake",
        "heavy rain",
        "council's vote",
    ]


def test_dates_and_amounts_read_a_given_lowered_text_as_their_own() -> None:
    text = "On Monday, three people paid US$40 million for İstanbul land in 2019."
    assert extract_dates(text, [], None, lowered=text.lower()) == extract_dates(text, [], None)
    assert extract_amounts(text, [], lowered=text.lower()) == extract_amounts(text, [])


def test_ascii_words_are_the_words_of_the_pattern() -> None:
    """ASCII text is split without the word pattern: every mix of joiners, word and other characters
    gives the pattern's words."""
    rng = random.Random(7)
    alphabet = "aZ09_'- -'\t\n.,;\"x"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(20_000)]
    texts += ["don't stop--now 'quoted' re-run -x y- a-'b U.S. state-of-the-art_2"]
    for text in texts:
        assert words_of_lowered(text) == WORD.findall(text), text
