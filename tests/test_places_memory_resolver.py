"""PlaceResolver over a small MemoryGazetteer: ranking rules without the package data."""
import pytest

from eventcoder.places.gazetteer import MemoryGazetteer
from eventcoder.places.resolver import PlaceContext, PlaceResolver
from eventcoder.records import Document, Place

spacy = pytest.importorskip("spacy")

SPRINGFIELD_IL = Place("Springfield", 4250542, 39.80172, -89.64371, "USA", "IL", "PPL", 114_394)
SPRINGFIELD_MO = Place("Springfield", 4409896, 37.21533, -93.29824, "USA", "MO", "PPL", 169_176)
ILLINOIS = Place("Illinois", 4896861, 40.0, -89.0, "USA", "IL", "ADM1", 12_000_000)
USA = Place("United States", 6252001, 39.76, -98.5, "USA", None, "PCLI", 327_167_434)
TRIPOLI_LBY = Place("Tripoli", 2210247, 32.88743, 13.18733, "LBY", "77", "PPLC", 1_150_989)
TRIPOLI_LBN = Place("Tripoli", 266826, 34.43667, 35.84972, "LBN", "09", "PPL", 229_398)
LEBANON = Place("Lebanon", 272103, 33.83, 35.83, "LBN", None, "PCLI", 6_848_925)
LIBYA = Place("Libya", 2215636, 28.0, 17.0, "LBY", None, "PCLI", 6_678_567)
ZAPORIZHZHIA_OBL = Place("Zaporizhzhia Oblast", None, 47.5, 35.5, "UKR", "26", "ADM1", 1_600_000)
UKRAINE = Place("Ukraine", 690791, 49.0, 32.0, "UKR", None, "PCLI", 44_622_516)
RUSSIA = Place("Russia", 2017370, 60.0, 100.0, "RUS", None, "PCLI", 144_478_050)
HAMLET_NEIGHBOUR = Place("Orikhiv", 698131, 47.56, 35.78, "UKR", "26", "PPL", 14_000)


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver(MemoryGazetteer([
        SPRINGFIELD_IL, SPRINGFIELD_MO, ILLINOIS, (USA, ["U.S."]), TRIPOLI_LBY, TRIPOLI_LBN,
        LEBANON, LIBYA, (ZAPORIZHZHIA_OBL, ["Zaporizhzhia", "Zaporizka oblast"]), UKRAINE, RUSSIA,
        HAMLET_NEIGHBOUR,
    ]))


def resolve(nlp, resolver, text, anchor, **kw):
    doc = nlp(text)
    ctx = resolver.document_context(doc, Document(id="m", text=text))
    return resolver.resolve(next(t for t in doc if t.text == anchor), ctx, **kw)


def test_qualifier_picks_the_homonym(nlp, resolver):
    assert resolve(nlp, resolver, "Floods hit Springfield, Illinois, on Monday.", "hit") == SPRINGFIELD_IL
    assert resolve(nlp, resolver, "Floods hit Springfield on Monday.", "hit") == SPRINGFIELD_MO


def test_document_countries_pick_the_homonym(nlp, resolver):
    assert resolve(nlp, resolver, "Gunmen attacked a checkpoint in Tripoli.", "attacked") == TRIPOLI_LBY
    text = "Lebanese troops deployed in the north. Gunmen attacked a checkpoint in Tripoli."
    assert resolve(nlp, resolver, text, "attacked") == TRIPOLI_LBN


def test_document_context_counts_countries(nlp, resolver):
    text = "Lebanon's army said Lebanese troops deployed near Tripoli, Lebanon."
    doc = nlp(text)
    ctx = resolver.document_context(doc, Document(id="m", text=text))
    assert isinstance(ctx, PlaceContext)
    assert ctx.countries["LBN"] >= 2
    assert ctx.countries["LBY"] == 0


def test_division_beats_country_and_unknown_falls_back(nlp, resolver):
    text = "Shells hit a school in Ukraine's Zaporizhzhia region."
    assert resolve(nlp, resolver, text, "hit") == ZAPORIZHZHIA_OBL
    text = "Troops recaptured the hamlet of Robotyne near Orikhiv."
    assert resolve(nlp, resolver, text, "recaptured") == HAMLET_NEIGHBOUR


def test_country_level_fallback(nlp, resolver):
    assert resolve(nlp, resolver, "Russia moved troops into Ukraine on Thursday.", "moved") == UKRAINE
    assert resolve(nlp, resolver, "Protests spread across the U.S. this week.", "spread") == USA


def test_place_of_name_and_country_of(resolver):
    ctx = PlaceContext()
    ctx.countries["LBN"] += 3
    assert resolver.place_of_name("Tripoli") == TRIPOLI_LBY
    assert resolver.place_of_name("Tripoli", ctx) == TRIPOLI_LBN
    assert resolver.place_of_name("Springfield, Illinois") == SPRINGFIELD_IL
    assert resolver.country_of("Zaporizhzhia region") == "UKR"
    assert resolver.country_of("Lebanese") == "LBN"
    assert resolver.country_of("Atlantis") is None


def test_previous_event_locations_bias_homonyms(resolver):
    ctx = PlaceContext()
    assert resolver.place_of_name("Tripoli", ctx) == TRIPOLI_LBY
    ctx.remember(TRIPOLI_LBN)
    ctx.remember(None)
    assert ctx.previous == [TRIPOLI_LBN] and ctx.countries["LBN"] == 1
    assert resolver.place_of_name("Tripoli", ctx) == TRIPOLI_LBN
