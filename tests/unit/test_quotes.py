"""Direct and indirect quotes with cues and speakers, on hand-written text and hand-built entities."""

from __future__ import annotations

import re

from schemas import Entity, Offsets, Quote, Span
from worker.stages.enrich.quotes import extract_quotes

SEED_EXCERPT = (
    "China, along with Russia, proposed a joint draft resolution at the UNSC on Monday.\n\n"
    "“This is the best plan in the current situation to resolve the stalemate in the denuclearization "
    "of North Korea and for its peace and stability,” Chinese Vice Foreign Minister Luo Zhaohui said in a "
    "press conference on Thursday, adding that a political solution was still achievable.\n\n"
    "North Korean leader Kim Jong-un and US President Donald Trump have held three official meetings.\n\n"
    "“We hope that the concerned parties will practice restraint,” the Chinese vice foreign minister "
    "further said on Thursday."
)


def entity(entity_id: str, kind: str, text: str, name: str, *occurrences: int) -> Entity:
    """An entity with a mention at each given occurrence (0 = first) of `name` in `text`."""
    starts = [match.start() for match in re.finditer(re.escape(name), text)]
    mentions = [Span(start=starts[n], end=starts[n] + len(name), text=name) for n in occurrences]
    return Entity(id=entity_id, text=name, type=kind, canonical=name, mentions=mentions,
                  mention_count=len(mentions), salience=0.5)  # fmt: skip


def sentences_of(text: str) -> list[Offsets]:
    return [
        Offsets(start=m.start(), end=m.end()) for m in re.finditer(r"[^\n]+?(?:[.!?][”\"]?(?=\s|$)|$)", text)
    ]


def quotes_of(text: str, entities: list[Entity]) -> list[Quote]:
    return extract_quotes(text, sentences_of(text), entities)


def seed_entities() -> list[Entity]:
    text = SEED_EXCERPT
    return [
        entity("E1", "LOC", text, "China", 0),
        entity("E2", "PERSON", text, "Luo Zhaohui", 0),
        entity("E3", "PERSON", text, "Kim Jong-un", 0),
        entity("E4", "PERSON", text, "Donald Trump", 0),
        entity("E5", "NORP", text, "Chinese", 0, 1),
    ]


def test_extract_quotes_attributes_the_seed_quote_to_luo_zhaohui() -> None:
    """The seed's "best plan" quote is direct, cued by "said", spoken by Luo Zhaohui (E2)."""
    quotes = quotes_of(SEED_EXCERPT, seed_entities())
    best_plan = next(q for q in quotes if "best plan" in q.text)
    assert best_plan.kind == "direct"
    assert best_plan.text.startswith("“This is")
    assert best_plan.text.endswith("stability,”")
    assert best_plan.cue is not None
    assert best_plan.cue.text == "said"
    assert best_plan.speaker is not None
    assert (best_plan.speaker.text, best_plan.speaker.entity_id) == ("Luo Zhaohui", "E2")


def test_extract_quotes_resolves_a_title_to_the_person_who_holds_it() -> None:
    """'the Chinese vice foreign minister' is Luo Zhaohui, not Donald Trump who was named later."""
    quotes = quotes_of(SEED_EXCERPT, seed_entities())
    restraint = next(q for q in quotes if "restraint" in q.text)
    assert restraint.speaker is not None
    assert restraint.speaker.entity_id == "E2"


def test_extract_quotes_finds_a_participle_continuing_the_speaker() -> None:
    """', adding that ...' is indirect speech of the same speaker."""
    quotes = quotes_of(SEED_EXCERPT, seed_entities())
    adding = next(q for q in quotes if q.cue is not None and q.cue.text == "adding")
    assert adding.kind == "indirect"
    assert adding.text == "a political solution was still achievable"
    assert adding.speaker is not None
    assert adding.speaker.entity_id == "E2"


def test_extract_quotes_resolves_he_said_to_the_last_person() -> None:
    """'he said' after a straight-quoted passage is the last person named before it."""
    text = 'Coach Ana Ruiz praised the team. Striker Tom Bell scored twice. "It was a great night," he said.'
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ana Ruiz", 0),
                              entity("E2", "PERSON", text, "Tom Bell", 0)])  # fmt: skip
    assert len(quotes) == 1
    assert quotes[0].text == '"It was a great night,"'
    assert quotes[0].speaker is not None
    assert (quotes[0].speaker.text, quotes[0].speaker.entity_id) == ("he", "E2")


def test_extract_quotes_reads_a_speaker_before_the_quote() -> None:
    """'X told the BBC: "..."' attributes the quote to X with the cue 'told'."""
    text = 'On Monday, Home Secretary Jane Hill told the BBC: "We will not back down on this policy."'
    quotes = quotes_of(
        text, [entity("E1", "PERSON", text, "Jane Hill", 0), entity("E2", "ORG", text, "BBC", 0)]
    )
    assert [q.kind for q in quotes] == ["direct"]
    assert quotes[0].cue is not None
    assert quotes[0].cue.text == "told"
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.entity_id == "E1"


def test_extract_quotes_spans_paragraphs_without_a_closing_mark() -> None:
    """A quote whose paragraph ends unclosed, followed by a paragraph opening with a mark, runs on."""
    text = (
        '"The first part of the statement goes on for a while," said Mayor Ann Lee. "It continues here with a second part\n\n'
        '"and ends in the next paragraph with its closing mark."'
    )
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ann Lee", 0)])
    assert [q.text for q in quotes] == [
        '"The first part of the statement goes on for a while,"',
        '"It continues here with a second part',
        '"and ends in the next paragraph with its closing mark."',
    ]
    assert [q.speaker.entity_id if q.speaker else None for q in quotes] == ["E1", "E1", "E1"]


