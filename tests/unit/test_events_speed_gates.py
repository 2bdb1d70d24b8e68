"""The cheap gates and rewritten regexes of event extraction answer as the plain regexes they stand for."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter

import pytest

from schemas import Entity, EntityType, Span
from worker.stages.classify.events.actor_spans import _GLUE, _is_glue
from worker.stages.classify.events.actor_tables import gazetteer, names_in
from worker.stages.classify.events.actors import _dominant_country
from worker.stages.classify.events.clause_marks import BOUNDARY as _BOUNDARY
from worker.stages.classify.events.extract import _COORDINATE, _MISHAP, _SCORE, _has_mishap, _has_score
from worker.stages.classify.events.lexicon import lexicon
from worker.stages.classify.events.roles import (
    _ACCORDING_TAIL,
    _ASIDE,
    _REPORT_TAIL,
    SentenceView,
    _report_tail_start,
)

# Lowercased news sentences with the marks each gate looks for, and near misses.
_SENTENCES = (
    "the army killed 12 rebels in the north, officials said.",
    "rebels attacked the town, according to the un, but the army, which holds the hills, fired back.",
    "fans said germany beat italy 18-4 in the final; the coach, who was sacked, agreed.",
    "the score was 3 – 1 while police arrested 4-5 people after the crash",
    "a well-known anti-war group, whose leader spoke, said that the talks had failed",
    "quoting a spokesman, reports said the strike killed two as they fled.",
    "the ceasefire,  but not the truce, held\twhile the storm passed; the flood whereas ended",
    "nato and al-qaeda 1-2-3 fought; the world body condemned the attacks, the minister noted",
    "meanwhile the attributed contributions were distributed",
    "according to the police, the earthquake and landslides killed 40 people, reports said",
    "they went down 2 -1, but won the replay 4-0 and 10/2",
    "",
    ";",
    "a, but",
)

_OLD_COORDINATE = re.compile(r",?\s+(?:but|while|whereas)\s+|;\s+")


@pytest.mark.parametrize("lower", _SENTENCES)
def test_coordinate_regex_finds_what_the_plain_one_finds(lower: str) -> None:
    for start in range(len(lower) + 1):
        old, new = _OLD_COORDINATE.search(lower, start), _COORDINATE.search(lower, start)
        assert (old and old.span()) == (new and new.span())


@pytest.mark.parametrize("lower", _SENTENCES)
def test_score_and_mishap_gates_agree_with_their_regexes(lower: str) -> None:
    assert _has_score(lower) == bool(_SCORE.search(lower))
    assert _has_mishap(lower) == bool(_MISHAP.search(lower))


@pytest.mark.parametrize("lower", _SENTENCES)
def test_report_tail_gates_agree_with_the_tail_regexes(lower: str) -> None:
    trimmed = lower.rstrip(" .!?\"'”’)")
    last_comma = trimmed.rfind(",")
    tail = (
        (_ACCORDING_TAIL.search(trimmed) or _REPORT_TAIL.match(trimmed, last_comma))
        if last_comma >= 0
        else None
    )
    assert _report_tail_start(lower) == (tail.start() if tail else len(lower))


@pytest.mark.parametrize("lower", _SENTENCES)
def test_lazy_clause_starts_count_as_all_clause_starts(lower: str) -> None:
    asides = [match.span() for match in _ASIDE.finditer(lower)]
    every = [0] + [
        match.end()
        for match in _BOUNDARY.finditer(lower)
        if not any(start < match.start() < end for start, end in asides)
    ]
    view = SentenceView(lower, [])
    assert view.asides == asides
    for position in range(len(lower) + 1):
        assert view.clause_index(position) == bisect_right(every, position) - 1


@pytest.mark.parametrize("gap", ["", " ", "  \n", "'s ", " of the ", " - ", ", ", " and ", "\u00a0", " x "])
def test_glue_shortcut_agrees_with_the_glue_regex(gap: str) -> None:
    assert _is_glue(gap) == bool(_GLUE.fullmatch(gap))


def test_names_in_finds_what_the_full_names_regex_finds() -> None:
    """Without a lowercase name in the text, the capitalised names alone find the same matches."""
    gaz = gazetteer()
    assert gaz.lowercase_names, "the table has lowercase names: the test would test nothing"
    texts = [
        "The UN and NATO met al-Qaeda and al-Shabaab envoys; the world body said the U.N. and EU agreed.",
        "Hamas and the European Union talked, the African Union said; anti-Hamas groups in Gaza.",
        "An Amnesty International report on the Taliban, Hezbollah and the Arab League.",
    ]
    found = 0
    for text in texts:
        spans = [match.span() for match in gaz.names.finditer(text)]
        assert [match.span() for match in names_in(text)] == spans
        found += len(spans)
    assert found >= 8


def test_possessive_gaps_fire_as_the_plain_gaps() -> None:
    """A gap word taken whole (`\\S++`) matches as `\\S+` does: a space must follow it."""
    text = (
        "the two sides agreed on monday to a new round of talks with the rebels and to lift sanctions, "
        "and called for the release of the hostages held since may in the eastern province"
    )
    tried = 0
    for rules in lexicon().rules.values():
        for rule in rules:
            if rule.after is None or r"\S++" not in rule.after.pattern:
                continue
            plain = re.compile(rule.after.pattern.replace(r"\S++", r"\S+"))
            for start in range(0, len(text), 3):
                old, new = plain.match(text, start), rule.after.match(text, start)
                assert (old and old.span()) == (new and new.span())
            tried += 1
    assert tried > 10


def _country_entity(number: int, entity_type: EntityType, code: str | None, mentions: int) -> Entity:
    span = Span(start=number, end=number + 1, text="x")
    return Entity(
        id=f"E{number}", text="x", type=entity_type, canonical="x", country_code=code,
        mentions=[span] * mentions, mention_count=mentions, salience=0.5,
    )  # fmt: skip


@pytest.mark.parametrize(
    "specs",
    [
        [],
        [("PERSON", "USA", 3)],
        [("LOC", "USA", 2), ("ORG", "FRA", 2), ("NORP", "DEU", 1)],
        [("LOC", "FRA", 1), ("LOC", "USA", 2), ("ORG", "FRA", 1), ("PERSON", "USA", 5)],
        [("LOC", None, 4), ("NORP", "IRQ", 1), ("LOC", "SYR", 1), ("ORG", "IRQ", 1), ("LOC", "SYR", 1)],
    ],
)
def test_dominant_country_is_counters_most_common(specs: list[tuple[EntityType, str | None, int]]) -> None:
    entities = [_country_entity(number, *spec) for number, spec in enumerate(specs)]
    counts: Counter[str] = Counter()
    for entity in entities:
        if entity.country_code and entity.type in ("LOC", "NORP", "ORG"):
            counts[entity.country_code] += entity.mention_count
    assert _dominant_country(entities) == (counts.most_common(1)[0][0] if counts else None)
