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
from worker.errors import PublishContentionError
from worker.near_duplicates import ENTRIES_PER_FIELD, RECENT_ENTRIES, IndexRead, IndexReader
from worker.settings import Settings
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE

_READ_AGAIN = 2  # the publish script's answer when the index read is too old
_MAX_READS = 5


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
        self._index = IndexReader(client)
        self._dead_letter = client.register_script(_script("dead_letter.lua"))

    def publish_many(self, docs: Sequence[ProcessedDocument]) -> list[PublishOutcome]:
        """Publish a batch in two round trips (read the near-duplicate index, then publish); each document is
        still its own atomic step. A document whose index read was overtaken by too many publishes in between
        is read and published again."""
        outcomes: dict[int, PublishOutcome] = {}
        waiting = list(range(len(docs)))
        for _ in range(_MAX_READS):
            if not waiting:
                break
            waiting = self._publish_once(docs, waiting, outcomes)
        if waiting:
            raise PublishContentionError(
                f"{len(waiting)} documents: the near-duplicate index changed faster than they could be "
                f"published ({_MAX_READS} reads); the batch will be retried"
            )
        return [outcomes[i] for i in range(len(docs))]

    def _publish_once(
        self, docs: Sequence[ProcessedDocument], indexes: list[int], outcomes: dict[int, PublishOutcome]
    ) -> list[int]:
        """Publish the documents at `indexes`; returns those that must read the index again."""
        s = self._settings
        reads = self._index.read(
            [docs[i].fingerprint for i in indexes], s.dedupe_ttl, NEAR_DUPLICATE_DISTANCE
        )
        pipe = self._client.pipeline(transaction=False)
        for i, read in zip(indexes, reads, strict=True):
            self._publish(
                keys=self._publish_keys(docs[i], read), args=self._publish_args(docs[i], read), client=pipe
            )
        again: list[int] = []
        for i, reply in zip(indexes, pipe.execute(), strict=True):
            if int(reply[0]) == _READ_AGAIN:
                again.append(i)
            else:
                outcomes[i] = _outcome(docs[i].doc_id, reply)
        return again

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

    def _publish_keys(self, doc: ProcessedDocument, read: IndexRead) -> list[str]:
        own = keys.near_duplicate_owner_key(doc.fingerprint)
        earlier = keys.near_duplicate_owner_key(read.earlier) if read.earlier else own
        return [
            keys.done_key(doc.doc_id),
            keys.DOCUMENTS_STREAM,
            keys.EVENTS_STREAM,
            keys.NEAR_DUPLICATE_BANDS,
            keys.NEAR_DUPLICATE_SEQUENCE,
            keys.NEAR_DUPLICATE_RECENT,
            own,
            earlier,
        ]

    def _publish_args(self, doc: ProcessedDocument, read: IndexRead) -> list[str | int]:
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
            read.sequence,
            1 if read.earlier else 0,
            ENTRIES_PER_FIELD,
            RECENT_ENTRIES,
        ]
        for event in doc.events:
            args += [event.event_id, event.model_dump_json()]
        return args


def _outcome(doc_id: str, reply: list[bytes | str | int]) -> PublishOutcome:
    published, duplicate_of = reply
    if isinstance(duplicate_of, bytes):
        duplicate_of = duplicate_of.decode()
    return PublishOutcome(doc_id=doc_id, published=bool(published), duplicate_of=str(duplicate_of) or None)
