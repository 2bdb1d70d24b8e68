"""The `newswire` command: enqueue, worker, subscribe, status, run, replay and eval."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

import redis
from kombu.exceptions import OperationalError

from worker import keys
from worker.logging import configure_logging
from worker.settings import Settings, load_settings


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["eval"]:
        from worker.evaluate import main as eval_main  # the scorer has its own argument parser

        return eval_main(args_list[1:])
    parser = _parser()
    args = parser.parse_args(args_list)
    settings = load_settings()
    configure_logging(settings)
    try:
        return int(args.handler(args, settings))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`newswire subscribe ... | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (RuntimeError, redis.ConnectionError, OperationalError) as exc:
        # Redis (or the broker) unreachable: one line that says where it looked, not a traceback.
        print(f"newswire: {exc}", file=sys.stderr)
        return 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newswire", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    enqueue = sub.add_parser("enqueue", help="send documents to the pipeline",
                             description="Validate and enqueue documents: text files in the seed format "
                             "(optional `date YYYY-MM-DD` header), directories (recursively: *.txt, *.jsonl, "
                             "*.jsonl.gz), JSONL files of {text, published?, title?, id?, source?, url?, "
                             "language?} records, and - for stdin. Exits 1 when anything was rejected, after "
                             "enqueueing the rest.")  # fmt: skip
    enqueue.add_argument("paths", nargs="+", metavar="PATH")
    enqueue.set_defaults(handler=_enqueue)

    worker = sub.add_parser("worker", help="run a Celery worker on the stage queues",
                            description="Start a Celery worker (same as `celery -A worker.app worker`) with "
                            "newswire's delivery settings.")  # fmt: skip
    worker.add_argument(
        "--queues", default=",".join(keys.STAGE_QUEUES), help="comma-separated (default: all)"
    )
    worker.add_argument("--concurrency", type=int, default=None, help="worker processes (default: CPU count)")
    worker.add_argument("--loglevel", default="INFO")
    worker.set_defaults(handler=_worker)

    subscribe = sub.add_parser("subscribe", help="print stream entries as JSON lines",
                               description="Read a stream with a consumer group; each entry is written as one "
                               "JSON line and acknowledged after it is written. A restarted consumer first "
                               "re-reads its own unacknowledged entries.")  # fmt: skip
    subscribe.add_argument("stream", choices=sorted(keys.STREAMS))
    subscribe.add_argument("--group", required=True)
    subscribe.add_argument("--consumer", required=True)
    subscribe.add_argument("--from-start", action="store_true", help="a new group starts at the oldest entry")
    subscribe.add_argument("--count", type=int, default=None, help="stop after N entries (default: run on)")
    subscribe.add_argument(
        "--block-ms", type=int, default=1000, help="how long one read waits for new entries"
    )
    subscribe.set_defaults(handler=_subscribe)

    status = sub.add_parser("status", help="queues, streams, consumer groups and dead letters")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=_status)

    run = sub.add_parser("run", help="process documents end to end and print the records",
                         description="All in one: uses NEWSWIRE_REDIS_URL or starts an embedded Redis, starts "
                         "a worker, enqueues PATHs, waits for every record, prints summaries, stops "
                         "everything.")  # fmt: skip
    run.add_argument("paths", nargs="+", metavar="PATH")
    run.add_argument("--timeout", type=float, default=300.0, help="seconds to wait for the records")
    run.set_defaults(handler=_run)

    replay = sub.add_parser("replay", help="re-enqueue dead-lettered documents",
                            description="Send dead-lettered documents through the pipeline again and remove "
                            "them from newswire:dead.")  # fmt: skip
    which = replay.add_mutually_exclusive_group(required=True)
    which.add_argument("--doc-id", action="append", help="a dead-lettered doc_id (repeatable)")
    which.add_argument("--all", action="store_true", help="every dead letter")
    replay.set_defaults(handler=_replay)

    sub.add_parser("eval", help="score the stages against gold files (see `newswire eval --help`)")
    return parser


def _redis(settings: Settings) -> redis.Redis:
    return redis.Redis.from_url(settings.effective_redis_url)


def _enqueue(args: argparse.Namespace, settings: Settings) -> int:
    from tqdm import tqdm

    from worker.producer import Producer
    from worker.sources import read_paths

    with tqdm(unit="doc", desc="enqueue", file=sys.stderr, disable=None) as bar:
        report = Producer(settings).enqueue(
            read_paths(args.paths, settings.max_doc_bytes), lambda _: _tick(bar)
        )
    print(
        f"accepted {len(report.accepted)}, duplicate {len(report.duplicates)}, rejected {len(report.rejected)}"
    )
    for origin, doc_id, why in report.duplicates:
        print(f"  duplicate  {origin} ({doc_id}): {why}")
    for rejection in report.rejected:
        print(f"  rejected   {rejection.origin}: {rejection.reason}")
    return 0 if report.ok else 1


def _tick(bar: Any) -> None:
    bar.update()


def _worker(args: argparse.Namespace, settings: Settings) -> int:
    from worker.app import app
    from worker.processes import worker_argv

    concurrency = args.concurrency or settings.concurrency
    app.worker_main(worker_argv(args.queues.split(","), concurrency, args.loglevel))
    return 0


def _subscribe(args: argparse.Namespace, settings: Settings) -> int:
    from worker.consumer import StreamConsumer

    consumer = StreamConsumer(
        _redis(settings), keys.STREAMS[args.stream], args.group, args.consumer, from_start=args.from_start,
        claim_idle_ms=settings.claim_idle_ms, max_deliveries=settings.max_deliveries,
    )  # fmt: skip
    entries = consumer.iterate(count=min(args.count or 100, 100), block_ms=args.block_ms)
    for written, entry in enumerate(entries, start=1):
        sys.stdout.write(entry.as_json_line() + "\n")
        sys.stdout.flush()
        consumer.ack(entry)
        if args.count is not None and written >= args.count:
            break
    return 0


def _status(args: argparse.Namespace, settings: Settings) -> int:
    from dataclasses import asdict

    from worker.app_factory import make_app
    from worker.status import collect_status, render_status

    status = collect_status(_redis(settings), make_app(settings))
    print(json.dumps(asdict(status), indent=2) if args.json else render_status(status))
    return 0


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from worker.run_all import run_all

    return run_all(args.paths, settings, timeout=args.timeout, out=sys.stdout)


def _replay(args: argparse.Namespace, settings: Settings) -> int:
    from worker.producer import Producer
    from worker.replay import replay_dead_letters

    report = replay_dead_letters(_redis(settings), Producer(settings), None if args.all else set(args.doc_id))
    print(f"replayed {len(report.replayed)}: {' '.join(report.replayed)}")
    for entry_id, why in report.unreplayable:
        print(f"  not replayed {entry_id}: {why}")
    return 0 if not report.unreplayable else 1


if __name__ == "__main__":
    sys.exit(main())
