"""Event extraction on hand-built enriched documents: types, codes, roles, dates and ids."""

from __future__ import annotations

import re
from datetime import date

from schemas import (
    Actor,
    EnrichedDocument,
    Entity,
    EntityType,
    EventRecord,
    Offsets,
    Span,
    TimeExpression,
)
from tests.builders import enriched_document
from worker.stages.classify.events import event_id, extract_events

_SENTENCE = re.compile(r"[^.!?]+[.!?]")

# (surface text, type, country code, kb id): every occurrence of the text becomes a mention.
EntitySpec = tuple[str, EntityType, str | None, str | None]


def enriched(
    text: str,
    entities: list[EntitySpec],
    published: date | None = None,
    dates: list[TimeExpression] | None = None,
) -> EnrichedDocument:
    """An EnrichedDocument with sentences split at . ! ? and the given entities found by exact match."""
    sentences = []
    for match in _SENTENCE.finditer(text):
        start = match.start() + (len(match.group()) - len(match.group().lstrip()))
        sentences.append(Offsets(start=start, end=match.end()))
    return enriched_document(
        text,
        published=published,
        sentences=sentences,
        entities=[_entity(f"E{number}", spec, text) for number, spec in enumerate(entities, start=1)],
        dates=dates or [],
    )


def _entity(entity_id: str, spec: EntitySpec, text: str) -> Entity:
    surface, entity_type, code, kb_id = spec
    mentions = [
        Span(start=m.start(), end=m.end(), text=surface)
        for m in re.finditer(r"\b" + re.escape(surface), text)
    ]
    assert mentions, f"{surface!r} is not in the text"
    return Entity(
        id=entity_id,
        text=surface,
        type=entity_type,
        canonical=surface,
        country_code=code,
        kb_id=kb_id,
        mentions=mentions,
        mention_count=len(mentions),
        salience=0.5,
    )


def only_event(doc: EnrichedDocument) -> EventRecord:
    events = extract_events(doc)
    assert len(events) == 1, events
    return events[0]


def codes(actors: list[Actor]) -> set[str | None]:
    return {actor.code for actor in actors}


def test_extract_events_joint_agreement_is_reciprocal() -> None:
    """Two subjects agreeing together are both the source, with no target."""
    doc = enriched(
        "Jordan and Britain have agreed to hold joint military exercises.",
        [("Jordan", "LOC", "JOR", None), ("Britain", "LOC", "GBR", None)],
    )
    event = only_event(doc)
    assert (event.type, event.reciprocal, event.target) == ("AGREE", True, [])
    assert codes(event.source) == {"JOR", "GBR"}


def test_extract_events_threat_frame_codes_its_content() -> None:
    """ "threatened to break off relations" is THREATEN coded as a threat to reduce relations (1313)."""
    doc = enriched(
        "Pakistan threatened to break off diplomatic relations with Congo.",
        [("Pakistan", "LOC", "PAK", None), ("Congo", "LOC", "COG", None)],
    )
    event = only_event(doc)
    assert (event.type, event.cameo, event.quad_class, event.goldstein) == ("THREATEN", "1313", 3, -5.8)
    assert (codes(event.source), codes(event.target)) == ({"PAK"}, {"COG"})
    assert event.action.text == doc.text[event.action.start : event.action.end]


def test_extract_events_refused_meeting_is_reject_of_a_meeting() -> None:
    """A refusal to meet is REJECT with CAMEO 125 (reject proposal to meet)."""
    doc = enriched(
        "The Sudanese government refused to meet rebel leaders from Darfur.",
        [("Sudanese", "NORP", "SDN", None), ("Darfur", "LOC", "SDN", None)],
    )
    event = only_event(doc)
    assert (event.type, event.cameo) == ("REJECT", "125")
    assert [(actor.text, actor.code, actor.sector) for actor in event.source] == [
        ("Sudanese government", "SDN", "GOV")
    ]


def test_extract_events_passive_agent_is_the_source() -> None:
    """In "X was attacked by Y" the attacker Y is the source and X the target."""
    doc = enriched(
        "A camp of Congolese refugees was attacked by Burundian militiamen.",
        [("Congolese", "NORP", "COD", None), ("Burundian", "NORP", "BDI", None)],
    )
    event = only_event(doc)
    assert event.type == "ASSAULT"
    assert [(a.code, a.sector) for a in event.source] == [("BDI", "REB")]
    assert [(a.code, a.sector) for a in event.target] == [("COD", "REF")]


def test_extract_events_attribution_is_not_a_party() -> None:
    """The official in ", a Palestinian official said" reports the event and is no target."""
    doc = enriched(
        "Israeli troops arrested ten Palestinians in Hebron, a Palestinian official said.",
        [
            ("Israeli", "NORP", "ISR", None),
            ("Palestinian", "NORP", "PSE", None),
            ("Hebron", "LOC", "PSE", None),
        ],
    )
    event = only_event(doc)
    assert (event.type, event.cameo) == ("COERCE", "173")
    assert [(a.text, a.code, a.sector) for a in event.source] == [("Israeli troops", "ISR", "MIL")]
    assert all(actor.end is not None and actor.end < doc.text.index(", a") for actor in event.target)


def test_extract_events_organisations_get_group_codes() -> None:
    """The UN is coded IGO from the shipped organisation table, with or without an entity for it."""
    doc = enriched("The United Nations condemned the attack on Kenya.", [("Kenya", "LOC", "KEN", None)])
    event = only_event(doc)
    assert (event.type, codes(event.source), codes(event.target)) == ("DISAPPROVE", {"IGO"}, {"KEN"})


