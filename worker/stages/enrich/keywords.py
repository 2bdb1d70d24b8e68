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
from itertools import groupby
from operator import itemgetter
from typing import Final

from schemas import Entity, Keyword
from schemas.base import new_record, set_extra, set_fields_set, set_private, set_record_dict
from worker.stages.enrich.rounding import round4

# Final: compiled, a constant is inlined where a plain module global is looked up on every use.
MAX_KEYWORDS: Final = 8
MAX_ENTITY_KEYWORDS: Final = 4
MAX_PHRASE_WORDS: Final = 3
MIN_ENTITY_SALIENCE: Final = 0.1
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


# For _cut_text: in the text's bytes, the characters runs are made of keep their byte (the typographic
# apostrophe stands in as \x01, see _cut_text), every other one becomes a newline.
_RUN_BYTES = bytes(byte if chr(byte) in "abcdefghijklmnopqrstuvwxyz'- \x01" else 0x0A for byte in range(256))
# The characters a run is made of besides letters and spaces: a word cannot start with one.
_JOINERS: Final = "'’-"


def _cut_text(lowered: str) -> str | None:
    """The text with every character runs are not made of turned into a newline, so that no run crosses
    a newline. None for a text with a tab (it both ends and joins runs) or a \x01: they take _runs()."""
    if "\t" in lowered or "\x01" in lowered:
        return None
    curly = "’" in lowered
    marked = lowered.replace("’", "\x01") if curly else lowered
    cut = marked.encode("latin-1", "replace").translate(_RUN_BYTES).decode("latin-1")
    return cut.replace("\x01", "’") if curly else cut


@cache
def _runs() -> re.Pattern[str]:
    """Runs of non-stopwords separated by spaces and tabs only: punctuation, digits and stopwords end a run.

    The stopword test is a negative lookahead over a prefix tree of the list, so the whole candidate
    search is one C-level findall. The pattern opens with the character before a run (the text is
    searched with a space put in front, see _run_text), so the engine skips in C over every letter
    inside a word instead of trying a match there; the run itself is the one group.
    """
    stop = rf"(?!{_whole_word_tree(sorted(_stopwords()))})"
    return re.compile(rf"{_NOT_IN_A_WORD}({stop}{_WORD}(?:[ \t]++{stop}{_WORD})*+)")


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


def _verb_like(text: str) -> bool:
    """Whether the text ends in -ed or -ing."""
    # Compiled, endswith with one suffix is a C call, with a tuple of them a generic method call.
    return text.endswith("ed") or text.endswith("ing")  # noqa: PIE810


def _fix_up(phrase: str) -> str:
    """Drop edge hyphens and apostrophes ("-magnitude"), and a trailing past-tense or -ing word: after a
    noun phrase it is the verb ("the aftershock struck", "Omar al-Bashir explained")."""
    words = phrase.split()
    # Most phrases here are plain words ending in -ed/-ing: only one with a joiner or a one-letter word
    # needs its words stripped and sifted. Plain loops: compiled, they run as C calls, where map() and
    # min(default=) go through generic calls.
    if "-" in phrase or "'" in phrase or "’" in phrase or any(len(word) < 2 for word in words):
        stripped = [word.strip(_JOINERS) for word in words]
        words = [word for word in stripped if len(word) > 1]
    while len(words) > 1 and _verb_like(words[-1]):
        words.pop()
    return " ".join(words)


def _kept(phrase: str) -> bool:
    """Whether a run makes a candidate: two characters or more, and at most MAX_PHRASE_WORDS - 1 spaces
    (a longer run is no noun phrase; a run spaced by tabs counts no spaces)."""
    # str.count parses its arguments the slow way: most phrases are one word and never need it.
    return len(phrase) > 1 and (" " not in phrase or phrase.count(" ") < MAX_PHRASE_WORDS)


def _cleaned(phrase: str) -> str:
    """A kept run as a candidate. Only the few that need it go through _fix_up: those with hyphens or
    apostrophes, multi-word ones ending in -ed/-ing (a lone such word is kept as it is), and runs spaced
    by tabs or several spaces, so every candidate is single-spaced."""
    if phrase.isalpha():  # a plain word (most runs) is all letters: one call settles it
        return phrase
    if "-" in phrase or "'" in phrase or "’" in phrase or "\t" in phrase:
        return _fix_up(phrase)
    if " " in phrase and ("  " in phrase or _verb_like(phrase)):
        return _fix_up(phrase)
    return phrase


def _candidates(lowered: str) -> list[str]:
    """Each candidate phrase of 1-3 words, in text order: the kept runs of _runs(), cleaned."""
    cut = _cut_text(lowered)
    if cut is None:
        return [_cleaned(phrase) for phrase in _runs().findall(_run_text(lowered)) if _kept(phrase)]
    # A loop over the words where the text allows it: it finds what _runs() finds at a fraction of the
    # cost of the regex's stopword tree. Between two newlines, the text's spaces cut it into tokens, each
    # of letters and joiners, or empty where spaces repeat: a run is a stretch of tokens that start with
    # a letter and are no stopwords, with empty tokens inside it only (they are its extra spaces).
    stopwords = _stopwords()
    candidates: list[str] = []
    for piece in cut.split("\n"):
        if not piece:
            continue
        tokens = piece.split(" ")
        start = -1  # the run's first token, -1 between runs
        last = 0  # its last token so far
        for index, token in enumerate(tokens):
            if not token:
                continue
            # Compiled, ord(token[0]) reads the code point without making a string of it.
            if token in stopwords or not ord("a") <= ord(token[0]) <= ord("z"):
                if start >= 0:
                    _add_run(candidates, tokens, start, last)
                    start = -1
                continue
            if start < 0:
                start = index
            last = index
        if start >= 0:
            _add_run(candidates, tokens, start, last)
    return candidates


def _add_run(candidates: list[str], tokens: list[str], start: int, last: int) -> None:
    """The run of tokens[start:last + 1] as _kept and _cleaned take it, knowing what a token is: its
    raw text, with one space per token boundary, has last - start spaces, and no tab."""
    if start == last:
        word = tokens[start]
        # Three searches tell what isalpha() tells of a word of letters and joiners, at less cost.
        if len(word) > 1:
            candidates.append(_fix_up(word) if "-" in word or "'" in word or "’" in word else word)
    elif last - start < MAX_PHRASE_WORDS:
        phrase = " ".join(tokens[start : last + 1])
        if "-" in phrase or "'" in phrase or "’" in phrase or "  " in phrase or _verb_like(phrase):
            phrase = _fix_up(phrase)
        candidates.append(phrase)


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
    """A keyword built as Record.assemble builds one, inline and without validation: its text is a
    string and its score a float of at least 0 (a salience, or a positive score over the top one)."""
    keyword: Keyword = new_record(Keyword)
    set_record_dict(keyword, {"text": text, "score": score})
    set_fields_set(keyword, {"text", "score"})
    set_extra(keyword, None)
    set_private(keyword, None)
    return keyword


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
    return [_keyword(name, score) for name, score in chosen]
