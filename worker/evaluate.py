"""`newswire eval`: score the stages against gold files and measure their own speed.

Reads gold files in the format of ../shared/eval/FORMAT.md (plain or gzipped JSONL), runs parse, enrich
and classify on each document directly (no broker, one core), and prints per file, per layer and per type:
entities (exact and overlap span+type P/R/F1), timexes (span F1 and value accuracy), quotes (span F1 and
speaker accuracy), topics (micro and macro F1) and events (type, source and target code accuracy). The
matching rules are written in the docstrings of the worker.evaluation modules and in the README.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from worker import stages
from worker.evaluation.corpus import FileScores, evaluate_documents
from worker.evaluation.gold import GoldFileError, load_gold
from worker.evaluation.report import render
from worker.evaluation.runner import PipelineRunner

POOLED = "all_files"
_DESCRIPTION = """\
Score the parse, enrich and classify stages against gold files (JSONL in the format of
the gold data's FORMAT.md, optionally gzipped), and print the stages' own speed: median
ms per document and documents per second on one core, no broker, after a warm-up.

Per file, per layer and per type: entities (P/R/F1, exact and overlapping span+type),
timexes (span F1 and normalised value accuracy), quotes (span F1, speaker accuracy),
topics (micro and macro F1), events (type, source code and target code accuracy).
A layer is scored only on documents whose gold record has it."""
_EPILOG = """\
The matching rules are in the docstrings of worker/evaluation/*.py and in the README.
example: newswire eval ../shared/eval/gum.dev.jsonl ../shared/eval/meantime.dev.jsonl --json"""


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; 0 when it ran (stage failures are reported, not fatal), 2 on unreadable input."""
    args = _parser().parse_args(argv)
    runner = PipelineRunner(received_at=datetime.now(UTC))
    try:
        with _one_core() as pinned:
            results = _evaluate(args.files, runner, args.limit, args.holdout)
    except GoldFileError as error:
        print(f"newswire eval: {error}", file=sys.stderr)
        return 2
    results["speed"] = {**runner.speed.result(), "pinned_to_one_core": pinned, "compiled": stages.COMPILED}
    sys.stdout.write(json.dumps(results, indent=2) + "\n" if args.json else render(results))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newswire eval",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=_DESCRIPTION,
        epilog=_EPILOG,
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE", help="gold file (.jsonl or .jsonl.gz)")
    parser.add_argument(
        "--json",
        action="store_true",
        help="print one JSON object keyed by each file's base name, plus 'speed' (and 'all_files', the "
        "files pooled, when there are several) instead of the table",
    )
    parser.add_argument(
        "--limit", type=_positive_int, metavar="N", help="read at most N documents of each file"
    )
    parser.add_argument(
        "--holdout",
        action="store_true",
        help="score topics only on the held-out split (worker.training.split.is_holdout), the part of the "
        "data the topic model never trained on; other layers are scored on every document",
    )
    return parser


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def _evaluate(files: list[Path], runner: PipelineRunner, limit: int | None, holdout: bool) -> dict[str, Any]:
    pooled = FileScores(holdout=holdout)
    results: dict[str, Any] = {}
    runner.warm_up()
    for path in files:
        documents = load_gold(path, limit)
        # The gold documents are the eval's own data, not the stages': freezing them keeps the garbage
        # collector from walking them again during every timed call, as a worker freezes its resources.
        gc.freeze()
        scores = FileScores(holdout=holdout)
        evaluate_documents(path.name, documents, runner, [scores, pooled], sys.stderr)
        results[_result_key(path, results)] = scores.result()
    if len(files) > 1:
        results[POOLED] = pooled.result()
    return results


def _result_key(path: Path, taken: dict[str, Any]) -> str:
    """The file's base name (`gum.dev.jsonl`), or its full path when two files share a base name."""
    return path.name if path.name not in taken else str(path)


@contextmanager
def _one_core() -> Iterator[bool]:
    """Pin this process to one CPU while timing, so the speed is per core even if a library spawns threads.

    Yields whether it could (not outside Linux: the figures are then per process)."""
    if not hasattr(os, "sched_setaffinity"):
        yield False
        return
    allowed = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {min(allowed)})
    try:
        yield True
    finally:
        os.sched_setaffinity(0, allowed)


if __name__ == "__main__":
    raise SystemExit(main())
