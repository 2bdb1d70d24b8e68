"""Load every stage's resources once, before a worker forks its pool, so no batch pays for it.

Gazetteers, lexicons, the topic model and the date scanner's patterns load lazily on first use (about two
seconds). Running one small document through the stages in the parent process, and compiling the date
patterns there, loads them once; the pool's children then share those pages copy-on-write instead of each
loading its own copy during its first batches.
"""

from __future__ import annotations

import time
from datetime import UTC, date, datetime

from schemas import SourceDocument
from worker.stages import classify, enrich, parse
from worker.stages.enrich.dates_scan import compile_patterns

SAMPLE = (
    'President Jane Doe of France met German Chancellor John Roe in Berlin on Monday. "We agreed," she said. '
    "The two governments will sign a $2 billion trade deal next week, officials said."
)


def warm_up_stages() -> float:
    """Run a sample document through every stage; returns the seconds it took."""
    started = time.perf_counter()
    doc = SourceDocument(
        doc_id="warm-up", text=SAMPLE, published=date(2020, 1, 6), received_at=datetime.now(UTC)
    )
    classify(enrich(parse(doc)))
    compile_patterns()  # the date scanner's patterns, compiled on first need otherwise
    return time.perf_counter() - started
