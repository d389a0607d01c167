"""Homonyms: explicit qualifiers, document context, and Washington the actor vs the place."""
import pytest

from eventcoder.records import Document
from eventcoder.places.resolver import PlaceResolver

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


@pytest.fixture(scope="module")
def run(nlp, resolver):
    def _run(text, anchor, *, occurrence=0):
        doc = nlp(text)
        ctx = resolver.document_context(doc, Document(id="t", text=text))
        tok = [t for t in doc if t.text == anchor][occurrence]
        return resolver.resolve(tok, ctx)
    return _run


@pytest.mark.parametrize("text,anchor,iso3,admin1", [
    ("A tornado hit Paris, Texas, on Sunday.", "hit", "USA", "TX"),
    ("Storms battered Athens, Georgia, overnight.", "battered", "USA", "GA"),
    ("The minister visited London, Ontario, on Friday.", "visited", "CAN", "08"),
    ("Troops were deployed in Springfield, Missouri, after the riots.", "deployed", "USA", "MO"),
    ("A bridge collapsed in Portland, Maine.", "collapsed", "USA", "ME"),
])
def test_explicit_qualifier_wins(run, text, anchor, iso3, admin1):
    place = run(text, anchor)
    assert (place.country, place.admin1) == (iso3, admin1)
    assert place.feature_code.startswith("PPL")


@pytest.mark.parametrize("text,anchor,iso3", [
    ("A tornado hit Paris on Sunday.", "hit", "FRA"),  # no qualifier: the capital
    ("Students rallied in Athens on Friday.", "rallied", "GRC"),
    ("Thousands marched in London on Saturday.", "marched", "GBR"),
])
def test_unqualified_homonym_is_the_biggest(run, text, anchor, iso3):
    assert run(text, anchor).country == iso3


def test_mentioned_country_breaks_ties(run):
    # Córdoba: Argentina's city is bigger; a Spanish context picks Spain's
    assert run("Farmers protested in Cordoba on Monday.", "protested").country == "ARG"
    text = "Spanish farmers are angry. Farmers protested in Cordoba on Monday."
    assert run(text, "protested").country == "ESP"


@pytest.mark.parametrize("text,anchor", [
    ("Police in Tbilisi fired tear gas. Protesters later gathered in Georgia's second city, "
     "and clashes spread across Georgia.", "spread"),
    ("Georgian police dispersed protesters in Georgia.", "dispersed"),
    ("Georgia's parliament approved the law amid protests in the Caucasus nation.", "approved"),
])
def test_georgia_the_country(run, text, anchor):
    place = run(text, anchor)
    assert (place.country, place.feature_code, place.geonameid) == ("GEO", "PCLI", 614540)


@pytest.mark.parametrize("text,anchor", [
    ("Protesters gathered in Georgia after the Atlanta mayor spoke.", "gathered"),
    ("Voters in Georgia lined up for hours, the Atlanta Journal reported.", "lined"),
    ("The Georgia governor declared an emergency in Georgia after floods.", "declared"),
])
def test_georgia_the_us_state(run, text, anchor):
    place = run(text, anchor)
    assert (place.country, place.admin1, place.feature_code) == ("USA", "GA", "ADM1")


@pytest.mark.parametrize("text,anchor", [
    ("Washington urged Beijing to show restraint.", "urged"),
    ("Washington said it would send more aid.", "said"),
    ("Washington imposed new sanctions on Tehran.", "imposed"),
])
def test_washington_subject_is_an_actor(run, text, anchor):
    assert run(text, anchor) is None


@pytest.mark.parametrize("text,anchor", [
    ("Lawmakers gathered in Washington to vote on the bill.", "gathered"),
    ("The summit was held in Washington on Tuesday.", "held"),
    ("Protesters rallied outside the White House in Washington.", "rallied"),
])
def test_in_washington_is_the_capital(run, text, anchor):
    place = run(text, anchor)
    assert (place.name, place.country, place.admin1, place.geonameid) == \
        ("Washington", "USA", "DC", 4140963)
