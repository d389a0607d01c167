"""`eventcoder code` and `eventcoder evaluate` from the command line (in-process)."""
from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventcoder.cli import app

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
runner = CliRunner()


def test_cli_code_writes_event_records(tmp_path):
    out = tmp_path / "ev.jsonl"
    res = runner.invoke(app, ["code", str(EXAMPLES / "kazakhstan_unrest.txt"), "-o", str(out)])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(events) >= 5
    assert {e["doc_id"] for e in events} == {"kazakhstan_unrest"}
    assert any(e["cameo_root"] == "13" and e["source"]["country"] == "USA" for e in events)


def test_cli_code_reports_bad_documents_and_codes_the_rest(tmp_path):
    good = tmp_path / "docs.jsonl"
    good.write_text(json.dumps({"id": "ok", "text": "Egyptian police arrested 40 activists in Cairo on Sunday.",
                                "published": "2024-05-14"}) + "\n{not json\n", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    out = tmp_path / "ev.jsonl"
    res = runner.invoke(app, ["code", str(good), str(tmp_path / "empty.txt"), str(tmp_path / "latin.txt"),
                              str(tmp_path / "missing.txt"), "-o", str(out)])
    assert res.exit_code == 1
    assert "docs.jsonl:2" in res.output and "empty" in res.output and "latin" in res.output
    assert "missing.txt" in res.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert [e["doc_id"] for e in events] == ["ok"] and events[0]["cameo"] == "173"


def test_cli_evaluate_prints_scores(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "g", "doc": "d", "kind": "required", "evidence": "Peru accused Chile",
                                "source": ["PER"], "target": ["CHL"], "cameo_roots": ["11"]}) + "\n")
    pred = tmp_path / "pred.jsonl"
    pred.write_text(json.dumps({"doc_id": "d", "cameo": "112", "source": {"code": "PER"}, "target": {"code": "CHL"},
                                "evidence": {"text": "Peru accused Chile of spying."}, "modality": "asserted"}) + "\n")
    res = runner.invoke(app, ["evaluate", str(gold), str(pred)])
    assert res.exit_code == 0
    assert "recall 1.0 precision 1.0 f1 1.0 forbidden 0" in res.output


def test_cli_config_file_names_the_dictionaries(tmp_path, shared):
    d = shared / "data/petrarch2/dictionaries"
    cfg = tmp_path / "eventcoder.yaml"
    cfg.write_text(f"verbs: {d / 'PETR.Validate.verbs.txt'}\nactors: [{d / 'PETR.Validate.actors.txt'}]\n"
                   f"agents: {d / 'PETR.Validate.agents.txt'}\ndiscards: {d / 'PETR.Validate.discards.txt'}\n")
    docs = tmp_path / "d.jsonl"
    docs.write_text(json.dumps({"id": "x", "text": "Arnor is about to restore full diplomatic ties with Gondor.",
                                "published": "1995-01-01"}) + "\n")
    out = tmp_path / "ev.jsonl"
    res = runner.invoke(app, ["code", str(docs), "--config", str(cfg), "-o", str(out)])
    assert res.exit_code == 0, res.output
    events = [json.loads(line) for line in out.read_text().splitlines()]
    assert [(e["source"]["code"], e["cameo"], e["target"]["code"]) for e in events] == [("ARN", "064", "GON")]


def test_cli_config_file_with_an_unknown_key_is_refused(tmp_path):
    cfg = tmp_path / "bad.yaml"
    cfg.write_text("verbz: x.txt\n")
    res = runner.invoke(app, ["code", str(EXAMPLES / "brief.html"), "--config", str(cfg)])
    assert res.exit_code == 2 and "unknown setting(s) verbz" in res.output


def test_cli_ingest_names_failed_documents_and_exits_1(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "ok", "text": "Egyptian police arrested 40 activists in Cairo on Sunday.",
                                "published": "2024-05-14"}) + "\n{broken\n", encoding="utf-8")
    db = tmp_path / "ev.duckdb"
    res = runner.invoke(app, ["ingest", str(docs), "--db", str(db)])
    assert res.exit_code == 1
    assert "docs.jsonl:2" in res.output and "not valid JSON" in res.output
    res = runner.invoke(app, ["export", "--format", "jsonl", "--db", str(db)])
    assert res.exit_code == 0 and json.loads(res.output.splitlines()[0])["cameo"] == "173"


def test_cli_gdelt_export_leaves_out_unreal_events(tmp_path):
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"id": "n", "published": "2024-05-14", "text":
                                "Egyptian police did not arrest the activists in Cairo on Sunday. "
                                "Egyptian police arrested 40 students in Alexandria on Monday."}) + "\n")
    db = tmp_path / "ev.duckdb"
    assert runner.invoke(app, ["ingest", str(docs), "--db", str(db)]).exit_code == 0
    rows = runner.invoke(app, ["export", "--format", "gdelt", "--db", str(db)]).output.splitlines()
    assert len(rows) == 1 and rows[0].split("\t")[26] == "173" and len(rows[0].split("\t")) == 61
    everything = runner.invoke(app, ["export", "--format", "gdelt", "--all-modalities", "--db", str(db)]).output
    assert len(everything.splitlines()) == 2
