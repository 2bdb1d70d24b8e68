"""Quotes as plain values while they are found, made into Quote records once per document.

The records are built without pydantic's validation, as Record.assemble builds one (with its slot
setters, inline): every value is valid by construction (offsets into the text, the text they cover, a
kind of the two, an entity id or None), and validating the list cost a fifth of finding the quotes.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final, Literal, NamedTuple, TypedDict

from schemas import Quote, Span, SpeakerRef
from schemas.base import new_record, set_extra, set_fields_set, set_private, set_record_dict

# Compiled, a final is a C static, where an imported name is looked up in the module's dict at each use.
_NEW_RECORD: Final = new_record
_SET_RECORD_DICT: Final = set_record_dict
_SET_FIELDS_SET: Final = set_fields_set
_SET_EXTRA: Final = set_extra
_SET_PRIVATE: Final = set_private


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
            "cue": None if cue is None else _span(cue),
        }
        record: Quote = _NEW_RECORD(Quote)
        _set_fields(record, fields, {"start", "end", "text", "kind", "speaker", "cue"})
        quotes.append(record)
    return quotes


def _speaker_ref(fields: SpeakerFields) -> SpeakerRef:
    # A copy: one speaker's fields can stand in several quotes, and each record keeps its own dict.
    record: SpeakerRef = _NEW_RECORD(SpeakerRef)
    _set_fields(record, dict(fields), {"start", "end", "text", "entity_id"})
    return record


def _span(fields: SpanFields) -> Span:
    record: Span = _NEW_RECORD(Span)
    _set_fields(record, dict(fields), {"start", "end", "text"})
    return record


def _set_fields(record: object, fields: dict[str, object], names: set[str]) -> None:
    """What pydantic's validation leaves on a record of exactly these fields, every one given."""
    _SET_RECORD_DICT(record, fields)
    _SET_FIELDS_SET(record, names)
    _SET_EXTRA(record, None)
    _SET_PRIVATE(record, None)
