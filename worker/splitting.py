"""Poison-batch isolation: a batch whose worker died is split into single documents, and a single
document that kills its worker again and again is dead-lettered instead of looping forever."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import redis
import structlog

from worker import keys
from worker.errors import WorkerLostError
from worker.publish import Publisher
from worker.runner import StageName, decode_batch, make_dead_letter, payload_doc_id

log = structlog.get_logger("worker.splitting")
MAX_LOST_DELIVERIES = 3
COUNTER_TTL_SECONDS = 86_400


class DeliveryGuard:
    """Counts the deliveries of one batch message that started; the counter is cleared when one finishes."""

    def __init__(self, client: redis.Redis, task_id: str | None, stage: StageName) -> None:
        self._client = client
        self._key = keys.deliveries_key(task_id or "unknown")
        self._stage = stage
        self.started = 0

    def lost_before(self) -> bool:
        pipe = self._client.pipeline(transaction=False)
        pipe.incr(self._key)
        pipe.expire(self._key, COUNTER_TTL_SECONDS)
        self.started = int(pipe.execute()[0])
        return self.started > 1

    def finished(self) -> None:
        self._client.delete(self._key)

    def split_or_give_up(
        self, batch: object, publisher: Publisher, resend_one: Callable[[str], None]
    ) -> bool:
        """True when this delivery was handled here (split up or dead-lettered) and must not run the stage."""
        docs = batch_documents(batch)
        if docs is None:
            return False  # the stage runner dead-letters a malformed batch with its own message
        if split_batch(docs, resend_one):
            log.warning("batch_split_after_worker_lost", stage=self._stage, documents=len(docs))
            self.finished()
            return True
        if self.started > MAX_LOST_DELIVERIES and docs:
            payload = docs[0] if isinstance(docs[0], dict) else {"value": docs[0]}
            doc_id = payload_doc_id(payload)
            lost = WorkerLostError(f"{self.started - 1} deliveries ended without finishing")
            publisher.dead_letter(make_dead_letter(doc_id, self._stage, lost, payload, self.started))
            log.error("document_dead_lettered", doc_id=doc_id, stage=self._stage, error="WorkerLostError")
            self.finished()
            return True
        return False


def batch_documents(batch: object) -> list[Any] | None:
    """The documents of a batch message, or None when it is not a JSON array string."""
    try:
        return decode_batch(batch)
    except (ValueError, TypeError):
        return None


def split_batch(docs: list[Any], resend_one: Callable[[str], None]) -> bool:
    """Resend each document of a batch of several as a batch of its own; False for a single document.

    Alone, a document that kills its worker or runs past the time limit fails by itself, and the others,
    each with a time budget of its own, go through.
    """
    if len(docs) < 2:
        return False
    for doc in docs:
        resend_one("[" + json.dumps(doc) + "]")
    return True
