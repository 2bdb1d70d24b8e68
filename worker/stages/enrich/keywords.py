"""Key phrases: the article's most salient named entities plus RAKE-style noun-phrase candidates.

RAKE (Rose et al., 2010): the text is cut into candidate phrases at stopwords and punctuation; each word
scores degree/frequency over the candidates it occurs in, a phrase the sum of its words. Here a phrase
also gains from repetition and from appearing early (news puts what matters in the lead). Entities
score by their salience. Ties break alphabetically, so the result is deterministic.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import groupby, repeat
from operator import itemgetter

from pydantic import TypeAdapter

from schemas import Entity, Keyword
from worker.stages.enrich.rounding import round4

MAX_KEYWORDS = 8
MAX_ENTITY_KEYWORDS = 4
MAX_PHRASE_WORDS = 3
MIN_ENTITY_SALIENCE = 0.1
KEYWORD_ENTITY_TYPES = frozenset({"PERSON", "ORG", "LOC", "EVENT", "PRODUCT", "FACILITY"})
_SCORE = itemgetter(1)
# Possessive repeats (*+, ++): a run never needs to give back what it matched, and not keeping the
# positions to backtrack to makes the search about an eighth faster.
_WORD = r"[a-z][a-z'’\-]*+"
# The character before a run, and the one after a whole stopword: the searched text starts with a space and
# ends with a newline (_run_text), so there always is one.
_NOT_IN_A_WORD = r"[^a-z'’\-]"
# Letters by how often they start an English word, and by how often they occur at all.
_INITIAL_LETTERS = "tsaiowcbphfmdrelnguvyjkqxz"
_LETTERS = "etaoinshrdlcumwfgypbvkjxqz"


@cache
def _stopwords() -> frozenset[str]:
    """The shipped stopword list, loaded once."""
    text = resources.files("worker.resources").joinpath("keywords_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


# For _spaced_text: in the text's bytes, the characters runs are made of keep their byte (the typographic
# apostrophe stands in as \x01, see _spaced_text), every other one becomes a newline.
_RUN_BYTES = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz'- \x01" else 0x0A for byte in range(256))


@cache
def _space_led_runs() -> re.Pattern[str]:
    """_runs() opening with a space, a literal the engine skips to in a tight loop, where _runs() tests
    its opening character class at every character; it reads _spaced_text's text."""
    return re.compile(" " + _run_body())


def _spaced_text(lowered: str) -> str | None:
    """The text _space_led_runs() finds the runs of _run_text(lowered) in, in the same order: every
    character runs are not made of is a newline with a space put after it, so a space comes before every
    run and no run crosses it. None for a text with a tab (it both ends and joins runs) or a \x01."""
    if "\t" in lowered or "\x01" in lowered:
        return None
    curly = "’" in lowered
    marked = lowered.replace("’", "\x01") if curly else lowered
    spaced = (
        marked.encode("latin-1", "replace").translate(_RUN_BYTES).replace(b"\n", b"\n ").decode("latin-1")
    )
    return f" {spaced.replace(chr(1), '’') if curly else spaced}\n"


@cache
def _runs() -> re.Pattern[str]:
    """Runs of non-stopwords separated by spaces only: punctuation, digits and stopwords end a run.

    The stopword test is a negative lookahead over a prefix tree of the list, so the whole candidate
    search is one C-level findall. The pattern opens with the character before a run (the text is
    searched with a space put in front, see _run_text), so the engine skips in C over every letter
    inside a word instead of trying a match there; the run itself is the one group.
    """
    return re.compile(_NOT_IN_A_WORD + _run_body())


@cache
def _run_body() -> str:
    """The run pattern after its opening character, shared by both searches: compiling the stopword tree
    is costly, so a worker compiles only the pattern it uses (_runs() is left for texts with a tab)."""
    stop = rf"(?!{_whole_word_tree(sorted(_stopwords()))})"
    return rf"({stop}{_WORD}(?:[ \t]++{stop}{_WORD})*+)"


def _run_text(lowered: str) -> str:
    """The text _runs() searches: a space before it so a run can open the text, and a newline after it
    so that the end-of-word test of the stopword tree is one character class, never the end of the text."""
    return f" {lowered}\n"


