"""'here' is the dateline place; single toponyms for other stages."""
import pytest

from eventcoder.records import Document
from eventcoder.places.resolver import PlaceResolver

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


@pytest.mark.parametrize("text,dateline,anchor,name,iso3", [
    ("Hundreds protested here on Monday.", "NAIROBI", "protested", "Nairobi", "KEN"),
    ("Residents fled here after the shelling.", "Kharkiv", "fled", "Kharkiv", "UKR"),
    ("Ministers met here to sign the accord.", "Addis Ababa", "met", "Addis Ababa", "ETH"),
])
def test_here_is_the_dateline(nlp, resolver, text, dateline, anchor, name, iso3):
    doc = nlp(text)
    ctx = resolver.document_context(doc, Document(id="t", text=text, dateline=dateline))
    assert ctx.dateline is not None and ctx.dateline.country == iso3
    assert ctx.countries[iso3] >= 1
    place = resolver.resolve(next(t for t in doc if t.text == anchor), ctx)
    assert (place.name, place.country) == (name, iso3)


def test_here_without_dateline_is_no_place(nlp, resolver):
    text = "Hundreds protested here on Monday."
    doc = nlp(text)
    ctx = resolver.document_context(doc, Document(id="t", text=text))
    assert resolver.resolve(doc[2], ctx) is None


@pytest.mark.parametrize("text,name,iso3,fc", [
    ("Nairobi", "Nairobi", "KEN", "PPLC"),
    ("Paris, Texas", "Paris", "USA", "PPL"),
    ("Athens, Georgia", "Athens", "USA", "PPL"),
    ("Bryansk region", "Bryansk Oblast", "RUS", "ADM1"),
    ("Palmyra", "Palmyra (Tadmur)", "SYR", "PPL"),
    ("Britain", "United Kingdom", "GBR", "PCLI"),
    ("Kherson", "Kherson", "UKR", "PPL"),
])
def test_place_of_name(resolver, text, name, iso3, fc):
    place = resolver.place_of_name(text)
    assert (place.name, place.country, place.feature_code) == (name, iso3, fc)


def test_place_of_name_unknown(resolver):
    assert resolver.place_of_name("Blorftown") is None
    assert resolver.place_of_name("") is None


@pytest.mark.parametrize("text,iso3", [
    ("Nairobi", "KEN"), ("Tbilisi", "GEO"), ("U.S.", "USA"), ("Russian", "RUS"),
    ("Syria", "SYR"), ("Donetsk region", "UKR"), ("Zzyzxville", None),
])
def test_country_of(resolver, text, iso3):
    assert resolver.country_of(text) == iso3
