"""Hand-built records for tests of the Redis side, independent of the NLP stages."""

from __future__ import annotations

from datetime import UTC, datetime

from schemas import Actor, EventRecord, ProcessedDocument, Span
from tests.builders import NEUTRAL_TONE


def event(doc_id: str, n: int) -> EventRecord:
    return EventRecord(
        event_id=f"{doc_id}-ev{n}", doc_id=doc_id, type="CONSULT", cameo="040", quad_class=1, goldstein=1.0,
        source=[Actor(text="France", code="FRA")], target=[Actor(text="Germany", code="DEU")],
        action=Span(start=7, end=11, text="met"), reciprocal=False, date="2019-12-16",
        sentence=Span(start=0, end=20, text="France met Germany."), confidence=0.9,
    )  # fmt: skip


def processed(doc_id: str, fingerprint: str = "0123456789abcdef", events: int = 0) -> ProcessedDocument:
    return ProcessedDocument(
        doc_id=doc_id, text="France met Germany.", received_at=datetime.now(UTC), language="en",
        language_confidence=1.0, paragraphs=[], sentences=[], word_count=3, entities=[], dates=[], quotes=[],
        amounts=[], keywords=[], tone=NEUTRAL_TONE, fingerprint=fingerprint, topics=[],
        events=[event(doc_id, n) for n in range(events)], pipeline_version="test",
    )  # fmt: skip
