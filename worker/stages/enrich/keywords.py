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
_WORD = r"[a-z][a-z'’\-]*"
_NOT_INSIDE_A_WORD = r"(?![a-z'’\-])"


@cache
def _stopwords() -> frozenset[str]:
    """The shipped stopword list, loaded once."""
    text = resources.files("worker.resources").joinpath("keywords_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


@cache
def _runs() -> re.Pattern[str]:
    """Runs of non-stopwords separated by spaces only: punctuation, digits and stopwords end a run.

    The stopword test is a negative lookahead over a prefix tree of the list, so the whole candidate
    search is one C-level findall.
    """
    stop = rf"(?!{trie_pattern(sorted(_stopwords()))}{_NOT_INSIDE_A_WORD})"
    return re.compile(rf"(?<![a-z'’\-]){stop}{_WORD}(?:[ \t]+{stop}{_WORD})*")


def _fix_up(phrase: str) -> str:
    """Drop edge hyphens and apostrophes ("-magnitude"), and a trailing past-tense or -ing word: after a
    noun phrase it is the verb ("the aftershock struck", "Omar al-Bashir explained")."""
    words = [word for word in (word.strip("-'’") for word in phrase.split()) if len(word) > 1]
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return " ".join(words)


def _candidates(text: str) -> list[str]:
    """Each candidate phrase of 1-3 words, in text order (only the few phrases that need it go
    through _fix_up)."""
    return [
        _fix_up(phrase)
        if "-" in phrase or "'" in phrase or "’" in phrase or phrase.endswith(("ed", "ing"))
        else phrase
        for phrase in _runs().findall(text.lower())
        if len(phrase) > 1 and phrase.count(" ") < MAX_PHRASE_WORDS
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
    # The first position of each phrase: later pairs overwrite earlier ones, so feed them in reverse.
    first = dict(zip(reversed(candidates), range(total - 1, -1, -1), strict=True))
    scored = [
        (phrase, count, phrase.split()) for phrase, count in counts.items() if count > 1 and " " not in phrase
    ]
    scores: dict[str, float] = {}
    for phrase, count, words in multiword + scored:
        rake = sum(1.0 + extra_degree.get(word, 0) / frequency[word] for word in words)
        early = 1.0 + 1.0 / (1.0 + 10.0 * first[phrase] / total)
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
