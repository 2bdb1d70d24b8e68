"""The entity extractor's rules, each on a hand-written sentence or two."""

from __future__ import annotations

from schemas import Entity
from tests.unit.test_entities import entities_of
from worker.stages.enrich.ner.lexicon import org_sector


def find(entities: list[Entity], mention: str) -> Entity:
    """The entity one of whose mentions reads `mention` (with or without its article "the "/"The ")."""
    for entity in entities:
        if any(mention in (m.text, m.text[4:]) for m in entity.mentions):
            return entity
    raise AssertionError(f"no entity mentioned as {mention!r} in {[e.canonical for e in entities]}")


def test_extract_entities_unknown_person_after_role_noun() -> None:
    """A name no list knows is a person after a role noun, and the noun stays out of the span."""
    found = entities_of("The ministry said on Tuesday, and spokeswoman Ndeye Tenorio confirmed it.")
    person = find(found, "Ndeye Tenorio")
    assert person.type == "PERSON"
    assert [m.text for m in person.mentions] == ["Ndeye Tenorio"]


def test_extract_entities_surname_refers_back_to_full_name() -> None:
    """A later surname alone is a mention of the person named in full before."""
    found = entities_of("Mayor Okonkwo Balewa opened the bridge. Later, Balewa thanked the builders.")
    person = find(found, "Okonkwo Balewa")
    assert {m.text for m in person.mentions} == {"Okonkwo Balewa", "Balewa"}
    assert person.mention_count == 2


def test_extract_entities_acronym_defined_in_brackets_joins_its_organisation() -> None:
    """An acronym given in brackets after an organisation's name is a mention of that organisation."""
    text = "The Coastal Fisheries Authority (CFA) closed the bay. The CFA will reopen it in May."
    organisation = find(entities_of(text), "Coastal Fisheries Authority")
    assert organisation.type == "ORG"
    assert {m.text.removeprefix("The ").removeprefix("the ") for m in organisation.mentions} == {
        "Coastal Fisheries Authority",
        "CFA",
    }


def test_extract_entities_organisation_suffix_makes_an_organisation() -> None:
    """A name ending in a company suffix or an institution's head word is an organisation."""
    found = entities_of("Shares of Zentrova Holdings rose after the Ministry of Fisheries approved the deal.")
    assert find(found, "Zentrova Holdings").type == "ORG"
    assert find(found, "Ministry of Fisheries").type == "ORG"


def test_extract_entities_capital_for_government_joins_country() -> None:
    """A capital used for its government is a mention of the country; one used as a place stays a city."""
    found = entities_of("China warned Japan. Beijing said talks would go on. Officials met in Tokyo.")
    china = find(found, "China")
    assert {m.text for m in china.mentions} == {"China", "Beijing"}
    tokyo = find(found, "Tokyo")
    assert tokyo is not find(found, "Japan")
    assert (tokyo.type, tokyo.country_code) == ("LOC", "JPN")
    assert tokyo.geonames_id is not None


def test_extract_entities_the_north_needs_north_korea_named_first() -> None:
    """ "The North" is North Korea only in an article that names North Korea."""
    with_context = entities_of("North Korea fired a missile. The North said it was a test.")
    assert "The North" in {m.text for m in find(with_context, "North Korea").mentions}
    without = entities_of("Snow fell across the country. The North saw the worst of it.")
    assert all(entity.country_code != "PRK" for entity in without)


def test_extract_entities_demonym_is_a_nationality_with_a_code() -> None:
    """A nationality adjective is a NORP entity carrying its country's code."""
    found = entities_of("Brazilian officials met Kenyan diplomats.")
    assert (find(found, "Brazilian").type, find(found, "Brazilian").country_code) == ("NORP", "BRA")
    assert find(found, "Kenyan").country_code == "KEN"


def test_extract_entities_known_organisation_has_kb_id() -> None:
    """Organisations of the shipped gazetteer carry their stable kb_id; the UN's sector is IGO."""
    found = entities_of("The World Health Organization and NATO issued statements.")
    assert find(found, "World Health Organization").kb_id == "org:who"
    assert find(found, "NATO").kb_id == "org:nato"
    assert org_sector("org:united_nations") == "IGO"


def test_extract_entities_countries_in_match_reports_are_teams() -> None:
    """In a match report a country's name is its national team, typed ORG but still coded."""
    text = (
        "Ghana beat Portugal 2-1 in the World Cup. The striker scored a late goal, the goalkeeper "
        "saved a penalty and the referee added four minutes."
    )
    team = find(entities_of(text), "Ghana")
    assert (team.type, team.country_code) == ("ORG", "GHA")


def test_extract_entities_maker_with_model_number_is_a_product() -> None:
    """A maker's name followed by a model number names a product, not the company."""
    found = entities_of("The airline ordered ten Boeing 787 jets from Boeing.")
    assert find(found, "Boeing 787").type == "PRODUCT"
    assert find(found, "Boeing").type == "ORG"


def test_extract_entities_salience_favours_frequent_early_entities() -> None:
    """The entity named first and most often is the most salient one, and salience stays within 0..1."""
    found = entities_of("Canada signed. Canada agreed. Later, Peru and Chile joined, as Canada hoped.")
    canada = find(found, "Canada")
    assert canada.salience == max(entity.salience for entity in found)
    assert all(0.0 <= entity.salience <= 1.0 for entity in found)


