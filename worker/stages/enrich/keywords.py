"""Key phrases: the article's most salient named entities plus RAKE-style noun-phrase candidates.

RAKE (Rose et al., 2010): the text is cut into candidate phrases at stopwords and punctuation; each word
scores degree/frequency over the candidates it occurs in, a phrase the sum of its words. Here a phrase
also gains from repetition and from appearing early (news puts what matters in the lead). Entities
score by their salience. Ties break alphabetically, so the result is deterministic.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import groupby

from schemas import Entity, Keyword

MAX_KEYWORDS = 8
MAX_ENTITY_KEYWORDS = 4
MAX_PHRASE_WORDS = 3
MIN_ENTITY_SALIENCE = 0.1
KEYWORD_ENTITY_TYPES = frozenset({"PERSON", "ORG", "LOC", "EVENT", "PRODUCT", "FACILITY"})
# Characters that end a candidate phrase (digits too: "2019" or "51" are not key phrases).
_SEGMENT_BREAK = re.compile(r"[^a-z\s'’\-]+|\s[-–—]+\s")


@cache
def _stopwords() -> frozenset[str]:
    """The shipped stopword list, loaded once."""
    text = resources.files("worker.resources").joinpath("keywords_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


def _fix_up(phrase: str) -> str:
    """Drop edge hyphens and apostrophes ("-magnitude"), and a trailing past-tense or -ing word: after a
    noun phrase it is the verb ("the aftershock struck", "Omar al-Bashir explained")."""
    words = [word for word in (word.strip("-'’") for word in phrase.split()) if len(word) > 1]
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return " ".join(words)


def _candidates(text: str) -> list[str]:
    """Each candidate phrase of 1-3 words, in text order: the runs of non-stopwords between stopwords and
    punctuation (grouped by itertools.groupby with a C-level set lookup; only the few phrases that need it
    go through _fix_up)."""
    is_stopword = _stopwords().__contains__
    phrases = []
    for segment in _SEGMENT_BREAK.split(text.lower()):
        for stop, run in groupby(segment.split(), is_stopword):
            if not stop:
                words = list(run)
                if len(words) <= MAX_PHRASE_WORDS:
                    phrases.append(" ".join(words))
    return [
        _fix_up(phrase)
        if "-" in phrase or "'" in phrase or "’" in phrase or phrase.endswith(("ed", "ing"))
        else phrase
        for phrase in phrases
        if len(phrase) > 1
    ]


def _phrase_scores(candidates: list[str]) -> dict[str, float]:
    """RAKE score x (1 + log count) x early-position boost, per distinct phrase of 2+ words or 2+ uses.

    A word's RAKE score is degree / frequency, where degree adds up the lengths of the phrases it occurs
    in: a word seen only alone scores 1, so only multi-word phrases need a loop.
    """
    counts = Counter(candidates)
    frequency = Counter(" ".join(candidates).split())
    extra_degree: dict[str, int] = {}
    multiword = [(phrase, count, phrase.split()) for phrase, count in counts.items() if " " in phrase]
    for _, count, words in multiword:
        for word in words:
            extra_degree[word] = extra_degree.get(word, 0) + (len(words) - 1) * count
    total = len(candidates)
    scored = [
        (phrase, count, phrase.split()) for phrase, count in counts.items() if count > 1 and " " not in phrase
    ]
    scores: dict[str, float] = {}
    for phrase, count, words in multiword + scored:
        rake = sum(1.0 + extra_degree.get(word, 0) / frequency[word] for word in words)
        early = 1.0 + 1.0 / (1.0 + 10.0 * candidates.index(phrase) / total)
        scores[phrase] = rake * (1.0 + math.log(count)) * early
    return scores


def _entity_keywords(entities: Sequence[Entity]) -> list[Keyword]:
    best: dict[str, float] = defaultdict(float)
    for entity in entities:
        if entity.type in KEYWORD_ENTITY_TYPES and entity.salience >= MIN_ENTITY_SALIENCE:
            best[entity.canonical] = max(best[entity.canonical], entity.salience)
    ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:MAX_ENTITY_KEYWORDS]
    return [Keyword(text=name, score=round(score, 4)) for name, score in ranked]


def _mostly_names(phrase: str, name_words: set[str]) -> bool:
    """True when most of a phrase's words are names the entity keywords already stand for."""
    words = phrase.split()
    return sum(word in name_words for word in words) * 2 > len(words)


def extract_keywords(text: str, words: Sequence[str], entities: Sequence[Entity]) -> list[Keyword]:
    """Up to 8 key phrases, best first: salient entities and frequent, early noun phrases."""
    named = _entity_keywords(entities)
    name_words = {
        word for entity in entities for mention in entity.mentions for word in mention.text.lower().split()
    }
    scores = _phrase_scores(_candidates(text))
    top = max(scores.values(), default=1.0)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    wanted = MAX_KEYWORDS - len(named)
    phrases: list[Keyword] = []
    for phrase, score in ranked:
        if len(phrases) == wanted:
            break
        if not _mostly_names(phrase, name_words):  # else already there as (part of) an entity name
            phrases.append(Keyword(text=phrase, score=round(score / top, 4)))
    return sorted(named + phrases, key=lambda keyword: (-keyword.score, keyword.text))
