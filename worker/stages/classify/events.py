from __future__ import annotations

from schemas import EnrichedDocument, EventRecord


def extract_events(doc: EnrichedDocument) -> list[EventRecord]:
    raise NotImplementedError  # being written
