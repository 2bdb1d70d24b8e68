"""The document as it moves through the stages: parsed, then enriched, then processed (published)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal

from pydantic import Field

from schemas.base import SCHEMA_VERSION, Offsets, Record
from schemas.classification import EventRecord, Topic
from schemas.enrichment import Amount, Entity, Keyword, Quote, TimeExpression, Tone


class ParsedDocument(Record):
    """The source document split into structure. `text` is the body without its header lines;
    every offset in every later record indexes this `text`."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None
    url: str | None = None
    received_at: datetime
    language: str
    language_confidence: float = Field(ge=0.0, le=1.0)
    flags: list[str] = Field(default_factory=list)
    paragraphs: list[Offsets]
    sentences: list[Offsets]
    word_count: int = Field(ge=0)
    timings_ms: dict[str, float] = Field(default_factory=dict)


class EnrichedDocument(ParsedDocument):
    entities: list[Entity]
    dates: list[TimeExpression]
    quotes: list[Quote]
    amounts: list[Amount]
    keywords: list[Keyword]
    tone: Tone
    fingerprint: str = Field(pattern=r"^[0-9a-f]{16}$", description="64-bit SimHash of the text, hex")


class ProcessedDocument(EnrichedDocument):
    """The published record on `newswire:documents`."""

    type: Literal["document"] = "document"
    topics: list[Topic]
    events: list[EventRecord]
    duplicate_of: str | None = Field(
        default=None, description="doc_id of an earlier near-identical article, set at publish time"
    )
    pipeline_version: str
