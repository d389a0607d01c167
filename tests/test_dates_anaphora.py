"""DateResolver state: "the same day", "later that day" take the document's last date."""
import datetime as dt

import pytest

from eventcoder.dates import DateResolver

WED = dt.date(2024, 1, 31)


def token(doc, word):
    return [t for t in doc if t.text == word][0]


@pytest.mark.parametrize("text,word,expected", [
    ("Farmers blocked highways on Monday. In Brussels, growers rallied the same day.",
     "rallied", "2024-01-29"),
    ("Rebels attacked a convoy on Jan. 12. Later that day, the army bombed their camp.",
     "bombed", "2024-01-12"),
    ("Talks opened in Doha on Sunday. Hours later, a drone struck the city. "
     "That day, the talks were suspended.", "suspended", "2024-01-28"),
    ("The army entered the town on Dec. 30. The next day, the mayor fled.", "fled",
     "2023-12-31"),
])
def test_dates_anaphora_whole_document(nlp, text, word, expected):
    result = DateResolver(WED).resolve(token(nlp(text), word))
    assert (result.value, result.precision, result.basis) == (expected, "day", "text")


def test_dates_anaphora_across_sentence_docs(nlp):
    resolver = DateResolver(WED)
    first = nlp("Students marched through the capital on Saturday.")
    second = nlp("Police arrested forty of them the same day.")
    assert resolver.resolve(token(first, "marched")).value == "2024-01-27"
    assert resolver.resolve(token(second, "arrested")).value == "2024-01-27"


def test_dates_anaphora_sees_sentences_without_events(nlp):
    resolver = DateResolver(WED)
    resolver.resolve(token(nlp("The match ended on Tuesday in Santiago."), "ended"))
    later = nlp("On the same day in London, MPs vowed a legal war on the government.")
    assert resolver.resolve(token(later, "vowed")).value == "2024-01-30"


def test_dates_anaphora_without_history_is_publication(nlp):
    result = DateResolver(WED).resolve(token(nlp("Police arrested him the same day."), "arrested"))
    assert result.basis == "publication" and result.value == "2024-01-31"
