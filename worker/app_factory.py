"""How newswire's Celery app is configured: task names, queues and delivery settings."""

from __future__ import annotations

from celery import Celery

from worker import keys
from worker.settings import Settings

PARSE_TASK = "newswire.parse"
ENRICH_TASK = "newswire.enrich"
CLASSIFY_TASK = "newswire.classify"
PROCESS_TASK = "newswire.process"  # the fused pipeline: parse, enrich and classify in one task
TASK_QUEUES = {
    PROCESS_TASK: keys.PARSE_QUEUE,
    PARSE_TASK: keys.PARSE_QUEUE,
    ENRICH_TASK: keys.ENRICH_QUEUE,
    CLASSIFY_TASK: keys.CLASSIFY_QUEUE,
}


def broker_url(settings: Settings) -> str:
    """Celery's spelling of the broker address (kombu names a Redis unix socket `redis+socket://`)."""
    url = settings.effective_broker_url
    return "redis+socket://" + url.removeprefix("unix://") if url.startswith("unix://") else url


def make_app(settings: Settings) -> Celery:
    app = Celery("newswire", broker=broker_url(settings), include=["worker.tasks"])
    app.conf.update(
        # JSON only: a broker message must never be able to run code on a worker.
        task_serializer="json",
        accept_content=["json"],
        # The streams are the output; results would only fill the broker.
        task_ignore_result=True,
        task_store_errors_even_if_ignored=False,
        # At-least-once: acknowledge after the work, redeliver when a worker dies mid-batch.
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        # A batch killed by the hard time limit goes back to the queue like one whose worker died (the
        # delivery guard then splits it and dead-letters the document that keeps running out of time);
        # acknowledged, as Celery does by default, it would be gone. A task that raises is acknowledged:
        # its documents were dead-lettered first.
        task_acks_on_timeout=False,
        task_acks_on_failure=True,
        worker_prefetch_multiplier=1,
        broker_transport_options={"visibility_timeout": settings.visibility_timeout},
        task_soft_time_limit=settings.soft_time_limit,
        task_time_limit=settings.time_limit,
        task_routes={name: {"queue": queue} for name, queue in TASK_QUEUES.items()},
        task_default_queue=keys.PARSE_QUEUE,
        task_create_missing_queues=True,
        broker_connection_retry_on_startup=True,
        worker_cancel_long_running_tasks_on_connection_loss=True,
        worker_hijack_root_logger=False,
        worker_send_task_events=False,
        enable_utc=True,
    )
    return app
