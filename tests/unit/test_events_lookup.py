"""The fast paths of event coding find what a plain, slower search finds."""

from __future__ import annotations

import re

import pytest

from tests.unit.test_events import enriched, only_event
from worker.stages.classify.events.lexicon import _SEPARATOR_CHARS, TriggerRule, lexicon, words

# Continuations that the `after` patterns of many heads look for, and some that none does.
_CONTINUATIONS = (
    "", " not", " to", " to the streets", " on them", " upon", " for talks", " up", " down", " out",
    " that", " a meeting with them", " the release of prisoners", " fire on protesters", " hostages",
    " rockets at", " sanctions", " mediation", " talks", " itself to", " x",
)  # fmt: skip


def _first_rule_in_order(
    rules: tuple[TriggerRule, ...], lower: str, end: int
) -> tuple[TriggerRule, int] | None:
    """What trying a form's rules one by one fires: the first whose `after` words match, else the first
    without any."""
    for rule in rules:
        if rule.after is None:
            return rule, end
        match = rule.after.match(lower, end)
        if match:
            return rule, match.end()
    return None


def test_form_plan_fires_the_rule_that_trying_rules_in_order_fires() -> None:
    """One alternation of all of a form's `after` patterns picks the same rule and hit end as trying the
    rules in order, for both the any-case and the capitalised plan."""
    lex = lexicon()
    tried = 0
    for form, rules in lex.rules.items():
        if sum(rule.after is not None for rule in rules) < 2:
            continue
        any_case, capitalised = lex.plans[form]
        upper_rules = tuple(rule for rule in rules if not rule.lowercase_only)
        for continuation in _CONTINUATIONS:
            lower = form + continuation + "."
            assert any_case.fire(lower, len(form)) == _first_rule_in_order(rules, lower, len(form))
            assert capitalised.fire(lower, len(form)) == _first_rule_in_order(upper_rules, lower, len(form))
            tried += 1
    assert tried > 100


def test_form_plan_group_names_do_not_clash_with_rule_patterns() -> None:
    """The plans name their marker groups r0, r1, ...: no rule pattern may use a named group or a
    back-reference, which an alternation of patterns would break."""
    for rules in lexicon().rules.values():
        for rule in rules:
            if rule.after is not None:
                assert not re.search(r"\(\?P[<=]|\\[1-9]", rule.after.pattern), rule.after.pattern


def test_extract_events_sector_word_found_in_a_later_sentence() -> None:
    """Sector words are looked for sentence by sentence: "Security forces" in the second sentence still
    makes the source Guinea's police."""
    doc = enriched(
        "The talks went on for days. Security forces in Guinea attacked villages in Sierra Leone.",
        [("Guinea", "LOC", "GIN", None), ("Sierra Leone", "LOC", "SLE", None)],
    )
    event = only_event(doc)
    assert [(actor.text, actor.code, actor.sector) for actor in event.source] == [
        ("Security forces in Guinea", "GIN", "COP")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "they met (again), then agreed: talks/visits.",
        "“talks” — again… «non»",
        "élysée “talks”; the u.s.-led (bloc) — zürich’s",
    ],
)
def test_words_split_at_every_separator_in_any_script(text: str) -> None:
    """ASCII text, text whose only non-ASCII characters are separators, and text with accented letters
    split exactly where a plain replacement of every separator splits them."""
    reference = re.sub("[" + re.escape(_SEPARATOR_CHARS) + "]", " ", text).split()
    assert words(text) == reference
