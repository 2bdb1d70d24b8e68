"""Records the stages build without validation (worker/stages/records.py) are what validation would build."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pydantic import BaseModel

from schemas import SourceDocument, Span
from worker.stages import classify, enrich, parse
from worker.stages.records import SPAN_FIELDS, trusted

SEEDS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
# Curly and straight quotes, a speaker, amounts, dates, a non-ASCII name and an event.
HANDMADE = (
    "Ángela Müller, the minister of finance of Germany, said on Monday that the government would spend "
    "€2 billion on schools. “We have waited too long,” she told reporters in Berlin.\n\n"
    'Russian troops attacked the city of Kharkiv on Sunday, officials said. "It was a massacre," one said.'
)


def _records(model: BaseModel) -> Iterator[BaseModel]:
    """The model and every model nested in it, depth first."""
    yield model
    for value in model.__dict__.values():
        items = value if isinstance(value, list) else [value]
        for item in items:
            if isinstance(item, BaseModel):
                yield from _records(item)


def _processed(text: str) -> BaseModel:
    source = SourceDocument(
        doc_id="doc-1", text=text, published=date(2019, 12, 18), received_at=datetime(2020, 1, 1, tzinfo=UTC)
    )
    return classify(enrich(parse(source)))


def test_every_record_of_the_stages_is_what_validation_makes() -> None:
    kinds = set()
    for text in [HANDMADE, *(path.read_text(encoding="utf-8") for path in SEEDS)]:
        for record in _records(_processed(text)):
            kinds.add(type(record).__name__)
            validated = type(record).model_validate(record.model_dump())
            assert validated == record
            assert validated.model_dump_json() == record.model_dump_json()
            assert record.model_fields_set <= set(type(record).model_fields)
    # The builders of every stage took part: offsets, entities and spans, quotes, tone, keywords, events.
    assert {
        "Offsets",
        "Entity",
        "Span",
        "Quote",
        "SpeakerRef",
        "Tone",
        "Keyword",
        "EventRecord",
        "Actor",
    } <= kinds


def test_trusted_builds_what_the_constructor_builds() -> None:
    built = trusted(Span, {"start": 1, "end": 3, "text": "ab"}, SPAN_FIELDS)
    constructed = Span(start=1, end=3, text="ab")
    assert built == constructed
    assert built.model_dump_json() == constructed.model_dump_json()
    assert built.model_fields_set == constructed.model_fields_set


def test_trusted_records_do_not_share_their_fields_set() -> None:
    first = trusted(Span, {"start": 1, "end": 3, "text": "ab"}, SPAN_FIELDS)
    second = trusted(Span, {"start": 4, "end": 6, "text": "cd"}, SPAN_FIELDS)
    assert first.model_fields_set is not second.model_fields_set
    with pytest.raises(Exception, match="frozen"):
        first.start = 2  # type: ignore[misc]
