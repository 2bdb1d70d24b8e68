"""What the enrich stage adds: entities, dates, quotes, amounts, keywords, tone and a fingerprint."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.base import Record, Span

EntityType = Literal["PERSON", "ORG", "LOC", "NORP", "FACILITY", "EVENT", "PRODUCT"]


class Entity(Record):
    """One thing the article names, with every mention of it resolved together.

    `id` is local to the document ("E1", "E2", ...) and is what quotes and events refer to.
    `country_code` is ISO 3166 alpha-3 for countries, their capitals used for governments,
    nationalities, and places inside a known country. `geonames_id` is set for places in GeoNames.
    `kb_id` is a stable id for organisations and people known to the shipped gazetteers.
    """

    id: str
    text: str
    type: EntityType
    canonical: str
    country_code: str | None = None
    geonames_id: int | None = None
    kb_id: str | None = None
    mentions: list[Span]
    mention_count: int = Field(ge=1)
    salience: float = Field(ge=0.0, le=1.0)


TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Granularity = Literal[
    "time", "day", "week", "month", "quarter", "season", "year", "decade", "century", "none"
]
Resolution = Literal["explicit", "publication_date", "previous_date", "unanchored"]


class TimeExpression(Span):
    """A time expression with its TimeML/ISO 8601 value (`2019-12-16`, `2019-W51`, `2019`, `P2Y`, `PAST_REF`).

    `resolution` says what the value was computed from; `direction` whether a relative expression
    was read as pointing to the past or the future of its anchor.
    """

    type: TimexType
    value: str
    granularity: Granularity
    resolution: Resolution
    direction: Literal["past", "future", "same"] | None = None


class SpeakerRef(Span):
    """Who is quoted: the mention in the text, and the entity it resolves to when there is one."""

    entity_id: str | None = None


class Quote(Span):
    """Reported speech. For direct quotes the span includes the quotation marks."""

    kind: Literal["direct", "indirect"]
    speaker: SpeakerRef | None = None
    cue: Span | None = None


AmountKind = Literal["count", "money", "percent", "quantity"]


class Amount(Span):
    """A number in the text with what it measures: `unit` is an ISO 4217 code for money."""

    kind: AmountKind
    value: float
    unit: str | None = None
    counts: str | None = None


class Keyword(Record):
    text: str
    score: float = Field(ge=0.0)


class Tone(Record):
    """GDELT-style tone: percentages of words over the document's word count."""

    tone: float
    positive: float = Field(ge=0.0)
    negative: float = Field(ge=0.0)
    polarity: float = Field(ge=0.0)
    activity_density: float = Field(ge=0.0)
    self_group_density: float = Field(ge=0.0)
    word_count: int = Field(ge=0)
