"""What every date resolver sees (the document, its publication date, the tense around a match) and
what it returns."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from datetime import date
from operator import attrgetter

from schemas import Offsets
from schemas.enrichment import Granularity, Resolution, TimexType
from worker.stages.enrich.dates_calendar import Direction
from worker.stages.enrich.dates_tense import sentence_direction


class Found:
    """One resolved time expression, before it becomes a TimeExpression. A plain class with its own
    __init__ rather than a dataclass: mypyc compiles this one, where a dataclass's generated __init__
    runs as interpreted Python, and every expression of every document builds one."""

    __slots__ = ("direction", "end", "granularity", "resolution", "start", "type", "value")

    def __init__(
        self,
        start: int,
        end: int,
        type: TimexType,
        value: str,
        granularity: Granularity,
        resolution: Resolution,
        direction: Direction | None = None,
    ) -> None:
        self.start = start
        self.end = end
        self.type = type
        self.value = value
        self.granularity = granularity
        self.resolution = resolution
        self.direction = direction


class Context:
    """The document being read, with lazily computed tense cues (a plain class, built once per document,
    for the same reason as Found)."""

    __slots__ = ("last_day", "last_year", "published", "sentences", "text")

    def __init__(self, text: str, sentences: Sequence[Offsets], published: date | None) -> None:
        self.text = text
        self.published = published
        # Sorted by start; searched with a key rather than copied into lists of offsets, since most
        # documents ask for the sentence of a few expressions only.
        self.sentences = sentences
        # The last explicit day-level date mentioned, for "the following day" and the like.
        self.last_day: date | None = None
        # The last year written out (value, offset), for "in 2001 ... on September 11" in the same
        # sentence.
        self.last_year: tuple[int, int] | None = None

    def direction(self, start: int, end: int) -> Direction | None:
        """The tense of the sentence around `start..end`: "past", "future" or None when it has no cue."""
        index = self._sentence_index(start)
        if index >= 0:
            sentence_start, sentence_end = self.sentences[index].start, self.sentences[index].end
        else:
            sentence_start, sentence_end = 0, len(self.text)
        return sentence_direction(self.text, sentence_start, sentence_end, start, end)

    def year_in_sentence(self, position: int) -> int | None:
        """The year last written out earlier in the sentence of `position`, if any."""
        if self.last_year is None:
            return None
        year, year_end = self.last_year
        return year if self._sentence_index(year_end - 1) == self._sentence_index(position) else None

    def _sentence_index(self, position: int) -> int:
        index = bisect_right(self.sentences, position, key=_START) - 1
        return index if index >= 0 and position < self.sentences[index].end else -1

    def word_before(self, position: int) -> str:
        """The word just before `position` (lowercased), or "" at the start of the text."""
        match = _WORD_BEFORE.search(self.text, max(0, position - 24), position)
        return match.group(1).lower() if match else ""

    def word_after(self, position: int) -> str:
        match = _WORD_AFTER.match(self.text, position)
        return match.group(1).lower() if match else ""


Resolver = Callable[[re.Match[str], Context], Found | None]

_START = attrgetter("start")
_WORD_BEFORE = re.compile(r"([A-Za-z]+)[\s-]*$")
_WORD_AFTER = re.compile(r"\s*([A-Za-z%]+)")
