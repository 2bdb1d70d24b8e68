"""Key phrases: salient entities and repeated noun phrases, at most eight, deterministic."""

from __future__ import annotations

import math

import pytest

from schemas import Entity, Span
from worker.stages.enrich.keywords import MAX_KEYWORDS, _phrase_scores, extract_keywords
from worker.stages.tokens import lower_words

ARTICLE = (
    "The city council approved a new flood defence plan on Tuesday after heavy rain flooded the old town. "
    "The flood defence plan includes river barriers and a storm drain upgrade. Mayor Ann Lee said the "
    "flood defence plan would protect two thousand homes. Critics said the storm drain upgrade came too late "
    "for shop owners in the old town, where water damage closed dozens of businesses."
)


def person(entity_id: str, name: str, salience: float) -> Entity:
    start = ARTICLE.index(name)
    mention = Span(start=start, end=start + len(name), text=name)
    return Entity(id=entity_id, text=name, type="PERSON", canonical=name, mentions=[mention], mention_count=1,
                  salience=salience)  # fmt: skip


def keywords_of(entities: list[Entity]) -> list[str]:
    return [keyword.text for keyword in extract_keywords(ARTICLE, lower_words(ARTICLE), entities)]


def test_extract_keywords_ranks_a_repeated_phrase_first() -> None:
    """The phrase the article repeats three times is the top key phrase."""
    assert keywords_of([])[0] == "flood defence plan"


def test_extract_keywords_finds_other_repeated_phrases() -> None:
    """Phrases said twice ('storm drain upgrade', 'old town') are key phrases too."""
    found = keywords_of([])
    assert "storm drain upgrade" in found
    assert "old town" in found


def test_extract_keywords_skips_stopwords_and_numbers() -> None:
    """No key phrase is or contains a stopword-only piece or a number word."""
    found = keywords_of([])
    assert all(phrase.split()[0] not in {"the", "said", "two", "on"} for phrase in found)


def test_extract_keywords_adds_salient_entities_by_their_canonical_name() -> None:
    """A salient person appears under its canonical name, and not again as a lowercase phrase."""
    found = keywords_of([person("E1", "Ann Lee", 0.9)])
    assert "Ann Lee" in found
    assert "mayor ann lee" not in found
    assert "ann lee" not in found


def test_extract_keywords_leaves_out_entities_below_the_salience_floor() -> None:
    """An entity mentioned in passing (salience under 0.1) is not a keyword."""
    assert "Ann Lee" not in keywords_of([person("E1", "Ann Lee", 0.05)])


def test_extract_keywords_returns_at_most_eight_sorted_by_score() -> None:
    """At most eight keywords, best first, the same on every run."""
    keywords = extract_keywords(ARTICLE, lower_words(ARTICLE), [person("E1", "Ann Lee", 0.9)])
    assert len(keywords) <= MAX_KEYWORDS
    assert [k.score for k in keywords] == sorted((k.score for k in keywords), reverse=True)
    assert keywords == extract_keywords(ARTICLE, lower_words(ARTICLE), [person("E1", "Ann Lee", 0.9)])


def test_extract_keywords_of_an_empty_text_is_empty() -> None:
    """No text, no keywords."""
    assert extract_keywords("", [], []) == []


def test_extract_keywords_reuses_the_callers_lowercased_text() -> None:
    """Passing the text already lowercased gives the same keywords as letting the step lowercase it."""
    entities = [person("E1", "Ann Lee", 0.9)]
    words = lower_words(ARTICLE)
    shared = extract_keywords(ARTICLE, words, entities, lowered=ARTICLE.lower())
    assert shared == extract_keywords(ARTICLE, words, entities)
    assert {"Ann Lee", "flood defence plan"} <= {keyword.text for keyword in shared}


def test_extract_keywords_finds_a_phrase_at_the_very_start_and_after_punctuation() -> None:
    """A run that opens the text, or follows a bracket or quote mark, is a candidate like any other."""
    text = "Solar panels rose. (Solar panels) and 'solar panels' again."
    assert [keyword.text for keyword in extract_keywords(text, lower_words(text), [])] == ["solar panels"]


def test_extract_keywords_breaks_score_ties_alphabetically() -> None:
    """Entities of equal salience come in alphabetical order, whatever order they arrive in."""
    entities = [person("E2", "Ann Lee", 1.0), person("E1", "Critics", 1.0)]
    assert keywords_of(entities[::-1])[:2] == keywords_of(entities)[:2] == ["Ann Lee", "Critics"]


def test_phrase_scores_count_uses_and_boost_the_phrase_seen_first() -> None:
    """Equal counts, equal words: the phrase first seen earlier scores higher, and a word used once alone
    scores nothing while a repeated one does."""
    scores = _phrase_scores(
        ["storm drain", "solo", "flood plan", "again", "storm drain", "flood plan", "again"]
    )
    assert set(scores) == {"storm drain", "flood plan", "again"}
    assert scores["storm drain"] > scores["flood plan"]
    assert scores["again"] == pytest.approx((1.0 + math.log(2)) * (1.0 + 1.0 / (1.0 + 10.0 * 3 / 7)))
