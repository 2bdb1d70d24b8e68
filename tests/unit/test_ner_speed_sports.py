"""The one-scan sports test counts the cues the plain test of each cue in turn counts."""

from __future__ import annotations

import random

import pytest

from worker.stages.enrich.ner.cues import SPORTS_CUES
from worker.stages.enrich.ner.sports import MIN_SPORTS_CUES, is_sports_report


def plain_is_sports_report(text: str) -> bool:
    return sum(cue in text for cue in SPORTS_CUES) >= MIN_SPORTS_CUES


@pytest.mark.parametrize(
    "text",
    [
        "The coach squad scored a goal.",  # the space ending " coach " opens " squad"
        "A goalkeeper and a goal kick: the match went on.",
        "the goalkeeper was hurt",
        "World Cup half-time: the striker scored",
        "midfielder, defender, goalkeeper",  # no space before the first two
        " scored scored scored scored",  # one cue four times counts once
        "",
    ],
)
def test_sports_report_counts_each_cue_once(text: str) -> None:
    assert is_sports_report(text) == plain_is_sports_report(text)


def test_sports_report_matches_the_plain_test_on_random_cue_texts() -> None:
    rng = random.Random(5)
    pieces = [*SPORTS_CUES, " ", "\n", "x", "goal", "coach", " the", "match ", "-", "Cup"]
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        assert is_sports_report(text) == plain_is_sports_report(text), text
