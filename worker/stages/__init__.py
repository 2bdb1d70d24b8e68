"""The pure processing stages, in pipeline order. Nothing here imports Celery or Redis."""

from worker.stages.classify import classify
from worker.stages.enrich import enrich
from worker.stages.parse import parse

__all__ = ["classify", "enrich", "parse"]
