"""Event locations: the place attached to the event's verb (package gazetteer, real parses)."""
import pytest

from eventcoder.records import Document
from eventcoder.places.resolver import PlaceResolver

spacy = pytest.importorskip("spacy")


@pytest.fixture(scope="module")
def resolver():
    return PlaceResolver()


@pytest.fixture(scope="module")
def run(nlp, resolver):
    def _run(text, anchor, *, dateline=None, all=False, exclude=()):
        doc = nlp(text)
        ctx = resolver.document_context(doc, Document(id="t", text=text, dateline=dateline))
        tok = next(t for t in doc if t.text == anchor)
        if all:
            return resolver.resolve_all(tok, ctx, exclude=exclude)
        return resolver.resolve(tok, ctx, exclude=exclude)
    return _run


def where(place):
    return None if place is None else (place.name, place.country)


# prepositional objects of the verb's own clause
@pytest.mark.parametrize("text,anchor,expected", [
    ("Opposition leaders gathered in Caracas on Thursday.", "gathered", ("Caracas", "VEN")),
    ("Negotiators convened in Doha to discuss a ceasefire.", "convened", ("Doha", "QAT")),
    ("Supporters demonstrated outside the embassy in Ankara.", "demonstrated", ("Ankara", "TUR")),
    ("Security forces arrested three activists outside the courthouse in Minsk.", "arrested",
     ("Minsk", "BLR")),
    ("Truckers blocked highways near Antwerp.", "blocked", ("Antwerp", "BEL")),
    ("Farmers blocked roads near Liege on Monday.", "blocked", ("Liège", "BEL")),
])
def test_prepositional_object(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# "the city of X", "the town of X"
@pytest.mark.parametrize("text,anchor,expected", [
    ("Rebels besieged the town of Goma for a week.", "besieged", ("Goma", "COD")),
    ("Militants attacked the city of Maiduguri overnight.", "attacked", ("Maiduguri", "NGA")),
])
def test_city_of(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# "X's Y region" -> the first-order division, not the country
@pytest.mark.parametrize("text,anchor,name,iso3,admin1", [
    ("Drones hit a fuel depot in Ukraine's Kharkiv region.", "hit", "Kharkiv Oblast", "UKR", "07"),
    ("Missiles struck an airfield in Russia's Belgorod region on Sunday.", "struck",
     "Belgorod Oblast", "RUS", "09"),
    ("Rockets landed in Donetsk region on Friday.", "landed", "Donetsk Oblast", "UKR", "05"),
])
def test_region_of_country_is_admin1(run, text, anchor, name, iso3, admin1):
    place = run(text, anchor)
    assert (place.name, place.country, place.admin1, place.feature_code) == (name, iso3, admin1, "ADM1")


# "in the Poonch sector" -> the named place
@pytest.mark.parametrize("text,anchor,expected", [
    ("Indian troops returned fire in the Uri sector on Sunday.", "returned", ("Uri", "IND")),
    ("Soldiers were killed along the border in the Kupwara sector.", "killed", ("Kupwāra", "IND")),
])
def test_sector(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# "to its neighbor X" -> country level, the country's own entry
@pytest.mark.parametrize("text,anchor,iso3,gid", [
    ("China sent warships to its neighbour Vietnam.", "sent", "VNM", 1562822),
    ("Belarus sent troops to its western neighbour Poland.", "sent", "POL", 798544),
    ("Turkey moved tanks to neighbouring Syria.", "moved", "SYR", 163843),
])
def test_neighbour_country(run, text, anchor, iso3, gid):
    place = run(text, anchor)
    assert (place.country, place.feature_code, place.geonameid) == (iso3, "PCLI", gid)


# an unknown hamlet falls back to the next known place
@pytest.mark.parametrize("text,anchor,expected", [
    ("Rebels captured the village of Kafr Nubudat near Hama.", "captured", ("Hama (Ḩamāh)", "SYR")),
    ("Fighters seized the hamlet of Wadi Zaytun near Deir ez-Zor.", "seized", ("Deir ez-Zor", "SYR")),
])
def test_unknown_hamlet_falls_back(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# several places attached to one verb
@pytest.mark.parametrize("text,anchor,expected", [
    ("Ukrainian officials said artillery pounded Avdiivka and Marinka on Monday.", "pounded",
     ["Avdiivka (Avdiyivka)", "Marinka (Mar'yinka)"]),
    ("Ukraine said Russian shells hit Kherson and Mykolaiv overnight.", "hit", ["Kherson", "Mykolaiv (Mykolayiv)"]),
])
def test_direct_objects_resolve_all(run, text, anchor, expected):
    places = run(text, anchor, all=True)
    assert [p.name for p in places] == expected
    assert all(p.country == "UKR" and p.feature_code.startswith("PPL") for p in places)


def test_one_unknown_place_never_empties_the_others(run):
    assert [p.name for p in run("Clashes broke out in Blorftown and Benghazi.", "broke", all=True)] \
        == ["Benghazi"]
    assert where(run("Hezbollah fired rockets at Kiryat Shmona and Zzyzxville.", "fired")) == \
        ("Kiryat Shmona (Qiryat Shmona)", "ISR")


# subject modifiers
@pytest.mark.parametrize("text,anchor,expected", [
    ("Officials in Kabul said the convoy was ambushed.", "said", ("Kabul", "AFG")),
    ("Witnesses in Mogadishu said a car bomb exploded.", "said", ("Mogadishu", "SOM")),
])
def test_subject_modifier(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# "across X" -> the country's own entry
@pytest.mark.parametrize("text,anchor,iso3,gid", [
    ("Strikes spread across Germany on Tuesday.", "spread", "DEU", 2921044),
    ("Workers walked out across Italy.", "walked", "ITA", 3175395),
])
def test_across_country(run, text, anchor, iso3, gid):
    place = run(text, anchor)
    assert (place.country, place.geonameid, place.feature_code) == (iso3, gid, "PCLI")


# the anchor's clause beats other clauses; relative clauses never count
@pytest.mark.parametrize("text,anchor,expected", [
    ("Protesters who had travelled from Lyon rallied in Marseille.", "rallied", ("Marseille", "FRA")),
    ("The army, which took Bakhmut last year, shelled Toretsk on Monday.", "shelled", ("Toretsk", "UKR")),
    ("Rebels, who seized Goma in 2012, attacked Bukavu.", "attacked", ("Bukavu", "COD")),
    ("Rebels attacked Kidal after they withdrew from Gao.", "attacked", ("Kidal", "MLI")),
    ("Police said they arrested two men in Lagos.", "arrested", ("Lagos", "NGA")),
])
def test_anchor_clause_wins(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# places in a reporting clause are not the event's location
@pytest.mark.parametrize("text,anchor", [
    ("Iran has enriched more uranium, experts at a London institute said.", "enriched"),
    ("The ceasefire collapsed, analysts at a Berlin think tank said.", "collapsed"),
])
def test_reporting_clause_place_is_not_location(run, text, anchor):
    assert run(text, anchor) is None


@pytest.mark.parametrize("text,anchor", [
    ("The leaders discussed trade.", "discussed"),
    ("The talks will resume next week.", "resume"),
])
def test_no_place_gives_none(run, text, anchor):
    assert run(text, anchor) is None
    assert run(text, anchor, all=True) == []


def test_exclude_actor_spans(run):
    text = "Russian forces shelled Kharkiv overnight."
    assert where(run(text, "shelled")) == ("Kharkiv", "UKR")
    start = text.index("Kharkiv")
    assert run(text, "shelled", exclude=[(start, start + len("Kharkiv"))]) is None


# names spaCy mislabels or leaves unlabelled still count where places stand
@pytest.mark.parametrize("text,anchor,expected", [
    ("Clashes between armed tribesmen and Saleh's forces erupted in Taez late on Monday.", "erupted",
     ("Taez (Taiz)", "YEM")),
    ("Aid trucks attempted to enter the eastern neighborhoods of Aleppo city.", "enter",
     ("Aleppo", "SYR")),
    ("The police patrolled the Tororo railway yard where cargo wagons are parked.", "patrolled",
     ("Tororo", "UGA")),
])
def test_mislabelled_toponyms(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected


# whose, not where: origins, modifiers, people
@pytest.mark.parametrize("text,anchor,expected", [
    ("Erland Almaas, 18, of Norway was shot in the suburban Scottsdale home of his hosts.", "shot",
     ("Scottsdale", "USA")),
    ("A businessman from Sydney was shot near his home in Malabon.", "shot", ("Malabon", "PHL")),
    ("The toll was compiled by the London-based organization.", "compiled", None),
    ("U.S. forces detained two suspects on Tuesday.", "detained", None),
    ("Israeli jets struck Hamas on Monday.", "struck", None),
])
def test_not_a_location(run, text, anchor, expected):
    assert where(run(text, anchor)) == expected
