"""Typed records that flow between the pipeline stages.

Each record is a frozen dataclass created by one stage and read by the next:

    Document      (ingest)  -> cleaned body text and metadata of one news article
    ActorMention  (actors)  -> one actor named in the text, with its CAMEO code
    Place         (places)  -> one GeoNames place
    ResolvedDate  (dates)   -> an event date with its precision and basis
    EventMention  (coding, modality, dates, places) -> one coded event in one sentence

The output record (``Event`` in docs, a plain ``dict`` here) is built by
:func:`eventcoder.pipeline.event_record` from an ``EventMention``; its fields are the
contract of ``docs/event-record.md``.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "claimed", "future", "hypothetical", "negated", "historical", "opinion"]
MODALITIES: tuple[str, ...] = ("asserted", "claimed", "future", "hypothetical", "negated", "historical", "opinion")
#: modalities counted by aggregates and the default table
COUNTED_MODALITIES: tuple[str, ...] = ("asserted", "claimed")
Precision = Literal["day", "month", "year"]


@dataclass(frozen=True)
class Document:
    """One news article after ingest.

    ``text`` is the cleaned body (character offsets of events point into it); ``published``
    is the publication date (``datetime.date``) or None; ``dateline`` is the place name of a
    wire-style dateline ("ADDIS ABABA, Feb 6 -") when the body starts with one; ``section``
    the page's section or genre label ("News Analysis", "Opinion", a desk name) when known.
    """

    id: str
    text: str
    title: str | None = None
    published: _dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    language: str = "en"
    dateline: str | None = None
    section: str | None = None


@dataclass(frozen=True)
class ActorMention:
    """An actor named in a document.

    ``start``/``end`` are character offsets into ``Document.text``; ``code`` is the CAMEO actor
    code ("RUSGOV", "KAZCOP", "WST", "IGOWSTNAT"); ``country`` is ISO 3166-1 alpha-3 or None;
    ``sector`` the first sector code (GOV, MIL, COP, ...) or None; ``name`` the canonical name
    ("Sergey Lavrov", "Russia"); ``method`` how it was resolved ("country", "capital",
    "person", "title", "coref", "sector", "igo", ...).
    """

    text: str
    start: int
    end: int
    code: str
    country: str | None
    sector: str | None
    name: str
    method: str

    def as_record(self) -> dict[str, Any]:
        """The actor object of the event record: text, name, code, country, sector."""
        return {"text": self.text, "name": self.name, "code": self.code,
                "country": self.country, "sector": self.sector}


@dataclass(frozen=True)
class Place:
    """A GeoNames place: ``lat``/``lon`` in degrees WGS84, ``country`` ISO alpha-3,
    ``admin1`` the GeoNames admin1 code, ``feature_code`` the GeoNames feature code
    (PPLC capital, PPL city, ADM1 first-order division, PCLI country, ...)."""

    name: str
    geonameid: int | None
    lat: float | None
    lon: float | None
    country: str | None
    admin1: str | None
    feature_code: str | None
    population: int = 0

    def as_record(self) -> dict[str, Any]:
        return {"name": self.name, "geonameid": self.geonameid, "lat": self.lat, "lon": self.lon,
                "country": self.country, "admin1": self.admin1, "feature_code": self.feature_code}


@dataclass(frozen=True)
class ResolvedDate:
    """An event date: ``value`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or None when unknown),
    ``precision`` "day" | "month" | "year" | None, ``basis`` "text" (resolved from the sentence)
    or "publication" (the publication date was used); ``phrase`` is the text it came from."""

    value: str | None
    precision: str | None
    basis: str
    phrase: str | None = None


@dataclass(frozen=True)
class EventMention:
    """One coded event in one sentence of a document.

    ``span`` is (start, end) character offsets of the evidence sentence in ``Document.text``;
    ``cameo`` is a CAMEO 1.1b3 code string with leading zeros ("036"); ``pattern`` names the
    rule or dictionary entry that produced it; ``trigger`` is the (start, end) character span of
    the verb or event noun.
    """

    doc_id: str
    sentence_index: int
    span: tuple[int, int]
    evidence: str
    source: ActorMention | None
    target: ActorMention | None
    cameo: str
    pattern: str
    modality: str = "asserted"
    attributed_to: ActorMention | None = None
    date: ResolvedDate | None = None
    location: Place | None = None
    confidence: float = 0.5
    event_group: str | None = None
    trigger: tuple[int, int] | None = None
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
