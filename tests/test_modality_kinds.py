"""Modality of coded events: each kind on sentences written for these tests."""
from __future__ import annotations

import pytest


def _modalities(events, root):
    return [e["modality"] for e in events if e["cameo_root"] == root]


@pytest.mark.parametrize("text,root,expected", [
    ("Police in Harare did not arrest the opposition leader on Monday.", "17", "negated"),
    ("Zambian police never detained the protesters, officials said.", "17", "negated"),
    ("Ethiopia would attack Eritrea if the talks collapse, analysts said.", "19", "hypothetical"),
    ("If Serbian troops entered the enclave, Kosovo could ask NATO for help.", "02", "hypothetical"),
    ("The foreign ministers of Japan and Korea will meet in Seoul next week.", "04", "future"),
    ("Poland plans to expel Russian diplomats next month.", "16", "future"),
    ("Police allegedly detained dozens of students in Dhaka on Tuesday.", "17", "claimed"),
    ("Egyptian police arrested 40 activists in Cairo on Sunday.", "17", "asserted"),
])
def test_modality_kind(code, text, root, expected):
    evs = code(text, published="2024-05-14")
    assert expected in _modalities(evs, root), evs


def test_modality_future_meeting_also_gives_an_asserted_intent(code):
    evs = code("The leaders of Kenya and Uganda will meet in Kampala next Tuesday, officials said on Monday.",
               published="2024-05-14")
    intents = [e for e in evs if e["cameo"] == "036"]
    assert intents and intents[0]["modality"] == "asserted"
    assert intents[0]["date"] == "2024-05-13"
    meetings = [e for e in evs if e["cameo_root"] == "04"]
    assert meetings and all(e["modality"] == "future" for e in meetings)
    assert meetings[0]["date"] == "2024-05-21"


def test_modality_old_dated_event_is_historical(code):
    evs = code("The talks came a year after Ethiopia's March 2023 offensive in Tigray.", published="2024-05-14")
    assert "historical" in _modalities(evs, "19")


def test_modality_attribution_of_reported_event(code):
    evs = code("Sudanese troops shelled El Fasher on Sunday, the governor said.", published="2024-05-14")
    hit = [e for e in evs if e["cameo_root"] == "19"][0]
    assert hit["attributed_to"] is not None and "governor" in hit["attributed_to"]["text"]
    assert hit["source"]["country"] == "SDN"
    assert "governor" not in (hit["target"] or {}).get("text", "")


def test_modality_reported_would_is_future_and_a_stated_protest_is_a_threat(code):
    evs = code("Truck drivers blocked highways near Warsaw on Monday and said they would march on parliament on Friday.",
               published="2024-05-14")
    marches = [e for e in evs if e["cameo"] == "141"]
    assert marches and marches[0]["modality"] == "future" and marches[0]["date"] == "2024-05-17"
    threats = [e for e in evs if e["cameo_root"] == "13"]
    assert threats and threats[0]["modality"] == "asserted" and threats[0]["date"] == "2024-05-13"


def test_modality_first_person_analysis_is_opinion(code):
    evs = code("I believe Moscow is arming the separatists in eastern Moldova.", published="2024-05-14")
    assert [e["modality"] for e in evs if e["cameo_root"] == "07"] == ["opinion"]


def test_modality_opinion_section_undated_claims_are_opinion_dated_reports_are_not(pipeline):
    import datetime as dt

    from eventcoder.records import Document
    text = ("Beijing supports Moscow in every forum that matters.\n\n"
            "On Monday, Chinese police detained 12 activists in Shanghai.")
    doc = Document(id="op", text=text, published=dt.date(2024, 5, 14), section="Opinion")
    evs = pipeline.code_document(doc)
    by_root = {e["cameo_root"]: e["modality"] for e in evs}
    assert by_root.get("05") == "opinion" and by_root.get("17") == "asserted"
    news = pipeline.code_document(Document(id="news", text=text, published=dt.date(2024, 5, 14), section="World"))
    assert {e["cameo_root"]: e["modality"] for e in news}.get("05") == "asserted"
