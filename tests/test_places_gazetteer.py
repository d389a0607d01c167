"""Gazetteer API: MemoryGazetteer unit tests and GeonamesGazetteer normalisations."""
import pytest

from eventcoder.places.gazetteer import (Gazetteer, GeonamesGazetteer, MemoryGazetteer, fold,
                                         split_admin_suffix)
from eventcoder.records import Place

KHARKIV = Place("Kharkiv", 706483, 49.98081, 36.25272, "UKR", "07", "PPL", 1_430_885)
KHARKIV_OBL = Place("Kharkiv Oblast", None, 49.7, 36.6, "UKR", "07", "ADM1", 2_600_000)
UKRAINE = Place("Ukraine", 690791, 49.0, 32.0, "UKR", None, "PCLI", 44_622_516)
BOGOTA = Place("Bogotá", 3688689, 4.60971, -74.08175, "COL", "34", "PPLC", 7_674_366)
TADMUR = Place("Tadmur", 163808, 34.56, 38.28, "SYR", "11", "PPL", 51_015)
PALMYRA_NY = Place("Palmyra", 5131692, 43.06, -77.23, "USA", "NY", "PPL", 3_413)
SPRINGFIELD_IL = Place("Springfield", 4250542, 39.80, -89.64, "USA", "IL", "PPLA", 114_394)
SPRINGFIELD_MO = Place("Springfield", 4409896, 37.22, -93.30, "USA", "MO", "PPL", 169_176)


@pytest.fixture
def mem():
    return MemoryGazetteer([
        KHARKIV, (KHARKIV_OBL, ["Kharkivska oblast", "Kharkiv"]), (UKRAINE, ["Ukrayina"]), BOGOTA,
        (TADMUR, ["Palmyra", "Tadmor"]), PALMYRA_NY, SPRINGFIELD_IL, SPRINGFIELD_MO,
    ])


def test_memory_gazetteer_is_a_gazetteer(mem):
    assert isinstance(mem, Gazetteer)
    assert isinstance(GeonamesGazetteer(), Gazetteer)


def test_case_and_diacritics_are_folded(mem):
    assert mem.lookup("bogota")[0].geonameid == 3688689
    assert mem.lookup("BOGOTÁ")[0].geonameid == 3688689
    assert mem.lookup("  Bogota ")[0].name == "Bogotá"
    assert fold("Ḩamāh") == "hamah"


def test_unknown_name_gives_empty_list(mem):
    assert mem.lookup("Atlantis") == []
    assert mem.lookup("") == []


def test_alternate_match_is_named_alternate_then_primary(mem):
    hits = mem.lookup("Palmyra")
    assert [p.geonameid for p in hits] == [163808, 5131692]  # bigger first
    assert hits[0].name == "Palmyra (Tadmur)"
    assert hits[1].name == "Palmyra"  # its own name: unchanged
    assert mem.lookup("Tadmur")[0].name == "Tadmur"


def test_ranked_by_population(mem):
    assert [p.admin1 for p in mem.lookup("Springfield")] == ["MO", "IL"]


def test_division_suffix_normalises_to_admin1(mem):
    for text in ("Kharkiv region", "Kharkiv Oblast", "kharkiv oblast", "Kharkiv province"):
        assert mem.lookup(text)[0] == KHARKIV_OBL, text
    # the bare name is the city
    assert mem.lookup("Kharkiv")[0] == KHARKIV
    assert split_admin_suffix("Donetsk region") == ("Donetsk", "region")
    assert split_admin_suffix("Donetsk") is None


def test_country_and_admin1(mem):
    assert mem.country("UKR") == UKRAINE
    assert mem.country("ukr") == UKRAINE
    assert mem.country("XXX") is None
    assert mem.admin1("UKR", "07") == KHARKIV_OBL
    assert mem.admin1("UKR", "Kharkiv region") == KHARKIV_OBL
    assert mem.admin1("UKR", "Kharkivska oblast") == KHARKIV_OBL
    assert mem.admin1("RUS", "07") is None


