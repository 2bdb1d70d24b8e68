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

from schemas import Entity, Keyword
from worker.stages.enrich.quotes_cues import trie_pattern

MAX_KEYWORDS = 8
MAX_ENTITY_KEYWORDS = 4
MAX_PHRASE_WORDS = 3
MIN_ENTITY_SALIENCE = 0.1
KEYWORD_ENTITY_TYPES = frozenset({"PERSON", "ORG", "LOC", "EVENT", "PRODUCT", "FACILITY"})
# Characters that end a candidate phrase (digits too: "2019" or "51" are not key phrases).
_BREAK = r"[^a-z\s'’\-]+|\s[-–—]+\s"


@cache
def _splitter() -> re.Pattern[str]:
    """Splits lowercased text at stopwords and punctuation; built once from the shipped stopword list."""
    text = resources.files("worker.resources").joinpath("keywords_stopwords.txt").read_text(encoding="utf-8")
    stopwords = sorted(set(text.split()))
    return re.compile(rf"{_BREAK}|\b(?:{trie_pattern(stopwords)})\b")


def _candidate_words(piece: str) -> list[str]:
    """A piece's words without edge hyphens and apostrophes, and without a trailing past-tense or -ing
    word: after a noun phrase that is the verb ("the aftershock struck", "Omar al-Bashir explained")."""
    words = [word.strip("-'’") for word in piece.split()]
    words = [word for word in words if len(word) > 1]
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return words


def _candidates(text: str) -> list[str]:
    """Each candidate phrase of 1-3 words, in text order."""
    found = []
    for piece in _splitter().split(text.lower()):
        words = _candidate_words(piece)
        if 0 < len(words) <= MAX_PHRASE_WORDS:
            found.append(" ".join(words))
    return found


def _phrase_scores(candidates: list[str]) -> dict[str, float]:
    """RAKE score x (1 + log count) x early-position boost, per distinct phrase."""
    frequency: Counter[str] = Counter()
    degree: Counter[str] = Counter()
    for phrase in candidates:
        words = phrase.split()
        for word in words:
            frequency[word] += 1
            degree[word] += len(words)
    word_score = {word: degree[word] / frequency[word] for word in frequency}
    counts = Counter(candidates)
    first: dict[str, int] = {}
    for position, phrase in enumerate(candidates):
        first.setdefault(phrase, position)
    scores: dict[str, float] = {}
    for phrase, count in counts.items():
        words = phrase.split()
        if len(words) == 1 and count == 1:
            continue  # a lone word said once is not a key phrase
        rake = sum(word_score[word] for word in words)
        early = 1.0 + 1.0 / (1.0 + 10.0 * first[phrase] / len(candidates))
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
    phrases = [
        Keyword(text=phrase, score=round(score / top, 4))
        for phrase, score in scores.items()
        if not _mostly_names(phrase, name_words)
    ]
    phrases.sort(key=lambda keyword: (-keyword.score, keyword.text))
    merged = named + phrases[: MAX_KEYWORDS - len(named)]
    return sorted(merged, key=lambda keyword: (-keyword.score, keyword.text))
