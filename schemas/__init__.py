"""The wire contract of newswire: every model that crosses a queue or a stream."""

from schemas.base import SCHEMA_VERSION, Offsets, Record, Span
from schemas.classification import Actor, EventRecord, PloverType, Topic
from schemas.dead import DeadLetter
from schemas.documents import EnrichedDocument, ParsedDocument, ProcessedDocument
from schemas.enrichment import (
    Amount,
    Entity,
    EntityType,
    Keyword,
    Quote,
    SpeakerRef,
    TimeExpression,
    Tone,
)
from schemas.source import SourceDocument, content_doc_id, normalise_text

__all__ = [
    "SCHEMA_VERSION",
    "Actor",
    "Amount",
    "DeadLetter",
    "EnrichedDocument",
    "Entity",
    "EntityType",
    "EventRecord",
    "Keyword",
    "Offsets",
    "ParsedDocument",
    "PloverType",
    "ProcessedDocument",
    "Quote",
    "Record",
    "SourceDocument",
    "Span",
    "SpeakerRef",
    "TimeExpression",
    "Tone",
    "Topic",
    "content_doc_id",
    "normalise_text",
]
