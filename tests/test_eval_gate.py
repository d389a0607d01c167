"""Quality gate: the coder's scores on the shared gold sets stay above the floors pinned in
tests/eval_baseline.json (skips where ../shared is absent)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from eventcoder.evaluate import read_jsonl, score
from eventcoder.ingest import read_inputs

BASELINE = json.loads((Path(__file__).parent / "eval_baseline.json").read_text())


def _code(pipeline, path):
    events = []
    for res in pipeline.code_documents(read_inputs([path])):
        assert res.error is None, res.error
        events.extend(res.events)
    return events


@pytest.mark.parametrize("name,corpus,gold", [
    ("seed", "corpus/seed/seed.txt", "gold/seed_events.jsonl"),
    ("field_cases", "corpus/field_cases/docs.jsonl", "gold/field_cases.jsonl"),
    ("plover_gsr_dev", "corpus/plover_gsr/dev.jsonl", "gold/plover_gsr_dev.jsonl"),
])
def test_eval_gate_default_coder(shared, pipeline, name, corpus, gold):
    s = score(read_jsonl(shared / gold), _code(pipeline, shared / corpus))
    floor = BASELINE[name]
    assert s.recall >= floor.get("recall", 0), (s.recall, s.missed_required)
    assert s.precision >= floor.get("precision", 0), s.precision
    assert s.f1 >= floor.get("f1", 0), s.f1
    if "forbidden" in floor:
        assert s.forbidden_hits <= floor["forbidden"], [e["evidence"]["text"][:80] for e in s.forbidden_events]


def test_eval_gate_seed_has_no_boilerplate_events(shared, pipeline):
    events = _code(pipeline, shared / "corpus/seed/seed.txt")
    for bad in ("Hillsdale", "Epoch Times", "Views expressed", "Related Topics", "Dominick"):
        assert not [e for e in events if bad in e["evidence"]["text"]]


def test_eval_gate_petrarch_unit_records_with_user_dictionaries(shared):
    from eventcoder.config import Settings
    from eventcoder.pipeline import Pipeline

    d = shared / "data/petrarch2/dictionaries"
    settings = Settings(verbs=d / "PETR.Validate.verbs.txt", actors=(d / "PETR.Validate.actors.txt",),
                        agents=d / "PETR.Validate.agents.txt", discards=d / "PETR.Validate.discards.txt")
    events = _code(Pipeline(settings), shared / "corpus/petrarch_unit/docs.jsonl")
    golds = read_jsonl(shared / "gold/petrarch_unit.jsonl")
    s = score(golds, events)
    assert s.recall >= BASELINE["petrarch_unit"]["recall"], s.recall
    no_event_docs = {g["doc"] for g in golds if g.get("kind") == "forbidden"}
    hit_docs = {e["doc_id"] for e in events if e["doc_id"] in no_event_docs}
    assert len(hit_docs) <= BASELINE["petrarch_unit"]["no_event_hits"]
