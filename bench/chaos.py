"""Chaos run: real workers killed at random and Redis restarted while thousands of documents flow through.

    python -m bench.chaos --documents 3000 [--workers 2] [--interval 8] [--redis-restarts 2] [--malformed 20]

Starts a private Redis with AOF (`appendfsync always`), several worker processes, enqueues wikinews documents
and a number of malformed messages sent straight to the parse queue, then every `--interval` seconds
SIGKILLs a random worker (its whole process group, as a crash or the OOM killer would) and starts a
replacement, or, every second time while `--redis-restarts` last, restarts Redis. When every document is accounted for, or at `--timeout`, it checks the
delivery contract and exits 1 if it was broken:
  - every enqueued document is on newswire:documents or newswire:dead, and none is on documents twice;
  - every event is on newswire:events once;
  - every malformed message left exactly one dead letter.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis

from bench.throughput import ROOT, benchmark_parser, load_documents, require_gold
from worker import keys
from worker.app_factory import PARSE_TASK, make_app
from worker.embedded import EmbeddedRedis
from worker.logging import configure_logging
from worker.processes import exit_on_sigterm, kill_worker, running_worker
from worker.producer import Producer
from worker.settings import Settings


def malformed_message(n: int) -> Any:
    """The n-th malformed batch argument: not JSON, not a string, an array of non-documents, not an array."""
    kinds = (f"{{not json {n}", 1000 + n, f"[{n}]", f'{{"doc_id": "m{n}"}}', [n])
    return kinds[n % len(kinds)]


@dataclass
class Tally:
    kills: int = 0
    redis_restarts: int = 0

    def note(self, started: float, what: str) -> None:
        line = f"{time.monotonic() - started:7.1f} s  {what}"
        print(line, file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    require_gold(parser, args.gold)
    exit_on_sigterm()  # a benchmark stopped with SIGTERM still stops its workers and Redis
    configure_logging(Settings(log_level="WARNING"))
    rng = random.Random(args.seed)
    server = EmbeddedRedis(appendfsync="always")
    server.start()
    try:
        return _run(args, server, rng)
    finally:
        server.close()


def _run(args: argparse.Namespace, server: EmbeddedRedis, rng: random.Random) -> int:
    settings = Settings(
        redis_url=server.url, batch_size=args.batch_size, visibility_timeout=args.visibility_timeout
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(NEWSWIRE_REDIS_URL=server.url, NEWSWIRE_BATCH_SIZE=str(args.batch_size),
               NEWSWIRE_VISIBILITY_TIMEOUT=str(args.visibility_timeout), NEWSWIRE_LOG_LEVEL="WARNING",
               PYTHONPATH=str(ROOT))  # fmt: skip
    docs = load_documents(args.gold, args.documents, "chaos")
    tally = Tally()
    started = time.monotonic()
    with ExitStack() as stack:
        logs = Path(tempfile.mkdtemp(prefix="newswire-chaos-"))

        def start_worker() -> Any:
            log_path = logs / f"worker-{time.monotonic_ns()}.log"
            return stack.enter_context(running_worker(env, log_path=log_path, concurrency=args.concurrency))

        workers = [start_worker() for _ in range(args.workers)]
        report = Producer(settings).submit(docs)
        app = make_app(settings)
        for n in range(args.malformed):
            app.send_task(PARSE_TASK, args=[malformed_message(n)], queue=keys.PARSE_QUEUE)
        tally.note(
            started, f"enqueued {len(report.accepted)} documents and {args.malformed} malformed messages"
        )
        expected = set(report.accepted)
        deadline = time.monotonic() + args.timeout
        restarts_left = args.redis_restarts
        action = 0
        while time.monotonic() < deadline and not _all_accounted(server.url, expected, args.malformed):
            time.sleep(args.interval)
            action += 1
            # Every second action restarts Redis while restarts are left, so a short run has one too.
            if restarts_left and action % 2 == 0:
                _restart_redis(server, tally, started)
                restarts_left -= 1
            else:
                victim = rng.randrange(len(workers))
                kill_worker(workers[victim])
                workers[victim] = start_worker()
                tally.kills += 1
                tally.note(
                    started, f"killed worker {victim} (SIGKILL to its process group), started a new one"
                )
        elapsed = time.monotonic() - started
    return _verdict(server.url, expected, args, tally, elapsed)


def _restart_redis(server: EmbeddedRedis, tally: Tally, started: float) -> None:
    server.stop()
    time.sleep(1.0)
    server.start()
    tally.redis_restarts += 1
    tally.note(started, "restarted Redis (down for one second)")


def _all_accounted(url: str, expected: set[str], malformed: int) -> bool:
    try:
        published, dead = _stream_ids(url)
    except redis.RedisError:
        return False  # Redis is restarting: ask again at the next round
    malformed_seen = sum(1 for doc_id in dead if doc_id not in expected)
    return expected <= set(published) | set(dead) and malformed_seen >= malformed


def _entries(client: redis.Redis, stream: str) -> list[dict[str, str]]:
    """The field maps of every entry of `stream` (redis-py types XRANGE's reply loosely)."""
    entries: Any = client.xrange(stream)
    return [fields for _, fields in entries]


def _stream_ids(url: str) -> tuple[list[str], list[str]]:
    client = redis.Redis.from_url(url, decode_responses=True)
    published = [f["doc_id"] for f in _entries(client, keys.DOCUMENTS_STREAM)]
    dead = [f["doc_id"] for f in _entries(client, keys.DEAD_STREAM)]
    return published, dead


def _verdict(url: str, expected: set[str], args: argparse.Namespace, tally: Tally, elapsed: float) -> int:
    client = redis.Redis.from_url(url, decode_responses=True)
    published, dead = _stream_ids(url)
    twice = sorted(doc_id for doc_id, n in Counter(published).items() if n > 1)
    missing = sorted(expected - set(published) - set(dead))
    event_ids = [json.loads(f["data"])["event_id"] for f in _entries(client, keys.EVENTS_STREAM)]
    events_twice = sum(1 for n in Counter(event_ids).values() if n > 1)
    letters = [json.loads(f["data"]) for f in _entries(client, keys.DEAD_STREAM)]
    reasons = Counter(f"{letter['stage']}/{letter['error_type']}" for letter in letters)
    print(f"\nnewswire chaos run: {len(expected)} documents, {args.workers} workers x concurrency "
          f"{args.concurrency}, batch size {args.batch_size}, {elapsed:.1f} s")  # fmt: skip
    print(f"  workers killed       {tally.kills}")
    print(f"  Redis restarts       {tally.redis_restarts}")
    print(f"  published            {len(set(published))} documents, {len(event_ids)} events")
    print(f"  dead letters         {len(letters)}  {dict(reasons)}")
    print(f"  published twice      {len(twice)}  {twice[:5]}")
    print(f"  events twice         {events_twice}")
    print(f"  missing              {len(missing)}  {missing[:5]}")
    malformed_letters = sum(1 for letter in letters if letter["doc_id"] not in expected)
    print(f"  malformed dead       {malformed_letters} letters for {args.malformed} malformed messages")
    broken = bool(twice or missing or events_twice) or malformed_letters != args.malformed
    print("  verdict              " + ("CONTRACT BROKEN" if broken else "every document accounted for, once"))
    return 1 if broken else 0


def _parser() -> argparse.ArgumentParser:
    parser = benchmark_parser("bench.chaos", __doc__, documents=3000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--concurrency", type=int, default=1)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--interval", type=float, default=8.0, help="seconds between chaos actions")
    parser.add_argument("--redis-restarts", type=int, default=2)
    parser.add_argument(
        "--malformed", type=int, default=20, help="malformed messages sent straight to the queue"
    )
    parser.add_argument("--visibility-timeout", type=int, default=10)
    parser.add_argument("--timeout", type=float, default=900.0)
    parser.add_argument("--seed", type=int, default=7)
    return parser


if __name__ == "__main__":
    sys.exit(main())
