"""Find name candidates: runs of capitalised words, each cut into chunks by ner.segment.

One regex finds every run ("Chinese Vice Foreign Minister Luo Zhaohui", "China and Russia"); the chunks
of each run get their document offsets, whether an article ("the") precedes them, and whether a
capitalised common word opens a sentence there.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache
from typing import Final

from worker.stages.enrich.ner.lexicon import GazEntry
from worker.stages.enrich.ner.segment import FIRST_WORD, NEXT_WORD, segment_run
from worker.stages.enrich.ner.segmenter import PieceFields
from worker.stages.enrich.ner.words import CONNECTOR_WORDS, SKIPPED, word_facts
from worker.stages.generations import GenerationCache
from worker.stages.regex_trie import trie_pattern

# Starting with a plain character class lets the regex engine skip quickly to the next capital. The
# connectors as a prefix tree: after every word of every run the engine tests the next word's first letter
# once, not each of the 26 connectors in turn (a tenth of the regex's time). At most one connector can be
# followed by a name, so the order the tree tries them in finds the same runs.
RUN = re.compile(rf"{FIRST_WORD}(?: (?:{trie_pattern(CONNECTOR_WORDS)} )?{NEXT_WORD})*")
# Final names are C statics in the compiled build, read without a lookup in the module's namespace.
_RUN_SPLIT: Final = re.compile(f"({RUN.pattern})")  # RUN has no group of its own: split keeps each run
_INSIDE_WORD: Final = frozenset("'’.-_") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LEADING_PUNCTUATION: Final = " \t\"“‘'([«—–-"


class Chunk:
    """A stretch of text that names one thing. `type` is None while the kind of name is unknown.

    `opening_word` marks a capitalised common word that opens a sentence ("Earlier", "Jobs"): it is a
    name only if the article names it elsewhere.

    A plain class with its own __init__ rather than a dataclass: the compiled build compiles this
    __init__, where a dataclass's generated one runs as interpreted Python for each of the few dozen
    chunks of every document.
    """

    __slots__ = ("after_title", "article_start", "end", "entry", "opening_word", "start", "text", "type")

    def __init__(
        self,
        start: int,
        end: int,
        text: str,
        type: str | None,
        entry: GazEntry | None = None,
        after_title: bool = False,
        article_start: int | None = None,
        opening_word: bool = False,
    ) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.type = type
        self.entry = entry
        self.after_title = after_title
        self.article_start = article_start
        self.opening_word = opening_word


def stands_at(text: str, position: int, literal: str) -> bool:
    """`text.startswith(literal, position)`, which the compiled build calls as a generic method (a slice
    and a comparison cost a fifth of that)."""
    return text[position : position + len(literal)] == literal


def is_sentence_start(text: str, position: int, starts: Collection[int]) -> bool:
    index = position
    while index > 0 and text[index - 1] in _LEADING_PUNCTUATION:
        index -= 1
    if index == 0 or index in starts or text[index - 1] == "\n":
        return True
    return not starts and text[index - 1] in ".!?"


def find_chunks(text: str, sentence_starts: Collection[int]) -> list[Chunk]:
    """Every name chunk of the text, in order."""
    ordered = sorted(sentence_starts)
    ordered.append(len(text) + 1)  # a sentinel, so the walk below needs no bounds check
    starts = frozenset(sentence_starts)
    chunks: list[Chunk] = []
    next_index = 0
    next_start = ordered[0]
    # Split around the runs rather than iterated over match objects: the list alternates the text between
    # runs with the runs, made in C, where each match object and its method calls cost more than the run.
    pieces: list[str] = _RUN_SPLIT.split(text)  # typed str: compiled, its string methods run as primitives
    position = len(pieces[0])
    for index in range(1, len(pieces), 2):
        run = pieces[index]
        start = position
        end = start + len(run)
        position = end + len(pieces[index + 1])
        if start and text[start - 1] in _INSIDE_WORD:
            continue  # the capital inside "iPhone" or after "al-"
        if run in SKIPPED:
            continue  # a capitalised function word
        if end < len(text) and text[end] == "$":
            continue  # the "US" of "US$40"
        if run.startswith("The "):  # "The North said": the article, then the name
            start, run = start + 4, run[4:]
        # Runs come in text order, so the next sentence start only moves forward.
        while next_start <= start:
            next_index += 1
            next_start = ordered[next_index]
        if next_start < end:  # "Washington D.C. The team": two sentences, two parts
            cut = next_start - start
            _add_part(chunks, text, start, run[:cut].rstrip(), starts)
            _add_part(chunks, text, next_start, run[cut:], starts)
        else:
            _add_part(chunks, text, start, run, starts)
    return chunks


def _add_part(chunks: list[Chunk], text: str, part_start: int, part: str, starts: Collection[int]) -> None:
    """The chunks of one part of a run, at its place in the text."""
    found = _PIECES.get(part)
    if found is None:
        found = PIECE_CACHE.fill(part)
    pieces, may_open = found
    # "the " right before the part is the article of the piece that opens it; that is all it changes.
    article_before: int | None = None
    if part_start >= 4 and text[part_start - 4 : part_start] in ("the ", "The "):
        article_before = part_start - 4
    elif may_open and is_sentence_start(text, part_start, starts):
        # Only a common word opening a sentence is read differently, so most parts skip the check.
        pieces = _opening_pieces(part)
    for rel_start, rel_end, piece_text, kind, entry, after_title, article, opening in pieces:
        if article is not None:
            article_start: int | None = part_start + article
        else:
            article_start = article_before if rel_start == 0 else None
        chunks.append(
            Chunk(
                part_start + rel_start, part_start + rel_end, piece_text, kind, entry, after_title,
                article_start, opening,
            )
        )  # fmt: skip


_Pieces = tuple[tuple[PieceFields, ...], bool]


def _pieces(part: str) -> _Pieces:
    """The chunk fields of one part, relative to its start, and whether the part may read differently at
    the start of a sentence (it opens with a common word).
    """
    pieces = segment_run(part, False)
    # The segmenter has just looked the first word up, so its facts come from the cache.
    return pieces, word_facts(part.split(" ", 1)[0]).common


# The pieces of each part seen, whether "the " comes before it or not: parts such as "United States" recur.
PIECE_CACHE: Final[GenerationCache[str, _Pieces]] = GenerationCache(_pieces, 32768)
_PIECES: Final = PIECE_CACHE.recent  # the same dict, emptied in place: a hit costs one lookup


@lru_cache(maxsize=16384)
def _opening_pieces(part: str) -> tuple[PieceFields, ...]:
    """The chunk fields of a part that opens a sentence with a common word ("Earlier", "Officials")."""
    return segment_run(part, True)
