"""The input contract: what a producer hands to the pipeline."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from datetime import date, datetime

from pydantic import Field, field_validator

from schemas.base import SCHEMA_VERSION, Record

# Any printable id without whitespace: ids come from other systems and must round-trip unchanged.
DOC_ID_PATTERN = r"^[^\s\x00-\x1f]{1,200}$"
_SPACE_RUN = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """The text as identity sees it: Unicode NFC, whitespace runs folded, ends trimmed."""
    return _SPACE_RUN.sub(" ", unicodedata.normalize("NFC", text)).strip()


def content_doc_id(text: str) -> str:
    """A stable id from the normalised text, so the same article always gets the same id."""
    return hashlib.blake2b(normalise_text(text).encode("utf-8"), digest_size=8).hexdigest()


class SourceDocument(Record):
    """One article as received. `text` may still carry a `date YYYY-MM-DD` header; parse strips it."""

    schema_version: str = SCHEMA_VERSION
    doc_id: str = Field(pattern=DOC_ID_PATTERN)
    text: str
    published: date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    language: str | None = None
    received_at: datetime

    @field_validator("text")
    @classmethod
    def _text_has_content(cls, text: str) -> str:
        if not text.strip():
            raise ValueError("text is empty or only whitespace")
        if "\x00" in text:
            raise ValueError("text contains NUL bytes: this looks like a binary file, not an article")
        return text
