"""The Celery tasks: glue only. Decode, run the pure stage, hand the batch on; the last one publishes."""

from __future__ import annotations

import gc
import random
from functools import cache
from typing import Any

import redis
import structlog
from celery import Task, signals
from celery.exceptions import Reject, SoftTimeLimitExceeded

from worker import stages
from worker.app import app
from worker.app_factory import CLASSIFY_TASK, ENRICH_TASK, PARSE_TASK, PROCESS_TASK, TASK_QUEUES
from worker.errors import TRANSIENT_ERRORS, StageTimeLimitError
from worker.publish import Publisher
from worker.runner import (
    STAGE_ORDER,
    StageName,
    chained_stages,
    dead_letters_for_batch,
    encode_batch,
    make_dead_letter,
    next_stage,
    raw_id,
    run_stages,
)
from worker.settings import load_settings
from worker.splitting import DeliveryGuard, batch_documents, split_batch
from worker.status import persistence
from worker.warmup import warm_up_stages

log = structlog.get_logger("worker.tasks")
STAGE_TASK: dict[StageName, str] = {"parse": PARSE_TASK, "enrich": ENRICH_TASK, "classify": CLASSIFY_TASK}
TASK_STAGE: dict[str, StageName] = {task: stage for stage, task in STAGE_TASK.items()}


@cache
def _redis() -> redis.Redis:
    return redis.Redis.from_url(load_settings().effective_redis_url)


@cache
def _publisher() -> Publisher:
    return Publisher(_redis(), load_settings())


@signals.worker_ready.connect
def _warn_if_redis_keeps_nothing(**_: Any) -> None:
    try:
        kept = persistence(_redis())
    except TRANSIENT_ERRORS:
        return  # unreachable now; Celery's own reconnect messages say so
    if kept == "none":
        log.warning(
            "redis_persistence_off",
            hint="a Redis restart loses queued batches, streams and processed markers; run it with appendonly yes",
        )


@signals.worker_init.connect
def _load_resources_before_forking(**_: Any) -> None:
    log.info("stages_warmed_up", seconds=round(warm_up_stages(), 2), compiled=stages.COMPILED)
    # The resources just loaded live as long as the process: moved out of the collector's generations, they
    # are not traversed by every full collection, and the pool's children do not write to (and so copy)
    # their pages when a collection in the child touches their headers.
    gc.freeze()


@cache
def _local_queues() -> frozenset[str]:
    """The queues this worker consumes (its --queues); a pool child inherits them from the parent."""
    return frozenset(app.amqp.queues.consume_from)


def _stages_from(first: StageName) -> tuple[StageName, ...]:
    if load_settings().pipeline == "staged":
        return (first,)
    return chained_stages(first, _local_queues())


class DeadLetteringTask(Task):  # type: ignore[misc]  # Celery's Task is untyped
    """What escapes a task is dead-lettered, not dropped with the acknowledged message.

    `_advance` dead-letters every failure it can see; this catches the rest: a message with the wrong
    arguments (sent by hand or by another tool), or a failure while dead-lettering.
    """

    def on_failure(self, exc: BaseException, task_id: str, args: Any, kwargs: Any, einfo: Any) -> None:
        stage = TASK_STAGE.get(self.name, "parse")
        message = {"args": list(args), "kwargs": dict(kwargs)}
        letter = make_dead_letter(raw_id("batch", message), stage, exc, message, 1)
        try:
            _publisher().dead_letter(letter)
        except TRANSIENT_ERRORS:
            log.exception("message_lost", stage=stage, task_id=task_id)
            return
        log.warning("message_dead_lettered", stage=stage, task_id=task_id, error=type(exc).__name__)


@app.task(bind=True, base=DeadLetteringTask, name=PARSE_TASK)
def parse_batch(self: Task, batch: str) -> None:
    _advance(self, _stages_from("parse"), batch)


@app.task(bind=True, base=DeadLetteringTask, name=ENRICH_TASK)
def enrich_batch(self: Task, batch: str) -> None:
    _advance(self, _stages_from("enrich"), batch)


@app.task(bind=True, base=DeadLetteringTask, name=CLASSIFY_TASK)
def classify_batch(self: Task, batch: str) -> None:
    _advance(self, ("classify",), batch)


