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

# Near-duplicate index (layout and reasons in worker/near_duplicates.py):
# a hash, field "<band number>:<band value>" -> entries "<fingerprint><time>" (24 hex digits each), newest first;
NEAR_DUPLICATE_BANDS = f"{PREFIX}:neardup:bands"
# a counter of the documents indexed, and the newest of them as "<fingerprint> <time> <doc_id>";
NEAR_DUPLICATE_SEQUENCE = f"{PREFIX}:neardup:sequence"
NEAR_DUPLICATE_RECENT = f"{PREFIX}:neardup:recent"


def near_duplicate_owner_key(fingerprint: str) -> str:
    """The doc_id first published with this exact fingerprint, kept as long as the index keeps it."""
    return f"{PREFIX}:neardup:owner:{fingerprint}"


def done_key(doc_id: str) -> str:
    """Marker set by the atomic publish: the document is on a stream (documents or dead) already."""
    return f"{PREFIX}:done:{doc_id}"


def dead_marker_key(doc_id: str) -> str:
    """Marker set when a document is dead-lettered, so a redelivered failure is recorded once."""
    return f"{PREFIX}:deadmark:{doc_id}"


def deliveries_key(task_id: str) -> str:
    """Counter of started deliveries of one batch message; above 1 means a worker died holding it."""
    return f"{PREFIX}:deliveries:{task_id}"