def test_extract_events_title_and_demonym_make_one_actor() -> None:
    """ "Chinese Vice Foreign Minister Wang Yi" is one actor, CHN GOV."""
    doc = enriched(
        "Chinese Vice Foreign Minister Wang Yi criticised Japan on Monday.",
        [("Chinese", "NORP", "CHN", None), ("Wang Yi", "PERSON", None, None), ("Japan", "LOC", "JPN", None)],
    )
    event = only_event(doc)
    assert [(a.text, a.code, a.sector) for a in event.source] == [
        ("Chinese Vice Foreign Minister Wang Yi", "CHN", "GOV")
    ]
    assert event.source[0].entity_id == "E1"


def test_extract_events_negated_attack_is_no_event() -> None:
    """A violent act that did not happen is not coded."""
    doc = enriched(
        "Israel did not attack Lebanon.", [("Israel", "LOC", "ISR", None), ("Lebanon", "LOC", "LBN", None)]
    )
    assert extract_events(doc) == []


def test_extract_events_sentence_without_trigger_gives_nothing() -> None:
    """A sentence that reports no act gives no event even with two countries in it."""
    doc = enriched(
        "France and Spain share a long border.",
        [("France", "LOC", "FRA", None), ("Spain", "LOC", "ESP", None)],
    )
    assert extract_events(doc) == []


def test_extract_events_date_prefers_the_sentence_time_expression() -> None:
    """The sentence's own date wins over the publication date; without one, the publication date is used."""
    text = "Russia criticised Ukraine on 3 May 2021. Ukraine criticised Russia."
    doc = enriched(
        text,
        [("Russia", "LOC", "RUS", None), ("Ukraine", "LOC", "UKR", None)],
        published=date(2021, 5, 4),
        dates=[
            TimeExpression(
                start=text.index("3 May"),
                end=text.index("3 May") + 10,
                text="3 May 2021",
                type="DATE",
                value="2021-05-03",
                granularity="day",
                resolution="explicit",
            )
        ],
    )
    first, second = extract_events(doc)
    assert (first.date, second.date) == ("2021-05-03", "2021-05-04")
    assert (first.sentence.start, second.sentence.text) == (0, "Ukraine criticised Russia.")


def test_extract_events_date_is_none_without_any_date() -> None:
    """No date in the sentence and no publication date: the event date is unknown."""
    doc = enriched(
        "Russia criticised Ukraine.", [("Russia", "LOC", "RUS", None), ("Ukraine", "LOC", "UKR", None)]
    )
    assert only_event(doc).date is None


def test_extract_events_records_pass_validation() -> None:
    """Produced records round-trip through validation unchanged."""
    doc = enriched(
        "Iran threatened to launch a military offensive against Iraq.",
        [("Iran", "LOC", "IRN", None), ("Iraq", "LOC", "IRQ", None)],
    )
    event = only_event(doc)
    assert EventRecord.model_validate(event.model_dump()) == event
    assert 0.0 < event.confidence <= 1.0


def test_event_id_is_stable_and_depends_on_the_codes() -> None:
    """The same document gives the same ids; another target code gives another id."""
    doc = enriched(
        "Russia criticised Ukraine.", [("Russia", "LOC", "RUS", None), ("Ukraine", "LOC", "UKR", None)]
    )
    event = only_event(doc)
    assert only_event(doc).event_id == event.event_id
    assert event.event_id == event_id(doc.doc_id, doc.sentences[0], event.type, ["RUS"], ["UKR"])
    other = event_id(doc.doc_id, doc.sentences[0], event.type, ["RUS"], [])
    assert other != event.event_id


def test_extract_events_sports_score_is_no_violence() -> None:
    """ "beat Germany 18-4" is a game result, not an assault."""
    doc = enriched(
        "Russia easily beat Germany 18-4 in the final.",
        [("Russia", "LOC", "RUS", None), ("Germany", "LOC", "DEU", None)],
    )
    assert extract_events(doc) == []


def test_extract_events_deaths_in_an_accident_are_no_assault() -> None:
    """ "killed in the crash" names no one who killed: no event."""
    doc = enriched(
        "Three Russian nationals were killed in the crash near Kinshasa.",
        [("Russian", "NORP", "RUS", None), ("Kinshasa", "LOC", "COD", None)],
    )
    assert extract_events(doc) == []


def test_extract_events_coordinate_clause_gives_a_second_event() -> None:
    """ "X did A, but refused B" reports two acts of X."""
    doc = enriched(
        "Benin opened its borders to Nigerians, but refused entry to Ghanaians.",
        [
            ("Benin", "LOC", "BEN", None),
            ("Nigerians", "NORP", "NGA", None),
            ("Ghanaians", "NORP", "GHA", None),
        ],
    )
    first, second = extract_events(doc)
    assert (first.type, codes(first.source), codes(first.target)) == ("RETREAT", {"BEN"}, {"NGA"})
    assert (second.type, codes(second.source), codes(second.target)) == ("REJECT", {"BEN"}, {"GHA"})
    assert first.event_id != second.event_id


def test_extract_events_state_aircraft_bombing_is_an_air_strike() -> None:
    """Bombing by a state's warplanes is conventional force from the air: FIGHT, CAMEO 195."""
    doc = enriched(
        "Israeli warplanes bombed Hezbollah positions in southern Lebanon.",
        [("Israeli", "NORP", "ISR", None), ("Lebanon", "LOC", "LBN", None)],
    )
    event = only_event(doc)
    assert (event.type, event.cameo, event.quad_class) == ("FIGHT", "195", 4)
    assert [(a.code, a.sector) for a in event.target] == [("LBN", "REB")]
