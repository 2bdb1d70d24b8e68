"""End-to-end throughput and latency of newswire against real Celery workers, side by side in one run.

    python -m bench.throughput --documents 2000 [--gold ../shared/eval/wikinews.dev.jsonl.gz]

Five variants, each with the same worker settings (concurrency, batch size, broker):
  full        the real pipeline (parse, enrich, classify, atomic publish) as configured by default: one queue
              per stage, NEWSWIRE_PIPELINE=chained (a worker on all queues runs the next stages in memory)
  full-staged the same, with NEWSWIRE_PIPELINE=staged: every stage hands its batch on through its queue
  full-fused  the same, with NEWSWIRE_PIPELINE=fused: the producer sends one task for the three stages
  noop-stages the default pipeline with every stage replaced by a near-identity (bench.noop_app)
  naive-chain one message per document through a chain of three no-op tasks (bench.naive_app)
Latency is from the moment a document's message is sent to the moment its entry is on the stream.
The variants run interleaved, `--rounds` times each (default 3), and the table shows each variant's median
round: on a shared machine the load drifts during a run, and interleaving spreads the drift over all of them.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import redis

from bench import NAIVE_STREAM
from schemas import SourceDocument
from worker import keys, stages
from worker.embedded import embedded_redis
from worker.logging import configure_logging
from worker.processes import exit_on_sigterm, running_worker
from worker.producer import Producer
from worker.settings import Settings, load_settings

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "eval" / "wikinews.dev.jsonl.gz"


def benchmark_parser(prog: str, description: str | None, documents: int) -> argparse.ArgumentParser:
    """The arguments every benchmark takes: how many wikinews documents, and the file they come from."""
    parser = argparse.ArgumentParser(prog=prog, description=description,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--documents", type=int, default=documents)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    return parser


def require_gold(parser: argparse.ArgumentParser, gold: Path) -> None:
    """Exit with a usage error (status 2) when the wikinews file is not there."""
    if not gold.exists():
        parser.error(f"{gold} not found: pass --gold PATH to a wikinews JSONL(.gz) file")


@dataclass(frozen=True)
class Outcome:
    name: str
    documents: int
    seconds: float
    latencies_ms: list[float]
    max_rss_mb: float = 0.0

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def load_documents(path: Path, count: int, tag: str) -> list[SourceDocument]:
    docs: list[SourceDocument] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if len(docs) >= count:
                break
            record = json.loads(line)
            docs.append(SourceDocument(doc_id=f"{tag}-{n}", text=record["text"], published=record["published"],
                                       title=record.get("title"), received_at=datetime.now(UTC)))  # fmt: skip
    if len(docs) < count:
        print(f"note: {path} holds only {len(docs)} documents", file=sys.stderr)
    return docs


def clean(client: redis.Redis) -> None:
    doomed = [*client.scan_iter("newswire:*", count=1000), *keys.STAGE_QUEUES]
    for start in range(0, len(doomed), 500):
        client.delete(*doomed[start : start + 500])


def arrivals(client: redis.Redis, stream: str, expected: int, timeout: float) -> dict[str, float]:
    """doc_id -> arrival time (epoch seconds, from the stream entry id) once `expected` entries are there."""
    deadline = time.monotonic() + timeout
    while client.xlen(stream) < expected:
        if time.monotonic() > deadline:
            raise RuntimeError(
                f"only {client.xlen(stream)} of {expected} documents arrived within {timeout:.0f} s"
            )
        time.sleep(0.05)
    entries: Any = client.xrange(stream)  # redis-py types replies loosely; XRANGE returns (id, fields) pairs
    return {fields[b"doc_id"].decode(): int(entry_id.split(b"-")[0]) / 1000 for entry_id, fields in entries}


def measure(name: str, client: redis.Redis, stream: str, send: Callable[[list[SourceDocument]], None],
            docs: list[SourceDocument], batch_size: int, timeout: float) -> Outcome:  # fmt: skip
    sent_at: dict[str, float] = {}
    started = time.time()
    for start in range(0, len(docs), batch_size):
        batch = docs[start : start + batch_size]
        now = time.time()
        sent_at.update((doc.doc_id, now) for doc in batch)
        send(batch)
    arrived = arrivals(client, stream, len(docs), timeout)
    finished = max(arrived.values())
    latencies = [max(0.0, (arrived[d] - sent_at[d]) * 1000) for d in sent_at if d in arrived]
    return Outcome(name, len(docs), finished - started, latencies)


@contextmanager
def redis_for_bench() -> Iterator[str]:
    url = os.environ.get("NEWSWIRE_REDIS_URL")
    if url:
        yield url
        return
    with embedded_redis() as embedded_url:
        # The naive variant's app is built in this process from the environment, like a user's would be.
        os.environ["NEWSWIRE_REDIS_URL"] = embedded_url
        load_settings.cache_clear()
        yield embedded_url


def run_variant(
    name: str, module: str, pipeline: str, url: str, args: argparse.Namespace, gold: Path
) -> Outcome:
    client = redis.Redis.from_url(url)
    clean(client)
    settings = Settings(redis_url=url, batch_size=args.batch_size, pipeline=pipeline)
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEWSWIRE_")}
    env.update(NEWSWIRE_REDIS_URL=url, NEWSWIRE_BATCH_SIZE=str(args.batch_size), NEWSWIRE_LOG_LEVEL="WARNING",
               NEWSWIRE_PIPELINE=pipeline, PYTHONPATH=str(ROOT))  # fmt: skip
    log_path = Path(tempfile.mkstemp(prefix=f"newswire-bench-{name}-", suffix=".log")[1])
    with ExitStack() as stack:
        worker = stack.enter_context(
            running_worker(env, log_path=log_path, concurrency=args.concurrency, module=module)
        )
        if module == "bench.naive_app":
            from bench.naive_app import send_naive

            stream = NAIVE_STREAM

            def send(batch: list[SourceDocument]) -> None:
                for doc in batch:
                    send_naive(doc.model_dump(mode="json"))
        else:
            producer = Producer(settings, client=client)
            stream = keys.DOCUMENTS_STREAM

            def send(batch: list[SourceDocument]) -> None:
                producer.submit(batch)

        warm = load_documents(gold, args.warmup, f"warm-{name}")
        measure("warm-up", client, stream, send, warm, args.batch_size, args.timeout)
        client.delete(stream)
        docs = load_documents(gold, args.documents, f"{name}")
        outcome = measure(name, client, stream, send, docs, args.batch_size, args.timeout)
        outcome = replace(outcome, max_rss_mb=max_rss_mb(worker.pid))
    log_path.unlink(missing_ok=True)
    return outcome


def max_rss_mb(group: int) -> float:
    """The largest resident set among a worker's processes (its process group), in MB."""
    sizes = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            if os.getpgid(int(status.parent.name)) != group:
                continue
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines() if ":" in line)
        except (OSError, ValueError):
            continue  # the process ended while we looked
        sizes.append(int(fields.get("VmRSS", "0 kB").split()[0]) / 1024)
    return max(sizes, default=0.0)


