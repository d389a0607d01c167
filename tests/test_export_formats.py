"""Exports of the events table, and the Python API over a store."""
from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

import eventcoder.api as api
from eventcoder.export import GDELT_COLUMNS, export
from eventcoder.store import ingest, open_store
from eventcoder.store.testing import synthetic_documents, template_coder

RECORD_FIELDS = ("event_id", "doc_id", "sentence_index", "evidence", "source", "target", "cameo", "cameo_root",
                 "plover", "plover_mode", "plover_context", "goldstein", "quad_class", "date", "date_precision",
                 "date_basis", "location", "modality", "attributed_to", "event_group", "pattern", "confidence")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("exp") / "e.duckdb"
    ingest(synthetic_documents(40, seed=2), path, coder_factory=template_coder)
    return path


def _n_events(db, where="TRUE"):
    with open_store(db, read_only=True) as s:
        return int(s.query(f"SELECT count(*) AS n FROM events WHERE {where}")["n"][0])


def test_export_gdelt_61_fields_per_line(db):
    assert len(GDELT_COLUMNS) == 61 and GDELT_COLUMNS[0] == "GlobalEventID" and GDELT_COLUMNS[-1] == "SOURCEURL"
    assert GDELT_COLUMNS.index("EventCode") == 26 and GDELT_COLUMNS.index("ActionGeo_Type") == 51
    buf = io.StringIO()
    with open_store(db, read_only=True) as s:
        n = export(s, "gdelt", buf)
    lines = buf.getvalue().splitlines()
    assert n == len(lines) == _n_events(db) > 0
    for line in lines:
        f = line.split("\t")
        assert len(f) == 61
        row = dict(zip(GDELT_COLUMNS, f))
        assert row["GlobalEventID"].isdigit() and len(row["Day"]) == 8
        assert row["EventRootCode"] == row["EventCode"][:2] and row["QuadClass"] in "1234"
        assert int(row["NumArticles"]) <= int(row["NumMentions"])
        assert row["SOURCEURL"].startswith("https://example.org/")


def test_export_parquet_rows_equal_events(db, tmp_path):
    out = tmp_path / "e.parquet"
    with open_store(db, read_only=True) as s:
        n = export(s, "parquet", out)
        with pytest.raises(ValueError):
            export(s, "parquet", None)
    assert pq.read_table(out).num_rows == n == _n_events(db)


def test_export_jsonl_is_event_record_with_counts(db):
    buf = io.StringIO()
    with open_store(db, read_only=True) as s:
        export(s, "jsonl", buf, where="cameo_root = '19'")
    recs = [json.loads(l) for l in buf.getvalue().splitlines()]
    assert len(recs) == _n_events(db, "cameo_root = '19'") > 0
    for r in recs:
        assert all(k in r for k in RECORD_FIELDS)
        assert r["cameo"].startswith("19") and isinstance(r["source"], dict)
        assert r["num_mentions"] >= r["num_articles"] >= 1 and r["num_sources"] >= 1


def test_export_csv_and_plover(db):
    buf = io.StringIO()
    with open_store(db, read_only=True) as s:
        export(s, "csv", buf)
        pbuf = io.StringIO()
        export(s, "plover", pbuf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert len(rows) == _n_events(db) and rows[0]["event_id"].startswith("evt_")
    p = json.loads(pbuf.getvalue().splitlines()[0])
    assert {"event_type", "mode", "context", "actor1", "actor2", "date", "location", "text"} <= set(p)
    assert "country" in p["actor1"] and "sector" in p["actor1"]


def test_export_unknown_format(db):
    with open_store(db, read_only=True) as s, pytest.raises(ValueError):
        export(s, "xml", io.StringIO())


def test_store_api_events_dyad(db):
    with api.open(db) as es:
        pdf = es.events()
        pl = es.events(as_="polars")
        assert len(pdf) == pl.height == _n_events(db, "modality IN ('asserted', 'claimed')")
        assert len(es.events(where="source_country = 'RUS'")) == _n_events(db, "source_country = 'RUS'")
        recs = es.events(as_="records")
        assert recs[0]["event_id"].startswith("evt_") and "num_sources" in recs[0]
        d = es.dyad("RUS", "UKR", by="month")
        assert set(d.series["direction"]) <= {"RUS->UKR", "UKR->RUS"}
        assert d.series["events"].sum() == len(es.events(
            where="(starts_with(source_code, 'RUS') AND starts_with(target_code, 'UKR')) OR "
                  "(starts_with(source_code, 'UKR') AND starts_with(target_code, 'RUS'))"))
        al = es.alignment("RUS", "CHN")
        assert "s_score" in al.by_period.columns
