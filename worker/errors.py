"""One error hierarchy: what retries (transient) and what is dead-lettered at once (permanent)."""

from __future__ import annotations

import redis.exceptions


class NewswireError(Exception):
    """Base of newswire's own errors."""


class WorkerLostError(NewswireError):
    """A document whose worker died (killed, out of memory, hard time limit) on every delivery."""


class StageTimeLimitError(NewswireError):
    """A document that did not get through its stage within the soft time limit, alone in its batch."""


# Errors after which the same work may succeed on a later try: the batch is retried with backoff.
TRANSIENT_ERRORS: tuple[type[BaseException], ...] = (
    redis.exceptions.ConnectionError,
    redis.exceptions.TimeoutError,
    redis.exceptions.BusyLoadingError,
    ConnectionError,
    TimeoutError,
)