def test_extract_entities_possessive_is_not_part_of_the_name() -> None:
    """The possessive 's is cut off a name, and a sentence-opening common word is not a name."""
    found = entities_of("Yesterday, Germany's chancellor spoke.")
    assert [m.text for m in find(found, "Germany").mentions] == ["Germany"]
    assert all(m.text != "Yesterday" for entity in found for m in entity.mentions)


def test_extract_entities_town_after_title_or_before_said_is_a_surname() -> None:
    """A town's name after a title or right before a verb of saying is a person, and its later mentions join it."""
    found = entities_of("President Bush met the emir. Later Bush said the talks went well.")
    bush = find(found, "Bush")
    assert (bush.type, bush.country_code, bush.mention_count) == ("PERSON", None, 2)
    alone = find(entities_of("Bush said on Monday that the talks went well."), "Bush")
    assert (alone.type, alone.country_code) == ("PERSON", None)


def test_extract_entities_town_named_as_a_place_stays_a_place() -> None:
    """A town before a verb of saying stays a place when a preposition or a comma puts it there."""
    found = entities_of("Edith Laird, from Seattle, told the BBC she was glad.")
    assert (find(found, "Seattle").type, find(found, "Seattle").country_code) == ("LOC", "USA")


def test_extract_entities_east_timor_is_coded_tls() -> None:
    """East Timor and the East Timorese carry the ISO code of Timor-Leste."""
    found = entities_of("East Timor held elections, and the East Timorese voted peacefully.")
    assert find(found, "East Timor").country_code == "TLS"
    assert find(found, "East Timorese").country_code == "TLS"


def test_extract_entities_congolese_follows_the_congo_the_article_names() -> None:
    """ "Congolese" is the DR Congo's unless the article names only the Republic of the Congo."""
    assert find(entities_of("Congolese troops fought rebels."), "Congolese").country_code == "COD"
    text = "The Republic of the Congo voted. Congolese voters queued in Brazzaville."
    assert find(entities_of(text), "Congolese").country_code == "COG"


def test_extract_entities_camel_case_word_is_an_organisation() -> None:
    """One unknown word with a capital after a lower-case letter inside it names a company or brand."""
    found = entities_of("Users left the site for VidCast last year. PixelHub gained most of them.")
    assert find(found, "VidCast").type == "ORG"
    assert find(found, "PixelHub").type == "ORG"


def test_extract_entities_camel_case_product_is_no_organisation() -> None:
    """A camel-case word after "the", opening lower-case or with all-capital parts is a product or term."""
    found = entities_of("Sales of the PadBook rose, the iTab sold well and VoIP calls grew.")
    assert all(entity.type != "ORG" for entity in found)


def test_extract_entities_camel_case_surname_is_no_organisation() -> None:
    """A surname written with an inner capital after a prefix ("McX", "DeX") is not read as a brand."""
    found = entities_of("The award went to the team. Later McTavish thanked the crowd.")
    assert all(entity.type != "ORG" for entity in found)


def test_extract_entities_company_suffix_keeps_opening_common_word() -> None:
    """A common word opening a sentence before a company suffix is the company's name, not a plain word."""
    found = entities_of("Harvest Corp. said on Monday that profits rose.")
    company = find(found, "Harvest Corp.")
    assert company.type == "ORG"
    assert [m.text for m in company.mentions] == ["Harvest Corp."]


def test_extract_entities_shortened_last_word_is_the_same_organisation() -> None:
    """An organisation named again with its last word written shorter or longer is one entity, named as
    first written."""
    text = "Shares of Vantor Holding Corp. fell. Analysts expect Vantor Holding Corporation to recover."
    found = entities_of(text)
    company = find(found, "Vantor Holding Corp.")
    assert company.canonical == "Vantor Holding Corp."
    assert {m.text for m in company.mentions} == {"Vantor Holding Corp.", "Vantor Holding Corporation"}


def test_extract_entities_team_nickname_before_player_is_cut_off() -> None:
    """The singular of a team's nickname before a player's full name ("Tiger Don Kelly") is not part of it."""
    found = entities_of(
        "The Detroit Tigers lost. Later, Tiger Don Kelly scored a home run in the sixth inning."
    )
    player = find(found, "Don Kelly")
    assert player.type == "PERSON"
    assert [m.text for m in player.mentions] == ["Don Kelly"]


def test_extract_entities_article_of_a_modified_noun_stays_out_of_the_name() -> None:
    """ "the" before a name used as a modifier belongs to the noun after it, not to the name."""
    found = entities_of("Visitors crowded the Coastal Fisheries Authority website on Monday.")
    organisation = find(found, "Coastal Fisheries Authority")
    assert [m.text for m in organisation.mentions] == ["Coastal Fisheries Authority"]


def test_extract_entities_article_of_a_name_heading_its_phrase_stays() -> None:
    """A name followed by a verb, a function word or punctuation keeps its article."""
    text = (
        "The Coastal Fisheries Authority said it would act. Critics blamed the Coastal Fisheries Authority."
    )
    organisation = find(entities_of(text), "Coastal Fisheries Authority")
    assert [m.text for m in organisation.mentions] == [
        "The Coastal Fisheries Authority",
        "the Coastal Fisheries Authority",
    ]
