"""The entity extractor on names that read two ways: shared place names, parent and brand, group or person."""

from __future__ import annotations

from tests.unit.test_entities import entities_of
from tests.unit.test_entities_rules import find
from worker.stages.enrich.ner.lexicon import lexicon


def test_extract_entities_brand_is_not_its_parent_company() -> None:
    """A company's best-known brand keeps its own name and id rather than its parent's."""
    text = "Facebook said on Monday that Meta would also close offices, as did Alphabet Inc. and Google."
    found = entities_of(text)
    assert find(found, "Facebook").canonical == "Facebook"
    assert find(found, "Meta").canonical == "Meta Platforms"
    assert find(found, "Facebook").kb_id != find(found, "Meta").kb_id
    assert find(found, "Alphabet Inc.").kb_id != find(found, "Google").kb_id


def test_extract_entities_surname_is_not_a_company_alias() -> None:
    """A surname that a company's name is made from ("McDonald") names a person, not the company."""
    found = entities_of("The coach, Ryan McDonald, said the team had trained hard. McDonald smiled.")
    assert all(entity.kb_id != "org:mcdonalds" for entity in found)
    assert find(found, "Ryan McDonald").type == "PERSON"


def test_extract_entities_shared_place_name_follows_the_named_country() -> None:
    """A place name several countries share is read in the country the article names."""
    in_brazil = entities_of("Heavy rain flooded towns in Santa Catarina on Monday. Brazil sent troops.")
    in_mexico = entities_of(
        "Police in Santa Catarina, near Monterrey, arrested two men. Mexico praised them."
    )
    assert find(in_brazil, "Santa Catarina").country_code == "BRA"
    assert find(in_mexico, "Santa Catarina").country_code == "MEX"


def test_extract_entities_shared_place_names_are_listed_best_first() -> None:
    """Every place a shared name may mean is kept, the gazetteer's usual pick first."""
    names = lexicon()
    alternatives = names.place_alternatives["Santa Catarina"]
    assert alternatives[0] == names.names["Santa Catarina"]
    assert {place.country_code for place in alternatives} >= {"BRA", "MEX"}


def test_extract_entities_adverb_before_a_number_is_not_a_product() -> None:
    """A sentence opening with an adverb and a count ("Roughly 200") names no product."""
    found = entities_of("Roughly 200 people marched to the Town Hall in Leeds.")
    assert all("Roughly" not in entity.text for entity in found)


def test_extract_entities_plural_team_name_is_an_organisation() -> None:
    """In a match report, a name ending in a plural ("Maple Leafs", "Red Sox") is a team, not a person."""
    text = (
        "The Maple Leafs beat the Red Sox 4-2 in the playoff. Okafor scored a late goal from a penalty, "
        "and the Red Sox said the referee missed a kick. Their coach blamed the squad."
    )
    found = entities_of(text)
    assert find(found, "Maple Leafs").type == "ORG"
    assert find(found, "Red Sox").type == "ORG"


def test_extract_entities_plural_surname_after_first_name_stays_a_person() -> None:
    """A full name whose surname is also a plural noun ("Banks", "Woods") is still a person."""
    found = entities_of("Actress Elizabeth Banks said she would direct the film.")
    assert find(found, "Elizabeth Banks").type == "PERSON"


def test_extract_entities_instrument_head_makes_a_product() -> None:
    """A name ending in "Telescope" or "Spacecraft" is an instrument, not a person."""
    found = entities_of("Data from the Galileo Spacecraft and the Herschel Telescope were released.")
    assert find(found, "Galileo Spacecraft").type == "PRODUCT"
    assert find(found, "Herschel Telescope").type == "PRODUCT"


def test_extract_entities_team_before_a_score_is_not_a_product() -> None:
    """A team's name followed by a result ("the Maple Leafs 3-1") is the team, not a model number."""
    found = entities_of("Fans cheered after the Maple Leafs 3-1 win, while Airbus A330-200 jets flew over.")
    assert all(entity.type != "PRODUCT" or entity.text.startswith("Airbus") for entity in found)
    assert find(found, "Airbus A330-200").type == "PRODUCT"


def test_extract_entities_word_inside_a_title_is_not_a_person() -> None:
    """A plain word between title words ("Chief Marketing Officer") is part of the title, not a name."""
    found = entities_of("The firm hired Chief Marketing Officer Ngozi Adeyemi last year.")
    assert all(entity.text != "Marketing" for entity in found)
    assert find(found, "Ngozi Adeyemi").type == "PERSON"


def test_extract_entities_hyphenated_title_is_cut_off_the_name() -> None:
    """A hyphenated title ("Co-Chairman", "Ex-President") stays out of the person's name, who is named once."""
    found = entities_of("Co-Chairman Tadeusz Wrona resigned on Friday. Later, Wrona thanked the staff.")
    person = find(found, "Tadeusz Wrona")
    assert person.type == "PERSON"
    assert person.mention_count == 2


def test_extract_entities_town_and_nickname_are_one_team_in_a_match_report() -> None:
    """In a match report, a town before a plural nickname ("the Boston Bruins") is one team, not a place."""
    text = (
        "The Boston Bruins beat the Ottawa Senators in the playoff. Marchetti scored the winning goal "
        "after a penalty, and the referee stopped a late kick. Boston was sunny all week."
    )
    found = entities_of(text)
    assert find(found, "Boston Bruins").type == "ORG"
    assert find(found, "Ottawa Senators").type == "ORG"
    assert find(found, "Boston").type == "LOC"
