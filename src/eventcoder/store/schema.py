"""Schema of the event store and the conversions between event records and table rows.

Migrations are numbered SQL scripts applied in order; ``schema_version`` holds one row per
applied migration ``(version INTEGER, applied_at TIMESTAMP)``. JSON values (actors, location,
evidence, contexts) are stored as JSON text in VARCHAR columns so the same schema works on
DuckDB and PostgreSQL; the frequently queried parts are also flattened into plain columns
(``source_code``, ``loc_country``, ...).

Dates: ``date`` keeps the record's text value ("2022-01-21", "2022-01" or "2022");
``date_start``/``date_end`` are the first and last day it covers (DATE), null when unknown.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import json
from typing import Any

SCHEMA_VERSION = 1

_ACTOR_COLS = "{p}_code VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR, {p}_sector VARCHAR, {p} VARCHAR"
_LOC_COLS = ("loc_name VARCHAR, loc_geonameid BIGINT, loc_lat DOUBLE, loc_lon DOUBLE, loc_country VARCHAR, "
             "loc_admin1 VARCHAR, loc_feature_code VARCHAR, location VARCHAR")
_CODED_COLS = f"""
    sentence_index INTEGER,
    evidence VARCHAR, evidence_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
    {_ACTOR_COLS.format(p='source')},
    {_ACTOR_COLS.format(p='target')},
    cameo VARCHAR, cameo_root VARCHAR, plover VARCHAR, plover_mode VARCHAR, plover_context VARCHAR,
    goldstein DOUBLE, quad_class INTEGER,
    date VARCHAR, date_precision VARCHAR, date_basis VARCHAR, date_start DATE, date_end DATE,
    {_LOC_COLS},
    modality VARCHAR, attributed_to VARCHAR, event_group VARCHAR, pattern VARCHAR, confidence DOUBLE
