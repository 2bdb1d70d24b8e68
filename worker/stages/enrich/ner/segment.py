"""Cut one run of capitalised words into chunks: known names, titles, headed names, people, unknowns.

Left to right, preferring at each word: a known multi-word name, an organisation or place ending in a
head word ("Singapore Airlines", "Bank of England"), a title (cut off, and a cue that a person follows),
a person starting with a known first name, a known one-word name, else an unknown word. The result
depends on the run's text alone, so it is cached: runs such as "the United States" recur.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from worker.stages.enrich.ner.cues import (
    EVENT_HEADS,
    FACILITY_HEADS,
    GEO_MODIFIERS,
    NAME_PARTICLES,
    NON_NAMES,
    ORG_HEADS,
    ORG_OPENERS,
    PLACE_HEADS,
    PRODUCT_HEADS,
    STOP_WORDS,
    TITLE_HEADS,
    TITLE_MODIFIERS,
)
from worker.stages.enrich.ner.lexicon import MAX_NAME_TOKENS, GazEntry, Lexicon, lexicon, normalise

_UP = "A-ZÀ-ÖØ-Þ"
# After a capital: initials ("U.S."), an abbreviation ("Mr.", "Inc."), or the rest of a word; a
# possessive 's is left out so "Apple's" yields "Apple".
_TAIL = (
    rf"(?:\.(?:[{_UP}]\.)*"
    r"|(?:r|rs|s|t|nc|orp|td|o|ros|ov|en|ep|ol|gt|apt|rof|ev|aj|dm|mdr|on|lc)\.(?!\w)"
    r"|\w*(?:[-&]\w+|['’](?!s\b)\w+|(?:(?<=[Pp]eople)|(?<=[Ww]orkers)|(?<=[Cc]hildren)|(?<=[Ww]omen))['’]s)*)"
)
FIRST_WORD = rf"[{_UP}]{_TAIL}"
NEXT_WORD = rf"(?:[{_UP}]|(?:al|el)-[{_UP}]|[a-z]+[{_UP}]){_TAIL}"
CONNECTOR = r"(?:of the|of|for the|for|and the|and|&|de la|de|du|des|van der|van|von der|von|der|den|bin|ibn|da|dos|di|del|la|le|al|y)"
_PIECE = re.compile(rf"(?P<token>{NEXT_WORD})|{CONNECTOR}")
SKIPPED = STOP_WORDS | NON_NAMES
_NAME_CONTINUATIONS = frozenset({"of", "of the", "for", "for the", "de"})
_TITLE_WORDS = TITLE_HEADS | TITLE_MODIFIERS
_HEADS = ORG_HEADS | EVENT_HEADS | FACILITY_HEADS | PLACE_HEADS | PRODUCT_HEADS


class Token(NamedTuple):
    start: int
    end: int
    text: str
    connector: bool


class Piece(NamedTuple):
    """A chunk of a run, in offsets relative to the run (the cached, context-free part of a chunk)."""

    start: int
    end: int
    type: str | None
    entry: GazEntry | None
    after_title: bool
    article: int | None
    opening_word: bool


@lru_cache(maxsize=65536)
def segment_run(run: str, initial: bool) -> tuple[Piece, ...]:
    """The chunks of one run of capitalised words (cached: runs such as "the United States" recur)."""
    tokens = [
        Token(piece.start(), piece.end(), piece.group(), piece.group("token") is None)
        for piece in _PIECE.finditer(run)
    ]
    return tuple(_Segmenter(run, lexicon()).segment(tokens, initial))


class _Segmenter:
    def __init__(self, run: str, names: Lexicon) -> None:
        self.run = run
        self.lexicon = names
        # Words in a run are one space apart, so only a curly apostrophe or "&" makes a span's lookup key
        # differ from the span itself.
        self.needs_normalising = "’" in run or "&" in run

    def segment(self, tokens: list[Token], initial: bool) -> list[Piece]:
        while tokens and tokens[-1].connector:
            tokens = tokens[:-1]
        pieces: list[Piece] = []
        if tokens and initial and self._is_opening_word(tokens):
            first = tokens[0]
            pieces.append(Piece(first.start, first.end, None, None, False, None, True))
            tokens = tokens[1:]
        after_title = False
        article: int | None = None
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.connector or (token.text in SKIPPED and not self._opens_known_name(tokens, index)):
                index += 1
                after_title = False
                # "North Korea and the United States": the article belongs to the name after it.
                article = token.end - 3 if token.text.endswith(" the") else None
                continue
            found, index, is_title = self._next_chunk(tokens, index)
            if found is not None:
                start, end, kind, entry = found
                pieces.append(Piece(start, end, kind, entry, after_title, article, False))
            after_title = is_title
            article = None
        return pieces

    def _opens_known_name(self, tokens: list[Token], index: int) -> bool:
        """Whether a known name of several words starts here ("Islamic State", "The Guardian")."""
        end, _ = self._longest_known(tokens, index)
        return end > index + 1

    def _is_opening_word(self, tokens: list[Token]) -> bool:
        """A capitalised common word opening a sentence ("Earlier", "Officials") is not plainly a name."""
        first = tokens[0]
        word = first.text.lower()
        if word not in self.lexicon.common_words or normalise(first.text) in self.lexicon.names:
            return False
        return not (word in self.lexicon.first_names and len(tokens) > 1)

    def _next_chunk(
        self, tokens: list[Token], index: int
    ) -> tuple[tuple[int, int, str | None, GazEntry | None] | None, int, bool]:
        """The chunk starting at `index` (offsets, type, entry), the index after it, and whether it was a title."""
        known_end, entry = self._longest_known(tokens, index)
        head_end, head_type = self._headed_name_end(tokens, index)
        if head_end > known_end:
            return self._span(tokens, index, head_end, head_type), head_end, False
        if known_end - index > 1 and entry is not None:
            return self._span(tokens, index, known_end, entry.type, entry), known_end, False
        if (
            tokens[index].text in ORG_OPENERS
            and index + 1 < len(tokens)
            and self._is_plain(tokens[index + 1])
        ):
            return self._span(tokens, index, index + 2, "ORG"), index + 2, False
        title_end = self._title_end(tokens, index)
        if title_end > index:
            return None, title_end, True
        person_end = self._person_end(tokens, index)
        if person_end > index + 1:
            return self._span(tokens, index, person_end, "PERSON"), person_end, False
        if entry is not None:
            return self._span(tokens, index, known_end, entry.type, entry), known_end, False
        end = index + 1
        while end < len(tokens) and self._is_plain(tokens[end]) and not self._known_at(tokens, end):
            end += 1
        if end == index + 1 and end < len(tokens) and tokens[index].text in GEO_MODIFIERS:
            known_end, entry = self._longest_known(tokens, end)
            if entry is not None and entry.type == "LOC":  # "East Los Angeles", "Northern Syria"
                return self._span(tokens, index, known_end, "LOC", entry), known_end, False
        if end == index + 1 and self._is_surname_town(tokens, end):
            return self._span(tokens, index, end + 1, "PERSON"), end + 1, False
        return self._span(tokens, index, end, None), end, False

    def _is_surname_town(self, tokens: list[Token], index: int) -> bool:
        """A town's name as the last word of a name after an unknown given name ("Valeska Paris")."""
        if index + 1 != len(tokens) or tokens[index - 1].text.lower() in self.lexicon.common_words:
            return False
        entry = self.lexicon.names.get(normalise(tokens[index].text))
        return entry is not None and entry.kind in ("city", "capital")

    @staticmethod
    def _span(
        tokens: list[Token], start: int, end: int, kind: str | None, entry: GazEntry | None = None
    ) -> tuple[int, int, str | None, GazEntry | None]:
        return tokens[start].start, tokens[end - 1].end, kind, entry

    def _longest_known(self, tokens: list[Token], index: int) -> tuple[int, GazEntry | None]:
        """The end of the longest known name starting at `index` (not ending in a connector), and its entry.

        Walks forward only while the words so far begin some known name, so most runs need one or two
        lookups instead of one per possible end.
        """
        names, prefixes = self.lexicon.names, self.lexicon.name_prefixes
        stop = min(len(tokens), index + MAX_NAME_TOKENS)
        start = tokens[index].start
        best_end, best_entry = index, None
        for end in range(index + 1, stop + 1):
            last = tokens[end - 1]
            if last.connector:
                continue  # "Procter &" is no name yet, and its "&" is spelled "and" in the lexicon
            name = self.run[start : last.end]
            if self.needs_normalising:
                name = normalise(name)
            entry = names.get(name)
            if entry is not None:
                best_end, best_entry = end, entry
            if name not in prefixes:
                break
        return best_end, best_entry

    def _known_at(self, tokens: list[Token], index: int) -> bool:
        return normalise(tokens[index].text) in self.lexicon.names

    def _is_plain(self, token: Token) -> bool:
        text = token.text
        return not token.connector and text not in STOP_WORDS and text not in TITLE_HEADS

    def _headed_name_end(self, tokens: list[Token], index: int) -> tuple[int, str | None]:
        """End of an organisation or place name ending in a head word ("Refugee Council", "Bank of X")."""
        end = index
        while end < len(tokens) and self._is_plain(tokens[end]):
            end += 1
        head = next((i for i in range(end - 1, index - 1, -1) if tokens[i].text in _HEADS), None)
        if head is None or (head == index and not self._continues_with_of(tokens, head + 1)):
            return index, None  # a head word alone ("the Council") is a common noun or a short form
        head_type = _head_type(tokens[head].text)
        stop = head + 1
        # "X of Y" continues the name only right after the head: "Ministry of Defence", "Church of Scientology".
        while self._continues_with_of(tokens, stop):
            after = stop + 1
            while after < len(tokens) and self._is_plain(tokens[after]):
                after += 1
            if after == stop + 1:
                break
            stop = after
        return stop, head_type

    @staticmethod
    def _continues_with_of(tokens: list[Token], index: int) -> bool:
        return index + 1 < len(tokens) and tokens[index].text in _NAME_CONTINUATIONS

    def _title_end(self, tokens: list[Token], index: int) -> int:
        """End of a title run ("Vice Foreign Minister", "Secretary of State"), or `index` if none starts here."""
        end, has_head = index, False
        while end < len(tokens):
            text = tokens[end].text
            if text in TITLE_HEADS:
                has_head = True
            elif not (
                text in TITLE_MODIFIERS
                or (has_head and text in ("of", "of the"))
                or self._between_title_words(tokens, index, end)
            ):
                break
            end += 1
        while end > index and tokens[end - 1].connector:
            end -= 1
        return end if has_head else index

    @staticmethod
    def _between_title_words(tokens: list[Token], index: int, position: int) -> bool:
        """A word inside a title, before its head ("Revenue" in "Chief Revenue Officer"), belongs to it."""
        return (
            index < position < len(tokens) - 1
            and not tokens[position].connector
            and tokens[position - 1].text in _TITLE_WORDS
            and tokens[position + 1].text in TITLE_HEADS
        )

    def _person_end(self, tokens: list[Token], index: int) -> int:
        """End of a person's name opening with a known first name ("Donald Trump", "Ursula von der Leyen")."""
        if tokens[index].text.lower() not in self.lexicon.first_names:
            return index
        end = index + 1
        while end < len(tokens) and end - index < 5:
            token = tokens[end]
            if token.connector:
                if token.text not in NAME_PARTICLES or end + 1 >= len(tokens):
                    break
            elif (
                not self._is_plain(token)
                or _head_type(token.text)
                or self._is_other_known(token)
                or (token.text.isupper() and len(token.text) > 1)  # "Mac OS X" is no one's name
            ):
                break
            end += 1
        while end > index and tokens[end - 1].connector:
            end -= 1
        return end

    def _is_other_known(self, token: Token) -> bool:
        """A word that is a country, nationality or organisation, so cannot continue a person's name."""
        entry = self.lexicon.names.get(normalise(token.text))
        return entry is not None and entry.kind in ("country", "demonym", "org", "region")


def _head_type(word: str) -> str | None:
    if word in ORG_HEADS:
        return "ORG"
    if word in EVENT_HEADS:
        return "EVENT"
    if word in FACILITY_HEADS:
        return "FACILITY"
    if word in PLACE_HEADS:
        return "LOC"
    if word in PRODUCT_HEADS:
        return "PRODUCT"
    return None
