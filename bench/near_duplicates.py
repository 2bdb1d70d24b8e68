"""What near-duplicate detection costs per published document as the index fills: Redis CPU and worker CPU.

    python -m bench.near_duplicates [--documents 2000] [--sizes 0,1000,150000,full]

For each index size the index is filled directly, as that many documents published a minute before would
have left it ("full": every band field holding its ENTRIES_PER_FIELD entries, the most a lookup can ever
read, which 2.1 million documents within the retention would leave). Then `--documents` new documents
with random fingerprints are published through the real Publisher, in batches of 50, and the same number
with near-duplicate detection off (no fingerprint) as the reference. Redis CPU is the server process's
CPU time (INFO cpu: commands, scripts, network and parsing), worker CPU the publishing thread's. Ratios
are to the same run's reference. Runs on a private embedded Redis; needs no gold data.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import redis

from schemas import ProcessedDocument, Tone
from worker import keys
from worker.embedded import embedded_redis
from worker.near_duplicates import ENTRIES_PER_FIELD, entry, own_fields
from worker.publish import Publisher
from worker.settings import Settings
from worker.stages.enrich.fingerprint import INDEX_BANDS

BAND_VALUES = 1 << 16
FULL = INDEX_BANDS * BAND_VALUES * ENTRIES_PER_FIELD // INDEX_BANDS  # documents that fill every field
BATCH = 50


def fill_index(client: redis.Redis, documents: int, rng: random.Random) -> None:
    """The index as `documents` random fingerprints indexed a minute ago would leave it (capped per field)."""
    if documents >= FULL:
        _fill_every_field(client, int(client.time()[0]) - 60)
        return
    seen = int(client.time()[0]) - 60
    fields: dict[bytes, list[bytes]] = {}
    for number in range(documents):
        fingerprint = f"{rng.getrandbits(64):016x}"
        for field in own_fields(fingerprint):
            kept = fields.setdefault(field, [])
            if len(kept) < ENTRIES_PER_FIELD:
                kept.append(entry(fingerprint, seen, f"old-{number:08d}"))
    _write(client, ((field, b"".join(kept)) for field, kept in fields.items()))


def _fill_every_field(client: redis.Redis, seen: int) -> None:
    """ENTRIES_PER_FIELD entries under every band value of every band, built with numpy (8 million entries)."""
    generator = np.random.default_rng(1)
    doc_id = b"old-00000000"
    layout = [
        ("fingerprint", ">u8"),
        ("seen", ">u4"),
        ("microsecond", "S3"),
        ("size", ">u2"),
        ("doc_id", f"S{len(doc_id)}"),
    ]
    head = np.dtype(layout)  # worker.near_duplicates.entry, as numpy fields
    for band in range(INDEX_BANDS):
        rows = np.zeros((BAND_VALUES, ENTRIES_PER_FIELD), dtype=head)
        prints = generator.integers(0, 2**64 - 1, size=rows.shape, dtype=np.uint64, endpoint=True)
        shift = np.uint64(16 * (INDEX_BANDS - 1 - band))
        prints &= ~(np.uint64(0xFFFF) << shift)  # the band's bits are the field's value
        prints |= np.arange(BAND_VALUES, dtype=np.uint64)[:, None] << shift
        rows["fingerprint"], rows["seen"], rows["size"], rows["doc_id"] = prints, seen, len(doc_id), doc_id
        _write(
            client,
            (
                (bytes([band]) + value.to_bytes(2, "big"), rows[value].tobytes())
                for value in range(BAND_VALUES)
            ),
        )


def _write(client: redis.Redis, fields: Iterator[tuple[bytes, bytes]]) -> None:
    pipe = client.pipeline(transaction=False)
    for number, (field, value) in enumerate(fields, 1):
        pipe.hset(keys.NEAR_DUPLICATE_INDEX, field, value)
        if number % 10_000 == 0:
            pipe.execute()
    pipe.execute()


_TONE = Tone(
    tone=0, positive=0, negative=0, polarity=0, activity_density=0, self_group_density=0, word_count=2
)


def documents(count: int, rng: random.Random, tag: str, detect: bool) -> list[ProcessedDocument]:
    """Small records with random fingerprints; `detect` False blanks the fingerprint (past validation: a
    record never has one), which the publish script takes as "skip the lookup" (the reference)."""
    docs = []
    for n in range(count):
        doc = ProcessedDocument(
            doc_id=f"{tag}-{n}", text="Bench text.", received_at=datetime.now(UTC), language="en",
            language_confidence=1.0, paragraphs=[], sentences=[], word_count=2, entities=[], dates=[], quotes=[],
            amounts=[], keywords=[], tone=_TONE, fingerprint=f"{rng.getrandbits(64):016x}", topics=[], events=[],
            pipeline_version="bench",
        )  # fmt: skip
        docs.append(doc if detect else doc.model_copy(update={"fingerprint": ""}))
    return docs


def redis_cpu_seconds(client: redis.Redis) -> float:
    cpu = client.info("cpu")
    return float(cpu["used_cpu_user"]) + float(cpu["used_cpu_sys"])


def measure(client: redis.Redis, publisher: Publisher, docs: list[ProcessedDocument]) -> tuple[float, float]:
    """(Redis CPU, worker CPU) in microseconds per document, publishing in batches."""
    server_started = redis_cpu_seconds(client)
    started = time.thread_time()
    for start in range(0, len(docs), BATCH):
        publisher.publish_many(docs[start : start + BATCH])
    worker = time.thread_time() - started
    server = redis_cpu_seconds(client) - server_started
    return 1e6 * server / len(docs), 1e6 * worker / len(docs)


def run(sizes: list[int], count: int) -> None:
    print(f"near-duplicate detection: {count:,} documents published per index size, CPU per document")
    print(f"{'indexed':>20}{'redis us':>10}{'ratio':>7}{'worker us':>11}{'ratio':>7}")
    with embedded_redis() as url:
        client = redis.Redis.from_url(url)
        publisher = Publisher(client, Settings(redis_url=url))
        for size in sizes:
            client.flushdb()
            rng = random.Random(size)
            fill_index(client, size, rng)
            index_mb = (client.memory_usage(keys.NEAR_DUPLICATE_INDEX, samples=0) or 0) / 1e6
            off = measure(client, publisher, documents(count, rng, f"off-{size}", detect=False))
            on = measure(client, publisher, documents(count, rng, f"doc-{size}", detect=True))
            label = f"{size:,}" + (" (full)" if size >= FULL else "")
            print(f"{label + ', index':>20}{index_mb:>10.1f} MB before publishing")
            print(f"{label + ', off':>20}{off[0]:>10.1f}{1:>7.2f}{off[1]:>11.1f}{1:>7.2f}")
            print(
                f"{label + ', on':>20}{on[0]:>10.1f}{on[0] / off[0]:>7.2f}{on[1]:>11.1f}{on[1] / off[1]:>7.2f}"
            )
        client.close()
    print("off: published without a fingerprint (no lookup, no indexing); ratios: on / off at that size")


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
