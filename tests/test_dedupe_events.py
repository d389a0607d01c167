"""Dedupe: mentions -> events, on event records built by hand (event-record.md)."""
from __future__ import annotations

import random

from eventcoder.dedupe import compatible, dedupe_records

KYIV = {"name": "Kyiv", "geonameid": 703448, "lat": 50.45466, "lon": 30.5238, "country": "UKR",
        "admin1": "12", "feature_code": "PPLC"}
KHARKIV = {"name": "Kharkiv", "geonameid": 706483, "lat": 49.98081, "lon": 36.25272, "country": "UKR",
           "admin1": "07", "feature_code": "PPLA"}
UKRAINE = {"name": "Ukraine", "geonameid": 690791, "lat": 49.0, "lon": 32.0, "country": "UKR",
           "admin1": "00", "feature_code": "PCLI"}


def actor(code, country, sector=None, name=None):
    return {"text": name or code, "name": name or code, "code": code, "country": country, "sector": sector}


def rec(doc_id, eid, source, target, cameo, date, location, precision="day", modality="asserted",
        goldstein=-10.0, quad=4, plover="ASSAULT", sentence=0):
    return {"event_id": eid, "doc_id": doc_id, "sentence_index": sentence,
            "evidence": {"text": f"sentence {eid}", "start": 0, "end": 10},
            "source": source, "target": target, "cameo": cameo, "cameo_root": cameo[:2], "plover": plover,
            "plover_mode": None, "plover_context": [], "goldstein": goldstein, "quad_class": quad,
            "date": date, "date_precision": precision, "date_basis": "text", "location": location,
            "modality": modality, "attributed_to": None, "event_group": None, "pattern": "hand",
            "confidence": 0.8}


DOCS = {"a1": {"outlet": "Reuters", "published": "2024-03-06", "content_hash": "h1"},
        "a2": {"outlet": "AP", "published": "2024-03-06", "content_hash": "h2"},
        "a3": {"outlet": "AP", "published": "2024-03-07", "content_hash": "h3"},
        "a4": {"published": "2024-03-07", "content_hash": "h4"}}


def test_dedupe_two_outlets_one_event():
    r1 = rec("a1", "m1", actor("RUSMIL", "RUS", "MIL"), actor("UKR", "UKR"), "190", "2024-03-05", KYIV)
    r2 = rec("a2", "m2", actor("RUS", "RUS"), actor("UKR", "UKR"), "193", "2024-03-05", KYIV)
    res = dedupe_records([r1, r2], DOCS)
    assert len(res.events) == 1
    ev = res.events[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    assert ev["source_code"] == "RUSMIL"  # the more specific actor wins


def test_dedupe_two_protests_same_day_different_cities_stay_two():
    cvl = actor("UKRCVL", "UKR", "CVL")
    gov = actor("UKRGOV", "UKR", "GOV")
    p1 = rec("a1", "m1", cvl, gov, "141", "2024-03-05", KYIV, goldstein=-6.5, quad=3, plover="PROTEST")
    p2 = rec("a2", "m2", cvl, gov, "141", "2024-03-05", KHARKIV, goldstein=-6.5, quad=3, plover="PROTEST")
    res = dedupe_records([p1, p2], DOCS)
    assert len(res.events) == 2
    assert {e["loc_name"] for e in res.events} == {"Kyiv", "Kharkiv"}


def test_dedupe_disagreeing_details_merge():
    # month vs day, country vs city, sector missing vs present, CAMEO 190 vs 193 (same root)
    r1 = rec("a1", "m1", actor("RUS", "RUS"), actor("UKR", "UKR"), "190", "2024-03", UKRAINE, precision="month")
    r2 = rec("a2", "m2", actor("RUSMIL", "RUS", "MIL"), actor("UKRMIL", "UKR", "MIL"), "193", "2024-03-06", KYIV)
    r3 = rec("a3", "m3", actor("RUSMIL", "RUS", "MIL"), None, "190", "2024-03-05", None)
    r4 = rec("a4", "m4", actor("RUS", "RUS"), actor("UKR", "UKR"), "190", "2024-03-05", KYIV, modality="claimed")
    res = dedupe_records([r1, r2, r3, r4], DOCS)
    assert len(res.events) == 1
    ev = res.events[0]
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (4, 4, 3)
    assert ev["date_precision"] == "day" and ev["loc_name"] == "Kyiv"
    assert ev["modality"] == "asserted"


def test_dedupe_rules_keep_apart():
    base = rec("a1", "m1", actor("RUS", "RUS"), actor("UKR", "UKR"), "190", "2024-03-05", KYIV)
    assert compatible(base, rec("a2", "m2", actor("RUS", "RUS"), actor("UKR", "UKR"), "193", "2024-03-06", KYIV))
    # three days apart
    assert not compatible(base, rec("a2", "m2", actor("RUS", "RUS"), actor("UKR", "UKR"), "190", "2024-03-08", KYIV))
    # other source country
    assert not compatible(base, rec("a2", "m2", actor("BLR", "BLR"), actor("UKR", "UKR"), "190", "2024-03-05", KYIV))
    # sectors that disagree
    assert not compatible(rec("a1", "m1", actor("RUSMIL", "RUS", "MIL"), None, "190", "2024-03-05", KYIV),
                          rec("a2", "m2", actor("RUSCOP", "RUS", "COP"), None, "190", "2024-03-05", KYIV))
    # different root and PLOVER type
    assert not compatible(base, rec("a2", "m2", actor("RUS", "RUS"), actor("UKR", "UKR"), "112", "2024-03-05",
                                    KYIV, plover="ACCUSE"))
    # negated vs asserted never merge
    assert not compatible(base, rec("a2", "m2", actor("RUS", "RUS"), actor("UKR", "UKR"), "190", "2024-03-05",
                                    KYIV, modality="negated"))
    # month date vs a day outside the month
    assert not compatible(rec("a1", "m1", None, None, "190", "2024-02", None, precision="month"),
                          rec("a2", "m2", None, None, "190", "2024-03-01", None))


def test_dedupe_ids_stable_across_runs_and_order():
    recs = [rec(f"a{1 + i % 4}", f"m{i}", actor("RUS", "RUS"), actor("UKR", "UKR"), "190",
                f"2024-03-{1 + 3 * (i % 5):02d}", KYIV if i % 2 else KHARKIV, sentence=i) for i in range(20)]
    first = dedupe_records(recs, DOCS)
    shuffled = recs[:]
    random.Random(7).shuffle(shuffled)
    second = dedupe_records(shuffled, DOCS)
    key = lambda res: sorted((e["event_id"], e["num_mentions"]) for e in res.events)
    assert key(first) == key(second)
    assert sorted(first.links) == sorted(second.links)
    assert all(e["event_id"].startswith("evt_") and len(e["event_id"]) == 20 for e in first.events)


def test_dedupe_two_codes_from_one_sentence_stay_two_events():
    police, crowd = actor("GEOCOP", "GEO", "COP"), actor("GEOOPP", "GEO", "OPP")
    a = rec("a1", "m1", police, crowd, "175", "2024-05-13", None, sentence=2, plover="COERCE")
    b = rec("a1", "m2", police, crowd, "173", "2024-05-13", None, sentence=2, plover="COERCE")
    assert not compatible(a, b)
    # the same two codes told in two sentences of one article may be one event
    assert compatible(a, rec("a1", "m3", police, crowd, "173", "2024-05-13", None, sentence=5, plover="COERCE"))
