"""`newswire replay`: send dead-lettered documents through the pipeline again, once their cause is fixed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import redis
from pydantic import ValidationError

from schemas import SourceDocument
from worker import keys
from worker.producer import Producer
from worker.sources import Accepted

SOURCE_FIELDS = ("doc_id", "text", "title", "published", "source", "url", "language", "received_at")


@dataclass
class ReplayReport:
    replayed: list[str] = field(default_factory=list)
    unreplayable: list[tuple[str, str]] = field(default_factory=list)  # entry id, why


def replay_dead_letters(client: redis.Redis, producer: Producer, doc_ids: set[str] | None) -> ReplayReport:
    """Re-enqueue dead letters (all, or those of `doc_ids`) and remove them from the dead stream."""
    report = ReplayReport()
    entries: Any = client.xrange(keys.DEAD_STREAM)
    for entry_id, fields in entries:
        letter = json.loads(fields[b"data"])
        if doc_ids is not None and letter["doc_id"] not in doc_ids:
            continue
        payload = letter.get("payload", {})
        try:
            doc = SourceDocument.model_validate({k: payload[k] for k in SOURCE_FIELDS if k in payload})
        except ValidationError as exc:
            report.unreplayable.append(
                (entry_id.decode(), f"payload is not a document: {exc.error_count()} error(s)")
            )
            continue
        client.delete(keys.dead_marker_key(doc.doc_id))
        producer.enqueue([Accepted(f"dead:{entry_id.decode()}", doc)])
        client.xdel(keys.DEAD_STREAM, entry_id)
        report.replayed.append(doc.doc_id)
    return report
