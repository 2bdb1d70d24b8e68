"""The faster shapes of the name finder (the run regex, the one-name shortcut, one cached segmentation for a
run with or without "the " before it) give what the plain forms give."""

from __future__ import annotations

import re

import pytest

from worker.stages.enrich.ner import candidates
from worker.stages.enrich.ner.candidates import RUN, find_chunks
from worker.stages.enrich.ner.segment import one_name, segment_run
from worker.stages.enrich.ner.segmenter import Segmenter
from worker.stages.enrich.ner.words import CONNECTOR, word_facts

_UP = "A-ZÀ-ÖØ-Þ"
# The run regex as first written: greedy quantifiers, the abbreviations tried at every capital, and the
# look-behinds for plurals ending in 's tried at the end of every word.
_PLAIN_TAIL = (
    rf"(?:\.(?:[{_UP}]\.)*"
    r"|(?:r|rs|s|t|nc|orp|td|o|ros|ov|en|ep|ol|gt|apt|rof|ev|aj|dm|mdr|on|lc)\.(?!\w)"
    r"|\w*(?:[-&]\w+|['’](?!s\b)\w+|(?:(?<=[Pp]eople)|(?<=[Ww]orkers)|(?<=[Cc]hildren)|(?<=[Ww]omen))['’]s)*)"
)
PLAIN_RUN = re.compile(
    rf"[{_UP}]{_PLAIN_TAIL}(?: (?:{CONNECTOR} )?(?:[{_UP}]|(?:al|el)-[{_UP}]|[a-z]+[{_UP}]){_PLAIN_TAIL})*"
)

TEXTS = [
    "Mr. Smith of Acme Corp. met U.S. President Joe Biden and the People’s Bank of China's governor.",
    "The Workers' Party and Apple's iPhone sales, said al-Qaeda's Abu Bakr al-Baghdadi in McDonald's.",
    "Women's rights at the Children's Hospital of Philadelphia; AT&T and Procter & Gamble Co. Ltd. Inc.",
    "Rev. Dr. Martin Luther King Jr. spoke; Ursula von der Leyen, Lt. Gen. Ma, Gov. Jerry Brown, St. Louis.",
    "ÉLECTRICITÉ de France and Ørsted; the Prime Minister's office said MySpace's eBay deal was off.",
    # Every connector, including those sharing a prefix ("de la", "del", "des"; "van der"; "and the").
    "Bank of the West, Office for the Arts, Bosnia and the Serbs, Banco de la Nación, Casa del Sol, Ville des "
    "Arts, Nicolás du Pont, Jan van der Berg, Rem van Dijk, Karl von der Au, Otto von Bismarck, Haus der Kunst, "
    "Jan den Uyl, Ali bin Said, Omar ibn Said, Rui da Costa, Luis dos Santos, Leo di Caprio, Tom la Fleur, Ed "
    "le Blanc, Abu al Baghdadi, Ana y Juan, Procter & Gamble, Ministry for Women, Egypt and al-Qaeda.",
    # Connector-like words that are not followed by a name, at the end of a run and before lower case.
    "Paris and the city, Rome for one, Lyon de facto, Oslo y mas, Van der, Jersey and",
]


@pytest.mark.parametrize("text", TEXTS)
def test_run_regex_finds_what_the_plain_regex_finds(text: str) -> None:
    assert [m.span() for m in RUN.finditer(text)] == [m.span() for m in PLAIN_RUN.finditer(text)]


@pytest.mark.parametrize(
    "run",
    [
        "Zorvath Quellin",  # unknown words
        "Lahad Datu",  # a known place
        "John Quellin",  # a first name and a surname
        "Nacer Chadli",
        "John Paul Smith Jones Brown Green",  # too many words for one person
        "Treasurer Wayne Swan",  # a title first
        "Denver Fire Department",  # a head noun
        "Air Canada",  # an opener
        "New Jersey",  # a known name
        "John UN",  # an acronym after a first name
        "Kim Jong-un",
    ],
)
def test_one_name_agrees_with_the_segmenter(run: str) -> None:
    items = run.split(" ")
    words = [word_facts(item) for item in items]
    whole = one_name(run, words)
    starts = [run.index(item) for item in items]
    ends = [start + len(item) for start, item in zip(starts, items, strict=True)]
    has_head = any(word.head for word in words)
    cut = tuple(Segmenter(run, starts, ends, list(words), has_head).segment(False))
    assert whole is None or whole == cut
    assert segment_run(run, False) == cut


def test_one_name_reads_plain_runs_whole() -> None:
    assert one_name("Zorvath Quellin", [word_facts("Zorvath"), word_facts("Quellin")]) is not None
    assert one_name("John Quellin", [word_facts("John"), word_facts("Quellin")]) is not None
    assert one_name("Treasurer Wayne Swan", [word_facts(w) for w in ("Treasurer", "Wayne", "Swan")]) is None


def test_article_before_a_run_belongs_to_its_first_chunk_only() -> None:
    text = "He met the United Nations envoy. Later the North Korea and the United States talks began."
    chunks = find_chunks(text, {0, 33})
    by_text = {chunk.text: chunk for chunk in chunks}
    assert by_text["United Nations"].article_start == text.index("the United")
    assert by_text["North Korea"].article_start == text.index("the North")
    assert by_text["United States"].article_start == text.index("the United States")
    assert all(chunk.article_start is None for chunk in chunks if chunk.text == "Later")


def test_parts_are_cached_for_the_candidate_finder() -> None:
    """Name parts go through the two-generation cache: a part seen once is not segmented again."""
    text = "Kofi Annan met Ban Ki-moon in Geneva. Kofi Annan left."
    first = find_chunks(text, [0, text.index("Kofi Annan left")])
    assert "Kofi Annan" in candidates.PIECE_CACHE.recent
    again = find_chunks(text, [0, text.index("Kofi Annan left")])
    assert [(c.start, c.end, c.text, c.type) for c in again] == [
        (c.start, c.end, c.text, c.type) for c in first
    ]