def print_table(outcomes: list[Outcome], args: argparse.Namespace) -> None:
    build = "compiled stages" if stages.COMPILED else "pure Python stages"
    print(f"\nnewswire end-to-end benchmark: {args.documents} wikinews documents, worker concurrency "
          f"{args.concurrency}, batch size {args.batch_size}, {os.cpu_count()} CPUs, {build}")  # fmt: skip
    print(f"{'variant':<14}{'docs/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'seconds':>10}{'max RSS MB':>12}")
    for o in outcomes:
        print(f"{o.name:<14}{o.docs_per_second:>10.1f}{o.percentile(0.5):>10.0f}{o.percentile(0.99):>10.0f}"
              f"{o.seconds:>10.2f}{o.max_rss_mb:>12.0f}")  # fmt: skip
    by_name = {o.name: o for o in outcomes}
    for name, other in RATIOS:
        if name in by_name and other in by_name:
            ratio = by_name[name].docs_per_second / by_name[other].docs_per_second
            print(f"throughput ratio {name}/{other}: {ratio:.2f}")


# name -> (worker app module, NEWSWIRE_PIPELINE of the producer and the worker)
VARIANTS = {
    "full": ("worker.app", "chained"),
    "full-staged": ("worker.app", "staged"),
    "full-fused": ("worker.app", "fused"),
    "noop-stages": ("bench.noop_app", "chained"),
    "naive-chain": ("bench.naive_app", "staged"),
}
RATIOS = (
    ("full", "noop-stages"),
    ("full", "naive-chain"),
    ("full-staged", "naive-chain"),
    ("full-fused", "naive-chain"),
)


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser("bench.throughput", __doc__, documents=2000)
    parser.add_argument("--concurrency", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=100)
    parser.add_argument("--timeout", type=float, default=600.0)
    parser.add_argument("--variants", default=",".join(VARIANTS), help="comma-separated subset to run")
    parser.add_argument("--rounds", type=int, default=3,
                        help="runs of every variant, interleaved; the table shows each one's median round")  # fmt: skip
    args = parser.parse_args(argv)
    exit_on_sigterm()  # a benchmark stopped with SIGTERM still stops its workers and Redis
    configure_logging(Settings(log_level="WARNING"))
    require_gold(parser, args.gold)
    names = args.variants.split(",")
    rounds: dict[str, list[Outcome]] = {name: [] for name in names}
    with redis_for_bench() as url:
        for number in range(1, args.rounds + 1):
            for name in names:
                print(f"round {number}/{args.rounds}: running {name} ...", file=sys.stderr, flush=True)
                module, pipeline = VARIANTS[name]
                rounds[name].append(run_variant(name, module, pipeline, url, args, args.gold))
    print_table([median_outcome(rounds[name]) for name in names], args)
    if args.rounds > 1:
        print_rounds(rounds)
    return 0


def median_outcome(outcomes: list[Outcome]) -> Outcome:
    """The round with the median throughput (the lower middle one for an even count)."""
    return sorted(outcomes, key=lambda o: o.docs_per_second)[(len(outcomes) - 1) // 2]


def print_rounds(rounds: dict[str, list[Outcome]]) -> None:
    print("docs/s by round (the table shows each variant's median round):")
    for name, outcomes in rounds.items():
        print(f"  {name:<14}" + "".join(f"{o.docs_per_second:>10.1f}" for o in outcomes))


if __name__ == "__main__":
    sys.exit(main())
