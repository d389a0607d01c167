"""Mentions -> events: one real-world event told in many sentences and articles becomes one event.

Two mentions may merge when all of these hold (:func:`compatible`):

- **modality**: the same modality group: {asserted, claimed, historical} (reports of something
  that happened), or the same one of future / hypothetical / negated / opinion;
- **event type**: the same CAMEO root ("19") or the same PLOVER type ("ASSAULT");
- **actors** (source with source, target with target): one of them missing, or the same
  country (ISO alpha-3; the full code for actors without a country, e.g. IGOWSTNAT) with
  compatible sectors (equal, or one missing);
- **dates** given their precision: two day dates at most 1 day apart; otherwise the periods
  overlap (a month-precision date is compatible with every day in it, a year with every day
  and month in it); an unknown date merges only with another unknown date;
- **places**: one missing; the same GeoNames id, or the same name in the same country, or
  within 10 km; or one is a country (feature code PCL*) or a first-order division (ADM1) and
  the other lies inside it. Two cities in one country do not merge, so two protests on one
  day in different cities stay two events.

Clustering is greedy and complete-linkage (a mention joins a cluster only when compatible with
every member), over mentions sorted by date and then by (doc_id, mention_id), so the result
does not depend on the order in which documents were ingested. Among compatible clusters the
one with the most exact agreements (cameo, place, day, actor codes) wins.

The event id is ``"evt_"`` + 16 hex digits of a SHA-1 over the canonical mention's content
(its document's content hash, sentence index, evidence offsets, CAMEO code and actor codes):
the same input always gives the same ids. The canonical mention is the earliest published one
(then the most precise date, the highest confidence, then doc and mention id).

Counts: ``num_mentions`` mentions, ``num_articles`` distinct documents, ``num_sources``
distinct outlets (a document without an outlet counts as its own source).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Iterable, Sequence

from .store.schema import CODED_COLUMNS, coded_columns, date_range

__all__ = ["MODALITY_GROUPS", "compatible", "dedupe", "dedupe_records", "rebuild_events",
           "DedupeResult", "SAME_PLACE_KM"]

#: modality -> merge group; only mentions of one group merge
MODALITY_GROUPS: dict[str, str] = {
    "asserted": "report", "claimed": "report", "historical": "report",
    "future": "future", "hypothetical": "hypothetical", "negated": "negated", "opinion": "opinion",
}
#: modality of a merged event in the "report" group: the strongest of its mentions
_MODALITY_RANK = {"asserted": 0, "claimed": 1, "historical": 2}
_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
#: places closer than this (km, great circle) are the same place
SAME_PLACE_KM = 10.0


@dataclass
class _Mention:
    row: dict[str, Any]
    group: str
    lo: int | None          # first day covered (proleptic ordinal), None if unknown
    hi: int | None
    day: bool               # day precision
    order: tuple

    @property
    def key(self) -> tuple[str, str]:
        return self.row["doc_id"], self.row["mention_id"]


@dataclass
class _Cluster:
    members: list[_Mention] = field(default_factory=list)
    hi: int | None = None
    seq: int = 0


@dataclass
class DedupeResult:
    """``events``: rows of the events table (keys ``store.schema.EVENT_COLUMNS``);
    ``links``: ``(doc_id, mention_id, event_id)`` for every mention."""

    events: list[dict[str, Any]]
    links: list[tuple[str, str, str]]


# -- compatibility ---------------------------------------------------------------------------
def _actor_key(row: dict[str, Any], role: str) -> tuple[str, str | None] | None:
    code = row.get(f"{role}_code")
    country = row.get(f"{role}_country")
    if not code and not country:
        return None
    return (country or code), row.get(f"{role}_sector")


def _actors_ok(a, b) -> bool:
    if a is None or b is None:
        return True
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def _is_country(row: dict[str, Any]) -> bool:
    fc = row.get("loc_feature_code") or ""
    return fc.startswith("PCL") or (not fc and row.get("loc_lat") is None and bool(row.get("loc_country")))


def _km(a: dict[str, Any], b: dict[str, Any]) -> float | None:
    if None in (a.get("loc_lat"), a.get("loc_lon"), b.get("loc_lat"), b.get("loc_lon")):
        return None
    p1, p2 = math.radians(a["loc_lat"]), math.radians(b["loc_lat"])
    dl = math.radians(b["loc_lon"] - a["loc_lon"])
    h = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


def _has_place(row: dict[str, Any]) -> bool:
    return bool(row.get("loc_name") or row.get("loc_geonameid") is not None or row.get("loc_country"))


def _places_ok(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if not _has_place(a) or not _has_place(b):
        return True
    ga, gb = a.get("loc_geonameid"), b.get("loc_geonameid")
    if ga is not None and gb is not None and ga == gb:
        return True
    ca, cb = a.get("loc_country"), b.get("loc_country")
    if (a.get("loc_name") and b.get("loc_name") and a["loc_name"].casefold() == b["loc_name"].casefold()
            and ca == cb):
        return True
    d = _km(a, b)
    if d is not None and d <= SAME_PLACE_KM:
        return True
    if ca and ca == cb:
        if _is_country(a) or _is_country(b):
            return True
        for big, small in ((a, b), (b, a)):
            if (big.get("loc_feature_code") == "ADM1" and big.get("loc_admin1")
                    and big.get("loc_admin1") == small.get("loc_admin1")):
                return True
    return False


def _dates_ok(a: _Mention, b: _Mention) -> bool:
    if a.lo is None or b.lo is None:
        return a.lo is None and b.lo is None
    if a.day and b.day:
        return abs(a.lo - b.lo) <= 1
    return a.lo <= b.hi and b.lo <= a.hi


def _types_ok(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.get("cameo_root") and a.get("cameo_root") == b.get("cameo_root"):
        return True
    return bool(a.get("plover")) and a.get("plover") == b.get("plover")


def _compatible(a: _Mention, b: _Mention) -> bool:
    ra, rb = a.row, b.row
    if (ra.get("doc_id") == rb.get("doc_id") and ra.get("sentence_index") is not None
            and ra.get("sentence_index") == rb.get("sentence_index") and ra.get("cameo") != rb.get("cameo")):
        return False  # one sentence coded into two different events tells two events
    return (a.group == b.group and _types_ok(ra, rb) and _dates_ok(a, b)
            and _actors_ok(_actor_key(ra, "source"), _actor_key(rb, "source"))
            and _actors_ok(_actor_key(ra, "target"), _actor_key(rb, "target"))
            and _places_ok(ra, rb))


def compatible(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """True when two mentions (event records of event-record.md, or mentions-table rows) may
    be the same real-world event by the rules of this module."""
    return _compatible(_wrap(_as_row(a)), _wrap(_as_row(b)))


def _as_row(m: dict[str, Any]) -> dict[str, Any]:
    if "source_code" in m:  # already a mentions-table row
        return m
    row = {"doc_id": m.get("doc_id"), "mention_id": m.get("event_id")}
    row.update(coded_columns(m))
    return row


def _wrap(row: dict[str, Any]) -> _Mention:
    lo_d, hi_d = row.get("date_start"), row.get("date_end")
    if lo_d is None and row.get("date"):
        lo_d, hi_d = date_range(row.get("date"), row.get("date_precision"))
    lo = lo_d.toordinal() if lo_d else None
    hi = hi_d.toordinal() if hi_d else None
    day = lo is not None and lo == hi
    group = MODALITY_GROUPS.get(row.get("modality") or "asserted", row.get("modality") or "asserted")
    order = (lo if lo is not None else 10**9, 0 if day else 1, str(row.get("doc_id")), str(row.get("mention_id")))
    return _Mention(row=row, group=group, lo=lo, hi=hi, day=day, order=order)


def _agreement(m: _Mention, c: _Cluster) -> int:
    score = 0
    r = m.row
    for other in c.members:
        o = other.row
        score += (r.get("cameo") == o.get("cameo")) + (r.get("source_code") == o.get("source_code")) \
            + (r.get("target_code") == o.get("target_code")) + (m.lo == other.lo) \
            + (r.get("loc_geonameid") is not None and r.get("loc_geonameid") == o.get("loc_geonameid"))
    return score * 1000 // max(1, len(c.members))


# -- clustering ------------------------------------------------------------------------------
def _cluster(mentions: list[_Mention]) -> list[_Cluster]:
    mentions = sorted(mentions, key=lambda m: m.order)
    clusters: list[_Cluster] = []
    index: dict[tuple, list[_Cluster]] = defaultdict(list)
    seq = 0
    for m in mentions:
        keys = []
        if m.row.get("cameo_root"):
            keys.append((m.group, m.lo is None, "C", m.row["cameo_root"]))
        if m.row.get("plover"):
            keys.append((m.group, m.lo is None, "P", m.row["plover"]))
        best, best_score = None, -1
        seen: set[int] = set()
        for k in keys:
            bucket = index[k]
            if m.lo is not None:  # drop clusters that ended before this mention's window
                bucket[:] = [c for c in bucket if c.hi + 1 >= m.lo]
            for c in bucket:
                if id(c) in seen:
                    continue
                seen.add(id(c))
                if all(_compatible(m, o) for o in c.members):
                    s = _agreement(m, c)
                    if s > best_score or (s == best_score and c.seq < best.seq):
                        best, best_score = c, s
        if best is None:
            best = _Cluster(seq=seq)
            seq += 1
            clusters.append(best)
            for k in keys:  # a mention without an event type never merges
                index[k].append(best)
        else:
            for k in keys:
                if best not in index[k]:
                    index[k].append(best)
        best.members.append(m)
        if m.hi is not None:
            best.hi = m.hi if best.hi is None else max(best.hi, m.hi)
    return clusters


def _canonical_key(m: _Mention):
    pub = m.row.get("published")
    pub = pub.toordinal() if isinstance(pub, _dt.date) else 10**9
    return (pub, _PRECISION_RANK.get(m.row.get("date_precision") or "", 3),
            -(m.row.get("confidence") or 0.0), str(m.row.get("doc_id")), str(m.row.get("mention_id")))


def event_id_of(row: dict[str, Any]) -> str:
    """The event id given by a canonical mention row: ``"evt_"`` + 16 hex digits."""
    parts = [row.get("content_hash") or row.get("doc_id"), row.get("sentence_index"), row.get("evidence_start"),
             row.get("evidence_end"), row.get("cameo"), row.get("source_code"), row.get("target_code"),
             row.get("modality"), row.get("mention_id")]
    return "evt_" + hashlib.sha1("|".join("" if p is None else str(p) for p in parts).encode()).hexdigest()[:16]


def _most(values: Iterable, key=None):
    """Most frequent non-null value; ties broken by ``key`` (smallest first) then by value."""
    counts = Counter(v for v in values if v is not None)
    if not counts:
        return None
    return min(counts, key=lambda v: (-counts[v], key(v) if key else 0, str(v)))


def _representative(c: _Cluster) -> dict[str, Any]:
    members = sorted(c.members, key=_canonical_key)
    canon = members[0].row
    ev: dict[str, Any] = {k: canon.get(k) for k in CODED_COLUMNS}
    ev["doc_id"], ev["mention_id"] = canon["doc_id"], canon["mention_id"]
    rows = [m.row for m in members]
    # actors: the most specific code seen (longest), then the most frequent
    for role in ("source", "target"):
        cols = [f"{role}_code", f"{role}_name", f"{role}_country", f"{role}_sector", role]
        cands = [r for r in rows if r.get(f"{role}_code")]
        if cands:
            code = _most((r[f"{role}_code"] for r in cands), key=lambda v: -len(v))
            pick = canon if canon.get(f"{role}_code") == code else next(r for r in cands if r[f"{role}_code"] == code)
            for col in cols:
                ev[col] = pick.get(col)
    # date: the most precise, then the most frequent, then the earliest
    dated = [r for r in rows if r.get("date")]
    if dated:
        best_prec = min(_PRECISION_RANK.get(r.get("date_precision") or "", 3) for r in dated)
        value = _most((r["date"] for r in dated
                       if _PRECISION_RANK.get(r.get("date_precision") or "", 3) == best_prec))
        pick = next(r for r in dated if r["date"] == value)
        for col in ("date", "date_precision", "date_basis", "date_start", "date_end"):
            ev[col] = pick.get(col)
    # place: a place inside a country over the country itself, then the most frequent
    placed = [r for r in rows if _has_place(r)]
    if placed:
        specific = [r for r in placed if not _is_country(r)] or placed
        name = _most(((r.get("loc_name") or "", r.get("loc_geonameid") or 0) for r in specific))
        pick = next(r for r in specific if (r.get("loc_name") or "", r.get("loc_geonameid") or 0) == name)
        for col in ("loc_name", "loc_geonameid", "loc_lat", "loc_lon", "loc_country", "loc_admin1",
                    "loc_feature_code", "location"):
            ev[col] = pick.get(col)
    mods = [r.get("modality") or "asserted" for r in rows]
    ev["modality"] = min(mods, key=lambda v: (_MODALITY_RANK.get(v, 9), v))
    confs = [r.get("confidence") for r in rows if r.get("confidence") is not None]
    ev["confidence"] = max(confs) if confs else None
    ev["event_id"] = event_id_of(canon)
    ev["source_url"] = canon.get("url")
    docs = {r["doc_id"] for r in rows}
    ev["num_mentions"] = len(rows)
    ev["num_articles"] = len(docs)
    ev["num_sources"] = len({r.get("outlet") or f"doc:{r['doc_id']}" for r in rows})
    seen = [r.get("published") for r in rows if r.get("published") is not None]
    if not seen:
        seen = [r["ingested_at"].date() for r in rows if isinstance(r.get("ingested_at"), _dt.datetime)]
    ev["first_seen"] = min(seen) if seen else None
    ev["last_seen"] = max(seen) if seen else None
    added = [r.get("ingested_at") for r in rows if r.get("ingested_at") is not None]
    ev["date_added"] = min(added) if added else None
    return ev


def dedupe(mentions: Sequence[dict[str, Any]]) -> DedupeResult:
    """Cluster mention rows into events.

    ``mentions``: mentions-table rows joined with their document's ``published`` (date),
    ``outlet``, ``url``, ``content_hash`` and ``ingested_at`` (as
    :meth:`Store.mentions_for_dedupe` returns them). Returns a :class:`DedupeResult`; pure,
    deterministic (the same rows in any order give the same events and ids).
    """
    clusters = _cluster([_wrap(r) for r in mentions])
    events: list[dict[str, Any]] = []
    links: list[tuple[str, str, str]] = []
    used: set[str] = set()
    for c in sorted(clusters, key=lambda c: min(_canonical_key(m) for m in c.members)):
        ev = _representative(c)
        eid, n = ev["event_id"], 1
        while eid in used:  # identical canonical content in two clusters: deterministic suffix
            n += 1
            eid = f"{ev['event_id']}_{n}"
        ev["event_id"] = eid
        used.add(eid)
        events.append(ev)
        links.extend((m.row["doc_id"], m.row["mention_id"], eid) for m in c.members)
    return DedupeResult(events=events, links=links)


def dedupe_records(records: Sequence[dict[str, Any]],
                   documents: dict[str, dict[str, Any]] | None = None) -> DedupeResult:
    """Dedupe event records (event-record.md dicts) without a store.

    ``documents`` maps doc_id to ``{"published": date | "YYYY-MM-DD", "outlet": str, "url": str,
    "content_hash": str}`` (all optional). Mention ids are the records' ``event_id``.
    """
    documents = documents or {}
    rows = []
    for i, rec in enumerate(records):
        doc = dict(documents.get(rec.get("doc_id"), {}))
        pub = doc.get("published")
        if isinstance(pub, str):
            pub = _dt.date.fromisoformat(pub[:10])
        row = {"doc_id": rec.get("doc_id"), "mention_id": rec.get("event_id") or f"m{i}"}
        row.update(coded_columns(rec))
        row.update({"published": pub, "outlet": doc.get("outlet"), "url": doc.get("url"),
                    "content_hash": doc.get("content_hash"), "ingested_at": None})
        rows.append(row)
    return dedupe(rows)


def rebuild_events(store) -> int:
    """Recompute the events (and actors) tables of ``store`` from all its mentions, in one
    transaction. Returns the number of events. Raises StoreError."""
    result = dedupe(store.mentions_for_dedupe())
    store.replace_events(result.events, result.links)
    return len(result.events)
