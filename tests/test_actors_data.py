"""Integrity of the generated actor data (eventcoder/data/actors_*)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pycountry
import pytest

from eventcoder.actors.data import load_actor_data

ROOT = Path(__file__).resolve().parents[1]
CODE = re.compile(r"^(?:(?:[A-Z]{3})+|(?:IGO|NGO|IMG)[A-Z]{3,})$")  # IGO acronyms may be 4 letters (IGOCSTO)


@pytest.fixture(scope="module")
def data():
    return load_actor_data()


def test_every_iso_country_has_a_name_entry(data):
    countries = {e.country for es in data.entries.values() for e in es if e.kind == "country"}
    missing = [c.alpha_3 for c in pycountry.countries if c.alpha_3 not in countries]
    assert missing == []


def test_codes_are_well_formed(data):
    for es in data.entries.values():
        for e in es:
            if e.kind in ("agent", "title") and e.code == "":
                continue  # collective nouns ("countries") carry no sector
            assert CODE.match(e.code), (e.pattern, e.code)
            if e.country:
                assert re.match(r"^[A-Z]{3}$", e.country)
    for person in data.people.values():
        for role in person.roles:
            assert CODE.match(role.code), (person.name, role.code)
            if role.start and role.end:
                assert role.start < role.end, person.name


def test_known_codes(data):
    def code(text, kind):
        return next(e.code for e in data.lookup(text) if e.kind == kind)
    assert code("NATO", "igo") == "IGOWSTNAT"
    assert code("North Atlantic Treaty Organization", "igo") == "IGOWSTNAT"
    assert code("United Nations", "igo") == "IGOUNO"
    assert code("African Union", "igo") == "IGOAFRAFU"
    assert code("Russian Federation", "country") == "RUS"
    assert code("Kazakh", "adjective") == "KAZ"
    assert code("Moscow", "capital") == "RUSGOV"
    assert code("Kyiv", "capital") == "UKRGOV"
    assert code("police", "agent") == "COP"
    assert code("farmers", "agent") == "AGR"


def test_acronyms_are_case_sensitive(data):
    assert not [e for e in data.lookup("us") if e.kind == "country"]
    assert [e for e in data.lookup("US") if e.kind == "country"]
    assert not [e for e in data.lookup("who") if e.kind == "igo"]


def test_build_script_reproduces_packaged_files(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_actors.py"), "--out", str(tmp_path)], check=True)
    packaged = ROOT / "src" / "eventcoder" / "data"
    for name in ("actors_names.tsv", "actors_people.tsv", "actors_agents.tsv", "actors_grammar.yaml"):
        assert (tmp_path / name).read_text(encoding="utf-8") == (packaged / name).read_text(encoding="utf-8"), name
