"""The hybrid coder (lexicon first, PETRARCH default dictionaries for the rest) on sentences
written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.coding import HybridCoder, RuleCoder, make_coder
from eventcoder.coding.hybrid import default_petrarch_coder
from eventcoder.coding.rules import MentionIndex
from eventcoder.records import Document


@pytest.fixture(scope="module")
def cands(pipeline):
    """cands(text) -> the HybridCoder's candidates for the text's sentences."""
    coder = HybridCoder(RuleCoder(place_country=pipeline.places.country_of))

    def _cands(text: str) -> list:
        sdoc = pipeline.nlp(text)
        doc = Document(id="t", text=text, published=dt.date(2024, 5, 1))
        mi = MentionIndex(pipeline.actors.resolve(sdoc, doc))
        out = []
        for sent in sdoc.sents:
            out.extend(coder.code_sentence(sent, mi, published=dt.date(2024, 5, 1)))
        return out
    return _cands


def _codes(actors):
    return [a.code if a is not None else None for a in actors]


def test_make_coder_default_is_hybrid_and_rule_coder_stays():
    coder = make_coder()
    assert isinstance(coder, HybridCoder)
    assert isinstance(coder.rules, RuleCoder)


def test_petrarch_dictionaries_loaded_once():
    assert default_petrarch_coder() is default_petrarch_coder()


def test_petrarch_only_verb_is_coded(cands, code):
    # "remain" is not in the lexicon; the dictionaries' military pattern codes a show of force
    cs = cands("Israeli troops remained on alert near Gaza on Monday.")
    hits = [c for c in cs if c.cameo == "150"]
    assert hits, [(c.cameo, c.pattern) for c in cs]
    assert hits[0].pattern.startswith("petrarch:")
    assert _codes(hits[0].sources)[0].startswith("ISR")
    evs = code("Israeli troops remained on alert near Gaza on Monday.")
    assert any(e["plover"] == "MOBILIZE" and e["source"]["code"].startswith("ISR") for e in evs), evs


def test_petrarch_event_takes_project_actor(cands):
    cs = cands("Egypt forced the UN refugee agency out of the country.")
    hits = [c for c in cs if c.pattern.startswith("petrarch:")]
    assert hits
    assert _codes(hits[0].sources) == ["EGY"]
    assert hits[0].sources[0].method != "dictionary"  # the actor stage's mention, not the engine's


def test_lexicon_verb_wins_over_petrarch(cands):
    cs = cands("Kenya expelled two Somali diplomats on Monday.")
    assert cs
    assert all(c.pattern.startswith("lexicon") for c in cs), [c.pattern for c in cs]
    assert cs[0].cameo == "166"


def test_said_is_not_an_event(cands, code):
    text = "Iran said on Tuesday that the talks in Oman were useful."
    assert not [c for c in cands(text) if c.cameo.startswith("01")]
    assert not [e for e in code(text) if e["cameo"].startswith("01")]


def test_petrarch_event_needs_country_actor(cands):
    # no country, region or international body anywhere: the dictionaries add nothing
    cs = cands("The committee remained on alert near the river.")
    assert not [c for c in cs if c.pattern.startswith("petrarch:")]


def test_internal_measure_targets_people_of_place(code):
    evs = code("Pakistani police arrested 40 people in Lahore on Thursday.")
    hits = [e for e in evs if e["cameo"] == "173"]
    assert hits and hits[0]["source"]["code"] == "PAKCOP"
    assert hits[0]["target"]["country"] == "PAK"


def test_stance_passive_subject_is_source(cands):
    cs = cands("Chile is committed to the peace plan of Peru.")
    hits = [c for c in cs if c.cameo == "030"]
    assert hits
    assert _codes(hits[0].sources) == ["CHL"]
    assert _codes(hits[0].targets) == ["PER"]


def test_lexicon_verb_takes_engine_actor_when_subject_unresolved(cands):
    # "aircraft" is no actor for the actor stage; the dictionaries code "Russian" inside the
    # subject phrase: the lexicon's code with the engine's actor
    cs = cands("Russian aircraft killed twelve Syrian civilians near Idlib on Monday.")
    hits = [c for c in cs if c.cameo == "190"]
    assert hits, [(c.cameo, c.pattern) for c in cs]
    assert hits[0].pattern.startswith("lexicon: KILL")
    assert _codes(hits[0].sources)[0].startswith("RUS")
    assert _codes(hits[0].targets)[0].startswith("SYR")


def test_engine_actor_outside_subject_is_not_taken(cands):
    # the only country is in the object: no source is invented for the lexicon verb
    cs = cands("The committee threatened Syria on Monday.")
    assert not [c for c in cs if c.sources and c.sources[0] is not None and c.sources[0].code.startswith("SYR")]
