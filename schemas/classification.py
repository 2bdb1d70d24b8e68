"""What the classify stage adds: IPTC topics and PLOVER/CAMEO events."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from schemas.base import SCHEMA_VERSION, Record, Span

PloverType = Literal[
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "INVESTIGATE", "DEMAND",
    "DISAPPROVE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT",
]  # fmt: skip


class Topic(Record):
    """An IPTC Media Topic top-level code (`medtop:11000000`) with its label and model score."""

    code: str = Field(pattern=r"^medtop:\d{8}$")
    label: str
    score: float = Field(ge=0.0, le=1.0)


class Actor(Record):
    """One side of an event. `code` is ISO 3166 alpha-3 or a group code (IGO, NGO, ...)."""

    text: str
    start: int | None = None
    end: int | None = None
    entity_id: str | None = None
    code: str | None = None
    sector: str | None = None


class EventRecord(Record):
    """Who did what to whom, coded in PLOVER with its CAMEO code, QuadClass and Goldstein score.

    Reciprocal events (both sides agree, meet, fight) list both actors as `source` and leave `target` empty.
    """

    schema_version: str = SCHEMA_VERSION
    event_id: str
    doc_id: str
    type: PloverType
    cameo: str
    quad_class: int = Field(ge=1, le=4)
    goldstein: float = Field(ge=-10.0, le=10.0)
    source: list[Actor]
    target: list[Actor]
    action: Span
    reciprocal: bool
    date: str | None
    sentence: Span
    confidence: float = Field(ge=0.0, le=1.0)
