"""Quotes as plain values while they are found, validated into Quote records once per document.

Building each Quote, Span and SpeakerRef as a model validates them one by one; the stage knows the
values are right, and one validation of the whole list in pydantic's compiled core costs less.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple, TypedDict

from pydantic import TypeAdapter

from schemas import Quote


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


_QUOTES = TypeAdapter(list[Quote])


def span_fields(text: str, start: int, end: int) -> SpanFields:
    return {"start": start, "end": end, "text": text[start:end]}


def speaker_fields(text: str, start: int, end: int, entity_id: str | None = None) -> SpeakerFields:
    return {"start": start, "end": end, "text": text[start:end], "entity_id": entity_id}


def to_quotes(text: str, found: Sequence[Found]) -> list[Quote]:
    return _QUOTES.validate_python(
        [
            {
                "start": quote.start,
                "end": quote.end,
                "text": text[quote.start : quote.end],
                "kind": quote.kind,
                "speaker": quote.speaker,
                "cue": quote.cue,
            }
            for quote in found
        ]
    )
