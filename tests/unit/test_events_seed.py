"""The seed article through the real parse and enrich stages: the events a reader finds in it."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path

from schemas import Actor, EventRecord, SourceDocument
from worker.stages import enrich, parse
from worker.stages.classify.events import extract_events

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_0bfc11e8e2cf71e3.txt"


@cache
def seed_events() -> tuple[str, tuple[EventRecord, ...]]:
    source = SourceDocument(
        doc_id="seed-000", text=SEED.read_text(encoding="utf-8"), received_at=datetime.now(UTC)
    )
    doc = enrich(parse(source))
    return doc.text, tuple(extract_events(doc))


def events_in(sentence_start: str) -> list[EventRecord]:
    """The events whose evidence sentence starts with `sentence_start`, checking their offsets."""
    text, events = seed_events()
    found = [event for event in events if event.sentence.text.startswith(sentence_start)]
    for event in found:
        assert text[event.sentence.start : event.sentence.end] == event.sentence.text
        assert event.sentence.start <= event.action.start < event.action.end <= event.sentence.end
    assert found, f"no event in the sentence starting {sentence_start!r}"
    return found


def event_of(sentence_start: str, *types: str) -> EventRecord:
    """The event of one of `types` in the sentence starting `sentence_start` (a sentence may hold two)."""
    matching = [event for event in events_in(sentence_start) if event.type in types]
    assert len(matching) == 1, events_in(sentence_start)
    return matching[0]


def codes(actors: list[Actor]) -> set[str | None]:
    return {actor.code for actor in actors}


def test_seed_china_and_russia_propose_easing_sanctions() -> None:
    """China, with Russia, proposes lifting sanctions: AGREE (or SUPPORT) with both as source."""
    event = event_of("China, along with Russia, proposed", "AGREE", "SUPPORT")
    assert codes(event.source) == {"CHN", "RUS"}
    assert event.date == "2019-12-16"  # "on Monday" before the 2019-12-19 publication


def test_seed_united_states_rejects_the_plan() -> None:
    """ "Washington has already rejected that plan": REJECT by the US government."""
    event = event_of("Washington has already rejected", "REJECT")
    assert codes(event.source) == {"USA"}
    assert event.source[0].sector == "GOV"


def test_seed_un_and_us_sanctions_target_north_korea() -> None:
    """ "The North has been under ... sanctions by the UN and the US": SANCTION with target PRK."""
    event = event_of("The North has been under multiple rounds of harsh sanctions", "SANCTION")
    assert codes(event.target) == {"PRK"}
    assert codes(event.source) == {"IGO", "USA"}


def test_seed_north_korea_sets_a_deadline_for_the_us() -> None:
    """North Korea's year-end deadline to the US: a DEMAND or THREATEN from PRK to USA."""
    event = event_of("North Korea has set the end of 2019 as the deadline", "DEMAND", "THREATEN")
    assert (codes(event.source), codes(event.target)) == ({"PRK"}, {"USA"})


def test_seed_kim_and_trump_meetings_are_reciprocal_consultations() -> None:
    """Kim Jong-un and Donald Trump held meetings: CONSULT, both as source, reciprocal."""
    event = event_of("North Korean leader Kim Jong-un and US President Donald Trump", "CONSULT")
    assert (event.reciprocal, event.target) == (True, [])
    assert codes(event.source) == {"PRK", "USA"}
    assert {actor.sector for actor in event.source} == {"GOV"}
