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

from schemas import ParsedDocument, SourceDocument
from worker.stages.parse_header import read_header
from worker.stages.parse_language import detect_language
from worker.stages.sentences import paragraphs, sentences, word_count

NON_ENGLISH = "non_english"
EMPTY_BODY = "empty_body"
INVALID_HEADER_DATE = "invalid_header_date"


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
    sentence_spans = sentences(text, paragraph_spans)
    return ParsedDocument(
        doc_id=doc.doc_id,
        text=text,
        title=doc.title,
        published=published,
        source=doc.source,
        url=doc.url,
        received_at=doc.received_at,
        language=language,
        language_confidence=confidence,
        flags=flags,
        paragraphs=_as_offsets(paragraph_spans),
        sentences=_as_offsets(sentence_spans),
        word_count=word_count(text),
    )


def _as_offsets(spans: list[tuple[int, int]]) -> list[dict[str, int]]:
    """Spans as the fields of Offsets: plain dicts let pydantic build all of them in one validation pass,
    several times faster than one Offsets constructor call per span."""
    return [{"start": start, "end": end} for start, end in spans]