@app.task(bind=True, base=DeadLetteringTask, name=PROCESS_TASK)
def process_batch(self: Task, batch: str) -> None:
    _advance(self, STAGE_ORDER, batch)


def _advance(task: Task, stages: tuple[StageName, ...], batch: str) -> None:
    stage = stages[0]
    # One counter per attempt: a retry is a new attempt, a redelivery of the same attempt means a lost worker.
    guard = DeliveryGuard(_redis(), f"{task.request.id}:{task.request.retries}", stage)
    try:
        if guard.lost_before() and guard.split_or_give_up(
            batch, _publisher(), lambda one: _resend(task.name, one)
        ):
            return
        result = run_stages(
            stages, batch, attempts=task.request.retries + 1, escalate=(SoftTimeLimitExceeded,)
        )
        for letter in result.dead:
            _publisher().dead_letter(letter)
            log.warning(
                "document_dead_lettered", doc_id=letter.doc_id, stage=letter.stage, error=letter.error_type
            )
        _hand_on(next_stage(stages[-1]), result.outputs)
        guard.finished()
    except SoftTimeLimitExceeded:
        _give_up_slow_batch(task, stage, batch)
        guard.finished()
    except TRANSIENT_ERRORS as exc:
        _retry_or_requeue(task, stage, exc)
    except Exception as exc:  # noqa: BLE001 -- a bug in this glue must not make the batch vanish
        _dead_letter_batch(task, stage, batch, exc)


def _hand_on(stage: StageName | None, outputs: list[Any]) -> None:
    if not outputs:
        return
    if stage is not None:
        _resend(STAGE_TASK[stage], encode_batch(outputs))
        return
    outcomes = _publisher().publish_many(outputs)
    published = [o for o in outcomes if o.published]
    log.info(
        "batch_published",
        documents=len(published),
        already_published=len(outcomes) - len(published),
        near_duplicates=sum(1 for o in published if o.duplicate_of),
    )


def _give_up_slow_batch(task: Task, stage: StageName, batch: object) -> None:
    """A batch past the soft time limit: its documents go on one by one, each with the whole time budget;
    a document that runs out of time alone is dead-lettered (retrying it would only run out again)."""
    docs = batch_documents(batch)
    if docs is not None and split_batch(docs, lambda one: _resend(task.name, one)):
        log.warning("batch_split_after_time_limit", stage=stage, documents=len(docs))
        return
    limit = load_settings().soft_time_limit
    slow = StageTimeLimitError(f"NEWSWIRE_SOFT_TIME_LIMIT is {limit} s")
    for letter in dead_letters_for_batch(stage, batch, slow, attempts=task.request.retries + 1):
        _publisher().dead_letter(letter)
        log.error("document_dead_lettered", doc_id=letter.doc_id, stage=stage, error="StageTimeLimitError")


def _dead_letter_batch(task: Task, stage: StageName, batch: str, exc: BaseException) -> None:
    log.exception("batch_failed", stage=stage)
    try:
        for letter in dead_letters_for_batch(stage, batch, exc, attempts=task.request.retries + 1):
            _publisher().dead_letter(letter)
    except TRANSIENT_ERRORS as redis_down:
        raise Reject(reason=repr(redis_down), requeue=True) from exc


def _resend(task_name: str, batch: str) -> None:
    app.send_task(task_name, args=[batch], queue=TASK_QUEUES[task_name])


def _retry_or_requeue(task: Task, stage: StageName, exc: BaseException) -> None:
    settings = load_settings()
    retries = task.request.retries
    if retries < settings.max_retries:
        # Full jitter: workers that lost Redis together must not all come back in the same second.
        countdown = random.uniform(0, min(settings.retry_backoff_max, 2 ** (retries + 1)))
        log.warning(
            "batch_retrying", stage=stage, retries=retries, countdown=round(countdown, 1), error=repr(exc)
        )
        raise task.retry(exc=exc, countdown=countdown)
    # Out of retries while Redis is still unreachable: give the message back rather than lose it.
    log.error("batch_requeued", stage=stage, retries=retries, error=repr(exc))
    raise Reject(reason=repr(exc), requeue=True) from exc
