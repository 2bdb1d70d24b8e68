"""Key phrases: the article's most salient named entities plus RAKE-style noun-phrase candidates.

RAKE (Rose et al., 2010): the text is cut into candidate phrases at stopwords and punctuation; each word
scores degree/frequency over the candidates it occurs in, a phrase the sum of its words. Here a phrase
also gains from repetition and from appearing early (news puts what matters in the lead). Entities
score by their salience. Ties break alphabetically, so the result is deterministic.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from operator import itemgetter
from typing import Final

from schemas import Entity, Keyword
from worker.stages.enrich.keywords_candidates import MAX_PHRASE_WORDS, candidates_of
from worker.stages.enrich.rounding import round4
from worker.stages.records import trusted

# Final: compiled, a constant is inlined where a plain module global is looked up on every use.
MAX_KEYWORDS: Final = 8
MAX_ENTITY_KEYWORDS: Final = 4
MIN_ENTITY_SALIENCE: Final = 0.1
KEYWORD_ENTITY_TYPES = frozenset({"PERSON", "ORG", "LOC", "EVENT", "PRODUCT", "FACILITY"})
_SCORE = itemgetter(1)
_KEYWORD_FIELDS: Final = frozenset({"text", "score"})


def _phrase_scores(candidates: list[str]) -> dict[str, float]:
    """RAKE score x (1 + log count) x early-position boost, per distinct phrase of 2+ words or 2+ uses.

    A word's RAKE score is degree / frequency, where degree adds up the lengths of the phrases it occurs
    in: a word seen only alone scores 1, so only the words of multi-word phrases need a table, and
    their frequencies add up from the distinct phrases' counts without re-splitting every candidate.
    Candidates are single-spaced, so a phrase without a space is one word (or empty, after the
    candidates' clean-up).
    """
    # Each phrase's count and first position, in one pass: faster than Counter() (whose constructor runs
    # as Python code) and a second dict built in reverse, and both keep the order of first use.
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for index, phrase in enumerate(candidates):
        count = counts.get(phrase)
        if count is None:
            counts[phrase] = 1
            first[phrase] = index
        else:
            counts[phrase] = count + 1
    total = len(candidates)
    # A word's degree is its uses inside multi-word phrases plus one more per use in a three-word
    # phrase (a phrase of n words adds n - 1), so only the few three-word phrases need a second table.
    in_phrases: dict[str, int] = {}  # how often a word occurs inside multi-word phrases
    in_three: dict[str, int] = {}  # ... inside three-word phrases
    multiword: list[tuple[str, int, list[str]]] = []
    repeated: list[tuple[str, int]] = []  # single words used more than once
    for phrase, count in counts.items():
        if " " not in phrase:
            if count > 1 and phrase:
                repeated.append((phrase, count))
            continue
        words = phrase.split(" ")
        multiword.append((phrase, count, words))
        for word in words:
            in_phrases[word] = in_phrases.get(word, 0) + count
        if len(words) == MAX_PHRASE_WORDS:
            for word in words:
                in_three[word] = in_three.get(word, 0) + count
    word_score: dict[str, float] = {}
    for word, uses in in_phrases.items():
        word_score[word] = 1.0 + (uses + in_three.get(word, 0)) / (uses + counts.get(word, 0))
    scores: dict[str, float] = {}
    for phrase, count, words in multiword:
        # Added up in a plain loop, as sum() adds floats (in order, from 0.0) on this Python.
        score = 0.0
        for word in words:
            score += word_score[word]
        if count > 1:  # else the factor is 1 + log 1 = 1 exactly
            score *= 1.0 + math.log(count)
        scores[phrase] = score * (1.0 + 1.0 / (1.0 + 10.0 * first[phrase] / total))
    for phrase, count in repeated:
        early = 1.0 + 1.0 / (1.0 + 10.0 * first[phrase] / total)
        scores[phrase] = word_score.get(phrase, 1.0) * (1.0 + math.log(count)) * early
    return scores


def _entity_keywords(entities: Sequence[Entity]) -> list[tuple[str, float]]:
    """(canonical name, salience) of the most salient entities of the keyword types."""
    best: dict[str, float] = {}
    for entity in entities:
        salience = entity.salience
        if salience >= MIN_ENTITY_SALIENCE and entity.type in KEYWORD_ENTITY_TYPES:
            canonical = entity.canonical
            if salience > best.get(canonical, 0.0):
                best[canonical] = salience
    ranked = _best_first(list(best.items()))[:MAX_ENTITY_KEYWORDS]
    return [(name, round4(score)) for name, score in ranked]


def _best_first(scored: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Highest score first, ties alphabetically: a stable reverse sort by score keeps the alphabetical
    order of a first sort, and both sorts compare in C where a key function would run per item."""
    return sorted(sorted(scored), key=_SCORE, reverse=True)


def _mostly_names(phrase: str, name_words: set[str]) -> bool:
    """True when most of a phrase's words are names the entity keywords already stand for."""
    words = phrase.split()
    return sum(map(name_words.__contains__, words)) * 2 > len(words)


def _keyword(text: str, score: float) -> Keyword:
    """A keyword built without validation (worker/stages/records.py): its text is a string and its score
    a float of at least 0 (a salience, or a positive score over the top one)."""
    return trusted(Keyword, {"text": text, "score": score}, _KEYWORD_FIELDS)


def extract_keywords(
    text: str, words: Sequence[str], entities: Sequence[Entity], *, lowered: str | None = None
) -> list[Keyword]:
    """Up to 8 key phrases, best first: salient entities and frequent, early noun phrases. `lowered` is
    text.lower() when the caller has it already."""
    named = _entity_keywords(entities)
    # Lowered and split once for all mentions: a space between them keeps words and final sigmas apart.
    name_words = set(
        " ".join([mention.text for entity in entities for mention in entity.mentions]).lower().split()
    )
    scores = _phrase_scores(candidates_of(text.lower() if lowered is None else lowered))
    top = max(scores.values(), default=1.0)
    # Best score first, ties alphabetically: the reverse sort is stable, so it keeps the alphabetical
    # order of equal scores, and both sorts run on C-level keys. Phrases first seen at different places
    # seldom tie, so the alphabetical sort runs only when two scores are equal.
    ranked = sorted(scores, key=scores.__getitem__, reverse=True)
    if len(set(scores.values())) < len(scores):
        ranked = sorted(sorted(scores), key=scores.__getitem__, reverse=True)
    wanted = MAX_KEYWORDS - len(named)
    phrases: list[tuple[str, float]] = []
    for phrase in ranked:
        if len(phrases) == wanted:
            break
        if not _mostly_names(phrase, name_words):  # else already there as (part of) an entity name
            phrases.append((phrase, round4(scores[phrase] / top)))
    chosen = _best_first(named + phrases)
    return [_keyword(name, score) for name, score in chosen]
