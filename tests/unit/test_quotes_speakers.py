"""The index of speaker mentions: speaking types only, in text order, found by overlap and looking back."""

from __future__ import annotations

from schemas import Entity, Span
from worker.stages.enrich.quotes_speakers import PERSON_ROLES, MentionIndex

TEXT = "Minister Ann Lee met Acme Corp at the Louvre. Later Bob Ray of Acme Corp spoke."


def _entity(entity_id: str, kind: str, name: str) -> Entity:
    spans = []
    at = TEXT.find(name)
    while at >= 0:
        spans.append(Span(start=at, end=at + len(name), text=name))
        at = TEXT.find(name, at + 1)
    return Entity(id=entity_id, text=name, type=kind, canonical=name, mentions=spans,
                  mention_count=len(spans), salience=0.5)  # fmt: skip


def _index() -> MentionIndex:
    # Listed out of text order, and with a facility, which does not speak.
    entities = [_entity("E2", "ORG", "Acme Corp"), _entity("E1", "PERSON", "Ann Lee"),
                _entity("E3", "FACILITY", "Louvre"), _entity("E4", "PERSON", "Bob Ray")]  # fmt: skip
    return MentionIndex(entities, TEXT)


def test_the_index_holds_speaking_mentions_in_text_order() -> None:
    mentions, starts = _index().sorted()
    assert [(TEXT[start:end], entity_id, kind) for start, end, entity_id, kind in mentions] == [
        ("Ann Lee", "E1", "PERSON"),
        ("Acme Corp", "E2", "ORG"),
        ("Bob Ray", "E4", "PERSON"),
        ("Acme Corp", "E2", "ORG"),
    ]
    assert starts == [mention[0] for mention in mentions]


def test_inside_finds_the_mentions_that_overlap_a_range() -> None:
    index = _index()
    assert [mention[2] for mention in index.inside(TEXT.find("Lee"), TEXT.find("Corp"))] == ["E1", "E2"]
    assert index.inside(TEXT.find("at the"), TEXT.find("Later")) == []


def test_last_before_prefers_the_mention_introduced_with_the_title() -> None:
    index = _index()
    end = len(TEXT)
    assert "minister" in PERSON_ROLES
    last_person = index.last_before(end, frozenset({"PERSON"}))
    titled = index.last_before(end, frozenset({"PERSON"}), "minister")
    assert last_person is not None
    assert last_person[2] == "E4"
    assert titled is not None
    assert titled[2] == "E1"
    assert index.last_before(TEXT.find("Ann"), frozenset({"PERSON"})) is None
