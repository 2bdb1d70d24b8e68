"""The real worker app with the enrich stage wrapped to fail or slow down on cue, for delivery tests.

Started as `celery -A tests.integration.faulty_app worker`: a real worker process, real queues, real
Redis; only the enrich stage misbehaves, for documents whose text asks it to.
"""

from __future__ import annotations

import time

from schemas import EnrichedDocument, ParsedDocument
from tests.integration.fault_marks import POISON_MARK, SLOW_MARK, SLOW_SECONDS, STUCK_MARK, STUCK_SECONDS
from worker import stages
from worker.app import app

_real_enrich = stages.enrich


def _faulty_enrich(doc: ParsedDocument) -> EnrichedDocument:
    if POISON_MARK in doc.text:
        raise ValueError("this document was poisoned on purpose by the delivery test")
    if SLOW_MARK in doc.text:
        time.sleep(SLOW_SECONDS)
    if STUCK_MARK in doc.text:
        time.sleep(STUCK_SECONDS)  # far past any soft time limit a test sets
    return _real_enrich(doc)


stages.enrich = _faulty_enrich  # the runner looks stages up at call time

__all__ = ["app"]
