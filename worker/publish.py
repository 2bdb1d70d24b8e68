"""Redis side of the pipeline's output: the atomic publish and the dead-letter write.

Execution is at-least-once (Celery redelivers); the server-side scripts make the effect on the streams
exactly-once by checking a per-document marker in the same atomic step as the XADDs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import redis

from schemas import SCHEMA_VERSION, DeadLetter, ProcessedDocument
from worker import keys
from worker.settings import Settings
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE


def _script(name: str) -> str:
    return resources.files("worker").joinpath("lua", name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class PublishOutcome:
    doc_id: str
    published: bool
    duplicate_of: str | None


class Publisher:
    """Writes processed documents and dead letters to the streams, one atomic script call per document."""

    def __init__(self, client: redis.Redis, settings: Settings) -> None:
        self._client = client
        self._settings = settings
        self._publish = client.register_script(_script("publish.lua"))
        self._dead_letter = client.register_script(_script("dead_letter.lua"))

    def publish_many(self, docs: Sequence[ProcessedDocument]) -> list[PublishOutcome]:
        """Publish a batch in one round trip; each document is still its own atomic step."""
        if not docs:
            return []
        pipe = self._client.pipeline(transaction=False)
        for doc in docs:
            self._publish(keys=self._publish_keys(doc), args=self._publish_args(doc), client=pipe)
        replies = pipe.execute()
        return [_outcome(doc.doc_id, reply) for doc, reply in zip(docs, replies, strict=True)]

    def dead_letter(self, letter: DeadLetter) -> bool:
        """Record a failed document on the dead stream; False if it was recorded before."""
        s = self._settings
        added = self._dead_letter(
            keys=[keys.dead_marker_key(letter.doc_id), keys.DEAD_STREAM],
            args=[
                letter.doc_id,
                s.done_ttl,
                s.stream_maxlen,
                SCHEMA_VERSION,
                letter.stage,
                letter.model_dump_json(),
            ],
        )
        return bool(added)

    def _publish_keys(self, doc: ProcessedDocument) -> list[str]:
        return [
            keys.done_key(doc.doc_id),
            keys.DOCUMENTS_STREAM,
            keys.EVENTS_STREAM,
            keys.NEAR_DUPLICATE_INDEX,
        ]

    def _publish_args(self, doc: ProcessedDocument) -> list[str | int]:
        s = self._settings
        args: list[str | int] = [
            doc.doc_id,
            s.done_ttl,
            s.stream_maxlen,
            SCHEMA_VERSION,
            doc.model_dump_json(),
            doc.fingerprint,
            NEAR_DUPLICATE_DISTANCE,
            s.dedupe_ttl,
        ]
        for event in doc.events:
            args += [event.event_id, event.model_dump_json()]
        return args


def _outcome(doc_id: str, reply: list[bytes | str | int]) -> PublishOutcome:
    published, duplicate_of = reply
    if isinstance(duplicate_of, bytes):
        duplicate_of = duplicate_of.decode()
    return PublishOutcome(doc_id=doc_id, published=bool(published), duplicate_of=str(duplicate_of) or None)
