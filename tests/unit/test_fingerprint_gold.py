"""Near-duplicate detection measured on real Wikinews articles and edited copies of them."""

from __future__ import annotations

import gzip
import json
import random
import re
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from worker.stages.enrich.fingerprint import NEAR_DUPLICATE_DISTANCE, hamming, simhash
from worker.stages.tokens import lower_words

WIKINEWS = Path(__file__).resolve().parents[3] / "shared" / "eval" / "wikinews.dev.jsonl.gz"
_TITLE_STOPWORDS_TEXT = (
    "a an the of in on at to for by with from and or is are was were be has have had as its it his her "
    "their new says said after over into about up out than more will not no"
)
TITLE_STOPWORDS = frozenset(_TITLE_STOPWORDS_TEXT.split())
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")

pytestmark = pytest.mark.gold


@pytest.fixture(scope="module")
def articles() -> list[dict[str, Any]]:
    if not WIKINEWS.exists():
        pytest.fail(f"gold file {WIKINEWS} is absent though the gold directory exists", pytrace=False)
    with gzip.open(WIKINEWS, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


def fingerprint(text: str) -> str:
    return simhash(lower_words(text))


def shingle_jaccard(a: str, b: str) -> float:
    def shingles(text: str) -> set[tuple[str, ...]]:
        words = lower_words(text)
        return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}

    first, second = shingles(a), shingles(b)
    return len(first & second) / max(1, len(first | second))


def title_words(title: str | None) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]+", (title or "").lower())
    return {word for word in words if word not in TITLE_STOPWORDS and len(word) > 2}


def same_story_pairs(articles: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Different articles on one story: titles share 3+ content words, published within 3 days,
    texts mostly different (3-gram Jaccard below 0.5: above it they are templated or rewrites)."""
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for article in articles:
        if article["published"]:
            by_day[article["published"]].append(article)
    pairs = []
    for day, first_day in by_day.items():
        start = date.fromisoformat(day)
        window = [a for k in range(4) for a in by_day.get((start + timedelta(days=k)).isoformat(), [])]
        for a in first_day:
            for b in window:
                if (
                    a["id"] < b["id"]
                    and len(title_words(a["title"]) & title_words(b["title"])) >= 3
                    and shingle_jaccard(a["text"], b["text"]) < 0.5
                ):
                    pairs.append((a["text"], b["text"]))
    return pairs


def change_words(text: str, count: int, rng: random.Random) -> str:
    words = text.split(" ")
    for _ in range(count):
        words[rng.randrange(len(words))] = rng.choice(["also", "however", "several", "the", "reported"])
    return " ".join(words)


def drop_sentence(text: str, rng: random.Random) -> str:
    sentences = SENTENCE_END.split(text)
    del sentences[rng.randrange(1, len(sentences))]
    return " ".join(sentences)


def add_byline(text: str) -> str:
    return f"By Jane Doe, Staff Reporter (Wire Service)\n\n{text}\n\nCopyright Wire Service. All rights reserved."


def share_within_distance(pairs: list[tuple[str, str]]) -> float:
    near = [hamming(fingerprint(a), fingerprint(b)) <= NEAR_DUPLICATE_DISTANCE for a, b in pairs]
    return sum(near) / len(near)


@pytest.fixture(scope="module")
def sample(articles: list[dict[str, Any]]) -> list[str]:
    rng = random.Random(20191219)
    long_enough = [
        a["text"] for a in articles if len(a["text"]) > 600 and len(SENTENCE_END.split(a["text"])) > 4
    ]
    return rng.sample(long_enough, 300)


def test_simhash_reformatted_articles_are_at_distance_zero(sample: list[str]) -> None:
    """The same words with other spacing, line breaks and case give the same fingerprint."""
    for text in sample:
        reflowed = " ".join(text.split()).upper().replace(". ", ".\n\n")
        assert fingerprint(reflowed) == fingerprint(text)


def test_simhash_edited_copies_mostly_fall_within_the_distance(sample: list[str]) -> None:
    """Copies with small edits are caught at the rates measured when the distance was chosen."""
    rng = random.Random(7)
    assert share_within_distance([(t, change_words(t, 1, rng)) for t in sample]) >= 0.95
    assert share_within_distance([(t, change_words(t, 3, rng)) for t in sample]) >= 0.7
    assert share_within_distance([(t, drop_sentence(t, rng)) for t in sample]) >= 0.55
    assert share_within_distance([(t, add_byline(t)) for t in sample]) >= 0.75


def test_simhash_same_story_articles_are_not_duplicates(articles: list[dict[str, Any]]) -> None:
    """No pair of different articles on the same story falls within the near-duplicate distance."""
    pairs = same_story_pairs(articles)
    assert len(pairs) > 300
    assert share_within_distance(pairs) == 0.0
