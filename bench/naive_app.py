"""The naive design newswire is measured against: one message per document, a chain of three no-op tasks.

Same broker, same delivery settings as the real app; the last task appends the document to a stream so
the benchmark can see it arrive, as the real pipeline's publish does.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import redis
from celery import chain

from bench import NAIVE_STREAM
from worker.app_factory import make_app
from worker.settings import load_settings

app = make_app(load_settings())
app.conf.task_routes = {"bench.naive.*": {"queue": "parse"}}


@cache
def _redis() -> redis.Redis:
    return redis.Redis.from_url(load_settings().effective_redis_url)


@app.task(name="bench.naive.parse")
def naive_parse(doc: dict[str, Any]) -> dict[str, Any]:
    return doc


@app.task(name="bench.naive.enrich")
def naive_enrich(doc: dict[str, Any]) -> dict[str, Any]:
    return doc


@app.task(name="bench.naive.classify")
def naive_classify(doc: dict[str, Any]) -> None:
    _redis().xadd(NAIVE_STREAM, {"doc_id": doc["doc_id"]})


def send_naive(doc: dict[str, Any]) -> None:
    chain(naive_parse.s(doc), naive_enrich.s(), naive_classify.s()).apply_async()
