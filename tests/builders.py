"""Records built by hand for tests, so stage tests never depend on the stages before them."""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from datetime import UTC, date, datetime

from schemas import EnrichedDocument, Entity, Offsets, TimeExpression, Tone

NEUTRAL_TONE = Tone(
    tone=0.0,
    positive=0.0,
    negative=0.0,
    polarity=0.0,
    activity_density=0.0,
    self_group_density=0.0,
    word_count=0,
)


def enriched_document(
    text: str,
    *,
    title: str | None = None,
    published: date | None = None,
    sentences: Sequence[Offsets] | None = None,
    entities: Sequence[Entity] = (),
    dates: Sequence[TimeExpression] = (),
) -> EnrichedDocument:
    """An EnrichedDocument holding only what a test gives; one sentence spanning the text by default."""
    return EnrichedDocument(
        doc_id="doc-1",
        text=text,
        title=title,
        published=published,
        received_at=datetime(2024, 1, 1, tzinfo=UTC),
        language="en",
        language_confidence=1.0,
        paragraphs=[Offsets(start=0, end=len(text))],
        sentences=list(sentences) if sentences is not None else [Offsets(start=0, end=len(text))],
        word_count=len(text.split()),
        entities=list(entities),
        dates=list(dates),
        quotes=[],
        amounts=[],
        keywords=[],
        tone=NEUTRAL_TONE,
        fingerprint="0" * 16,
    )


def random_texts(seed: int, pieces: Sequence[str], count: int = 20_000, most: int = 14) -> Iterator[str]:
    """`count` texts of up to `most` pieces drawn at random: for checking a fast scan against the plain one."""
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(pieces) for _ in range(rng.randint(0, most)))
