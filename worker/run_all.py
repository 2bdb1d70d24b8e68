"""`newswire run`: Redis (embedded unless NEWSWIRE_REDIS_URL is set), a worker, the producer, the results."""

from __future__ import annotations

import json
import os
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any, TextIO

import redis

from worker import keys
from worker.embedded import embedded_redis
from worker.processes import exit_on_sigterm, running_worker
from worker.producer import EnqueueReport, Producer
from worker.settings import Settings
from worker.sources import read_paths
from worker.summary import summarise_dead_letter, summarise_document

WATCHED_STREAMS = (keys.DOCUMENTS_STREAM, keys.DEAD_STREAM)


def run_all(paths: list[str], settings: Settings, *, timeout: float, out: TextIO) -> int:
    """Process `paths` end to end; 0 when every document was published, 1 on rejections or dead letters."""
    exit_on_sigterm()
    with ExitStack() as stack:
        if settings.redis_url is None:
            settings = settings.model_copy(update={"redis_url": stack.enter_context(embedded_redis())})
        redis_url = settings.effective_redis_url
        client = redis.Redis.from_url(redis_url, decode_responses=True)
        log_path = Path(tempfile.mkstemp(prefix="newswire-worker-", suffix=".log")[1])
        env = {**os.environ, "NEWSWIRE_REDIS_URL": redis_url}
        worker = stack.enter_context(
            running_worker(env, log_path=log_path, concurrency=settings.concurrency or 2)
        )
        start_ids = {stream: _last_id(client, stream) for stream in WATCHED_STREAMS}
        report = Producer(settings).enqueue(read_paths(paths, settings.max_doc_bytes))
        _print_report(report, out)
        records = _wait_for(client, set(report.accepted), start_ids, timeout, lambda: worker.poll() is None)
        for stream, record in records:
            print(summarise_document(record) if stream == keys.DOCUMENTS_STREAM else summarise_dead_letter(record),
                  file=out)  # fmt: skip
        missing = len(report.accepted) - len(records)
        if missing:
            print(f"timed out after {timeout:.0f} s with {missing} document(s) unfinished; worker log: {log_path}",
                  file=out)  # fmt: skip
            return 2
        log_path.unlink(missing_ok=True)
        dead = sum(1 for stream, _ in records if stream == keys.DEAD_STREAM)
        print(f"done: {len(records) - dead} published, {dead} dead-lettered, {len(report.rejected)} rejected, "
              f"{len(report.duplicates)} duplicate", file=out)  # fmt: skip
        return 1 if dead or report.rejected else 0


def _last_id(client: redis.Redis, stream: str) -> str:
    newest = client.xrevrange(stream, count=1)
    return str(newest[0][0]) if newest else "0-0"


def _wait_for(
    client: redis.Redis, pending: set[str], start_ids: dict[str, str], timeout: float, alive: Any
) -> list[tuple[str, dict[str, Any]]]:
    """Read both streams from `start_ids` until every pending doc_id has an entry (or time runs out)."""
    found: list[tuple[str, dict[str, Any]]] = []
    cursors = dict(start_ids)
    deadline = time.monotonic() + timeout
    while pending and time.monotonic() < deadline:
        if not alive():
            raise RuntimeError("the worker process exited before the documents were processed")
        reply: Any = client.xread(dict(cursors), block=500, count=500)  # type: ignore[arg-type]  # a str->str map is what XREAD takes
        for stream, entries in reply or []:
            for entry_id, fields in entries:
                cursors[stream] = entry_id
                if fields.get("doc_id") in pending:
                    pending.discard(fields["doc_id"])
                    found.append((stream, json.loads(fields["data"])))
    return found


def _print_report(report: EnqueueReport, out: TextIO) -> None:
    print(f"enqueued {len(report.accepted)} document(s) in {report.batches} batch(es)", file=out)
    for origin, doc_id, why in report.duplicates:
        print(f"duplicate: {origin} ({doc_id}): {why}", file=out)
    for rejection in report.rejected:
        print(f"rejected: {rejection.origin}: {rejection.reason}", file=out)
