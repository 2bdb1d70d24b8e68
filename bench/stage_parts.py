"""Where the stages spend their time: median and mean milliseconds per document of each part, one core.

    python -m bench.stage_parts [--documents 3000] [--gold ../shared/eval/wikinews.dev.jsonl.gz]

Runs parse, then each part of enrich and classify on its own (entities, dates, quotes, amounts, keywords, tone,
fingerprint, topics, events), timing each call with CPU time after a warm-up. The parts run one after another
on the same document, so a later part finds the document in the CPU caches: compare versions of one part side
by side in one sitting (old and new, alternated), not against figures from another run or another day.
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.throughput import benchmark_parser, load_documents, require_gold
from worker.stages import COMPILED, classify, enrich, parse
from worker.stages.classify.events import extract_events
from worker.stages.classify.topics import classify_topics
from worker.stages.enrich.amounts import extract_amounts
from worker.stages.enrich.dates import extract_dates
from worker.stages.enrich.entities import extract_entities
from worker.stages.enrich.fingerprint import simhash
from worker.stages.enrich.keywords import extract_keywords
from worker.stages.enrich.quotes import extract_quotes
from worker.stages.enrich.tone import score_tone
from worker.stages.tokens import words_of_lowered
from worker.warmup import warm_up_stages


class PartTimer:
    def __init__(self) -> None:
        self.seconds: dict[str, list[float]] = {}

    def __call__(self, name: str, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        result = function(*args, **kwargs)
        self.seconds.setdefault(name, []).append(time.process_time() - started)
        return result


def time_parts(docs: list[Any]) -> PartTimer:
    timer = PartTimer()
    for doc in docs:
        parsed = timer("parse", parse, doc)
        text, lowered = parsed.text, parsed.text.lower()
        words = timer("words", words_of_lowered, lowered)
        entities = timer("entities", extract_entities, text, parsed.sentences)
        timer("dates", extract_dates, text, parsed.sentences, parsed.published, lowered=lowered)
        timer("quotes", extract_quotes, text, parsed.sentences, entities)
        timer("amounts", extract_amounts, text, parsed.sentences, lowered=lowered)
        timer("keywords", extract_keywords, text, words, entities, lowered=lowered)
        timer("tone", score_tone, words)
        timer("fingerprint", simhash, words)
        enriched = timer("enrich (whole)", enrich, parsed)
        timer("topics", classify_topics, enriched)
        timer("events", extract_events, enriched)
        timer("classify (whole)", classify, enriched)
    return timer


def main(argv: list[str] | None = None) -> int:
    parser = benchmark_parser("bench.stage_parts", __doc__, documents=3000)
    args = parser.parse_args(argv)
    require_gold(parser, args.gold)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    docs = load_documents(args.gold, args.documents, "parts")
    warm_up_stages()
    gc.freeze()  # the loaded documents, as a worker freezes its resources
    timer = time_parts(docs)
    build = "compiled" if COMPILED else "pure Python"
    print(f"stage parts: {len(docs)} documents, CPU time, one core, {build} stages")
    print(f"{'part':<18}{'median ms':>11}{'mean ms':>10}")
    for name, seconds in timer.seconds.items():
        print(f"{name:<18}{1000 * statistics.median(seconds):>11.3f}{1000 * statistics.mean(seconds):>10.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
