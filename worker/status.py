"""What `newswire status` reports: queue depths, stream lengths, consumer groups, dead letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import redis
from celery import Celery

from worker import keys


@dataclass(frozen=True)
class GroupStatus:
    stream: str
    name: str
    consumers: int
    pending: int
    lag: int | None  # None where the server cannot tell (Redis before 7)


@dataclass(frozen=True)
class Status:
    queues: dict[str, int | None]
    streams: dict[str, int]
    groups: list[GroupStatus]
    persistence: str = "unknown"

    @property
    def dead_letters(self) -> int:
        return self.streams.get(keys.DEAD_STREAM, 0)


def collect_status(client: redis.Redis, app: Celery) -> Status:
    queues = _queue_depths(app)
    if str(app.conf.broker_url).startswith("redis"):
        # On the Redis broker a queue is a list that exists only while it holds messages.
        queues = {
            name: depth if depth is not None else int(client.llen(name)) for name, depth in queues.items()
        }
    return Status(
        queues=queues,
        streams=_stream_lengths(client),
        groups=_groups(client),
        persistence=persistence(client),
    )


def persistence(client: redis.Redis) -> str:
    """How this Redis keeps data across a restart: "aof", "snapshots", "none", or "unknown" (CONFIG refused,
    as on some managed services). With "none", a restart loses queued batches, streams and markers."""
    try:
        config: Any = client.config_get("appendonly")
        config.update(client.config_get("save"))
    except redis.ResponseError:
        return "unknown"
    if _text(config.get("appendonly", "")) == "yes":
        return "aof"
    return "snapshots" if _text(config.get("save", "")).strip() else "none"


def _text(value: bytes | str) -> str:
    return value.decode() if isinstance(value, bytes) else value


def _queue_depths(app: Celery) -> dict[str, int | None]:
    depths: dict[str, int | None] = {}
    with app.connection_for_read() as connection:
        channel = connection.default_channel
        for queue in keys.STAGE_QUEUES:
            try:
                depths[queue] = int(channel.queue_declare(queue=queue, passive=True).message_count)
            except Exception:  # noqa: BLE001 -- a queue never declared yet is simply not there; report it as unknown
                depths[queue] = None
    return depths


def _stream_lengths(client: redis.Redis) -> dict[str, int]:
    return {stream: int(client.xlen(stream)) for stream in keys.STREAMS.values()}


def _groups(client: redis.Redis) -> list[GroupStatus]:
    groups = []
    for stream in keys.STREAMS.values():
        if not client.exists(stream):
            continue
        for info in client.xinfo_groups(stream):
            groups.append(_group(stream, info))
    return groups


def _group(stream: str, info: dict[str, Any]) -> GroupStatus:
    name = _text(info["name"])
    lag = info.get("lag")
    return GroupStatus(
        stream, name, int(info["consumers"]), int(info["pending"]), None if lag is None else int(lag)
    )


def render_status(status: Status) -> str:
    lines = ["queues (messages waiting; one message is one batch):"]
    lines += [f"  {q:<10} {'?' if n is None else n}" for q, n in status.queues.items()]
    lines.append("streams (entries):")
    lines += [f"  {s:<22} {n}" for s, n in status.streams.items()]
    lines.append("consumer groups:")
    if not status.groups:
        lines.append("  (none)")
    for g in status.groups:
        lag = "?" if g.lag is None else str(g.lag)
        lines.append(f"  {g.stream:<22} {g.name:<16} consumers={g.consumers} pending={g.pending} lag={lag}")
    lines.append(f"dead letters: {status.dead_letters}")
    note = (
        " (a Redis restart loses queued batches, streams and markers)" if status.persistence == "none" else ""
    )
    lines.append(f"redis persistence: {status.persistence}{note}")
    return "\n".join(lines)
