"""Near-duplicates end to end on real Wikinews articles: the stages' fingerprint, the publish script's lookup
in a real Redis, and `duplicate_of` on the published record."""

from __future__ import annotations

import json
import random
from datetime import UTC, datetime
from typing import Any

import pytest
import redis

from schemas import SourceDocument
from tests.unit import test_fingerprint_gold as fingerprint_gold
from tests.unit.test_fingerprint_gold import add_byline, change_words, same_story_pairs
from worker import keys
from worker.publish import Publisher
from worker.settings import Settings
from worker.stages import classify, enrich, parse
from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE, hamming

pytestmark = [pytest.mark.integration, pytest.mark.gold]


articles = fingerprint_gold.articles  # the module-scoped fixture that loads the wikinews articles


def _publish(publisher: Publisher, doc_id: str, text: str) -> tuple[str | None, str]:
    """Run the stages on `text`, publish the record; (duplicate_of, fingerprint)."""
    record = classify(enrich(parse(SourceDocument(doc_id=doc_id, text=text, received_at=datetime.now(UTC)))))
    [outcome] = publisher.publish_many([record])
    assert outcome.published
    return outcome.duplicate_of, record.fingerprint


def _published_duplicate_of(client: redis.Redis, doc_id: str) -> object:
    for _, fields in client.xrange(keys.DOCUMENTS_STREAM):
        if fields["doc_id"] == doc_id:
            return json.loads(fields["data"])["duplicate_of"]
    raise AssertionError(f"{doc_id} not on the stream")


def test_copies_of_real_articles_point_at_the_first_one(
    client: redis.Redis, settings: Settings, articles: list[dict[str, Any]]
) -> None:
    """Originals are not duplicates of one another; a reformatted copy always points at its original, an
    edited copy exactly when its fingerprint is within the distance (most of them)."""
    rng = random.Random(11)
    sample = rng.sample([a for a in articles if len(a["text"]) > 600], 40)
    publisher = Publisher(client, settings)
    originals = {}
    for article in sample:
        duplicate_of, originals[article["id"]] = _publish(publisher, article["id"], article["text"])
        assert duplicate_of is None, article["id"]
    caught = 0
    for article in sample:
        text, original = article["text"], article["id"]
        reflowed, _ = _publish(publisher, f"{original}-reflowed", " ".join(text.split()).upper())
        assert reflowed == original
        edited, fingerprint = _publish(
            publisher, f"{original}-edited", add_byline(change_words(text, 1, rng))
        )
        near = hamming(fingerprint, originals[original]) <= NEAR_DUPLICATE_DISTANCE
        assert edited == (original if near else None)
        caught += near
    assert caught >= 0.6 * len(sample)
    assert _published_duplicate_of(client, f"{sample[0]['id']}-reflowed") == sample[0]["id"]


def test_different_articles_on_the_same_story_are_not_duplicates(
    client: redis.Redis, settings: Settings, articles: list[dict[str, Any]]
) -> None:
    """Pairs of different articles on one story (no article in two pairs): neither is marked."""
    publisher = Publisher(client, settings)
    pairs, seen = [], set()
    for first, second in same_story_pairs(articles):
        if first not in seen and second not in seen:
            pairs.append((first, second))
            seen |= {first, second}
    assert len(pairs) >= 100
    for number, (first, second) in enumerate(random.Random(13).sample(pairs, 60)):
        assert _publish(publisher, f"story-{number}-a", first)[0] is None
        assert _publish(publisher, f"story-{number}-b", second)[0] is None
