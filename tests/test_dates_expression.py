"""resolve_expression: one date phrase against a publication date and a tense."""
import datetime as dt

import pytest

from eventcoder.dates import DEFAULT_STRATEGIES, resolve_expression
from eventcoder.records import ResolvedDate

WED = dt.date(2024, 1, 31)     # a Wednesday
SAT = dt.date(2024, 3, 16)     # a Saturday


def value(phrase, published, tense="past"):
    result = resolve_expression(phrase, published, tense)
    return None if result is None else (result.value, result.precision)


@pytest.mark.parametrize("phrase,published,tense,expected", [
    ("on Tuesday", WED, "past", "2024-01-30"),
    ("Monday", WED, "present", "2024-01-29"),
    ("on Wednesday", WED, "past", "2024-01-31"),       # named on that same weekday
    ("Saturday", SAT, "past", "2024-03-16"),
    ("on Thursday", WED, "past", "2024-01-25"),
    ("on Thursday", WED, "future", "2024-02-01"),
    ("on Wednesday", WED, "future", "2024-01-31"),
    ("on Friday", SAT, "future", "2024-03-22"),
    ("next Tuesday", WED, "past", "2024-02-06"),
    ("next Saturday", SAT, "future", "2024-03-23"),
    ("last Wednesday", WED, "past", "2024-01-24"),
    ("last Saturday", SAT, "past", "2024-03-09"),
    ("early on Sunday", WED, "past", "2024-01-28"),
    ("Tuesday night", WED, "past", "2024-01-30"),
    ("this weekend", WED, "future", "2024-02-03"),
    ("at the weekend", dt.date(2024, 2, 1), "future", "2024-02-03"),
])
def test_dates_expression_weekday(phrase, published, tense, expected):
    assert value(phrase, published, tense) == (expected, "day")


@pytest.mark.parametrize("phrase,published,tense,expected", [
    ("Dec. 28", dt.date(2025, 1, 3), "past", "2024-12-28"),
    ("on Dec. 30", dt.date(2024, 1, 2), "past", "2023-12-30"),
    ("Jan. 5", dt.date(2024, 12, 30), "future", "2025-01-05"),
    ("Jan 2", dt.date(2023, 12, 28), "future", "2024-01-02"),
    ("Feb. 4", dt.date(2024, 3, 1), "past", "2024-02-04"),
    ("Feb 6", dt.date(2024, 2, 10), "past", "2024-02-06"),
    ("12 January", dt.date(2022, 1, 20), "past", "2022-01-12"),
    ("January 12, 2022", dt.date(2024, 5, 1), "past", "2022-01-12"),
    ("on Jan. 12, 2022", None, "past", "2022-01-12"),
    ("March 3rd", dt.date(2024, 3, 10), "past", "2024-03-03"),
    ("Tuesday, Feb. 6", dt.date(2024, 2, 10), "past", "2024-02-06"),
    ("2021-06-30", WED, "past", "2021-06-30"),
])
def test_dates_expression_explicit_year_from_tense(phrase, published, tense, expected):
    assert value(phrase, published, tense) == (expected, "day")


@pytest.mark.parametrize("phrase,published,tense,expected", [
    ("September 2023", WED, "past", ("2023-09", "month")),
    ("Sept. 2021", WED, "past", ("2021-09", "month")),
    ("in 2019", WED, "past", ("2019", "year")),
    ("mid-2020", WED, "past", ("2020", "year")),
    ("in May", WED, "future", ("2024-05", "month")),
    ("in November", WED, "past", ("2023-11", "month")),
    ("last year", WED, "past", ("2023", "year")),
    ("this year", WED, "future", ("2024", "year")),
    ("two years ago", WED, "past", ("2022", "year")),
    ("last month", WED, "past", ("2023-12", "month")),
    ("earlier this month", WED, "past", ("2024-01", "month")),
    ("later this month", dt.date(2024, 6, 3), "future", ("2024-06", "month")),
    ("this month", dt.date(2024, 6, 3), "past", ("2024-06", "month")),
])
def test_dates_expression_month_and_year(phrase, published, tense, expected):
    assert value(phrase, published, tense) == expected


@pytest.mark.parametrize("phrase,published,expected", [
    ("several days ago", dt.date(2022, 1, 24), ("2022-01", "month")),
    ("a few days ago", dt.date(2022, 3, 2), ("2022-02", "month")),
    ("earlier this week", dt.date(2024, 1, 26), ("2024-01", "month")),
    ("last week", dt.date(2024, 5, 20), ("2024-05", "month")),
    ("recently", dt.date(2024, 5, 20), ("2024-05", "month")),
    ("yesterday", dt.date(2024, 3, 1), ("2024-02-29", "day")),
    ("today", WED, ("2024-01-31", "day")),
    ("tonight", WED, ("2024-01-31", "day")),
    ("overnight", WED, ("2024-01-31", "day")),
    ("three days ago", WED, ("2024-01-28", "day")),
])
def test_dates_expression_relative_never_invents_a_day(phrase, published, expected):
    assert value(phrase, published) == expected


@pytest.mark.parametrize("phrase", ["decades ago", "in the 1990s", "the 1980s"])
def test_dates_expression_vague_is_text_without_value(phrase):
    assert resolve_expression(phrase, WED) == ResolvedDate(None, None, "text", phrase)


def test_dates_expression_lowercase_may_is_not_a_month():
    assert resolve_expression("may", WED) is None
    assert value("in May", WED, "past") == ("2023-05", "month")


def test_dates_expression_keeps_phrase_and_basis():
    result = resolve_expression("on Tuesday", WED)
    assert result == ResolvedDate("2024-01-30", "day", "text", "on Tuesday")


def test_dates_expression_anaphora_needs_previous():
    prev = ResolvedDate("2024-01-29", "day", "text", "on Monday")
    assert resolve_expression("the same day", WED) is None
    assert value_prev("the same day", prev) == ("2024-01-29", "day")
    assert value_prev("later that day", prev) == ("2024-01-29", "day")
    assert value_prev("the next day", prev) == ("2024-01-30", "day")
    assert value_prev("two days later", prev) == ("2024-01-31", "day")


def value_prev(phrase, prev):
    result = resolve_expression(phrase, WED, previous=prev)
    return result.value, result.precision


def test_dates_expression_without_publication_only_absolute():
    assert resolve_expression("on Tuesday", None) is None
    assert resolve_expression("Jan. 12", None) is None
    assert value("September 2023", None) == ("2023-09", "month")


def test_dates_expression_not_a_date():
    assert resolve_expression("the government", WED) is None
    assert resolve_expression("", WED) is None


def test_dates_expression_strategies_are_named_and_ordered():
    assert DEFAULT_STRATEGIES[0] == "anaphora" and DEFAULT_STRATEGIES[-1] == "dateparser"
    assert resolve_expression("on Tuesday", WED, strategies=("explicit",)) is None


def test_dates_expression_errors():
    with pytest.raises(ValueError, match="tense"):
        resolve_expression("on Tuesday", WED, "someday")
    with pytest.raises(ValueError, match="strategy"):
        resolve_expression("on Tuesday", WED, strategies=("astrology",))
