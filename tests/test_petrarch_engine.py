"""The PETRARCH engine on small hand-written dictionaries and on the shipped defaults."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from eventcoder.petrarch import CodedEvent, Dictionaries, PetrarchCoder

VERBS = """\
&TIETYPES
+DIPLOMATIC
+MILITARY

--- RESTORE [064] ---
RESTORE
- * &TIETYPES TIES [065]
- NOT * [112]

--- ACCUSE [112] ---
ACCUSE

--- VISIT [042:043] ---
VISIT
+TRAVEL_TO

--- AGREE [030] ---
AGREE
- % * [030:030]
- * WITH % [031]

--- FREE [066] ---
FREE
- + * FROM $ [084]

--- SAY [---] ---
SAY {SAID SAYS SAYING}
"""
ACTORS = """\
GONDOR [GON]
+MINAS_TIRITH
ARNOR [ARN]
OSGILIATH [OSG]
SAM_GAMGEE [HOB]
\t[HOBGOV 20120101-20121231]
\t[HOBELI >20130101]
"""
AGENTS = "PRESIDENT [~GOV]\nSOLDIER [~MIL]\nOFFICIAL [~GOV]\n"
DISCARDS = "+FOOTBALL CLUB\n"


@pytest.fixture(scope="module")
def coder(tmp_path_factory):
    d = tmp_path_factory.mktemp("dicts")
    for name, text in (("v.txt", VERBS), ("a.txt", ACTORS), ("g.txt", AGENTS), ("d.txt", DISCARDS)):
        (d / name).write_text(text, encoding="utf-8")
    dicts = Dictionaries.load(d / "v.txt", [d / "a.txt"], d / "g.txt", d / "d.txt", use_cache=False)
    return PetrarchCoder(dicts)


def code(nlp, coder, text, date=None):
    sent = next(nlp(text).sents)
    return [(e.source_code, e.target_code, e.cameo) for e in coder.code_sentence(sent, date)]


def test_basic_and_pattern_precedence(nlp, coder):
    assert code(nlp, coder, "Arnor accused Gondor of spying.") == [("ARN", "GON", "112")]
    assert code(nlp, coder, "Arnor restored relations with Gondor.") == [("ARN", "GON", "064")]
    assert code(nlp, coder, "Arnor restored diplomatic ties with Gondor.") == [("ARN", "GON", "065")]


def test_event_fields(nlp, coder):
    doc = nlp("Arnor restored diplomatic ties with Gondor.")
    (ev,) = coder.code_sentence(next(doc.sents), None)
    assert isinstance(ev, CodedEvent) and dataclasses.is_dataclass(ev)
    assert ev.pattern == "- * &TIETYPES TIES [065]"
    assert doc[ev.verb_index].text == "restored"
    assert ev.source_text == "Arnor" and doc.text[slice(*ev.source_span)] == "Arnor"
    assert ev.target_text == "Gondor" and doc.text[slice(*ev.target_span)] == "Gondor"
    with pytest.raises(dataclasses.FrozenInstanceError):
        ev.cameo = "010"  # type: ignore[misc]


def test_agents_compose_and_synonyms(nlp, coder):
    assert code(nlp, coder, "The president of Arnor accused Minas Tirith.") == [("ARNGOV", "GON", "112")]
    assert code(nlp, coder, "Gondor's soldiers accused an official.") == [("GONMIL", "---GOV", "112")]


def test_compound_actors_and_paired_codes(nlp, coder):
    assert sorted(code(nlp, coder, "Arnor and Osgiliath accused Gondor.")) == [
        ("ARN", "GON", "112"), ("OSG", "GON", "112")]
    assert sorted(code(nlp, coder, "Arnor visited Gondor.")) == [("ARN", "GON", "042"), ("GON", "ARN", "043")]
    assert sorted(code(nlp, coder, "Arnor and Gondor agreed.")) == [("ARN", "GON", "030"), ("GON", "ARN", "030")]
    assert sorted(code(nlp, coder, "Arnor agreed with Gondor and Osgiliath.")) == [
        ("ARN", "GON", "031"), ("ARN", "OSG", "031")]


def test_source_target_markers(nlp, coder):
    assert code(nlp, coder, "Gondor was freed from Osgiliath yesterday.") == [("OSG", "GON", "084")]


def test_date_restrictions(nlp, coder):
    text = "Sam Gamgee accused Gondor."
    assert code(nlp, coder, text, dt.date(2012, 6, 1)) == [("HOBGOV", "GON", "112")]
    assert code(nlp, coder, text, dt.date(2014, 6, 1)) == [("HOBELI", "GON", "112")]
    assert code(nlp, coder, text, dt.date(2000, 6, 1)) == [("HOB", "GON", "112")]
    assert code(nlp, coder, text, None) == [("HOB", "GON", "112")]


def test_no_event(nlp, coder):
    assert code(nlp, coder, "Arnor said nothing.") == []  # [---] verb
    assert code(nlp, coder, "Arnor accused nobody.") == []  # require_dyad
    assert code(nlp, coder, "The Gondor football club accused Arnor.") == []  # discard
    assert code(nlp, coder, "Arnor slept.") == []


def test_require_dyad_off(nlp, coder):
    c2 = PetrarchCoder(Dictionaries(coder.d), require_dyad=False)
    assert code(nlp, c2, "Arnor accused nobody.") == [("ARN", None, "112")]


def test_default_dictionaries(nlp):
    coder = PetrarchCoder(Dictionaries.default())
    evs = code(nlp, coder, "Russia accused Ukraine of shelling the city on Monday.", dt.date(2022, 3, 1))
    assert evs and evs[0][0].startswith("RUS") and evs[0][1].startswith("UKR")
    assert evs[0][2][:2] == "11"
