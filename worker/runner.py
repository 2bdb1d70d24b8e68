"""Run one stage over one batch: decode each document, call the pure stage, time it, collect failures.

No Celery here: the tasks call `run_stage` and decide what to do with its result, so this logic is unit
tested without a broker. One bad document fails alone; the rest of the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from schemas import DeadLetter, EnrichedDocument, ParsedDocument, SourceDocument
from worker import keys, stages
from worker.errors import TRANSIENT_ERRORS, StageTimeLimitError, WorkerLostError

StageName = Literal["parse", "enrich", "classify"]
STAGE_ORDER: tuple[StageName, ...] = ("parse", "enrich", "classify")
STAGE_QUEUE: dict[StageName, str] = {
    "parse": keys.PARSE_QUEUE, "enrich": keys.ENRICH_QUEUE, "classify": keys.CLASSIFY_QUEUE,
}  # fmt: skip


def chained_stages(first: StageName, local_queues: Collection[str]) -> tuple[StageName, ...]:
    """`first` and each following stage whose queue this worker consumes too: the stages one task runs.

    Handing a batch to a queue this same worker reads costs a broker round trip and a JSON encode and
    validated decode of every document, and buys nothing: the batch would come back to the same pool.
    So the task runs those stages in memory (operator chaining) and hands on only where the next stage's
    queue belongs to other workers, as in a deployment that scales a stage apart.
    """
    chain = [first]
    for stage in STAGE_ORDER[STAGE_ORDER.index(first) + 1 :]:
        if STAGE_QUEUE[stage] not in local_queues:
            break
        chain.append(stage)
    return tuple(chain)


def next_stage(stage: StageName) -> StageName | None:
    """The stage after `stage`, or None after the last one (classify: the batch is published)."""
    position = STAGE_ORDER.index(stage) + 1
    return STAGE_ORDER[position] if position < len(STAGE_ORDER) else None


@dataclass(frozen=True)
class StageSpec:
    input_model: type[BaseModel]
    function: Callable[[Any], BaseModel]


def _stage_specs() -> dict[StageName, StageSpec]:
    # Looked up at call time (not import time) so a worker started with a patched stage uses the patch.
    return {
        "parse": StageSpec(SourceDocument, stages.parse),
        "enrich": StageSpec(ParsedDocument, stages.enrich),
        "classify": StageSpec(EnrichedDocument, stages.classify),
    }


@dataclass
class BatchResult:
    outputs: list[BaseModel] = field(default_factory=list)
    dead: list[DeadLetter] = field(default_factory=list)


def encode_batch(docs: Sequence[BaseModel]) -> str:
    """A batch on the wire: one JSON array string, decoded document by document on the other side."""
    return "[" + ",".join(doc.model_dump_json() for doc in docs) + "]"


def run_stage(stage: StageName, batch: str, attempts: int = 1) -> BatchResult:
    """One stage over a batch (the staged pipeline: one queue per stage)."""
    return run_stages((stage,), batch, attempts)


def run_stages(
    stages: Sequence[StageName],
    batch: object,
    attempts: int = 1,
    escalate: tuple[type[BaseException], ...] = (),
) -> BatchResult:
    """Consecutive stages over a batch, handing models on in memory (the fused pipeline: one hop).

    A stage exception dead-letters its document, except transient errors and `escalate` (the caller's
    batch-level errors, such as the task's soft time limit), which end the batch and are raised.
    """
    result = BatchResult()
    specs = _stage_specs()
    try:
        raw_docs = decode_batch(batch)
    except (ValueError, TypeError) as exc:
        result.dead.append(
            make_dead_letter(raw_id("batch", batch), stages[0], exc, _raw_batch(batch), attempts)
        )
        return result
    for raw in raw_docs:
        output = _run_one(stages, specs, raw, attempts, result, (*TRANSIENT_ERRORS, *escalate))
        if output is not None:
            result.outputs.append(output)
    return result


def dead_letters_for_batch(
    stage: StageName, batch: object, exc: BaseException, attempts: int
) -> list[DeadLetter]:
    """One dead letter per document of a batch that failed as a whole (or one for an undecodable batch)."""
    try:
        raw_docs = decode_batch(batch)
    except (ValueError, TypeError):
        return [make_dead_letter(raw_id("batch", batch), stage, exc, _raw_batch(batch), attempts)]
    letters = []
    for raw in raw_docs:
        payload = raw if isinstance(raw, dict) else {"value": raw}
        letters.append(make_dead_letter(payload_doc_id(payload), stage, exc, payload, attempts))
    return letters


def decode_batch(batch: object) -> list[Any]:
    """The documents of a batch message: a JSON array string (what the producer sends)."""
    if not isinstance(batch, str):
        raise TypeError(f"expected a JSON array string of documents, got a JSON {type(batch).__name__}")
    raw_docs = json.loads(batch)
    if not isinstance(raw_docs, list):
        raise TypeError(f"expected a JSON array of documents, got {type(raw_docs).__name__}")
    return raw_docs


def raw_id(kind: str, raw: object) -> str:
    """A dead letter's id for what has no doc_id of its own: `kind` and a digest of the raw content.

    Dead letters are recorded once per id (a redelivered failure is not recorded twice), so one shared
    placeholder id would keep only the first malformed message ever seen; equal content, equal id.
    """
    canonical = json.dumps(raw, sort_keys=True, default=repr).encode()
    return f"{kind}-{hashlib.sha256(canonical).hexdigest()[:16]}"


def payload_doc_id(payload: dict[str, Any]) -> str:
    """The document's own doc_id, or an id made from its content when it has no usable one."""
    doc_id = payload.get("doc_id")
    return doc_id if isinstance(doc_id, str) and doc_id else raw_id("unknown", payload)


def _raw_batch(batch: object) -> dict[str, Any]:
    """A message that is not a batch, kept for the dead letter (it came as JSON, so it is JSON-safe)."""
    return {"batch": batch[:1_000_000] if isinstance(batch, str) else batch}


def _run_one(
    stages: Sequence[StageName],
    specs: dict[StageName, StageSpec],
    raw: Any,
    attempts: int,
    result: BatchResult,
    batch_errors: tuple[type[BaseException], ...],
) -> BaseModel | None:
    payload = raw if isinstance(raw, dict) else {"value": raw}
    doc_id = payload_doc_id(payload)
    try:
        doc: BaseModel = specs[stages[0]].input_model.model_validate(raw)
    except ValidationError as exc:
        result.dead.append(make_dead_letter(doc_id, stages[0], exc, payload, attempts))
        return None
    for number, stage in enumerate(stages):
        started = time.perf_counter()
        try:
            output = specs[stage].function(doc)
        except batch_errors:
            raise  # about the whole batch (a pure stage has no transient errors of its own)
        except Exception as exc:  # noqa: BLE001 -- any stage bug must dead-letter this document, not crash the batch
            stage_input = payload if number == 0 else doc.model_dump(mode="json")
            result.dead.append(make_dead_letter(doc_id, stage, exc, stage_input, attempts))
            return None
        elapsed_ms = round((time.perf_counter() - started) * 1000, 3)
        timings = {**getattr(output, "timings_ms", {}), stage: elapsed_ms}
        doc = output.model_copy(update={"timings_ms": timings})
    return doc


def make_dead_letter(
    doc_id: str, stage: StageName, exc: BaseException, payload: dict[str, Any], attempts: int
) -> DeadLetter:
    now = datetime.now(UTC)
    return DeadLetter(
        doc_id=doc_id,
        stage=stage,
        error_type=type(exc).__name__,
        message=_actionable_message(doc_id, stage, exc),
        attempts=attempts,
        first_failure_at=now,
        last_failure_at=now,
        payload=payload,
    )


def _actionable_message(doc_id: str, stage: StageName, exc: BaseException) -> str:
    detail = str(exc).strip().replace("\n", "; ")[:2000] or "no detail"
    if isinstance(exc, ValidationError):
        return (
            f"document {doc_id!r} reached the {stage} stage in a shape it does not accept ({detail}). "
            "It was probably enqueued by another version or tool: fix the producer, then replay it with "
            f"`newswire replay --doc-id {doc_id}`."
        )
    if isinstance(exc, StageTimeLimitError):
        return (
            f"document {doc_id!r} did not get through the stages from {stage} on in time ({detail}), alone in its batch. "
            "It is probably far longer than an article or hits a slow path: inspect the payload, then raise "
            f"NEWSWIRE_SOFT_TIME_LIMIT or fix the cause and `newswire replay --doc-id {doc_id}`."
        )
    if isinstance(exc, WorkerLostError):
        return (
            f"document {doc_id!r} was being processed by the {stage} stage each time its worker died ({detail}). "
            "It probably exhausts memory or time: inspect the payload, then replay it with "
            f"`newswire replay --doc-id {doc_id}` once the cause is fixed."
        )
    if doc_id.startswith("batch-"):
        return (
            f"a {stage} message was not a JSON array of documents ({detail}); nothing in it was processed. "
            "Send batches through newswire's producer; the raw message is kept in `payload`."
        )
    return (
        f"the {stage} stage raised {type(exc).__name__} on document {doc_id!r}: {detail}. "
        "The rest of its batch went on. Inspect the payload, fix the input or the stage, then "
        f"`newswire replay --doc-id {doc_id}`."
    )
