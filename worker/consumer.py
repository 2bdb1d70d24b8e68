"""Subscribe to newswire's streams with a consumer group.

A consumer reads its own unacknowledged entries first (so a restart loses nothing), then claims entries
other consumers left idle too long, then reads new ones. An entry delivered more than `max_deliveries` times
is moved to the dead stream instead of being handed out again. `iterate` rides out a Redis restart: it
waits with backoff, reconnects, recreates its group if Redis came back without it, and reads its own
unacknowledged entries again first (delivery is at-least-once: an entry handled but not acknowledged
before the outage comes again).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import redis
import structlog

from schemas import SCHEMA_VERSION, DeadLetter
from worker import keys
from worker.errors import TRANSIENT_ERRORS

log = structlog.get_logger("worker.consumer")
RECONNECT_FIRST_WAIT_SECONDS = 0.5
RECONNECT_MAX_WAIT_SECONDS = 10.0


@dataclass(frozen=True)
class Entry:
    stream: str
    id: str
    fields: dict[str, str]

    @property
    def record(self) -> Any:
        return json.loads(self.fields["data"]) if "data" in self.fields else None

    def as_json_line(self) -> str:
        meta = {k: v for k, v in self.fields.items() if k != "data"}
        return json.dumps(
            {"stream": self.stream, "id": self.id, **meta, "record": self.record}, ensure_ascii=False
        )


class StreamConsumer:
    def __init__(
        self,
        client: redis.Redis,
        stream: str,
        group: str,
        consumer: str,
        *,
        from_start: bool = False,
        claim_idle_ms: int = 60_000,
        max_deliveries: int = 5,
    ) -> None:
        self._client = client
        self.stream = stream
        self.group = group
        self.consumer = consumer
        self._claim_idle_ms = claim_idle_ms
        self._max_deliveries = max_deliveries
        self._own_pending_done = False
        self._pending_cursor = "0"
        self._claim_cursor = "0-0"
        self._ensure_group("0" if from_start else "$")

    def _ensure_group(self, start_id: str) -> None:
        try:
            self._client.xgroup_create(self.stream, self.group, id=start_id, mkstream=True)
        except redis.ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise

    def read(self, count: int = 100, block_ms: int = 1000) -> list[Entry]:
        """The next entries for this consumer: own pending first, then stale claims, then new ones."""
        if not self._own_pending_done:
            entries = self._read_group(self._pending_cursor, count, block_ms=None)
            if entries:
                self._pending_cursor = entries[-1].id
                return entries
            self._own_pending_done = True
        claimed = self._claim_stale(count)
        if claimed:
            return claimed
        return self._read_group(">", count, block_ms=block_ms)

    def ack(self, entry: Entry) -> None:
        """Acknowledge; if Redis is unreachable the entry stays pending and comes again after reconnecting."""
        try:
            self._client.xack(self.stream, self.group, entry.id)
        except TRANSIENT_ERRORS as exc:
            log.warning("entry_ack_deferred", stream=self.stream, id=entry.id, error=repr(exc))
            self._read_own_pending_again()

    def iterate(self, count: int = 100, block_ms: int = 1000) -> Iterator[Entry]:
        """Entries forever; the caller acknowledges each after handling it. Survives Redis restarts."""
        wait = RECONNECT_FIRST_WAIT_SECONDS
        while True:
            try:
                entries = self.read(count, block_ms)
            except TRANSIENT_ERRORS as exc:
                log.warning("consumer_reconnecting", stream=self.stream, error=repr(exc), retry_in=wait)
                time.sleep(wait)
                wait = min(wait * 2, RECONNECT_MAX_WAIT_SECONDS)
                self._read_own_pending_again()
                continue
            except redis.ResponseError as exc:
                if "NOGROUP" not in str(exc):
                    raise
                # Redis came back without the group (it keeps nothing on disk): start it again.
                log.warning("consumer_group_recreated", stream=self.stream, group=self.group)
                self._ensure_group("0")
                self._read_own_pending_again()
                continue
            wait = RECONNECT_FIRST_WAIT_SECONDS
            yield from entries

    def _read_own_pending_again(self) -> None:
        self._own_pending_done = False
        self._pending_cursor = "0"

    def _read_group(self, start: str, count: int, block_ms: int | None) -> list[Entry]:
        # redis-py types stream replies loosely; their shape is fixed by the Redis protocol.
        reply: Any = self._client.xreadgroup(
            self.group, self.consumer, {self.stream: start}, count=count, block=block_ms
        )
        entries = []
        for _stream, messages in reply or []:
            for entry_id, fields in messages:
                if fields:  # a pending entry trimmed away since delivery comes back empty
                    entries.append(self._entry(entry_id, fields))
                else:
                    self._client.xack(self.stream, self.group, entry_id)
        return entries

    def _claim_stale(self, count: int) -> list[Entry]:
        reply: Any = self._client.xautoclaim(
            self.stream,
            self.group,
            self.consumer,
            self._claim_idle_ms,
            start_id=self._claim_cursor,
            count=count,
        )
        self._claim_cursor = _text(reply[0])
        claimed = [self._entry(entry_id, fields) for entry_id, fields in reply[1] if fields]
        return [entry for entry in claimed if not self._dead_lettered_if_overdelivered(entry)]

    def _dead_lettered_if_overdelivered(self, entry: Entry) -> bool:
        info = self._client.xpending_range(self.stream, self.group, min=entry.id, max=entry.id, count=1)
        deliveries = int(info[0]["times_delivered"]) if info else 0
        if deliveries <= self._max_deliveries:
            return False
        now = datetime.now(UTC)
        letter = DeadLetter(
            doc_id=entry.fields.get("doc_id", "unknown"),
            stage="consumer",
            error_type="TooManyDeliveries",
            message=(
                f"entry {entry.id} of {self.stream} was delivered {deliveries} times to group {self.group!r} "
                "without being acknowledged; the consumers probably crash on it. Inspect `payload`, fix the "
                "consumer, then re-add the entry or skip it."
            ),
            attempts=deliveries,
            first_failure_at=now,
            last_failure_at=now,
            payload={"stream": self.stream, "id": entry.id, "fields": entry.fields},
        )
        pipe = self._client.pipeline(transaction=True)
        pipe.xadd(keys.DEAD_STREAM, {"doc_id": letter.doc_id, "schema_version": SCHEMA_VERSION,
                                     "type": "dead_letter", "stage": "consumer", "data": letter.model_dump_json()})  # fmt: skip
        pipe.xack(self.stream, self.group, entry.id)
        pipe.execute()
        log.warning("entry_dead_lettered", stream=self.stream, id=entry.id, deliveries=deliveries)
        return True

    def _entry(self, entry_id: bytes | str, fields: dict[Any, Any]) -> Entry:
        return Entry(self.stream, _text(entry_id), {_text(k): _text(v) for k, v in fields.items()})


def _text(value: bytes | str) -> str:
    return value.decode("utf-8") if isinstance(value, bytes) else value
