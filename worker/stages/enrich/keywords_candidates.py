"""Candidate key phrases: the text cut into runs of words at stopwords, punctuation and digits (RAKE's
candidates, see keywords.py), each run of 1-3 words cleaned of edge joiners and a trailing verb."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources
from itertools import groupby
from operator import itemgetter
from typing import Final

MAX_PHRASE_WORDS: Final = 3
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


def candidates_of(lowered: str) -> list[str]:
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
