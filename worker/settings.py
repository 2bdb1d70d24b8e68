"""Every setting of newswire, read once from `NEWSWIRE_*` environment variables and passed down.

Stages never read settings; the glue (tasks, producer, consumer, CLI) gets a `Settings` from `load_settings()`.
"""

from __future__ import annotations

from functools import cache
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NEWSWIRE_", frozen=True, extra="ignore")

    redis_url: str | None = Field(
        default=None,
        description="Redis for streams and (by default) the broker. Unset: `newswire run` starts an embedded one.",
    )
    broker_url: str | None = Field(
        default=None, description="Celery broker URL (e.g. amqp://guest@localhost//). Unset: use redis_url."
    )
    pipeline: Literal["chained", "staged", "fused"] = Field(
        default="chained",
        description=(
            "chained: one queue per stage, and a worker runs each next stage whose queue it also consumes in"
            " the same task (no broker hop); staged: every stage hands its batch on through its queue;"
            " fused: the producer sends one task that runs all three stages."
        ),
    )
    batch_size: int = Field(default=50, ge=1, le=10_000, description="Documents per Celery message.")
    max_doc_bytes: int = Field(default=1_048_576, ge=1, description="Largest accepted text, in UTF-8 bytes.")
    concurrency: int | None = Field(default=None, ge=1, description="Worker processes. Unset: CPU count.")
    visibility_timeout: int = Field(
        default=300,
        ge=1,
        description="Seconds before an unacknowledged message is redelivered (Redis broker).",
    )
    soft_time_limit: int = Field(
        default=120,
        ge=1,
        description=(
            "Seconds a batch may run; then its documents go on one by one, and one past it alone is dead-lettered."
        ),
    )
    time_limit: int = Field(default=180, ge=1, description="Seconds after which a batch's worker is killed.")
    max_retries: int = Field(
        default=5, ge=0, description="Retries of a batch after a transient (Redis) error."
    )
    retry_backoff_max: int = Field(default=60, ge=1, description="Upper bound of the retry delay, seconds.")
    stream_maxlen: int = Field(default=1_000_000, ge=1, description="Approximate length cap of each stream.")
    done_ttl: int = Field(
        default=7 * 86_400, ge=1, description="Seconds a processed marker blocks a re-publish."
    )
    dedupe_ttl: int = Field(
        default=3 * 86_400,
        ge=1,
        description="Seconds a fingerprint stays findable for near-duplicate detection.",
    )
    claim_idle_ms: int = Field(default=60_000, ge=1, description="Consumer: claim entries idle this long.")
    max_deliveries: int = Field(default=5, ge=1, description="Consumer: deliveries before an entry is dead.")
    log_level: str = Field(default="INFO", description="DEBUG, INFO, WARNING or ERROR.")
    log_format: Literal["auto", "json", "console"] = Field(
        default="auto", description="auto: console on a terminal, JSON lines elsewhere."
    )

    @property
    def effective_broker_url(self) -> str:
        url = self.broker_url or self.redis_url
        if url is None:
            raise RuntimeError(
                "No broker: set NEWSWIRE_REDIS_URL (or NEWSWIRE_BROKER_URL), or use `newswire run` "
                "which starts an embedded Redis."
            )
        return url

    @property
    def effective_redis_url(self) -> str:
        if self.redis_url is None:
            raise RuntimeError("NEWSWIRE_REDIS_URL is not set (use `newswire run` for an embedded Redis).")
        return self.redis_url


@cache
def load_settings() -> Settings:
    """The process's settings, read from the environment once."""
    return Settings()
