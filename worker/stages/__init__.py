"""The pure processing stages, in pipeline order. Nothing here imports Celery or Redis.

This file stays pure Python in the compiled build (worker/native.py): it refuses compiled modules built
from other sources than those here, before importing any of them.
"""

import sys

from worker.native import ensure_current, is_compiled

ensure_current()

from worker.stages.classify import classify  # noqa: E402 - only once the compiled modules are known current
from worker.stages.enrich import enrich  # noqa: E402
from worker.stages.parse import parse  # noqa: E402

# Whether the stages run compiled (reported by `newswire eval` and the benchmarks beside their timings).
COMPILED = is_compiled(getattr(sys.modules["worker.stages.parse"], "__file__", None))

__all__ = ["COMPILED", "classify", "enrich", "parse"]
