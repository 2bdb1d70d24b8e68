"""The entity extractor, checked on hand-made news text."""

from __future__ import annotations

import re

from schemas import Entity, Offsets
from worker.stages.enrich.entities import extract_entities

SEED_EXCERPT = (
    "China says its joint proposal with Russia to the United Nations Security Council (UNSC) aimed at "
    "diffusing tensions between North Korea and the United States is “the best plan,” repeating its call "
    "on the world body to remove some sanctions on the North in order to break the deadlock between "
    "Pyongyang and Washington.\n\n"
    "“This is the best plan,” Chinese Vice Foreign Minister Luo Zhaohui said in a press conference on "
    "Thursday.\n\n"
    "The US, which leads the UNSC for the month of December, holds veto power in the 15-member Council.\n\n"
    "North Korean leader Kim Jong-un and US President Donald Trump have held three official meetings.\n\n"
    "The North has been under multiple rounds of harsh sanctions by the UN and the US.\n\n"
    "The North has been involved in diplomacy with South Korea and the US since 2018.\n\n"
    "Earlier this month, North Korea’s Ambassador to the UN Kim Song said denuclearization was now off "
    "the negotiating table with Washington in the face of America’s continued obstinacy."
)
_SENTENCE = re.compile(r"[^\n]+?(?:[.!?][”\"]?(?=\s)|$)", re.M)


def sentences_of(text: str) -> list[Offsets]:
    """Sentence offsets made by hand-rolled splitting, as the parse stage would give them."""
    return [Offsets(start=m.start(), end=m.end()) for m in _SENTENCE.finditer(text)]


def entities_of(text: str) -> list[Entity]:
    return extract_entities(text, sentences_of(text))


def by_canonical(entities: list[Entity]) -> dict[str, Entity]:
    return {entity.canonical: entity for entity in entities}


def mention_texts(entity: Entity) -> set[str]:
    return {mention.text for mention in entity.mentions}


def test_extract_entities_seed_countries_have_iso_codes() -> None:
    """China, Russia and South Korea of the seed are LOC entities with their ISO 3166 alpha-3 codes."""
    found = by_canonical(entities_of(SEED_EXCERPT))
    assert (found["China"].type, found["China"].country_code) == ("LOC", "CHN")
    assert (found["Russia"].type, found["Russia"].country_code) == ("LOC", "RUS")
    assert (found["South Korea"].type, found["South Korea"].country_code) == ("LOC", "KOR")


def test_extract_entities_seed_north_korea_variants_resolve_together() -> None:
    """North Korea, Pyongyang and "the North" are one entity coded PRK."""
    north_korea = by_canonical(entities_of(SEED_EXCERPT))["North Korea"]
    assert north_korea.country_code == "PRK"
    assert {"North Korea", "Pyongyang", "the North"} <= mention_texts(north_korea)


def test_extract_entities_seed_united_states_variants_resolve_together() -> None:
    """The United States, the US, Washington and America are one entity coded USA."""
    united_states = by_canonical(entities_of(SEED_EXCERPT))["United States"]
    assert united_states.country_code == "USA"
    assert {"the United States", "the US", "Washington", "America"} <= mention_texts(united_states)


def test_extract_entities_seed_security_council_acronym_and_short_form() -> None:
    """The UN Security Council is one ORG with its acronym UNSC and "the Council", apart from the UN."""
    found = by_canonical(entities_of(SEED_EXCERPT))
    council = found["United Nations Security Council"]
    assert council.type == "ORG"
    assert council.kb_id == "org:united_nations_security_council"
    assert {"UNSC", "Council"} <= {mention.text.removeprefix("the ") for mention in council.mentions}
    assert found["United Nations"].type == "ORG"
    assert found["United Nations"].kb_id == "org:united_nations"


def test_extract_entities_seed_people_without_titles() -> None:
    """Luo Zhaohui, Kim Jong-un, Donald Trump and Kim Song are people, their spans free of titles."""
    found = by_canonical(entities_of(SEED_EXCERPT))
    for name in ("Luo Zhaohui", "Kim Jong-un", "Donald Trump", "Kim Song"):
        assert found[name].type == "PERSON"
        assert mention_texts(found[name]) == {name}


def test_extract_entities_seed_nationality_carries_country_code() -> None:
    """ "Chinese" is a nationality coded CHN and "North Korean" one coded PRK."""
    found = by_canonical(entities_of(SEED_EXCERPT))
    assert (found["Chinese"].type, found["Chinese"].country_code) == ("NORP", "CHN")
    assert found["North Korean"].country_code == "PRK"


def test_extract_entities_sentence_opening_word_is_not_a_name() -> None:
    """A capitalised common word that opens a sentence ("Earlier") is not an entity."""
    texts = {mention.text for entity in entities_of(SEED_EXCERPT) for mention in entity.mentions}
    assert "Earlier" not in texts
    assert not any(text.startswith(("Earlier", "The North has")) for text in texts)


def test_extract_entities_offsets_match_text() -> None:
    """Every mention's offsets cut exactly its text out of the document."""
    for entity in entities_of(SEED_EXCERPT):
        for mention in entity.mentions:
            assert SEED_EXCERPT[mention.start : mention.end] == mention.text
        assert entity.mention_count == len(entity.mentions)
        Entity.model_validate(entity.model_dump())


def test_extract_entities_builds_records_that_validation_would_accept_unchanged() -> None:
    """Entities are built without pydantic's validation: each must hold every field of the model (a field
    added to the schema and forgotten here fails), pass validation, and serialise exactly as the
    validated copy does."""
    entities = entities_of(SEED_EXCERPT)
    assert entities
    for entity in entities:
        assert list(vars(entity)) == list(Entity.model_fields)
        assert entity.model_fields_set == set(Entity.model_fields)
        validated = Entity.model_validate(entity.model_dump())
        assert validated.model_dump_json() == entity.model_dump_json()
        for mention in entity.mentions:
            assert list(vars(mention)) == list(type(mention).model_fields)
