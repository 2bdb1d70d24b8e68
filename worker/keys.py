"""Every Redis key, stream and queue name newswire uses, in one place."""

from __future__ import annotations

PREFIX = "newswire"

# Streams consumers subscribe to.
DOCUMENTS_STREAM = f"{PREFIX}:documents"
EVENTS_STREAM = f"{PREFIX}:events"
DEAD_STREAM = f"{PREFIX}:dead"
STREAMS = {"documents": DOCUMENTS_STREAM, "events": EVENTS_STREAM, "dead": DEAD_STREAM}

# Celery queues, one per stage so heavy stages can get more workers.
PARSE_QUEUE = "parse"
ENRICH_QUEUE = "enrich"
CLASSIFY_QUEUE = "classify"
STAGE_QUEUES = (PARSE_QUEUE, ENRICH_QUEUE, CLASSIFY_QUEUE)

# Near-duplicate index: one hash, field = band number and value -> its newest fingerprints with their doc_ids,
# in the binary layout of worker/near_duplicates.py (":v2": the text layout of earlier releases lived under
# newswire:simhash, which is no longer read and expires with its retention).
NEAR_DUPLICATE_INDEX = f"{PREFIX}:neardup:v2"


def done_key(doc_id: str) -> str:
    """Marker set by the atomic publish: the document is on a stream (documents or dead) already."""
    return f"{PREFIX}:done:{doc_id}"


def dead_marker_key(doc_id: str) -> str:
    """Marker set when a document is dead-lettered, so a redelivered failure is recorded once."""
    return f"{PREFIX}:deadmark:{doc_id}"


def deliveries_key(task_id: str) -> str:
    """Counter of started deliveries of one batch message; above 1 means a worker died holding it."""
    return f"{PREFIX}:deliveries:{task_id}"
