"""The event record contract (docs/event-record.md) and the pipeline's behaviour on bad input."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from eventcoder.errors import DocumentError
from eventcoder.pipeline import Pipeline
from eventcoder.records import Document

FIELDS = {"event_id", "doc_id", "sentence_index", "evidence", "source", "target", "cameo",
          "cameo_root", "plover", "plover_mode", "plover_context", "goldstein", "quad_class",
          "date", "date_precision", "date_basis", "location", "modality", "attributed_to",
          "event_group", "pattern", "confidence"}
TEXT = ("Egyptian police arrested 40 activists in Cairo on Sunday.\n\n"
        "The Egyptian foreign minister praised Sudan on Monday for the ceasefire.")


def test_pipeline_record_has_every_contract_field(code):
    evs = code(TEXT, published="2024-05-14")
    assert len(evs) >= 2
    for e in evs:
        assert FIELDS <= set(e)
        assert re.fullmatch(r"\d{2,4}", e["cameo"]) and e["cameo_root"] == e["cameo"][:2]
        assert e["modality"] in {"asserted", "claimed", "future", "hypothetical", "negated", "historical", "opinion"}
        assert 0 <= e["confidence"] <= 1
        assert TEXT[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]


def test_pipeline_values_come_from_the_tables(code):
    evs = code(TEXT, published="2024-05-14")
    arrest = [e for e in evs if e["cameo"] == "173"][0]
    assert arrest["quad_class"] == 4 and arrest["plover"] == "COERCE" and arrest["goldstein"] == -5.0
    assert arrest["date"] == "2024-05-12" and arrest["date_precision"] == "day" and arrest["date_basis"] == "text"
    assert arrest["location"]["name"] == "Cairo" and arrest["location"]["country"] == "EGY"
    praise = [e for e in evs if e["cameo_root"] == "05"][0]
    assert praise["sentence_index"] == 1 and praise["quad_class"] == 1


def test_pipeline_event_ids_are_stable_across_runs():
    doc = Document(id="same", text=TEXT, published=dt.date(2024, 5, 14))
    a = [e["event_id"] for e in Pipeline().code_document(doc)]
    b = [e["event_id"] for e in Pipeline().code_document(doc)]
    assert a == b and len(set(a)) == len(a)


def test_pipeline_no_date_in_text_uses_publication(code):
    evs = code("Egyptian police arrested 40 activists in Cairo.", published="2024-05-14")
    assert evs[0]["date"] == "2024-05-14" and evs[0]["date_basis"] == "publication"


def test_pipeline_empty_document_is_an_error_naming_it(pipeline):
    with pytest.raises(DocumentError, match="'blank'"):
        pipeline.code_document(Document(id="blank", text="   "))


def test_pipeline_bad_document_does_not_stop_the_run(pipeline):
    docs = [Document(id="a", text=TEXT, published=dt.date(2024, 5, 14)), Document(id="b", text=""),
            DocumentError("c.jsonl:3", "not valid JSON"), Document(id="d", text=TEXT)]
    results = list(pipeline.code_documents(docs))
    assert [r.doc_id for r in results] == ["a", "b", "c.jsonl:3", "d"]
    assert results[0].events and results[3].events
    assert "'b'" in results[1].error and "not valid JSON" in results[2].error
