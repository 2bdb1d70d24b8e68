"""Find name candidates: runs of capitalised words, each cut into chunks by ner.segment.

One regex finds every run ("Chinese Vice Foreign Minister Luo Zhaohui", "China and Russia"); the chunks
of each run get their document offsets, whether an article ("the") precedes them, and whether a
capitalised common word opens a sentence there.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from dataclasses import dataclass

from worker.stages.enrich.ner.lexicon import GazEntry, lexicon
from worker.stages.enrich.ner.segment import CONNECTOR, FIRST_WORD, NEXT_WORD, SKIPPED, segment_run

# Starting with a plain character class lets the regex engine skip quickly to the next capital.
RUN = re.compile(rf"{FIRST_WORD}(?: (?:{CONNECTOR} )?{NEXT_WORD})*")
_INSIDE_WORD = frozenset("'’.-_") | frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_LEADING_PUNCTUATION = " \t\"“‘'([«—–-"
_ARTICLES = ("the ", "The ")


@dataclass(slots=True)
class Chunk:
    """A stretch of text that names one thing. `type` is None while the kind of name is unknown.

    `opening_word` marks a capitalised common word that opens a sentence ("Earlier", "Jobs"): it is a
    name only if the article names it elsewhere.
    """

    start: int
    end: int
    text: str
    type: str | None
    entry: GazEntry | None = None
    after_title: bool = False
    article_start: int | None = None
    opening_word: bool = False


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
    starts = frozenset(ordered)
    common_words = lexicon().common_words
    chunks: list[Chunk] = []
    for match in RUN.finditer(text):
        start = match.start()
        if start and text[start - 1] in _INSIDE_WORD:
            continue  # the capital inside "iPhone" or after "al-"
        run = match.group()
        if run in SKIPPED or text.startswith("$", match.end()):
            continue  # a capitalised function word, or the "US" of "US$40"
        if run.startswith("The "):  # "The North said": the article, then the name
            start, run = start + 4, run[4:]
        parts = [(start, run)]
        inner = bisect_right(ordered, start)
        if inner < len(ordered) and ordered[inner] < match.end():  # "Washington D.C. The team"
            cut = ordered[inner] - start
            parts = [(start, run[:cut].rstrip()), (ordered[inner], run[cut:])]
        for part_start, part in parts:
            has_article = text[max(0, part_start - 4) : part_start] in _ARTICLES
            # Only a common word opening a sentence is treated differently, so most runs skip the check.
            first_word = part.split(" ", 1)[0].lower()
            initial = (
                not has_article and first_word in common_words and is_sentence_start(text, part_start, starts)
            )
            for piece in segment_run(part, initial):
                article = piece.article
                if article is None and has_article and piece.start == 0:
                    article = -4
                chunks.append(
                    Chunk(
                        part_start + piece.start,
                        part_start + piece.end,
                        part[piece.start : piece.end],
                        piece.type,
                        piece.entry,
                        piece.after_title,
                        None if article is None else part_start + article,
                        piece.opening_word,
                    )
                )
    return chunks
