"""Quotes: direct quotations between marks and indirect reported speech, each with its cue and speaker.

The pieces: `quotes_marks` pairs quotation marks (also over paragraphs), `quotes_direct` keeps the
quotations and attributes them, `quotes_indirect` finds reported speech around speech verbs,
`quotes_cues` holds the verbs and speaker patterns, `quotes_speakers` links speakers to entities.
"""

from __future__ import annotations

from collections.abc import Sequence

from schemas import Entity, Offsets, Quote
from worker.stages.enrich.quotes_direct import find_direct_quotes
from worker.stages.enrich.quotes_indirect import find_indirect_quotes
from worker.stages.enrich.quotes_speakers import MentionIndex


def extract_quotes(text: str, sentences: Sequence[Offsets], entities: Sequence[Entity]) -> list[Quote]:
    """Direct and indirect quotes in text order."""
    index = MentionIndex(entities, text)
    sentence_starts = [sentence.start for sentence in sentences]
    direct = find_direct_quotes(text, sentence_starts, index)
    indirect = find_indirect_quotes(text, sentences, direct.quotes, direct.cue_starts, index)
    return sorted(direct.quotes + indirect, key=lambda quote: (quote.start, quote.end))
