"""DateResolver: the clause a date phrase belongs to (conjuncts, "ahead of X", names)."""
import datetime as dt

import pytest

from eventcoder.dates import DateResolver
from eventcoder.records import ResolvedDate

WED = dt.date(2024, 1, 31)


def resolve(nlp, text, word, published=WED):
    doc = nlp(text)
    return DateResolver(published).resolve([t for t in doc if t.text == word][0])


@pytest.mark.parametrize("text,word,expected", [
    ("Police detained ten people on Monday and released them on Tuesday.", "detained",
     "2024-01-29"),
    ("Police detained ten people on Monday and released them on Tuesday.", "released",
     "2024-01-30"),
    ("Protesters gathered and marched on Monday.", "gathered", "2024-01-29"),
    ("Protesters gathered on Sunday and marched to parliament.", "marched", "2024-01-28"),
])
def test_dates_clauses_conjoined_verbs(nlp, text, word, expected):
    assert resolve(nlp, text, word).value == expected


def test_dates_clauses_relational_x_with_own_date_is_not_shifted(nlp):
    text = "Police dispersed the rally, hours after forces shelled the city on Sunday."
    assert resolve(nlp, text, "shelled").value == "2024-01-28"


@pytest.mark.parametrize("text,word", [
    ("Supporters rallied in the capital ahead of Sunday's vote.", "rallied"),
    ("Police arrested the organisers after Monday's protest.", "arrested"),
])
def test_dates_clauses_date_of_another_event_is_not_borrowed(nlp, text, word):
    assert resolve(nlp, text, word).basis == "publication"


@pytest.mark.parametrize("text,word", [
    ("Both parties defended the Good Friday Agreement.", "defended"),
    ("Theresa May met the French president.", "met"),
    ("Russia now controls the town.", "controls"),
])
def test_dates_clauses_names_and_now_are_not_dates(nlp, text, word):
    assert resolve(nlp, text, word).basis == "publication"


@pytest.mark.parametrize("text,word", [
    ("The civil war in the 1990s killed thousands.", "killed"),
    ("The two tribes fought decades ago.", "fought"),
])
def test_dates_clauses_vague_period_has_no_value(nlp, text, word):
    result = resolve(nlp, text, word)
    assert (result.value, result.precision, result.basis) == (None, None, "text")


def test_dates_clauses_no_date_before_relation_shifts_publication(nlp):
    text = "Police dispersed the crowd, a day after rebels bombed the station."
    assert resolve(nlp, text, "bombed") == ResolvedDate("2024-01-30", "day", "text", "a day after")
