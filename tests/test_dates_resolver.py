"""DateResolver: which date phrase of a parsed sentence belongs to an event, and its value."""
import datetime as dt

import pytest

from eventcoder.dates import DateResolver
from eventcoder.records import ResolvedDate

WED = dt.date(2024, 1, 31)     # a Wednesday
THU = dt.date(2024, 6, 13)     # a Thursday


def token(doc, word, nth=0):
    hits = [t for t in doc if t.text == word]
    assert hits, f"{word!r} not in {doc.text!r}"
    return hits[nth]


def date_of(nlp, text, word, published, tense=None):
    doc = nlp(text)
    return DateResolver(published).resolve(token(doc, word), tense)


def val(result):
    return result.value, result.precision, result.basis


@pytest.mark.parametrize("text,word,published,expected", [
    ("Police detained dozens of protesters on Tuesday.", "detained", WED, "2024-01-30"),
    ("Rebels attacked an army base in the north on Monday.", "attacked", THU, "2024-06-10"),
    ("The foreign minister arrived in Beijing on Wednesday.", "arrived", WED, "2024-01-31"),
    ("Troops shelled the border town on Thursday, residents said.", "shelled", THU, "2024-06-13"),
])
def test_dates_resolver_past_weekday(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (expected, "day", "text")


@pytest.mark.parametrize("text,word,published,expected", [
    ("The two presidents will meet in Geneva on Friday.", "meet", WED, "2024-02-02"),
    ("Negotiators will resume talks on Wednesday.", "resume", WED, "2024-01-31"),
    ("Unions are going to strike on Monday.", "strike", THU, "2024-06-17"),
    ("The ministers plan to sign the accord on Tuesday.", "sign", THU, "2024-06-18"),
])
def test_dates_resolver_future_weekday(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (expected, "day", "text")


@pytest.mark.parametrize("text,word,published,expected", [
    ("The cabinet will vote on the budget next Tuesday.", "vote", WED, "2024-02-06"),
    ("Opposition parties will rally next Thursday.", "rally", THU, "2024-06-20"),
])
def test_dates_resolver_next_weekday(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (expected, "day", "text")


@pytest.mark.parametrize("text,word,published,expected", [
    ("Militants kidnapped two engineers last Wednesday.", "kidnapped", WED, "2024-01-24"),
    ("The envoy met rebel leaders last Thursday.", "met", THU, "2024-06-06"),
])
def test_dates_resolver_last_weekday_on_that_weekday(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (expected, "day", "text")


@pytest.mark.parametrize("text,word,published,expected", [
    ("Gunmen stormed a village on Dec. 28.", "stormed", dt.date(2025, 1, 3), "2024-12-28"),
    ("Parliament approved the law on Dec. 30.", "approved", dt.date(2024, 1, 4), "2023-12-30"),
    ("The president will visit Kenya on Jan. 5.", "visit", dt.date(2024, 12, 30), "2025-01-05"),
    ("Talks will open on Jan 3 in Vienna.", "open", dt.date(2023, 12, 29), "2024-01-03"),
])
def test_dates_resolver_explicit_across_year_boundary(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (expected, "day", "text")


@pytest.mark.parametrize("text,word,expected", [
    ("Azerbaijan's September 2023 offensive displaced thousands.", "offensive", "2023-09"),
    ("The March 2022 siege of the port ended in surrender.", "siege", "2022-03"),
])
def test_dates_resolver_month_year_on_event_noun(nlp, text, word, expected):
    assert val(date_of(nlp, text, word, WED)) == (expected, "month", "text")


@pytest.mark.parametrize("text,word,published,expected", [
    ("The government expelled three diplomats last year.", "expelled", WED, ("2023", "year")),
    ("Last year the two countries signed a trade pact.", "signed", THU, ("2023", "year")),
    ("Earlier this month, the army launched an offensive.", "launched", WED, ("2024-01", "month")),
    ("Rebels seized the airport earlier this month.", "seized", THU, ("2024-06", "month")),
    ("Several days ago, Lavrov announced preparations for a summit.", "announced",
     dt.date(2022, 1, 24), ("2022-01", "month")),
    ("The ministry said a few days ago that it had recalled its ambassador.", "said",
     dt.date(2024, 3, 2), ("2024-02", "month")),
])
def test_dates_resolver_month_and_year_phrases(nlp, text, word, published, expected):
    assert val(date_of(nlp, text, word, published)) == (*expected, "text")


@pytest.mark.parametrize("text,word,expected", [
    ("The rebels may attack the capital.", "attack", ("2024-01-31", "day", "publication")),
    ("Officials said the army may withdraw its troops.", "withdraw",
     ("2024-01-31", "day", "publication")),
    ("Elections were held in May.", "held", ("2023-05", "month", "text")),
    ("The army may withdraw in May.", "withdraw", ("2024-05", "month", "text")),
])
def test_dates_resolver_may_modal_is_not_the_month(nlp, text, word, expected):
    assert val(date_of(nlp, text, word, WED)) == expected


@pytest.mark.parametrize("text,word,expected", [
    ("Security forces fired tear gas at protesters, officials said on Friday.", "fired",
     "2024-01-26"),
    ("The rebels have released ten hostages, the government announced on Monday.", "released",
     "2024-01-29"),
    ("As thousands rallied in the capital, police arrested opposition leaders on Tuesday.",
     "rallied", "2024-01-30"),
])
def test_dates_resolver_reported_event_takes_reporting_date(nlp, text, word, expected):
    assert val(date_of(nlp, text, word, WED)) == (expected, "day", "text")


def test_dates_resolver_own_date_beats_reporting_date(nlp):
    text = "Monday's protest drew thousands, organisers said on Tuesday."
    assert date_of(nlp, text, "protest", WED).value == "2024-01-29"
    assert date_of(nlp, text, "said", WED).value == "2024-01-30"


@pytest.mark.parametrize("text,word,expected", [
    ("Police dispersed a rally on Tuesday, a day after forces shelled the city.", "shelled",
     "2024-01-29"),
    ("The ceasefire collapsed on Sunday, two days after both sides signed it.", "signed",
     "2024-01-26"),
    ("Troops withdrew on Monday, a day before the talks opened.", "opened", "2024-01-30"),
])
def test_dates_resolver_a_day_after_shifts_governing_date(nlp, text, word, expected):
    assert val(date_of(nlp, text, word, WED)) == (expected, "day", "text")


def test_dates_resolver_a_day_after_main_event_keeps_its_date(nlp):
    text = "Police dispersed a rally on Tuesday, a day after forces shelled the city."
    assert date_of(nlp, text, "dispersed", WED).value == "2024-01-30"


@pytest.mark.parametrize("text,word", [
    ("The president visited the troops.", "visited"),
    ("China and Russia signed an energy agreement.", "signed"),
])
def test_dates_resolver_no_date_is_publication(nlp, text, word):
    assert date_of(nlp, text, word, WED) == ResolvedDate("2024-01-31", "day", "publication")
    assert date_of(nlp, text, word, None) == ResolvedDate(None, None, "publication")


def test_dates_resolver_explicit_tense_overrides(nlp):
    doc = nlp("Leaders meet on Thursday.")
    resolver = DateResolver(WED)
    assert resolver.resolve(token(doc, "meet"), "future").value == "2024-02-01"
    assert resolver.resolve(token(doc, "meet"), "past").value == "2024-01-25"
    with pytest.raises(ValueError):
        resolver.resolve(token(doc, "meet"), "later")
