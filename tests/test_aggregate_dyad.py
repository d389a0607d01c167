"""Dyad and alignment numbers on a small hand-built event set."""
from __future__ import annotations

import math

import pytest

from eventcoder.aggregate import actor_activity, alignment, dyad, signorino_ritter
from eventcoder.records import Document
from eventcoder.store import ingest, open_store

GOLD = {"040": (1.0, 1, "CONSULT"), "051": (3.4, 1, "SUPPORT"), "057": (8.0, 1, "SUPPORT"),
        "111": (-2.0, 3, "ACCUSE"), "112": (-2.0, 3, "ACCUSE"), "130": (-4.4, 3, "THREATEN"),
        "173": (-5.0, 4, "COERCE"), "190": (-10.0, 4, "ASSAULT")}

# (doc, source code, target code, cameo, date, modality)
EVENTS = [
    ("d1", "RUSMIL", "UKR", "190", "2024-01-05", "asserted"),
    ("d2", "RUS", "UKR", "112", "2024-01-20", "claimed"),
    ("d3", "UKR", "RUS", "111", "2024-01-10", "asserted"),
    ("d4", "RUSGOV", "UKRGOV", "040", "2024-02-03", "asserted"),
    ("d5", "RUS", "UKR", "190", "2024-02-15", "negated"),
    ("d6", "RUS", "CHN", "040", "2024-02-16", "asserted"),
    ("a1", "USA", "RUS", "112", "2024-03-01", "asserted"),
    ("a2", "USAGOV", "RUS", "173", "2024-03-10", "asserted"),
    ("a3", "FRA", "RUS", "111", "2024-03-01", "asserted"),
    ("a4", "USA", "CHN", "040", "2024-04-01", "asserted"),
    ("a5", "FRA", "CHN", "057", "2024-04-02", "asserted"),
    ("a6", "USA", "IRN", "130", "2024-05-01", "asserted"),
    ("a7", "FRA", "IRN", "051", "2024-05-03", "asserted"),
    ("a8", "USA", "DEU", "040", "2024-06-01", "asserted"),
    ("a9", "USA", "FRA", "051", "2024-07-01", "asserted"),
    ("a10", "FRA", "USA", "040", "2024-07-20", "asserted"),
]


def _actor(code):
    return {"text": code, "name": code, "code": code, "country": code[:3],
            "sector": code[3:6] or None}


def _record(doc_id, src, tgt, cameo, date, modality):
    g, q, p = GOLD[cameo]
    return {"event_id": f"ev_{doc_id}", "doc_id": doc_id, "sentence_index": 0,
            "evidence": {"text": f"{src} {cameo} {tgt}", "start": 0, "end": 10},
            "source": _actor(src), "target": _actor(tgt), "cameo": cameo, "cameo_root": cameo[:2],
            "plover": p, "plover_mode": None, "plover_context": [], "goldstein": g, "quad_class": q,
            "date": date, "date_precision": "day", "date_basis": "text", "location": None,
            "modality": modality, "attributed_to": None, "event_group": None, "pattern": "hand",
            "confidence": 1.0}


def hand_coder(settings):
    by_doc = {e[0]: [_record(*e)] for e in EVENTS}
    return lambda doc: by_doc[doc.id]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    db = tmp_path_factory.mktemp("agg") / "e.duckdb"
    docs = [Document(id=e[0], text=f"text of {e[0]}", outlet="VOA") for e in EVENTS]
    report = ingest(docs, db, coder_factory=hand_coder)
    assert report.events == len(EVENTS)
    s = open_store(db, read_only=True)
    yield s
    s.close()


def _row(df, period, direction):
    r = df[(df["period"] == period) & (df["direction"] == direction)]
    assert len(r) == 1, (period, direction, df)
    return r.iloc[0]


def test_aggregate_dyad_counts_and_goldstein(store):
    res = dyad(store, "RUS", "UKR", by="month")
    jan = _row(res.series, "2024-01-01", "RUS->UKR")
    assert (jan["events"], jan["q1"], jan["q2"], jan["q3"], jan["q4"]) == (2, 0, 0, 1, 1)
    assert jan["goldstein_sum"] == pytest.approx(-12.0) and jan["goldstein_mean"] == pytest.approx(-6.0)
    rev = _row(res.series, "2024-01-01", "UKR->RUS")
    assert (rev["events"], rev["q3"], rev["goldstein_sum"]) == (1, 1, -2.0)
    feb = _row(res.series, "2024-02-01", "RUS->UKR")  # the negated attack does not count
    assert (feb["events"], feb["q1"], feb["goldstein_sum"]) == (1, 1, 1.0)
    assert len(res.series) == 3
    top = res.top_types[res.top_types["direction"] == "RUS->UKR"]
    assert set(top["cameo"]) == {"190", "112", "040"}


def test_aggregate_dyad_all_modalities_and_year(store):
    res = dyad(store, "RUS", "UKR", by="month", modalities=None)
    feb = _row(res.series, "2024-02-01", "RUS->UKR")
    assert (feb["events"], feb["goldstein_sum"], feb["goldstein_mean"]) == (2, -9.0, -4.5)
    year = dyad(store, "RUS", "UKR", by="year")
    tot = _row(year.series, "2024-01-01", "RUS->UKR")
    assert (tot["events"], tot["goldstein_sum"]) == (3, -11.0)
    with pytest.raises(ValueError):
        dyad(store, "RUS", "UKR", by="fortnight")


def test_aggregate_alignment_numbers(store):
    res = alignment(store, "USA", "FRA", by="year")
    row = res.by_period[res.by_period["period"] == "2024-01-01"].iloc[0]
    # third parties both acted toward: CHN (1.0, 8.0), IRN (-4.4, 3.4), RUS (-3.5, -2.0); DEU only USA
    assert row["parties"] == 3
    assert row["s_score"] == pytest.approx(1 - 2 * (7.0 + 7.8 + 1.5) / (3 * 20))
    assert row["pearson"] == pytest.approx(0.74789, abs=1e-4)
    assert (row["ab_mean"], row["ab_events"], row["ba_mean"], row["ba_events"]) == (3.4, 1, 1.0, 1)
    parties = res.parties.set_index("party")
    assert parties.loc["RUS", "a_mean"] == pytest.approx(-3.5) and parties.loc["RUS", "a_events"] == 2
    assert "DEU" not in parties.index
    assert res.shared_friends == ["CHN"] and res.shared_adversaries == ["RUS"]


def test_aggregate_signorino_ritter_bounds():
    assert signorino_ritter([1, -2], [1, -2]) == 1.0
    assert signorino_ritter([10, -10], [-10, 10]) == -1.0
    assert math.isnan(signorino_ritter([], []))


def test_aggregate_actor_activity_prefix(store):
    df = actor_activity(store, prefix="RUS")
    by = df.set_index("code")
    assert set(by.index) == {"RUS", "RUSMIL", "RUSGOV"}
    # RUS: source of 112 and of 040 toward CHN, target of 111, 112, 173 and 111 (counted modalities)
    assert (by.loc["RUS", "as_source"], by.loc["RUS", "as_target"]) == (2, 4)
