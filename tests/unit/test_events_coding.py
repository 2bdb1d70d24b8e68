"""The event lexicon and coding tables: inflection, the head-word regex, frames and CAMEO scores."""

from __future__ import annotations

import re
from typing import get_args

import pytest

from schemas import PloverType
from worker.stages.classify.events.coding import compose, goldstein, goldstein_table, quad_class
from worker.stages.classify.events.lexicon import FRAME_ROLES, find_triggers, inflect, lexicon
from worker.stages.regex_trie import trie_pattern


def test_inflect_regular_doubled_and_irregular_forms() -> None:
    """Head specs expand to the verb forms news text uses."""
    assert inflect("agree") == {"agree", "agrees", "agreed", "agreeing"}
    assert inflect("ban~") == {"ban", "bans", "banned", "banning"}
    assert {"meet", "met", "meeting"} <= inflect("meet:met")
    assert inflect("=talks") == {"talks"}


def test_trie_pattern_matches_exactly_its_words() -> None:
    """The prefix-tree regex matches each listed word in full and nothing else."""
    pattern = re.compile("(?:" + trie_pattern(["ban", "banned", "bank", "agree"]) + r")\Z")
    assert all(pattern.match(word) for word in ("ban", "banned", "bank", "agree"))
    assert not any(pattern.match(word) for word in ("ba", "bann", "agreed", ""))


def test_trie_pattern_not_after_rejects_a_word_inside_another() -> None:
    """With `not_after`, a word preceded by such a character ("UN" in "xUN" or "U.N.") does not match."""
    pattern = re.compile(trie_pattern(["UN", "NATO"], not_after=r"[\w.]") + r"(?!\w)")
    assert [m.group() for m in pattern.finditer("UN and NATO, anti-NATO, xUN, U.UN")] == [
        "UN",
        "NATO",
        "NATO",
    ]


def test_find_triggers_whole_words_only() -> None:
    """ "agree" in "disagree" or "agreement-like" is no trigger; "agreed," is."""
    text = "They disagree, then agreed, on it."
    hits = find_triggers(text.lower(), text)
    assert [text[hit.start : hit.head_end] for hit in hits] == ["agreed"]


def test_find_triggers_lowercase_only_rule_skips_the_month() -> None:
    """ "may" is a modal frame, "May" mid-sentence is the month."""
    text = "Talks in May may resume."
    starts = [hit.start for hit in find_triggers(text.lower(), text) if hit.rule.role == "INTENT"]
    assert starts == [text.index("may ")]


def test_every_lexicon_rule_names_a_known_role_and_code() -> None:
    """Each rule is a PLOVER type or a frame, and its CAMEO code has a Goldstein value."""
    table = goldstein_table()
    roles = set(get_args(PloverType)) | FRAME_ROLES
    for rules in lexicon().rules.values():
        for rule in rules:
            assert rule.role in roles, rule
            assert rule.cameo is None or rule.cameo in table, rule
            assert 0.0 < rule.weight <= 1.0


@pytest.mark.parametrize(
    ("frame_text", "expected"),
    [
        ("China proposed to lift sanctions on them.", ("AGREE", "0354")),
        ("China demanded the release of prisoners.", ("DEMAND", "1053")),
        ("China refused to provide humanitarian aid.", ("REJECT", "1223")),
        ("China threatened to impose sanctions.", ("THREATEN", "1312")),
        ("China vowed to attack them.", ("THREATEN", "1383")),
    ],
)
def test_compose_frame_and_content_pick_the_cameo_sub_code(
    frame_text: str, expected: tuple[str, str]
) -> None:
    """A frame's CAMEO family and its content's facet give the code of the combined act."""
    hits = find_triggers(frame_text.lower(), frame_text)
    frame, content = hits[0].rule, hits[1].rule
    assert compose(frame, content) == expected


def test_goldstein_values_and_quad_classes_follow_cameo() -> None:
    """Published Goldstein values, parent fallback for missing codes, and GDELT's QuadClass."""
    assert (goldstein("0874"), goldstein("057"), goldstein("1384")) == (10.0, 8.0, -7.0)
    assert goldstein("0579") == goldstein("057")
    assert [quad_class(code) for code in ("036", "073", "112", "190")] == [1, 2, 3, 4]
