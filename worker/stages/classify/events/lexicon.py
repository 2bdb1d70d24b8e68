"""The trigger lexicon: which words report which event, loaded once from `events_triggers.tsv`.

Finding the head words is one set intersection of the text's words with every word form of the lexicon
(done in C, faster than any regex alternation of a thousand words); only the few heads present are then
located and their rules tried in order (rules that look at the following words first).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# Short names for "up to N words, then a space" in the rules' `after` patterns. A word is taken whole
# (possessive `\S++`): a space must follow it, so giving back its letters could never lead to a match,
# and the engine is spared trying that at every letter.
_GAP_MACROS = {f"{{g{n}}}": rf"(?:\s+\S++){{0,{n}}}?\s+" for n in (2, 4, 8)}
# Characters that split words (so "agreed," is the word "agreed") and those that continue one ("won't").
_SEPARATOR_CHARS = '.,;:!?"()[]{}“”«»/\\…—–'
_WIDE_SEPARATORS = tuple(char for char in _SEPARATOR_CHARS if not char.isascii())
_NARROW_SEPARATORS = "".join(char for char in _SEPARATOR_CHARS if char.isascii()).encode("ascii")
_SEPARATOR_BYTES = bytes.maketrans(_NARROW_SEPARATORS, b" " * len(_NARROW_SEPARATORS))
_INNER_WORD = "'’-_"
# A whole word: a maximal run of the characters is_word_char accepts (`\w` is isalnum() and "_").
_WORD_RUN = re.compile(r"[\w'’-]+")
# Past this length a text is searched by one scan of its words, not by one search of the text per present word
# form: the number of forms present grows with the text, so those searches together grow faster than it.
LONG_TEXT = 12_000
FRAME_ROLES = frozenset(
    {"INTENT", "THREAT", "APPEAL", "DEMAND", "ORDER", "REFUSE", "NEGATE", "ACCEPT", "MUST"}
)


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """One line of the lexicon. `role` is a PLOVER type, or a frame (see FRAME_ROLES) taking a content."""

    after: re.Pattern[str] | None
    role: str
    cameo: str | None
    facet: str | None
    weight: float
    reciprocal: bool
    noun: bool
    lowercase_only: bool
    content_only: bool
    adjective: bool
    # Derived from the fields above once, in __post_init__: they are asked for every hit of every document.
    # is_frame: the role is a frame (see FRAME_ROLES) taking a content.
    # is_modal: a bare modal or negation ("will", "not"): it governs only the verb right after it.
    # is_complete: a frame whose `after` words already say what it is about ("refused French mediation").
    # is_idle: a modal or content-only rule, which alone reports nothing.
    is_frame: bool = field(init=False)
    is_modal: bool = field(init=False)
    is_complete: bool = field(init=False)
    is_idle: bool = field(init=False)

    def __post_init__(self) -> None:
        # A frozen dataclass sets its derived fields through object.__setattr__.
        is_frame = self.role in FRAME_ROLES
        is_modal = self.role in ("INTENT", "NEGATE") and self.cameo is None
        object.__setattr__(self, "is_frame", is_frame)
        object.__setattr__(self, "is_modal", is_modal)
        object.__setattr__(
            self, "is_complete", is_frame and self.facet is not None and self.after is not None
        )
        object.__setattr__(self, "is_idle", is_modal or self.content_only)


class TriggerHit:
    """A rule that fired: `start`..`end` are positions in the text searched, covering the head and its `after`
    words; `head_end` ends the head word (a target may sit inside the `after` words: "banned opposition
    parties"). A plain class: under mypyc a dataclass's generated __init__ runs as interpreted Python."""

    __slots__ = ("end", "head_end", "rule", "start")

    def __init__(self, start: int, end: int, head_end: int, rule: TriggerRule) -> None:
        self.start = start
        self.end = end
        self.head_end = head_end
        self.rule = rule


def inflect(spec: str) -> set[str]:
    """The word forms of one head spec: `agree`, `ban~` (doubled consonant), `meet:met`, `=talks`."""
    if spec.startswith("="):
        return {spec[1:]}
    lemma, _, irregular = spec.partition(":")
    forms = {form for form in irregular.split(",") if form}
    if lemma.endswith("~"):
        lemma = lemma[:-1]
        forms |= {lemma + "s", lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    elif lemma.endswith("ee"):
        forms |= {lemma + "s", lemma + "d", lemma + "ing"}
    elif lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    forms.add(lemma)
    return forms


def _parse_rule(fields: list[str]) -> tuple[list[str], TriggerRule]:
    heads, after, role, cameo, facet, weight, flags = fields
    pattern = after
    for macro, expansion in _GAP_MACROS.items():
        pattern = pattern.replace(macro, expansion)
    rule = TriggerRule(
        after=None if after == "-" else re.compile(pattern),
        role=role,
        cameo=None if cameo == "-" else cameo,
        facet=None if facet == "-" else facet,
        weight=float(weight),
        reciprocal="R" in flags,
        noun="N" in flags,
        lowercase_only="L" in flags,
        content_only="C" in flags,
        adjective="A" in flags,
    )
    return heads.split(), rule


@dataclass(frozen=True, slots=True)
class _FormPlan:
    """How one word form's rules are tried, compiled once: the first rule whose `after` words follow wins,
    else the first rule without any. All `after` patterns of the form are one alternation, in rule order,
    each ending in an empty group named after its rule, so one match call tries them all. A form with
    lowercase-only rules has a second plan without them, for a capitalised occurrence ("May")."""

    after: re.Pattern[str] | None
    by_group: dict[str, TriggerRule]
    bare: TriggerRule | None

    @classmethod
    def of(cls, rules: tuple[TriggerRule, ...]) -> _FormPlan:
        alternatives = [rule for rule in rules if rule.after is not None]
        by_group = {f"r{index}": rule for index, rule in enumerate(alternatives)}
        after = None
        if alternatives:
            after = re.compile(
                "|".join(
                    f"(?:{rule.after.pattern})(?P<{group}>)" for group, rule in by_group.items() if rule.after
                )
            )
        bare = next((rule for rule in rules if rule.after is None), None)
        return cls(after, by_group, bare)

    def fire(self, lower: str, end: int) -> tuple[TriggerRule, int] | None:
        """The rule that fires for the form ending at `end`, and where its hit ends."""
        after = self.after
        if after is not None:
            match = after.match(lower, end)
            if match is not None:
                return self.by_group[match.lastgroup or ""], match.end()
        bare = self.bare
        return (bare, end) if bare is not None else None


@dataclass(frozen=True, slots=True)
class Lexicon:
    forms: frozenset[str]
    rules: dict[str, tuple[TriggerRule, ...]]
    # Per form: the plan for any occurrence, and the one for a capitalised occurrence.
    plans: dict[str, tuple[_FormPlan, _FormPlan]]


@cache
def lexicon() -> Lexicon:
    """The compiled lexicon (loaded on first use, then shared by every document of the process)."""
    text = resources.files("worker.resources").joinpath("events_triggers.tsv").read_text(encoding="utf-8")
    by_form: dict[str, list[TriggerRule]] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        specs, rule = _parse_rule(line.split("\t"))
        for spec in specs:
            for form in inflect(spec):
                by_form.setdefault(form, []).append(rule)
    # Rules that check the following words come before the catch-all ones of the same head.
    ordered = {
        form: tuple(sorted(rules, key=lambda rule: rule.after is None)) for form, rules in by_form.items()
    }
    plans = {}
    for form, rules in ordered.items():
        any_case = _FormPlan.of(rules)
        capitalised = tuple(rule for rule in rules if not rule.lowercase_only)
        plans[form] = (any_case, any_case if len(capitalised) == len(rules) else _FormPlan.of(capitalised))
    return Lexicon(forms=frozenset(ordered), rules=ordered, plans=plans)


def is_word_char(char: str) -> bool:
    return char.isalnum() or char in _INNER_WORD


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether any of `parts` is a substring of `text`: the gate before a dearer regex. A plain loop, as
    any() over a generator costs about twice as much for these few short tests."""
    for part in parts:  # noqa: SIM110 - any() over a generator is the slower form this avoids
        if part in text:
            return True
    return False


def words(lower: str) -> list[str]:
    """The words of a text, punctuation split off. The few non-ASCII separators are replaced one by one,
    then the ASCII ones in the text's UTF-8 bytes (where no byte of a longer character is ASCII):
    bytes.translate is one table lookup per byte, where str.translate takes several steps per character
    even on ASCII text (and looks every other character up in a dict)."""
    if not lower.isascii():
        for mark in _WIDE_SEPARATORS:
            if mark in lower:
                lower = lower.replace(mark, " ")
    return lower.encode("utf-8").translate(_SEPARATOR_BYTES).decode("utf-8").split()


def _head_positions(lower: str, forms: frozenset[str], text_words: Iterable[str]) -> list[tuple[int, str]]:
    """Where the lexicon's word forms stand as whole words in `lower`, in text order."""
    present = forms.intersection(text_words)
    if len(lower) > LONG_TEXT:
        return _word_runs_in(lower, present)
    positions = []
    find, size, inner = lower.find, len(lower), _INNER_WORD  # local names: this loop runs for every form
    for form in present:
        at = find(form)
        while at != -1:
            end = at + len(form)
            # is_word_char inlined: at both edges of the form there must be no letter, digit or inner mark.
            if (at == 0 or not (lower[at - 1].isalnum() or lower[at - 1] in inner)) and (
                end == size or not (lower[end].isalnum() or lower[end] in inner)
            ):
                positions.append((at, form))
            at = find(form, at + 1)
    positions.sort()
    return positions


def _word_runs_in(lower: str, wanted: frozenset[str]) -> list[tuple[int, str]]:
    """Where the `wanted` words stand as whole words in `lower`, in text order, from one scan of its words: a
    whole-word occurrence is a maximal run of word characters (none of the wanted words holds another
    character), so this finds what a search for each word finds."""
    return [(match.start(), match.group()) for match in _WORD_RUN.finditer(lower) if match.group() in wanted]


def whole_words(text: str) -> list[str]:
    """The maximal runs of word characters of `text` (its words as is_word_char delimits them)."""
    return _WORD_RUN.findall(text)


def find_triggers(lower: str, original: str, text_words: Iterable[str] | None = None) -> list[TriggerHit]:
    """Every rule that fires in a text (`lower` is `original` lowercased, same length), in text order;
    `text_words` are `words(lower)` when the caller has them already (or those of them that may be forms of
    the lexicon: no other word is looked up)."""
    lex = lexicon()
    plans = lex.plans
    hits: list[TriggerHit] = []
    covered = 0  # "lift sanctions" is one hit: "sanctions" inside it starts no other
    for start, form in _head_positions(lower, lex.forms, words(lower) if text_words is None else text_words):
        if start < covered:
            continue
        any_case, capitalised = plans[form]
        end = start + len(form)
        fired = (any_case if any_case is capitalised or original[start].islower() else capitalised).fire(
            lower, end
        )
        if fired is not None:
            rule, hit_end = fired
            hits.append(TriggerHit(start, hit_end, end, rule))
            if not rule.is_frame:  # a frame's words may hold its content: "offer of direct talks"
                covered = hit_end
    return hits
