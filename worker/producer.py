"""The producer: validate documents, drop repeats, batch them and send each batch to the parse queue.

producer = Producer(load_settings())
report = producer.enqueue(read_paths(["seeds/"], settings.max_doc_bytes))
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

import redis
import structlog
from celery import Celery

from schemas import SourceDocument
from worker import keys
from worker.app_factory import PARSE_TASK, PROCESS_TASK, TASK_QUEUES, make_app
from worker.runner import encode_batch
from worker.settings import Settings
from worker.sources import Accepted, Item, Rejection

log = structlog.get_logger("worker.producer")


@dataclass
class EnqueueReport:
    accepted: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # origin, doc_id, why
    rejected: list[Rejection] = field(default_factory=list)
    batches: int = 0

    @property
    def ok(self) -> bool:
        return not self.rejected


class Producer:
    """Sends documents to the pipeline in batches of `settings.batch_size`."""

    def __init__(
        self, settings: Settings, *, app: Celery | None = None, client: redis.Redis | None = None
    ) -> None:
        self._settings = settings
        self._app = app
        self._client = client
        self._seen: set[str] = set()

    @cached_property
    def app(self) -> Celery:
        return self._app or make_app(self._settings)

    @cached_property
    def client(self) -> redis.Redis:
        return self._client or redis.Redis.from_url(self._settings.effective_redis_url)

    def enqueue(
        self, items: Iterable[Item], on_progress: Callable[[Item], None] | None = None
    ) -> EnqueueReport:
        """Enqueue every accepted item; rejections and repeats are reported, never sent."""
        report = EnqueueReport()
        pending: list[tuple[str, SourceDocument]] = []
        for item in items:
            if isinstance(item, Rejection):
                report.rejected.append(item)
                log.warning("document_rejected", origin=item.origin, reason=item.reason)
            elif item.doc.doc_id in self._seen:
                report.duplicates.append(
                    (item.origin, item.doc.doc_id, "same document earlier in this input")
                )
            else:
                self._seen.add(item.doc.doc_id)
                pending.append((item.origin, item.doc))
                if len(pending) >= self._settings.batch_size:
                    self._send(pending, report)
                    pending = []
            if on_progress is not None:
                on_progress(item)
        self._send(pending, report)
        return report

    def submit(self, docs: Iterable[SourceDocument]) -> EnqueueReport:
        """Python API: enqueue documents built in code."""
        return self.enqueue(Accepted("api", doc) for doc in docs)

    def _send(self, pending: list[tuple[str, SourceDocument]], report: EnqueueReport) -> None:
        if not pending:
            return
        fresh = self._drop_processed(pending, report)
        if not fresh:
            return
        task = PROCESS_TASK if self._settings.pipeline == "fused" else PARSE_TASK
        self.app.send_task(task, args=[encode_batch(fresh)], queue=TASK_QUEUES[task])
        report.accepted.extend(doc.doc_id for doc in fresh)
        report.batches += 1
        log.debug("batch_enqueued", documents=len(fresh))

    def _drop_processed(
        self, pending: list[tuple[str, SourceDocument]], report: EnqueueReport
    ) -> list[SourceDocument]:
        pipe = self.client.pipeline(transaction=False)
        for _, doc in pending:
            pipe.exists(keys.done_key(doc.doc_id))
        fresh = []
        for (origin, doc), done in zip(pending, pipe.execute(), strict=True):
            if done:
                report.duplicates.append((origin, doc.doc_id, "already processed (on newswire:documents)"))
            else:
                fresh.append(doc)
        return fresh
