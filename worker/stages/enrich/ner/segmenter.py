"""The segmenter's rules: cut a run of capitalised words that is not plainly one name into chunks.

Left to right, preferring at each word: a known multi-word name, an organisation or place ending in a
head word, a title (cut off, and a cue that a person follows), a person starting with a known first
name, a known one-word name, else an unknown word. `segment.segment_run` decides which runs need this.
"""

from __future__ import annotations

from typing import Final

from worker.stages.enrich.ner.cues import COMPANY_SUFFIXES, GEO_MODIFIERS, ORG_OPENERS
from worker.stages.enrich.ner.lexicon import MAX_NAME_TOKENS, GazEntry, lexicon, normalise
from worker.stages.enrich.ner.words import Word

# A chunk of a run, relative to the run (the cached, context-free part of a chunk): start, end, text, type,
# gazetteer entry, whether a title precedes it, where its article starts, whether it is a sentence's
# opening common word. Plain tuples: a run's pieces are built once and unpacked for every mention.
PieceFields = tuple[int, int, str, str | None, GazEntry | None, bool, int | None, bool]
PERSON_WORDS: Final = 5  # the most words a person's name opening with a first name is read to


class Segmenter:
    """The cutting rules over one run's words, tried in the order this module's docstring gives."""

    def __init__(
        self, run: str, starts: list[int], ends: list[int], words: list[Word], has_head: bool
    ) -> None:
        self.run = run
        while words and words[-1].connector:
            del starts[-1], ends[-1], words[-1]
        self.starts, self.ends, self.words = starts, ends, words
        self.has_head = has_head
        # Words in a run are one space apart, so only a curly apostrophe or "&" makes a span's lookup key
        # differ from the span itself.
        self.needs_normalising = "’" in run or "&" in run

    def _drop_first(self) -> None:
        del self.starts[0], self.ends[0], self.words[0]

    def segment(self, initial: bool) -> list[PieceFields]:
        words, run = self.words, self.run
        pieces: list[PieceFields] = []
        if words and initial and self._is_opening_word():
            start, end = self.starts[0], self.ends[0]
            pieces.append((start, end, run[start:end], None, None, False, None, True))
            self._drop_first()
        after_title = False
        article: int | None = None
        index = 0
        while index < len(words):
            word = words[index]
            if word.connector or (word.skipped and not self._opens_known_name(index)):
                index += 1
                after_title = False
                # "North Korea and the United States": the article belongs to the name after it.
                article = self.ends[index - 1] - 3 if word.text.endswith(" the") else None
                continue
            found, index, is_title = self._next_chunk(index)
            if found is not None:
                start, end, kind, entry = found
                pieces.append((start, end, run[start:end], kind, entry, after_title, article, False))
            after_title = is_title
            article = None
        return pieces

    def _opens_known_name(self, index: int) -> bool:
        """Whether a known name of several words starts here ("Islamic State", "The Guardian")."""
        return self.words[index].prefix and self._longest_known(index)[0] > index + 1

    def _is_opening_word(self) -> bool:
        """A capitalised common word opening a sentence ("Earlier", "Officials") is not plainly a name."""
        words = self.words
        first = words[0]
        if not first.common or first.entry is not None:
            return False
        if len(words) > 1 and words[1].text in COMPANY_SUFFIXES:
            return False  # "News Corp.", "Apple Inc.": the company's name
        return not (first.first_name and len(words) > 1)

    def _next_chunk(
        self, index: int
    ) -> tuple[tuple[int, int, str | None, GazEntry | None] | None, int, bool]:
        """The chunk starting at `index` (offsets, type, entry), the index after it, and whether it was a title."""
        words = self.words
        word = words[index]
        known_end, entry = self._longest_known(index)
        head_end, head_type = self._headed_name_end(index) if word.plain and self.has_head else (index, None)
        if head_end > known_end:
            return self._span(index, head_end, head_type), head_end, False
        if known_end - index > 1 and entry is not None:
            return self._span(index, known_end, entry.type, entry), known_end, False
        if word.text in ORG_OPENERS and index + 1 < len(words) and words[index + 1].plain:
            return self._span(index, index + 2, "ORG"), index + 2, False
        if word.title_head or word.title_modifier:
            title_end = self._title_end(index)
            if title_end > index:
                return None, title_end, True
        if word.team_member and index + 2 < len(words) and words[index + 1].first_name:
            return None, index + 1, True  # "Tiger Don Kelly": a player of the Tigers, cut off like a title
        if word.first_name:
            person_end = self._person_end(index)
            if person_end > index + 1:
                return self._span(index, person_end, "PERSON"), person_end, False
        if entry is not None:
            return self._span(index, known_end, entry.type, entry), known_end, False
        end = index + 1
        while end < len(words) and words[end].plain and words[end].entry is None:
            end += 1
        if end == index + 1 and end < len(words):
            if word.text in GEO_MODIFIERS:
                known_end, entry = self._longest_known(end)
                if entry is not None and entry.type == "LOC":  # "East Los Angeles", "Northern Syria"
                    return self._span(index, known_end, "LOC", entry), known_end, False
            if self._is_surname_town(end):
                return self._span(index, end + 1, "PERSON"), end + 1, False
        return self._span(index, end, None), end, False

    def _is_surname_town(self, index: int) -> bool:
        """A town's name as the last word of a name after an unknown given name ("Valeska Paris")."""
        if index + 1 != len(self.words) or self.words[index - 1].common:
            return False
        entry = self.words[index].entry
        return entry is not None and entry.kind in ("city", "capital")

    def _span(
        self, start: int, end: int, kind: str | None, entry: GazEntry | None = None
    ) -> tuple[int, int, str | None, GazEntry | None]:
        return self.starts[start], self.ends[end - 1], kind, entry

    def _longest_known(self, index: int) -> tuple[int, GazEntry | None]:
        """The end of the longest known name starting at `index` (not ending in a connector), and its entry.

        Walks forward only while the words so far begin some known name, so most runs need one or two
        lookups instead of one per possible end.
        """
        words = self.words
        first = words[index]
        if not first.connector:  # the word alone: its facts already hold the lookup
            if not first.prefix:
                return (index + 1, first.entry) if first.entry is not None else (index, None)
            best_end, best_entry = (index + 1, first.entry) if first.entry is not None else (index, None)
            begin = index + 2
        else:
            best_end, best_entry = index, None
            begin = index + 1
        names, prefixes = lexicon().names, lexicon().name_prefixes
        stop = min(len(words), index + MAX_NAME_TOKENS)
        start = self.starts[index]
        for end in range(begin, stop + 1):
            if words[end - 1].connector:
                continue  # "Procter &" is no name yet, and its "&" is spelled "and" in the lexicon
            name = self.run[start : self.ends[end - 1]]
            if self.needs_normalising:
                name = normalise(name)
            entry = names.get(name)
            if entry is not None:
                best_end, best_entry = end, entry
            if name not in prefixes:
                break
        return best_end, best_entry

    def _headed_name_end(self, index: int) -> tuple[int, str | None]:
        """End of an organisation or place name ending in a head word ("Refugee Council", "Bank of X")."""
        words = self.words
        end = self._plain_end(index)
        head = next((i for i in range(end - 1, index - 1, -1) if words[i].head), None)
        if head is None or (head == index and not self._continues_with_of(head + 1)):
            return index, None  # a head word alone ("the Council") is a common noun or a short form
        head_type = words[head].head_type
        stop = head + 1
        # "X of Y" continues the name only right after the head: "Ministry of Defence", "Church of Scientology".
        while self._continues_with_of(stop):
            after = self._plain_end(stop + 1)
            if after == stop + 1:
                break
            stop = after
        return stop, head_type

    def _plain_end(self, index: int) -> int:
        words = self.words
        while index < len(words) and words[index].plain:
            index += 1
        return index

    def _continues_with_of(self, index: int) -> bool:
        return index + 1 < len(self.words) and self.words[index].continuation

    def _title_end(self, index: int) -> int:
        """End of a title run ("Vice Foreign Minister", "Secretary of State"), or `index` if none starts here."""
        words = self.words
        end, has_head = index, False
        while end < len(words):
            word = words[end]
            if word.title_head:
                has_head = True
            elif not (
                word.title_modifier
                or (has_head and word.text in ("of", "of the"))
                or self._between_title_words(index, end)
            ):
                break
            end += 1
        while end > index and words[end - 1].connector:
            end -= 1
        return end if has_head else index

    def _between_title_words(self, index: int, position: int) -> bool:
        """A word inside a title, before its head ("Revenue" in "Chief Revenue Officer"), belongs to it."""
        words = self.words
        return (
            index < position < len(words) - 1
            and not words[position].connector
            and words[position - 1].title_word
            and words[position + 1].title_head
        )

    def _person_end(self, index: int) -> int:
        """End of a person's name opening with a known first name ("Donald Trump", "Ursula von der Leyen")."""
        words = self.words
        end = index + 1
        while end < len(words) and end - index < PERSON_WORDS:
            word = words[end]
            if word.connector:
                if not word.particle or end + 1 >= len(words):
                    break
            elif not word.plain or word.head_type or word.other_known or word.acronym:
                break
            end += 1
        while end > index and words[end - 1].connector:
            end -= 1
        return end
