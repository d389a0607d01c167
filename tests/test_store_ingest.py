"""Ingest into the DuckDB store: idempotency by content hash, replacement, errors, crash safety."""
from __future__ import annotations

import dataclasses
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from eventcoder.errors import DocumentError, StoreError
from eventcoder.records import Document
from eventcoder.store import SCHEMA_VERSION, ingest, open_store
from eventcoder.store.testing import synthetic_documents, template_coder


def _events(path):
    with open_store(path, read_only=True) as s:
        df = s.query("SELECT event_id, cameo, source_code, target_code, date, loc_name, num_mentions, "
                     "num_articles, num_sources FROM events ORDER BY event_id")
        return [tuple(r) for r in df.itertuples(index=False)], s.counts()


def test_store_schema_created_with_version(tmp_path):
    db = tmp_path / "e.duckdb"
    with open_store(db) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.counts() == {"documents": 0, "mentions": 0, "events": 0, "actors": 0, "errors": 0}
    with open_store(db) as s:  # reopening does not migrate twice
        assert s.query("SELECT count(*) AS n FROM schema_version")["n"][0] == 1


def test_store_read_only_missing_file_is_store_error(tmp_path):
    with pytest.raises(StoreError, match="does not exist"):
        open_store(tmp_path / "nope.duckdb", read_only=True)


def test_store_ingest_twice_same_counts(tmp_path):
    db = tmp_path / "e.duckdb"
    docs = synthetic_documents(60, seed=3)
    r1 = ingest(docs, db, coder_factory=template_coder, batch_size=7)
    assert (r1.documents, r1.coded, r1.skipped, r1.errors) == (60, 60, 0, 0)
    assert r1.mentions == 180
    ev1, counts1 = _events(db)
    r2 = ingest(docs, db, coder_factory=template_coder, batch_size=7)
    assert (r2.coded, r2.skipped, r2.mentions) == (0, 60, 0)
    ev2, counts2 = _events(db)
    assert counts1 == counts2 and ev1 == ev2
    assert counts1["documents"] == 60 and counts1["mentions"] == 180 and counts1["events"] == r1.events


def test_store_changed_copy_replaces_mentions(tmp_path):
    db = tmp_path / "e.duckdb"
    doc = Document(id="d1", text="On 2024-03-05, Russia attacked Ukraine in Kyiv. On 2024-03-06, France "
                                 "criticized Russia in Paris.", outlet="VOA")
    ingest([doc], db, coder_factory=template_coder)
    changed = dataclasses.replace(doc, text="On 2024-04-01, China praised France in Beijing.")
    report = ingest([changed], db, coder_factory=template_coder)
    assert (report.coded, report.replaced) == (1, 1)
    with open_store(db, read_only=True) as s:
        m = s.query("SELECT cameo, source_code, target_code FROM mentions")
        assert [tuple(r) for r in m.itertuples(index=False)] == [("051", "CHN", "FRA")]
        assert s.counts()["documents"] == 1 and s.counts()["events"] == 1


def test_store_bad_document_goes_to_errors(tmp_path):
    db = tmp_path / "e.duckdb"
    docs = [Document(id="ok", text="On 2024-03-05, Russia attacked Ukraine in Kyiv."),
            Document(id="bad", text="BROKEN text"),
            DocumentError("unreadable.html", "not UTF-8; convert it")]
    report = ingest(docs, db, coder_factory=template_coder)
    assert (report.coded, report.errors, report.events) == (1, 2, 1)
    with open_store(db, read_only=True) as s:
        errs = s.query("SELECT doc_id, problem FROM errors ORDER BY doc_id")
        assert list(errs["doc_id"]) == ["bad", "unreadable.html"]
        assert "BROKEN" in errs["problem"][0]
    # running again retries the failed ones and keeps one error row each
    ingest(docs, db, coder_factory=template_coder)
    with open_store(db, read_only=True) as s:
        assert s.counts()["errors"] == 2 and s.counts()["documents"] == 1


def test_store_parallel_equals_serial(tmp_path):
    docs = synthetic_documents(120, seed=5)
    ingest(docs, tmp_path / "a.duckdb", coder_factory=template_coder, batch_size=10, workers=1)
    ingest(docs, tmp_path / "b.duckdb", coder_factory=template_coder, batch_size=10, workers=2)
    assert _events(tmp_path / "a.duckdb") == _events(tmp_path / "b.duckdb")


_SCRIPT = """
import sys
from eventcoder.store import ingest
from eventcoder.store.testing import synthetic_documents, template_coder
docs = synthetic_documents(int(sys.argv[2]), seed=11, sentences=4)
ingest(docs, sys.argv[1], coder_factory=template_coder, batch_size=4, workers=int(sys.argv[3]))
"""


def _run(db, n, workers, kill_after=None):
    proc = subprocess.Popen([sys.executable, "-c", _SCRIPT, str(db), str(n), str(workers)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    if kill_after is None:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
        return None
    time.sleep(kill_after)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)  # the run and its worker processes, mid-write or not
    proc.wait(timeout=60)
    return killed


def test_store_sigkill_then_rerun_gives_same_events(tmp_path):
    n = 600
    ref = tmp_path / "ref.duckdb"
    t0 = time.monotonic()
    _run(ref, n, 1)
    full = time.monotonic() - t0
    expected = _events(ref)
    assert expected[1]["documents"] == n and expected[1]["events"] > 50

    rng = random.Random()
    db = tmp_path / "crash.duckdb"
    kills = 0
    for workers in (1, 2):
        kills += bool(_run(db, n, workers, kill_after=rng.uniform(0.3 * full, 0.9 * full)))
    _run(db, n, 1)
    assert _events(db) == expected
    assert kills >= 1, "the run finished before it could be killed; the test proved nothing"