# ---------------------------------------------------------------- package gazetteer

@pytest.fixture(scope="module")
def geo():
    return GeonamesGazetteer()


@pytest.mark.parametrize("text,name,iso3,fc", [
    ("Bryansk region", "Bryansk Oblast", "RUS", "ADM1"),
    ("Bryansk Oblast", "Bryansk Oblast", "RUS", "ADM1"),
    ("Donetsk region", "Donetsk Oblast", "UKR", "ADM1"),
    ("Luhansk region", "Luhansk Oblast", "UKR", "ADM1"),
    ("New Delhi", "New Delhi", "IND", "PPL"),
    ("Addis Ababa", "Addis Ababa", "ETH", "PPLC"),
    ("addis ababa", "Addis Ababa", "ETH", "PPLC"),
    ("U.S.", "United States", "USA", "PCLI"),
    ("United States", "United States", "USA", "PCLI"),
    ("Britain", "United Kingdom", "GBR", "PCLI"),
    ("Russia", "Russia", "RUS", "PCLI"),
    ("Syria", "Syria", "SYR", "PCLI"),
    ("Ivory Coast", "Ivory Coast", "CIV", "PCLI"),
    ("Texas", "Texas", "USA", "ADM1"),
])
def test_geonames_normalisations(geo, text, name, iso3, fc):
    top = geo.lookup(text)[0]
    assert (top.name, top.country, top.feature_code) == (name, iso3, fc)


def test_geonames_alternate_names(geo):
    palmyra = geo.lookup("Palmyra")[0]
    assert palmyra.name == "Palmyra (Tadmur)" and palmyra.geonameid == 163808
    assert palmyra.country == "SYR"
    ghent = geo.lookup("Ghent")[0]
    assert ghent.name == "Ghent (Gent)" and ghent.country == "BEL"
    assert geo.lookup("Kiev")[0].geonameid == 703448


def test_geonames_country_admin1(geo):
    ru = geo.country("RUS")
    assert ru.geonameid == 2017370 and ru.feature_code == "PCLI"
    assert geo.admin1("USA", "GA").name == "Georgia"
    assert geo.admin1("USA", "GA").geonameid == 4197000
    assert geo.admin1("RUS", "RU-BRY").admin1 == "10"
    assert geo.admin1("RUS", "Bryansk region").name == "Bryansk Oblast"


def test_geonames_instances_share_one_load(geo):
    other = GeonamesGazetteer()
    other.lookup("Paris")
    assert other._index is geo._index or geo.lookup("Paris") == other.lookup("Paris")


@pytest.mark.parametrize("text,name,iso3,fc", [
    ("Deir Ezzor", "Deir ez-Zor", "SYR", "PPL"),        # spelling variant: letters only
    ("Al-Bab", "Al Bāb", "SYR", "PPL"),
    ("Aleppo City", "Aleppo", "SYR", "PPL"),             # "X City" is the town
    ("Aleppo Governorate", "Aleppo (Ḩalab)", "SYR", "ADM1"),  # division named after its capital
    ("Homs Governorate", "Homs (Ḩimş)", "SYR", "ADM1"),
    ("Idlib province", "Idlib", "SYR", "ADM1"),
    ("Idlib", "Idlib", "SYR", "PPL"),                    # the bare name is the town
    ("Kherson", "Kherson", "UKR", "PPL"),
    ("Kherson region", "Kherson Oblast", "UKR", "ADM1"),
    ("Gaza Strip", "Palestinian Territory", "PSE", "PCLI"),
])
def test_geonames_spelling_and_division_forms(geo, text, name, iso3, fc):
    top = geo.lookup(text)[0]
    assert (top.name, top.country, top.feature_code) == (name, iso3, fc)


def test_lookup_scored_is_ordered(geo):
    scored = geo.lookup_scored("Paris")
    assert [p for p, _ in scored] == geo.lookup("Paris")
    assert all(a >= b for (_, a), (_, b) in zip(scored, scored[1:]))
