from __future__ import annotations

from schemas import EnrichedDocument, Topic


def classify_topics(doc: EnrichedDocument) -> list[Topic]:
    raise NotImplementedError  # being written
