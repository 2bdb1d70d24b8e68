"""Quotes as plain values while they are found, made into Quote records once per document.

The records are built without pydantic's validation (worker/stages/records.py): every value is valid by
construction (offsets into the text, the text they cover, a kind of the two, an entity id or None), and
validating the list cost a fifth of finding the quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, NamedTuple, TypedDict

from schemas import Quote, SpeakerRef
from worker.stages.records import trusted, trusted_span

_QUOTE_FIELDS: Final = frozenset(Quote.model_fields)
_SPEAKER_FIELDS: Final = frozenset(SpeakerRef.model_fields)


class SpanFields(TypedDict):
    start: int
    end: int
    text: str


class SpeakerFields(SpanFields):
    entity_id: str | None


class Found(NamedTuple):
    start: int
    end: int
    kind: Literal["direct", "indirect"]
    speaker: SpeakerFields | None
    cue: SpanFields | None


def span_fields(text: str, start: int, end: int) -> SpanFields:
    return {"start": start, "end": end, "text": text[start:end]}


def speaker_fields(text: str, start: int, end: int, entity_id: str | None = None) -> SpeakerFields:
    return {"start": start, "end": end, "text": text[start:end], "entity_id": entity_id}


def to_quotes(text: str, found: Sequence[Found]) -> list[Quote]:
    quotes = []
    for quote in found:
        speaker, cue = quote.speaker, quote.cue
        # In the order of the model's fields, as validation stores them (the order of the JSON written).
        fields = {
            "start": quote.start,
            "end": quote.end,
            "text": text[quote.start : quote.end],
            "kind": quote.kind,
            "speaker": None if speaker is None else _speaker_ref(speaker),
            "cue": None if cue is None else trusted_span(cue["start"], cue["end"], cue["text"]),
        }
        quotes.append(trusted(Quote, fields, _QUOTE_FIELDS))
    return quotes


def _speaker_ref(fields: SpeakerFields) -> SpeakerRef:
    # A copy: one speaker's fields can stand in several quotes, and each record keeps its own dict.
    return trusted(SpeakerRef, dict(fields), _SPEAKER_FIELDS)
