"""The classify stage: EnrichedDocument -> ProcessedDocument. Pure: no Celery, no Redis, no settings."""

from __future__ import annotations

from schemas import EnrichedDocument, ProcessedDocument
from worker import __version__
from worker.stages.classify.events import extract_events
from worker.stages.classify.topics import classify_topics

PIPELINE_VERSION = f"newswire-{__version__}"


def classify(doc: EnrichedDocument) -> ProcessedDocument:
    # Every part is validated already (the enriched document, and the topics and events built from it), so
    # the record is assembled without validating it all again. Every field is given, in
    # the model's order: the fast path.
    return ProcessedDocument.assemble({
        **doc.__dict__,
        "type": "document",
        "topics": classify_topics(doc),
        "events": extract_events(doc),
        "pipeline_version": PIPELINE_VERSION,
        "duplicate_of": None,  # settled by the publish step against the near-duplicate index
    })  # fmt: skip
