"""What near-duplicate detection costs per published document as the index fills: Redis CPU and worker CPU.

    python -m bench.near_duplicates [--documents 2000] [--sizes 0,1000,150000,full]

For each index size, the index is filled directly (random fingerprints; "full" = every band field holding
its ENTRIES_PER_FIELD entries, the most a lookup can ever read), then `--documents` new documents with
random fingerprints are published through the real Publisher in batches of 50. Redis CPU is the server
process's CPU time (INFO cpu: commands, scripts, network and parsing), worker CPU the
publishing thread's CPU time (reading the index, choosing the earlier fingerprint, the script's
arguments, the round trips). Ratios are to the empty index, measured in the same run. Runs on a private
embedded Redis; needs no gold data.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import redis

from schemas import ProcessedDocument, Tone
from worker import keys
from worker.embedded import embedded_redis
from worker.near_duplicates import ENTRIES_PER_FIELD
from worker.publish import Publisher
from worker.settings import Settings

BAND_FIELDS = 4 * 65536
FULL = BAND_FIELDS * ENTRIES_PER_FIELD // 4  # documents that fill every field (each sits in 4 fields)


def fill_index(client: redis.Redis, documents: int, rng: random.Random) -> None:
    """The index as `documents` random fingerprints published a minute ago would leave it (capped per field)."""
    seen = int(client.time()[0]) - 60
    fields: dict[str, list[str]] = {}
    for _ in range(documents):
        fingerprint = f"{rng.getrandbits(64):016x}"
        entry = f"{fingerprint}{seen:08x}"
        for band in range(4):
            entries = fields.setdefault(f"{band}:{fingerprint[band * 4 : band * 4 + 4]}", [])
            if len(entries) < ENTRIES_PER_FIELD:
                entries.append(entry)
    pipe = client.pipeline(transaction=False)
    for n, (field, entries) in enumerate(fields.items(), 1):
        pipe.hset(keys.NEAR_DUPLICATE_BANDS, field, "".join(entries))
        if n % 10_000 == 0:
            pipe.execute()
    pipe.execute()


def documents(count: int, rng: random.Random, tag: str) -> Iterator[ProcessedDocument]:
    now = datetime.now(UTC)
    tone = Tone(
        tone=0, positive=0, negative=0, polarity=0, activity_density=0, self_group_density=0, word_count=2
    )
    for n in range(count):
        yield ProcessedDocument(
            doc_id=f"{tag}-{n}", text="Bench text.", received_at=now, language="en", language_confidence=1.0,
            paragraphs=[], sentences=[], word_count=2, entities=[], dates=[], quotes=[], amounts=[], keywords=[],
            tone=tone, fingerprint=f"{rng.getrandbits(64):016x}", topics=[],
            events=[], pipeline_version="bench",
        )  # fmt: skip


def redis_cpu_seconds(client: redis.Redis) -> float:
    cpu = client.info("cpu")
    return float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])


def measure(client: redis.Redis, publisher: Publisher, docs: list[ProcessedDocument]) -> tuple[float, float]:
    """(Redis CPU, worker CPU) in microseconds per document, publishing in batches of 50."""
    server_started = redis_cpu_seconds(client)
    started = time.thread_time()
    for start in range(0, len(docs), 50):
        publisher.publish_many(docs[start : start + 50])
    worker = time.thread_time() - started
    server = redis_cpu_seconds(client) - server_started
    return 1e6 * server / len(docs), 1e6 * worker / len(docs)


def run(sizes: list[int], count: int) -> None:
    print(f"near-duplicate detection: {count:,} documents published per index size, CPU per document")
    print(f"{'indexed':>18}{'redis us':>10}{'ratio':>7}{'worker us':>11}{'ratio':>7}")
    baseline: tuple[float, float] | None = None
    with embedded_redis() as url:
        client = redis.Redis.from_url(url)
        publisher = Publisher(client, Settings(redis_url=url))
        for size in sizes:
            client.flushdb()
            rng = random.Random(size)
            fill_index(client, size, rng)
            redis_us, worker_us = measure(client, publisher, list(documents(count, rng, f"doc-{size}")))
            baseline = baseline or (redis_us, worker_us)
            label = f"{size:,}" + (" (full)" if size >= FULL else "")
            print(
                f"{label:>18}{redis_us:>10.1f}{redis_us / baseline[0]:>7.2f}"
                f"{worker_us:>11.1f}{worker_us / baseline[1]:>7.2f}"
            )
        client.close()
    print(f"ratios: to the first size ({sizes[0]:,} indexed)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.near_duplicates", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument(
        "--sizes", default="0,1000,150000,full", help="comma-separated index sizes; 'full' fills every field"
    )
    args = parser.parse_args(argv)
    sizes = [FULL if size == "full" else int(size) for size in args.sizes.split(",")]
    run(sizes, args.documents)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
