"""`newswire status` says whether Redis keeps its data across a restart."""

from __future__ import annotations

import pytest
import redis

from worker.embedded import EmbeddedRedis
from worker.status import persistence

pytestmark = pytest.mark.integration


@pytest.mark.parametrize(("appendfsync", "expected"), [("everysec", "aof"), (None, "none")])
def test_status_reports_redis_persistence(appendfsync: str | None, expected: str) -> None:
    server = EmbeddedRedis(appendfsync)
    server.start()
    try:
        assert persistence(redis.Redis.from_url(server.url)) == expected
        redis.Redis.from_url(server.url).config_set("save", "3600 1")
        assert persistence(redis.Redis.from_url(server.url)) == ("aof" if appendfsync else "snapshots")
    finally:
        server.close()
