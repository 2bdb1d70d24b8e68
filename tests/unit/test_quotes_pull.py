"""Pull quotes: a quotation boxed as its own paragraph, signed with a name, and its copy in the body."""

from __future__ import annotations

from tests.unit.test_quotes import entity, quotes_of

BOXED = (
    "The former member says she was held aboard the ship for years.\n\n"
    "I was told that I had to cut off my family because they were a danger. Ann Lee\n\n"
    "I was told that I had to cut off my family because they were a danger. Her family denies it."
)


def test_find_pull_quotes_reads_a_signed_paragraph_and_its_copy_in_the_body() -> None:
    quotes = quotes_of(BOXED, [entity("E1", "PERSON", BOXED, "Ann Lee", 0)])
    direct = [q for q in quotes if q.kind == "direct"]
    boxed = "I was told that I had to cut off my family because they were a danger."
    assert [q.text for q in direct] == [boxed, boxed]
    assert all(q.speaker is not None and q.speaker.entity_id == "E1" for q in direct)
    assert direct[0].start < direct[1].start


def test_find_pull_quotes_ignores_a_name_that_ends_a_narrative_paragraph() -> None:
    """A paragraph whose last words are a name after a verb is narrative, not a signed quotation."""
    text = (
        "The award for the best new play of the season went to the young writer Ann Lee\n\nShe thanked all."
    )
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ann Lee", 0)])
    assert [q for q in quotes if q.kind == "direct"] == []


def test_find_pull_quotes_needs_a_person_not_an_organisation() -> None:
    text = "Prices of the shares fell sharply after the results were out. Acme Corp\n\nTrade resumed."
    quotes = quotes_of(text, [entity("E1", "ORG", text, "Acme Corp", 0)])
    assert quotes == []