def test_extract_quotes_skips_scare_quotes_and_titles() -> None:
    """Short quoted terms without a nearby cue and quoted titles are not quotations."""
    text = 'The firm called the plan a "game changer" on its "Future Of Work Report" page.'
    assert quotes_of(text, []) == []


def test_extract_quotes_skips_a_title_introduced_by_titled_even_with_a_cue() -> None:
    """A post's title after "titled" is no quotation, though "writing" cues speech before it."""
    text = 'One poster, writing in a blog post titled "Scientology vs. the Internet, part XVII", agreed.'
    assert quotes_of(text, []) == []


def test_extract_quotes_finds_indirect_speech_with_that() -> None:
    """'X said on Tuesday that ...' gives the reported clause, the cue and the speaker."""
    text = "Police chief Sam Kerr said on Tuesday that the suspects had fled the country."
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Sam Kerr", 0)])
    assert len(quotes) == 1
    assert quotes[0].kind == "indirect"
    assert quotes[0].text == "the suspects had fled the country"
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.entity_id == "E1"


def test_extract_quotes_finds_according_to() -> None:
    """'..., according to X.' reports what comes before the comma, spoken by X."""
    text = "Twelve people were injured in the blast, according to the Red Cross."
    quotes = quotes_of(text, [entity("E1", "ORG", text, "Red Cross", 0)])
    assert len(quotes) == 1
    assert quotes[0].text == "Twelve people were injured in the blast"
    assert quotes[0].cue is not None
    assert quotes[0].cue.text == "according to"
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.entity_id == "E1"


def test_extract_quotes_ignores_said_without_a_reported_clause() -> None:
    """'said in a statement.' and a passive 'was told to' report nothing."""
    text = "The ministry said in a statement. The crowd was told to leave the square quickly."
    assert quotes_of(text, []) == []


def test_extract_quotes_spans_match_the_text() -> None:
    """Every quote's text, cue and speaker are exactly the text at their offsets."""
    for quote in quotes_of(SEED_EXCERPT, seed_entities()):
        assert SEED_EXCERPT[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.speaker):
            assert span is None or SEED_EXCERPT[span.start : span.end] == span.text


def test_extract_quotes_reads_speech_after_a_colon() -> None:
    """'X denied the claims: <statement>' reports the statement after the colon."""
    text = "The company denied the claims: Its products were always tested before sale."
    quotes = quotes_of(text, [])
    assert [(q.kind, q.text) for q in quotes] == [("indirect", "Its products were always tested before sale")]
    assert quotes[0].speaker is not None
    assert quotes[0].speaker.text == "The company"


def test_extract_quotes_rejects_nouns_and_adverbials_as_cues_or_subjects() -> None:
    """'in some states', 'However, asked' and a verb phrase before the cue report no speech."""
    text = (
        "In some states the losses are high. However, asked whether it was safe, the agency did not reply. "
        "The drug was made in Italy until Italian authorities stated they would not license it."
    )
    quotes = quotes_of(text, [])
    assert [(q.text, q.speaker.text if q.speaker else None) for q in quotes] == [
        ("they would not license it", "Italian authorities")
    ]


def test_extract_quotes_splits_a_quote_opened_inside_a_sentence_after_its_first_sentence() -> None:
    """'He said, "A. B. C."' gives the first sentence and the rest as two quotes of the same speaker."""
    text = 'Coach Ann Lee said, "We played well today. The fans were great. We will win next week."'
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ann Lee", 0)])
    assert [q.text for q in quotes] == [
        '"We played well today.',
        'The fans were great. We will win next week."',
    ]
    assert [q.speaker.entity_id if q.speaker else None for q in quotes] == ["E1", "E1"]
    assert all(q.cue is not None and q.cue.text == "said" for q in quotes)


def test_extract_quotes_keeps_a_quote_of_whole_sentences_in_one_piece() -> None:
    """A quotation that opens and closes its own sentences stays one span, however many it holds."""
    text = 'The match ended late. "We played well today. The fans were great." Coach Ann Lee was happy.'
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ann Lee", 0)])
    assert [q.text for q in quotes] == ['"We played well today. The fans were great."']


def test_extract_quotes_splits_off_a_last_sentence_that_a_reporting_clause_closes() -> None:
    """'"A. B," said X.': "B," shares its sentence with "said X", so it is a piece of its own."""
    text = 'The match ended late. "We played well today. The fans were great," said coach Ann Lee.'
    quotes = quotes_of(text, [entity("E1", "PERSON", text, "Ann Lee", 0)])
    assert [q.text for q in quotes] == ['"We played well today.', 'The fans were great,"']
    assert [q.speaker.entity_id if q.speaker else None for q in quotes] == ["E1", "E1"]


def test_extract_quotes_cuts_both_ends_of_a_quote_inside_reporting_clauses() -> None:
    """'X said, "A. B. C," adding ...': first sentence, the middle, and the last sentence."""
    text = 'Ann Lee said, "We played well. The fans were great. We will win," adding nothing more.'
    quotes = [q for q in quotes_of(text, []) if q.kind == "direct"]
    assert [q.text for q in quotes] == ['"We played well.', "The fans were great.", 'We will win,"']


def test_extract_quotes_keeps_a_fragment_that_goes_on_quoting_its_sentence() -> None:
    """A short fragment after a quotation in the same sentence quotes the same source; alone it is a
    scare quote."""
    text = (
        'The form "must be completed in English", the ministry recommending "translation tools" if needed. '
        'The plan was called "lenient" by some.'
    )
    direct = [q.text for q in quotes_of(text, []) if q.kind == "direct"]
    assert direct == ['"must be completed in English"', '"translation tools"']
