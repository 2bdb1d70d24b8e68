"""One digest per document of what the stages make of it: to check that the compiled build says the same
as pure Python (CI runs it before and after `make native` and compares the two listings).

    python -m worker.native_outputs [--limit N] FILE...   # gold JSONL(.gz) files, or text articles

Each line is `<doc_id> <sha256 of the processed record's JSON, timings left out>`; a document a stage
fails on is listed with the error instead, so a failure in one build only also shows as a difference.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

from schemas import SourceDocument
from worker.evaluation.gold import load_gold
from worker.evaluation.runner import PipelineRunner
from worker.sources import Accepted, read_paths
from worker.stages import COMPILED, classify, enrich, parse

# A fixed arrival time: the record carries it, and both runs must hash the same record.
_RECEIVED_AT = datetime(2020, 1, 1, tzinfo=UTC)
_MAX_DOC_BYTES = 8 * 1024 * 1024


def documents(paths: list[Path], limit: int | None) -> Iterator[SourceDocument]:
    """The documents of each path: the first `limit` of each gold file (`*.dev.jsonl` as in eval/FORMAT.md),
    else whatever the producer would read there."""
    runner = PipelineRunner(_RECEIVED_AT)
    for path in paths:
        if ".dev.jsonl" in path.name:
            for index, gold in enumerate(load_gold(path)):
                if limit is not None and index >= limit:
                    break
                yield runner.source_document(gold)
        else:  # an article, a directory of them, or the producer's JSONL: read as the producer reads them
            for item in read_paths([str(path)], max_doc_bytes=_MAX_DOC_BYTES):
                if isinstance(item, Accepted):
                    yield item.doc.model_copy(update={"received_at": _RECEIVED_AT})


def digest(source: SourceDocument) -> str:
    try:
        record = classify(enrich(parse(source)))
    except Exception as error:  # noqa: BLE001 - a failure is an output too: listed, compared
        return f"failed {type(error).__name__}: {error}"
    return hashlib.sha256(record.model_dump_json(exclude={"timings_ms"}).encode()).hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m worker.native_outputs", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="at most this many documents per gold file")
    args = parser.parse_args(argv)
    count = 0
    for source in documents(args.files, args.limit):
        print(source.doc_id, digest(source))
        count += 1
    build = "compiled" if COMPILED else "pure Python"
    print(f"native_outputs: {count} documents, stages {build}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