"""

#: (version, list of SQL statements)
MIGRATIONS: list[tuple[int, list[str]]] = [
    (1, [
        """CREATE TABLE IF NOT EXISTS documents (
            id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL, title VARCHAR, published DATE,
            outlet VARCHAR, url VARCHAR, ingested_at TIMESTAMP)""",
        f"""CREATE TABLE IF NOT EXISTS mentions (
            doc_id VARCHAR NOT NULL, mention_id VARCHAR NOT NULL, {_CODED_COLS},
            record VARCHAR, event_id VARCHAR,
            PRIMARY KEY (doc_id, mention_id))""",
        f"""CREATE TABLE IF NOT EXISTS events (
            event_id VARCHAR PRIMARY KEY, doc_id VARCHAR, mention_id VARCHAR, {_CODED_COLS},
            source_url VARCHAR, num_mentions INTEGER, num_articles INTEGER, num_sources INTEGER,
            first_seen DATE, last_seen DATE, date_added TIMESTAMP)""",
        """CREATE TABLE IF NOT EXISTS actors (
            code VARCHAR PRIMARY KEY, name VARCHAR, country VARCHAR, sector VARCHAR,
            events_as_source INTEGER, events_as_target INTEGER, num_events INTEGER,
            first_date DATE, last_date DATE)""",
        """CREATE TABLE IF NOT EXISTS errors (
            doc_id VARCHAR, problem VARCHAR, occurred_at TIMESTAMP)""",
    ]),
]

#: columns shared by mentions and events that come from the coded record
CODED_COLUMNS: tuple[str, ...] = tuple(
    part.strip().split()[0] for part in _CODED_COLS.replace("\n", " ").split(",") if part.strip())
#: columns of the mentions table, in order
MENTION_COLUMNS: tuple[str, ...] = ("doc_id", "mention_id") + CODED_COLUMNS + ("record", "event_id")
EVENT_COLUMNS: tuple[str, ...] = ("event_id", "doc_id", "mention_id") + CODED_COLUMNS + (
    "source_url", "num_mentions", "num_articles", "num_sources", "first_seen", "last_seen", "date_added")

JSON_COLUMNS = frozenset({"evidence", "source", "target", "location", "plover_context", "attributed_to"})


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def date_range(value: str | None, precision: str | None = None) -> tuple[_dt.date | None, _dt.date | None]:
    """First and last day covered by an event-record date ("YYYY-MM-DD", "YYYY-MM", "YYYY").

    Returns ``(None, None)`` for None or a value that does not parse.
    """
    if not value:
        return None, None
    try:
        parts = [int(p) for p in str(value)[:10].split("-")]
        if len(parts) >= 3 and precision not in ("month", "year"):
            d = _dt.date(parts[0], parts[1], parts[2])
            return d, d
        if len(parts) >= 2 and precision != "year":
            last = calendar.monthrange(parts[0], parts[1])[1]
            return _dt.date(parts[0], parts[1], 1), _dt.date(parts[0], parts[1], last)
        return _dt.date(parts[0], 1, 1), _dt.date(parts[0], 12, 31)
    except (ValueError, IndexError):
        return None, None


def coded_columns(record: dict[str, Any]) -> dict[str, Any]:
    """The coded-record part of a mentions/events row from one event record (event-record.md)."""
    ev = record.get("evidence") or {}
    src = record.get("source") or {}
    tgt = record.get("target") or {}
    loc = record.get("location") or {}
    start, end = date_range(record.get("date"), record.get("date_precision"))
    ctx = record.get("plover_context")
    return {
        "sentence_index": record.get("sentence_index"),
        "evidence": _json(record.get("evidence")),
        "evidence_text": ev.get("text"), "evidence_start": ev.get("start"), "evidence_end": ev.get("end"),
        "source_code": src.get("code"), "source_name": src.get("name"),
        "source_country": src.get("country"), "source_sector": src.get("sector"),
        "source": _json(record.get("source")),
        "target_code": tgt.get("code"), "target_name": tgt.get("name"),
        "target_country": tgt.get("country"), "target_sector": tgt.get("sector"),
        "target": _json(record.get("target")),
        "cameo": record.get("cameo"),
        "cameo_root": record.get("cameo_root") or (str(record["cameo"])[:2] if record.get("cameo") else None),
        "plover": record.get("plover"), "plover_mode": record.get("plover_mode"),
        "plover_context": _json(list(ctx) if ctx is not None else None),
        "goldstein": record.get("goldstein"), "quad_class": record.get("quad_class"),
        "date": record.get("date"), "date_precision": record.get("date_precision"),
        "date_basis": record.get("date_basis"), "date_start": start, "date_end": end,
        "loc_name": loc.get("name"), "loc_geonameid": loc.get("geonameid"),
        "loc_lat": loc.get("lat"), "loc_lon": loc.get("lon"), "loc_country": loc.get("country"),
        "loc_admin1": None if loc.get("admin1") is None else str(loc.get("admin1")),
        "loc_feature_code": loc.get("feature_code"),
        "location": _json(record.get("location")),
        "modality": record.get("modality") or "asserted",
        "attributed_to": _json(record.get("attributed_to")),
        "event_group": record.get("event_group"), "pattern": record.get("pattern"),
        "confidence": record.get("confidence"),
    }


def mention_row(doc_id: str, mention_id: str, record: dict[str, Any]) -> dict[str, Any]:
    """One mentions-table row (keys :data:`MENTION_COLUMNS`) from an event record."""
    row = {"doc_id": doc_id, "mention_id": mention_id}
    row.update(coded_columns(record))
    row["record"] = _json(record)
    row["event_id"] = None
    return row


def record_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """The event record (event-record.md field names) of an events-table row, plus
    num_mentions, num_articles and num_sources when the row has them."""
    def load(name):
        v = row.get(name)
        return json.loads(v) if isinstance(v, str) else v

    out = {
        "event_id": row.get("event_id"), "doc_id": row.get("doc_id"),
        "sentence_index": _int(row.get("sentence_index")),
        "evidence": load("evidence"), "source": load("source"), "target": load("target"),
        "cameo": row.get("cameo"), "cameo_root": row.get("cameo_root"),
        "plover": row.get("plover"), "plover_mode": row.get("plover_mode"),
        "plover_context": load("plover_context"),
        "goldstein": _float(row.get("goldstein")), "quad_class": _int(row.get("quad_class")),
        "date": row.get("date"), "date_precision": row.get("date_precision"),
        "date_basis": row.get("date_basis"), "location": load("location"),
        "modality": row.get("modality"), "attributed_to": load("attributed_to"),
        "event_group": row.get("event_group"), "pattern": row.get("pattern"),
        "confidence": _float(row.get("confidence")),
    }
    for k in ("num_mentions", "num_articles", "num_sources"):
        if k in row:
            out[k] = _int(row.get(k))
    return out


def _missing(v: Any) -> bool:
    try:
        return v is None or v != v  # NaN
    except Exception:  # pragma: no cover - exotic values
        return False


def _int(v: Any) -> int | None:
    return None if _missing(v) else int(v)


def _float(v: Any) -> float | None:
    return None if _missing(v) else float(v)