def _whole_word_tree(words: list[str], depth: int = 0) -> str:
    """`words` (sorted, all sharing their first `depth` characters) as a prefix tree that matches only a
    whole word: where a word ends, the end-of-word test is one more branch of its node. After an optional
    tail ("the(?:ir|m)?" and the test after it) the engine comes back into the tree for every word that
    merely starts like a stopword; this shape spares that.

    The engine tries a node's branches in order, so the commoner letters come first (word-initial
    letters for the first character, letters overall after it), and the end-of-word test before them.
    """
    ends_here = len(words[0]) == depth  # sorted: a word that ends here comes first
    longer = words[1:] if ends_here else words
    order = _INITIAL_LETTERS if depth == 0 else _LETTERS
    groups = sorted(
        ((char, list(group)) for char, group in groupby(longer, key=itemgetter(depth))),
        key=lambda pair: order.find(pair[0]) % (len(order) + 1),  # characters not listed go last
    )
    branches = [re.escape(char) + _whole_word_tree(group, depth + 1) for char, group in groups]
    if ends_here:
        branches.insert(0, _NOT_IN_A_WORD)
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _fix_up(phrase: str) -> str:
    """Drop edge hyphens and apostrophes ("-magnitude"), and a trailing past-tense or -ing word: after a
    noun phrase it is the verb ("the aftershock struck", "Omar al-Bashir explained")."""
    words = phrase.split()
    # Most phrases here are plain words ending in -ed/-ing: only one with a joiner or a one-letter word
    # needs its words stripped and sifted.
    if "-" in phrase or "'" in phrase or "’" in phrase or min(map(len, words), default=0) < 2:
        words = [word for word in map(str.strip, words, repeat("-'’")) if len(word) > 1]
    while len(words) > 1 and words[-1].endswith(("ed", "ing")):
        words.pop()
    return " ".join(words)


def _find_runs(lowered: str) -> list[str]:
    """The runs of the text, in order, by the space-led search where the text allows it."""
    spaced = _spaced_text(lowered)
    if spaced is None:
        return _runs().findall(_run_text(lowered))
    return _space_led_runs().findall(spaced)


def _candidates(lowered: str) -> list[str]:
    """Each candidate phrase of 1-3 words, in text order. Only the few phrases that need it go through
    _fix_up: those with hyphens or apostrophes, multi-word ones ending in -ed/-ing (a lone such word is
    kept as it is), and runs spaced by tabs or several spaces, so every phrase is single-spaced."""
    # A plain word (most phrases) is all letters: one isalpha() call settles it.
    return [
        phrase
        if phrase.isalpha()
        else _fix_up(phrase)
        if "-" in phrase
        or "'" in phrase
        or "’" in phrase
        or "\t" in phrase
        or (" " in phrase and ("  " in phrase or phrase.endswith(("ed", "ing"))))
        else phrase
        for phrase in _find_runs(lowered)
        # str.count parses its arguments the slow way: most phrases are one word and never need it.
        if len(phrase) > 1 and (" " not in phrase or phrase.count(" ") < MAX_PHRASE_WORDS)
    ]


def _phrase_scores(candidates: list[str]) -> dict[str, float]:
    """RAKE score x (1 + log count) x early-position boost, per distinct phrase of 2+ words or 2+ uses.

    A word's RAKE score is degree / frequency, where degree adds up the lengths of the phrases it occurs
    in: a word seen only alone scores 1, so only the words of multi-word phrases need a table, and
    their frequencies add up from the distinct phrases' counts without re-splitting every candidate.
    Candidates are single-spaced, so a phrase without a space is one word (or empty, after _fix_up).
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
    alone = counts.get
    word_score = {
        word: 1.0 + (uses + in_three.get(word, 0)) / (uses + alone(word, 0))
        for word, uses in in_phrases.items()
    }
    scores: dict[str, float] = {}
    for phrase, count, words in multiword:
        score = sum(map(word_score.__getitem__, words))
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


@cache
def _keyword_list() -> TypeAdapter[list[Keyword]]:
    """Validates all keywords of a document in one call, several times cheaper than one model each."""
    return TypeAdapter(list[Keyword])


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
    scores = _phrase_scores(_candidates(text.lower() if lowered is None else lowered))
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
    return _keyword_list().validate_python([{"text": name, "score": score} for name, score in chosen])
