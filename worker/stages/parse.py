"""The parse stage: SourceDocument -> ParsedDocument. Pure: no Celery, no Redis, no settings.

- A `date ...` header at the start of the text is cut off, and everything after it (from its first
  non-blank character) is the stored `text`; without a header `text` is the input, character for character,
  so that offsets computed on the input stay valid.
- `published`: a date given explicitly with the document wins over the header, because a producer that sets
  it has read it from a more reliable place (a feed, a database) than a free-text line; the header fills it
  only when the document has none.
- The title is kept when given and never invented.
- Text that is not English is flagged `non_english` (with its best-guess language) instead of failing.
"""

from __future__ import annotations

from typing import Final

from schemas import Offsets, ParsedDocument, SourceDocument
from schemas.base import SCHEMA_VERSION
from worker.stages.parse_header import read_header
from worker.stages.parse_language import detect_language
from worker.stages.records import OFFSETS_FIELDS, trusted
from worker.stages.sentences import paragraphs, sentences, word_count

NON_ENGLISH = "non_english"
EMPTY_BODY = "empty_body"
INVALID_HEADER_DATE = "invalid_header_date"
# The fields a ParsedDocument constructor call is given: the schema version and timings take their defaults.
_PARSED_FIELDS: Final = frozenset(ParsedDocument.model_fields) - {"schema_version", "timings_ms"}
# Compiled, a final is a C static, where an imported name is looked up in the module's dict at each use.
_OFFSETS: Final = Offsets


def parse(doc: SourceDocument) -> ParsedDocument:
    text = doc.text
    published = doc.published
    flags: list[str] = []
    header = read_header(text)
    if header is not None:
        text = text[header.body_start :]
        if header.published is None:
            flags.append(INVALID_HEADER_DATE)
        published = published or header.published
    if text and not text.isspace():  # as text.strip(), without copying the text
        language, confidence = detect_language(text)
        if language == "und" and doc.language:
            language = doc.language
        if language != "en":
            flags.append(NON_ENGLISH)
    else:  # only a header: nothing to read, and nothing to flag as foreign
        language, confidence = doc.language or "und", 0.0
        flags.append(EMPTY_BODY)
    paragraph_spans = paragraphs(text)
    # Built without pydantic's validation (worker/stages/records.py): the source document was validated
    # when it was made, and every other value is valid by construction (a language code, a confidence in
    # 0..1, offsets into the text, a count). Validating the record with its offsets cost a quarter of this
    # stage. The fields are in the model's order, as validation stores them (the order of the JSON written).
    return trusted(ParsedDocument, {
        "schema_version": SCHEMA_VERSION,
        "doc_id": doc.doc_id,
        "text": text,
        "title": doc.title,
        "published": published,
        "source": doc.source,
        "url": doc.url,
        "received_at": doc.received_at,
        "language": language,
        "language_confidence": confidence,
        "flags": flags,
        "paragraphs": _as_offsets(paragraph_spans),
        "sentences": _as_offsets(sentences(text, paragraph_spans)),
        "word_count": word_count(text),
        "timings_ms": {},
    }, _PARSED_FIELDS)  # fmt: skip


def _as_offsets(spans: list[tuple[int, int]]) -> list[Offsets]:
    return [trusted(_OFFSETS, {"start": start, "end": end}, OFFSETS_FIELDS) for start, end in spans]
