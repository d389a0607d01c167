"""DateResolver.tense_of: the tense of an event's clause."""
import datetime as dt

import pytest

from eventcoder.dates import DateResolver


@pytest.mark.parametrize("text,word,expected", [
    ("Protesters blocked the road.", "blocked", "past"),
    ("The army has withdrawn from the town.", "withdrawn", "past"),
    ("The ministers will meet in Rome.", "meet", "future"),
    ("Rebels say they'll retaliate.", "retaliate", "future"),
    ("The leaders are going to sign the deal.", "sign", "future"),
    ("Talks are scheduled for Friday.", "scheduled", "future"),
    ("The government plans to hold elections.", "hold", "future"),
    ("The government says it rejects the proposal.", "rejects", "present"),
    ("The planned summit was cancelled.", "summit", "future"),
])
def test_dates_tense_of_clause(nlp, text, word, expected):
    doc = nlp(text)
    tok = [t for t in doc if t.text == word][0]
    assert DateResolver(dt.date(2024, 1, 31)).tense_of(tok) == expected
