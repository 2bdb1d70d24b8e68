"""Quotes: direct quotations between marks and indirect reported speech, each with its cue and speaker.

The pieces: `quotes_marks` pairs quotation marks (also over paragraphs), `quotes_direct` keeps the
quotations and attributes them, `quotes_indirect` finds reported speech around speech verbs,
`quotes_cues` holds the verbs and speaker patterns, `quotes_speakers` links speakers to entities,
`quotes_pull` finds quotations boxed apart and signed, `quotes_found` turns the finds into records.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter, itemgetter
from re import Match

from schemas import Entity, Offsets, Quote
from worker.stages.enrich.quotes_cues import find_cues
from worker.stages.enrich.quotes_direct import Cues, find_direct_quotes
from worker.stages.enrich.quotes_found import Found, to_quotes
from worker.stages.enrich.quotes_indirect import find_indirect_quotes
from worker.stages.enrich.quotes_marks import has_quotation_marks
from worker.stages.enrich.quotes_pull import find_pull_quotes
from worker.stages.enrich.quotes_speakers import MentionIndex


def extract_quotes(text: str, sentences: Sequence[Offsets], entities: Sequence[Entity]) -> list[Quote]:
    """Direct and indirect quotes in text order."""
    cues = find_cues(text)
    pull = find_pull_quotes(text, entities)
    if not cues and not pull and not has_quotation_marks(text):
        return []  # nothing can be a quote: skip indexing the mentions
    index = MentionIndex(entities, text)
    sentence_starts = list(map(_START, sentences))
    direct = find_direct_quotes(text, sentence_starts, index, Cues(cues, list(map(Match.start, cues))))
    marked = direct.quotes
    quotes = marked + [quote for quote in pull if not any(_overlap(quote, other) for other in marked)]
    indirect = find_indirect_quotes(text, sentences, sentence_starts, quotes, direct.cue_starts, index, cues)
    return to_quotes(text, sorted(quotes + indirect, key=_POSITION))


_START = attrgetter("start")
_POSITION = itemgetter(0, 1)  # a Found's start and end, read in C


def _overlap(quote: Found, other: Found) -> bool:
    return quote.start < other.end and other.start < quote.end
