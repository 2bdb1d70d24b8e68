"""The dead-letter record: a document the pipeline gave up on, with everything needed to replay it."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from schemas.base import SCHEMA_VERSION, Record

Stage = Literal["producer", "parse", "enrich", "classify", "publish", "consumer"]


class DeadLetter(Record):
    schema_version: str = SCHEMA_VERSION
    type: Literal["dead_letter"] = "dead_letter"
    doc_id: str
    stage: Stage
    error_type: str
    message: str
    attempts: int
    first_failure_at: datetime
    last_failure_at: datetime
    payload: dict[str, Any]
