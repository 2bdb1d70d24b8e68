"""Cut one run of capitalised words into chunks: known names, titles, headed names, people, unknowns.

Left to right, preferring at each word: a known multi-word name, an organisation or place ending in a
head word ("Singapore Airlines", "Bank of England"), a title (cut off, and a cue that a person follows),
a person starting with a known first name, a known one-word name, else an unknown word. The result
depends on the run's text alone, so callers cache it: runs such as "the United States" recur.

This module splits a run into words and reads the easy runs itself (one word; a plain name of several
words); segmenter.py holds the rules that cut the others.

What each word is (a title, a head noun, a first name, a known name...) comes from words.py, looked up
once per distinct word.
"""

from __future__ import annotations

from typing import Final

from worker.stages.enrich.ner.segmenter import PERSON_WORDS, PieceFields, Segmenter
from worker.stages.enrich.ner.words import CONNECTOR_WORDS, HEADS, Word, word_facts

_UP = "A-ZÀ-ÖØ-Þ"
# After a capital: initials ("U.S."), an abbreviation ("Mr.", "Inc."), or the rest of a word; a
# possessive 's is left out so "Apple's" yields "Apple".
# The regex is run over every capital of every text, so it is written not to backtrack: the look-ahead
# skips the abbreviations unless a dot follows within three letters, the possessive quantifiers ("*+")
# give back no letters (nothing after them could start with one), and the look-behinds for plurals
# ending in 's are tried only after an apostrophe.
_TAIL = (
    rf"(?:\.(?:[{_UP}]\.)*"
    r"|(?=[a-z]{1,3}\.)(?:r|rs|s|t|nc|orp|td|o|ros|ov|en|ep|ol|gt|apt|rof|ev|aj|dm|mdr|on|lc)\.(?!\w)"
    r"|\w*+(?:[-&]\w++|['’](?:(?!s\b)\w++"
    r"|(?:(?<=[Pp]eople['’])|(?<=[Ww]orkers['’])|(?<=[Cc]hildren['’])|(?<=[Ww]omen['’]))s))*)"
)
FIRST_WORD = rf"[{_UP}]{_TAIL}"
NEXT_WORD = rf"(?:[{_UP}]|(?:al|el)-[{_UP}]|[a-z]++[{_UP}]){_TAIL}"


# Each lower-case word of a run is (part of) a connector. "del", "des", "der" and "den" are read as "de",
# as a regex alternation trying "de" first used to read them, and the segmenter's rules were tuned on that.
_CONNECTOR_PARTS: Final = frozenset(part for connector in CONNECTOR_WORDS for part in connector.split())
_READ_AS_DE: Final = frozenset({"del", "des", "der", "den"})


def segment_run(run: str, initial: bool) -> tuple[PieceFields, ...]:
    """The chunks of one run of capitalised words (`initial`: the run opens a sentence).

    An article ("the ") right before the run belongs to the chunk at its start: the caller sets that
    chunk's article, so one result serves the run with and without one.
    """
    if " " not in run:  # one word, the commonest run
        return _single_word(run, initial)
    items = run.split(" ")
    if not _CONNECTOR_PARTS.isdisjoint(items):
        starts, ends, texts = _pieces_with_connectors(items)
        return _segmented(run, starts, ends, texts, list(map(word_facts, texts)), initial)
    # Most runs: every item is a word, and many are plainly one name.
    words = list(map(word_facts, items))
    if not initial:
        whole = one_name(run, words)
        if whole is not None:
            return whole
    starts = []
    ends = []
    position = 0
    for item in items:
        starts.append(position)
        position += len(item)
        ends.append(position)
        position += 1
    return _segmented(run, starts, ends, items, words, initial)


def _segmented(
    run: str, starts: list[int], ends: list[int], texts: list[str], words: list[Word], initial: bool
) -> tuple[PieceFields, ...]:
    """The chunks of a run of several pieces (`texts`, read as `words`), cut by the segmenter."""
    # Most runs hold no head word, so need no search for a headed name ("Bank of England").
    has_head = not HEADS.isdisjoint(texts)
    return tuple(Segmenter(run, starts, ends, words, has_head).segment(initial))


def one_name(run: str, words: list[Word]) -> tuple[PieceFields, ...] | None:
    """The one chunk of a run of several words that the segmenter would not cut, else None.

    A third of the runs are such: unknown words ("Lahad Datu"), or a first name and up to four surnames
    ("Nacer Chadli"), where no known name, title, head noun or opener starts at any word. Reading them
    here spares building a segmenter; the word facts tested are the ones its rules test (see words.py).
    """
    first = words[0]
    if not first.plain_start:
        return None
    kind: str | None = None
    if first.first_name:
        # _person_end reads at most five words, and stops at the first that is no surname.
        if len(words) > PERSON_WORDS:
            return None
        kind = "PERSON"
    for word in words[1:]:  # loops, not all(): a generator costs more than these few words
        if not (word.surname_like if kind else word.name_tail):
            return None
    return ((0, len(run), run, kind, None, False, None, False),)


def _pieces_with_connectors(items: list[str]) -> tuple[list[int], list[int], list[str]]:
    """Starts, ends and texts of a run's pieces. A run is words one space apart with at most one connector
    (of one or two words) between two words, so adjacent connector items are one connector."""
    starts: list[int] = []
    ends: list[int] = []
    texts: list[str] = []
    position = 0
    after_connector = False
    for item in items:
        end = position + len(item)
        connector = item in _CONNECTOR_PARTS
        if connector and after_connector:  # "of the", "de la", "van der"
            ends[-1] = end
            texts[-1] = f"{texts[-1]} {item}"
        elif item == "the":  # no connector alone: a part cut at a sentence start may open with it
            connector = False
        elif item in _READ_AS_DE:
            starts.append(position)
            ends.append(position + 2)
            texts.append("de")
        else:
            starts.append(position)
            ends.append(end)
            texts.append(item)
        after_connector = connector
        position = end + 1
    return starts, ends, texts


def _single_word(word: str, initial: bool) -> tuple[PieceFields, ...]:
    """The one piece of a one-word run, read as the segmenter reads a run of one word."""
    facts = word_facts(word)
    if initial and facts.common and facts.entry is None:
        return ((0, len(word), word, None, None, False, None, True),)  # "Earlier", "Officials"
    if facts.connector or facts.skipped or facts.title_head:
        return ()  # a function word, or a title with no name after it
    entry = facts.entry
    return ((0, len(word), word, None if entry is None else entry.type, entry, False, None, False),)
