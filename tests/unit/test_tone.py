"""GDELT-style tone from the shipped lexicons."""

from __future__ import annotations

import pytest

from worker.stages.enrich.tone import score_tone, word_classes
from worker.stages.tokens import lower_words


def tone_of(text: str) -> dict[str, float]:
    return score_tone(lower_words(text)).model_dump()


def test_score_tone_counts_positive_and_negative_words_in_percent() -> None:
    """'great' is positive and 'killed' negative: 1 of 9 words each."""
    tone = tone_of("The great storm killed many cows on Tuesday evening")
    assert tone["word_count"] == 9
    assert tone["positive"] == pytest.approx(100 / 9, abs=1e-3)
    assert tone["negative"] == pytest.approx(100 / 9, abs=1e-3)
    assert tone["tone"] == pytest.approx(0.0)
    assert tone["polarity"] == pytest.approx(200 / 9, abs=1e-3)


def test_score_tone_is_negative_for_a_violent_report() -> None:
    """A report of an attack with deaths has a clearly negative tone."""
    tone = tone_of(
        "A suicide bomber killed twelve people and injured dozens in an attack on a crowded market. "
        "Police said the explosion caused panic, and hospitals struggled with the victims."
    )
    assert tone["tone"] < -5
    assert tone["negative"] > tone["positive"]


def test_score_tone_is_positive_for_a_celebration() -> None:
    """A report of a win and celebrations has a positive tone."""
    tone = tone_of("The team won the championship and thousands of happy fans celebrated the great victory.")
    assert tone["tone"] > 5


def test_score_tone_ignores_news_neutral_senses() -> None:
    """'United', 'party' and 'security' carry no sentiment in 'the United Nations Security Council party'."""
    tone = tone_of("The United Nations Security Council met the party leaders")
    assert tone["polarity"] == 0.0


def test_score_tone_measures_activity_density() -> None:
    """Action verbs in any form count as activity words: 'launched', 'raids', 'arrested' of 6 words."""
    tone = tone_of("Troops launched raids and arrested suspects")
    assert tone["activity_density"] == pytest.approx(100 * 3 / 6, abs=1e-3)


def test_score_tone_measures_self_group_references() -> None:
    """First-person pronouns count as self/group references."""
    tone = tone_of("We said our goal is to help us and me")
    assert tone["self_group_density"] == pytest.approx(100 * 4 / 10, abs=1e-3)


def test_score_tone_does_not_count_the_us_as_a_pronoun() -> None:
    """'the US' and 'US officials' are the country, 'told us' is the pronoun."""
    tone = tone_of("The US and US officials told us nothing")
    assert tone["self_group_density"] == pytest.approx(100 * 1 / 8, abs=1e-3)


def test_score_tone_of_no_words_is_all_zero() -> None:
    """An empty document has zero in every field instead of dividing by zero."""
    tone = score_tone([])
    assert tone.word_count == 0
    assert (tone.tone, tone.polarity, tone.activity_density, tone.self_group_density) == (0.0, 0.0, 0.0, 0.0)


def test_word_classes_loads_both_lexicons() -> None:
    """The shipped lexicon has thousands of words, and a word can be both negative and an activity."""
    classes = word_classes()
    assert len(classes) > 3000
    assert classes["attacked"] == 2 | 4
    assert classes["excellent"] == 1
