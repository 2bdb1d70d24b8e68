"""Shared building blocks of every record: the strict base model and the span types."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1.0"


class Record(BaseModel):
    """Base of every wire model: immutable, and unknown fields are an error, not silently dropped."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class Offsets(Record):
    """A character range of the document text (Python str indices, end exclusive)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Span(Offsets):
    """A character range together with the text it covers (`text == doc.text[start:end]`)."""

    text: str
