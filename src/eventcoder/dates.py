"""The dates stage: the date an event took place, relative to the publication date.

Two entry points:

* :func:`resolve_expression` resolves one date phrase ("on Tuesday", "Jan. 12",
  "September 2023", "several days ago") against a publication date and a tense.
* :class:`DateResolver` (one per document, stateful) finds the date phrase that belongs to an
  event anchored on a token of a parsed spaCy sentence, and resolves it.

Every result is a :class:`eventcoder.records.ResolvedDate`: ``value`` is ISO 8601
``"YYYY-MM-DD"``, ``"YYYY-MM"`` or ``"YYYY"`` matching ``precision`` ``"day"``, ``"month"``
or ``"year"`` (a precision is never invented: "several days ago" is a month, "last year" a
year); ``basis`` is ``"text"`` when a phrase of the text gave the date and ``"publication"``
when the publication date was used; ``phrase`` is the text the date came from.

Strategies
----------
:func:`resolve_expression` tries named strategies in order, like dateparser's ``PARSERS``;
the order is :data:`DEFAULT_STRATEGIES` and can be changed per call:

1. ``"anaphora"`` -- "the same day", "that day", "later that day", "that week", "the next
   day", "two days later": the previous date of the document (``previous=``), shifted.
2. ``"explicit"`` -- a month and a day, with or without a year: "Jan. 12", "12 January",
   "January 12, 2022", "2022-01-12". A missing year is the year that puts the date nearest
   to the publication date on the side the tense allows (past: on or before it; future: on
   or after it; present: either side).
3. ``"month_year"`` -- "September 2023" (month), "in May" (month, year from the tense),
   "in 2019", "mid-2019" (year). A month name counts only capitalised.
4. ``"weekday"`` -- "on Tuesday", "last Tuesday", "next Tuesday", "Tuesday night", "at the
   weekend": past and present clauses take the latest such day on or before publication,
   future clauses the first on or after it; "last" is strictly before, "next" strictly after.
5. ``"relative_phrase"`` -- "yesterday", "today", "overnight", "last month", "earlier this
   month", "last year", "two years ago", "several days ago", "last week", "recently"; vague
   phrases ("decades ago", "in the 1990s") give a value of None with basis "text".
6. ``"dateparser"`` -- the last resort: :func:`dateparser.parse` on the isolated, cleaned
   phrase with ``RELATIVE_BASE`` set to the publication date, its precision taken from
   dateparser's own period.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Callable, Sequence

from .records import ResolvedDate

__all__ = ["DEFAULT_STRATEGIES", "TENSES", "DateResolver", "resolve_expression"]

#: the strategies of :func:`resolve_expression`, tried in this order (see the module docstring)
DEFAULT_STRATEGIES: tuple[str, ...] = (
    "anaphora", "explicit", "month_year", "weekday", "relative_phrase", "dateparser")
#: the tenses a date phrase can be resolved in
TENSES: tuple[str, ...] = ("past", "present", "future")

# --------------------------------------------------------------------------- vocabulary

_MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
_VAGUE = ("several", "a few", "few", "some", "a couple of", "couple of", "many")

_MON = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MON_FULL = (r"(?:january|february|march|april|may|june|july|august|september|october"
             r"|november|december)")
_WD = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_NUM = (r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3}"
        r"|several|a\s+few|few|some|a\s+couple\s+of|couple\s+of|many)")
_UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
_PART = r"(?:morning|afternoon|evening|night)"

_I = re.IGNORECASE
_RE_ISO = re.compile(r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
_RE_MD = re.compile(rf"\b(?P<mon>{_MON})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b"
                    rf"(?:,?\s+(?P<year>\d{{4}})\b)?", _I)
_RE_DM = re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})\b\.?"
                    rf"(?:,?\s+(?P<year>\d{{4}})\b)?", _I)
_RE_MY = re.compile(rf"\b(?P<mon>{_MON})\.?,?\s+(?:of\s+)?(?P<year>\d{{4}})\b", _I)
_RE_MONTH = re.compile(
    rf"(?:\b(?P<mod>last|next|this|past|coming|early|late|mid|earlier|later)[\s-]+)?"
    rf"(?:in\s+)?\b(?P<mon>{_MON_FULL})\b", _I)
_RE_YEAR = re.compile(r"(?<!\d)(?<!\d-)(?P<year>1[5-9]\d\d|20\d\d)\b(?!s|-\d)")
_RE_DECADE = re.compile(r"\b(?:1[5-9]\d0|20\d0)s\b|'\d0s\b", _I)
_RE_WEEKDAY = re.compile(rf"\b(?:(?P<mod>last|next|this|coming|past)\s+)?(?P<wd>{_WD})\b", _I)
_RE_WEEKEND = re.compile(r"\b(?:(?P<mod>last|next|this|coming|past|the)\s+)?weekend\b", _I)
_RE_AGO = re.compile(rf"\b(?P<num>{_NUM})?\s*(?P<unit>{_UNIT}|decades?|centur(?:y|ies))\s+ago\b",
                     _I)
_RE_ANAPHORA = re.compile(
    r"\b(?:(?P<same>(?:the\s+)?same\s+(?:day|date|night|morning|afternoon|evening|week))"
    rf"|(?P<that>(?:(?:earlier|later|late|early)\s+)?(?:that|the\s+same)\s+(?:day|night|{_PART}|week))"
    r"|(?P<next>(?:the\s+)?(?:next|following|previous|preceding)\s+day)"
    r"|(?P<daybefore>(?:the\s+)?(?:day|night)\s+(?:before|after)(?:wards)?)"
    rf"|(?P<later>(?P<num>{_NUM})?\s*(?P<unit>{_UNIT})\s+(?P<dir>later|earlier)))\b", _I)
_RE_RELATIONAL = re.compile(
    rf"\b(?:(?:the|(?P<num>{_NUM}))\s+)?(?P<unit>{_UNIT})\s+(?P<dir>after|before)\b", _I)

# phrases of the "relative_phrase" strategy: regex -> (precision, function(published) -> date)
_Rel = Callable[[_dt.date], _dt.date]


def _days(n: int) -> _Rel:
    return lambda p: p - _dt.timedelta(days=n)


def _add_months(d: _dt.date, n: int) -> _dt.date:
    m = d.month - 1 + n
    return _dt.date(d.year + m // 12, m % 12 + 1, 1)


_RELATIVE: tuple[tuple[re.Pattern, str, _Rel], ...] = tuple(
    (re.compile(pat, _I), prec, fn) for pat, prec, fn in (
        (r"\b(?:the\s+)?day\s+before\s+yesterday\b", "day", _days(2)),
        (r"\byesterday\b|\blast\s+night\b", "day", _days(1)),
        (rf"\btoday\b|\btonight\b|\bovernight\b|\bthis\s+{_PART}\b|\bearlier\s+today\b"
         r"|\blater\s+today\b", "day", _days(0)),
        (r"\btomorrow\b", "day", _days(-1)),
        (r"\b(?:last|past)\s+week\b|\ba\s+week\s+ago\b",
         "month", lambda p: p - _dt.timedelta(days=p.weekday() + 4)),
        (r"\b(?:earlier\s+)?this\s+week\b|\bin\s+recent\s+days\b|\bthe\s+past\s+few\s+days\b",
         "month", lambda p: p - _dt.timedelta(days=max(1, (p.weekday() + 1) // 2))),
        (r"\blater\s+this\s+week\b", "month", _days(-2)),
        (r"\bnext\s+week\b", "month", _days(-7)),
        (r"\brecently\b|\blately\b", "month", _days(5)),
        (r"\b(?:last|past)\s+month\b|\ba\s+month\s+ago\b", "month",
         lambda p: _add_months(p, -1)),
        (r"\b(?:(?:earlier|later)\s+)?this\s+month\b", "month", lambda p: p),
        (r"\bnext\s+month\b", "month", lambda p: _add_months(p, 1)),
        (r"\b(?:last|past)\s+year\b|\ba\s+year\s+ago\b", "year",
         lambda p: _dt.date(p.year - 1, 1, 1)),
        (r"\b(?:(?:earlier|later)\s+)?this\s+year\b", "year", lambda p: p),
        (r"\bnext\s+year\b", "year", lambda p: _dt.date(p.year + 1, 1, 1)),
    ))

_PREFIX = re.compile(r"^(?:(?:on|in|at|by|during|since|from|until|till|as\s+of|as\s+early\s+as"
                     r"|before|after|around|about|of|for|the|early|late|mid)\s+)+", _I)


def _fmt(d: _dt.date, precision: str) -> str:
    if precision == "day":
        return d.isoformat()
    if precision == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _text(d: _dt.date, precision: str, phrase: str) -> ResolvedDate:
    return ResolvedDate(_fmt(d, precision), precision, "text", phrase)


def _count(num: str | None) -> int | None:
    """The number of a phrase like "two days": 1 for none/"a", None when vague ("several")."""
    if not num:
        return 1
    num = " ".join(num.lower().split())
    if num in _VAGUE:
        return None
    if num.isdigit():
        return int(num)
    return _NUMBERS.get(num)


def _month_number(word: str) -> int | None:
    return _MONTHS.get(word.lower().rstrip("."))


def _nearest_year(month: int, day: int, published: _dt.date, tense: str) -> _dt.date | None:
    """The month/day in the year nearest to ``published`` that the tense allows."""
    candidates = []
    for year in (published.year - 1, published.year, published.year + 1):
        try:
            candidates.append(_dt.date(year, month, day))
        except ValueError:
            continue
    if tense == "past":
        candidates = [c for c in candidates if c <= published]
    elif tense == "future":
        candidates = [c for c in candidates if c >= published]
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - published).days))


# --------------------------------------------------------------------------- strategies


def _s_anaphora(phrase: str, published: _dt.date | None, tense: str,
                previous: ResolvedDate | None) -> ResolvedDate | None:
    m = _RE_ANAPHORA.search(phrase)
    if not m:
        return None
    if previous is None or previous.value is None:
        return None
    shift = 0
    if m.group("next"):
        shift = -1 if re.search(r"previous|preceding", m.group("next"), _I) else 1
    elif m.group("daybefore"):
        shift = -1 if "before" in m.group("daybefore").lower() else 1
    elif m.group("later"):
        plural = m.group("unit").lower().endswith("s")
        n = _count(m.group("num")) if m.group("num") else (None if plural else 1)
        unit = m.group("unit").lower().rstrip("s")
        sign = 1 if m.group("dir").lower() == "later" else -1
        if unit == "hour":
            shift = 0
        elif unit == "day" and n is not None:
            shift = sign * n
        elif unit == "week" and n is not None:
            shift = sign * 7 * n
        elif unit in ("month", "year") and n is not None and previous.precision != "year" \
                or unit == "year" and n is not None:
            year, month = int(previous.value[:4]), int(previous.value[5:7] or 1) \
                if len(previous.value) >= 7 else 1
            base = _dt.date(year, month, 1)
            if unit == "month":
                return _text(_add_months(base, sign * n), "month", phrase)
            return _text(_dt.date(year + sign * n, 1, 1), "year", phrase)
        else:
            return _shift_vague(previous, unit, sign, phrase)
    if shift == 0:
        return ResolvedDate(previous.value, previous.precision, "text", phrase)
    return _shift(previous, shift, phrase)


def _shift(base: ResolvedDate, days: int, phrase: str) -> ResolvedDate:
    """``base`` moved by ``days``; a base coarser than a day keeps its value."""
    if base.precision != "day" or base.value is None:
        return ResolvedDate(base.value, base.precision, "text", phrase)
    d = _dt.date.fromisoformat(base.value) + _dt.timedelta(days=days)
    return _text(d, "day", phrase)


def _shift_vague(base: ResolvedDate, unit: str, sign: int, phrase: str) -> ResolvedDate:
    """``base`` moved by an unknown number of units: only the coarse part survives."""
    if base.value is None:
        return ResolvedDate(None, None, "text", phrase)
    year = int(base.value[:4])
    if unit in ("day", "hour") and base.precision in ("day", "month"):
        month = int(base.value[5:7])
        d = _dt.date(year, month, int(base.value[8:10]) if base.precision == "day" else 15)
        return _text(d + _dt.timedelta(days=3 * sign), "month", phrase)
    return ResolvedDate(None, None, "text", phrase)


def _s_explicit(phrase: str, published: _dt.date | None, tense: str,
                previous: ResolvedDate | None) -> ResolvedDate | None:
    m = _RE_ISO.search(phrase)
    if m:
        try:
            d = _dt.date(int(m["year"]), int(m["month"]), int(m["day"]))
        except ValueError:
            return None
        return _text(d, "day", phrase)
    for rx in (_RE_MD, _RE_DM):
        m = rx.search(phrase)
        if not m:
            continue
        month = _month_number(m["mon"])
        if month is None or not m["mon"][0].isupper() and m["mon"].lower() == "may":
            continue
        day = int(m["day"])
        if m["year"]:
            try:
                return _text(_dt.date(int(m["year"]), month, day), "day", phrase)
            except ValueError:
                return None
        if published is None or not 1 <= day <= 31:
            return None
        d = _nearest_year(month, day, published, tense)
        return _text(d, "day", phrase) if d else None
    return None


def _s_month_year(phrase: str, published: _dt.date | None, tense: str,
                  previous: ResolvedDate | None) -> ResolvedDate | None:
    m = _RE_MY.search(phrase)
    if m and m["mon"][0].isupper():
        month = _month_number(m["mon"])
        if month:
            return _text(_dt.date(int(m["year"]), month, 1), "month", phrase)
    m = _RE_MONTH.search(phrase)
    if m and m["mon"][0].isupper() and published is not None:
        month = _month_number(m["mon"])
        mod = (m["mod"] or "").lower()
        this_year = _dt.date(published.year, month, 1)
        here = _dt.date(published.year, published.month, 1)
        if mod in ("last", "past"):
            d = this_year if this_year < here else _dt.date(published.year - 1, month, 1)
        elif mod in ("next", "coming"):
            d = this_year if this_year > here else _dt.date(published.year + 1, month, 1)
        elif mod == "this":
            d = this_year
        elif tense == "future":
            d = this_year if this_year >= here else _dt.date(published.year + 1, month, 1)
        elif tense == "past":
            d = this_year if this_year <= here else _dt.date(published.year - 1, month, 1)
        else:
            options = [_dt.date(published.year + k, month, 1) for k in (-1, 0, 1)]
            d = min(options, key=lambda o: abs((o - here).days))
        return _text(d, "month", phrase)
    m = _RE_YEAR.search(phrase)
    if m:
        return _text(_dt.date(int(m["year"]), 1, 1), "year", phrase)
    return None


def _weekday_date(wd: int, mod: str, published: _dt.date, tense: str) -> _dt.date:
    back = (published.weekday() - wd) % 7          # days back to the latest such day
    ahead = (wd - published.weekday()) % 7         # days ahead to the next such day
    if mod in ("last", "past"):
        return published - _dt.timedelta(days=back or 7)
    if mod in ("next", "coming"):
        return published + _dt.timedelta(days=ahead or 7)
    if tense == "future":
        return published + _dt.timedelta(days=ahead)
    return published - _dt.timedelta(days=back)


def _s_weekday(phrase: str, published: _dt.date | None, tense: str,
               previous: ResolvedDate | None) -> ResolvedDate | None:
    if published is None:
        return None
    m = _RE_WEEKDAY.search(phrase)
    if m:
        wd = _WEEKDAYS[m["wd"].lower()]
        return _text(_weekday_date(wd, (m["mod"] or "").lower(), published, tense), "day", phrase)
    m = _RE_WEEKEND.search(phrase)
    if m:
        mod = (m["mod"] or "").lower()
        if mod == "next":
            sat = _weekday_date(5, "", published, "future")
            if published.weekday() >= 5:
                sat += _dt.timedelta(days=7)
            return _text(sat, "day", phrase)
        if tense == "future" or mod in ("this", "coming") and tense != "past":
            return _text(_weekday_date(5, "", published, "future"), "day", phrase)
        sat = _weekday_date(5, "last", published, "past")
        sun = sat + _dt.timedelta(days=1)
        if sun > published:     # published on a Sunday: that weekend is this one
            return _text(published, "month", phrase)
        return _text(sat, "month", phrase)       # Saturday or Sunday: the day is unknown
    return None


def _s_relative(phrase: str, published: _dt.date | None, tense: str,
                previous: ResolvedDate | None) -> ResolvedDate | None:
    if _RE_DECADE.search(phrase):
        return ResolvedDate(None, None, "text", phrase)
    m = _RE_AGO.search(phrase)
    if m:
        unit = m["unit"].lower().rstrip("s")
        n = _count(m["num"])
        if unit in ("decade", "century", "centurie", "centuries"):
            return ResolvedDate(None, None, "text", phrase)
        if published is None:
            return None
        if unit == "hour":
            return _text(published, "day", phrase)
        if n is None:                           # "several days ago": the day is unknown
            if unit == "day":
                return _text(published - _dt.timedelta(days=5), "month", phrase)
            if unit == "week":
                return _text(published - _dt.timedelta(days=21), "month", phrase)
            return ResolvedDate(None, None, "text", phrase)
        if unit == "day":
            return _text(published - _dt.timedelta(days=n), "day", phrase)
        if unit == "week":
            return _text(published - _dt.timedelta(days=7 * n), "month", phrase)
        if unit == "month":
            return _text(_add_months(published, -n), "month", phrase)
        return _text(_dt.date(published.year - n, 1, 1), "year", phrase)
    if published is None:
        return None
    for rx, precision, fn in _RELATIVE:
        if rx.search(phrase):
            return _text(fn(published), precision, phrase)
    return None


def _s_dateparser(phrase: str, published: _dt.date | None, tense: str,
                  previous: ResolvedDate | None) -> ResolvedDate | None:
    if published is None:
        return None
    months = [m.group() for m in re.finditer(_MON + r"\b", phrase, _I)]
    numeric = re.search(r"\b\d{1,4}[/.]\d{1,2}[/.]\d{2,4}\b", phrase)
    if not numeric and not any(m[0].isupper() for m in months):
        return None                 # durations ("24 hours"), ordinals ("the 12th"), ranges
    try:
        from dateparser.date import DateDataParser
    except ImportError:                          # an optional last resort
        return None
    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    settings = {"RELATIVE_BASE": _dt.datetime.combine(published, _dt.time(12)),
                "PREFER_DATES_FROM": prefer, "STRICT_PARSING": False}
    try:
        data = DateDataParser(languages=["en"], settings=settings).get_date_data(phrase)
    except (ValueError, TypeError, OverflowError):
        return None
    if data is None or data.date_obj is None:
        return None
    precision = {"day": "day", "week": "month", "month": "month", "year": "year",
                 "time": "day"}.get(data.period or "day", "day")
    return _text(data.date_obj.date(), precision, phrase)


_STRATEGIES: dict[str, Callable[..., ResolvedDate | None]] = {
    "anaphora": _s_anaphora, "explicit": _s_explicit, "month_year": _s_month_year,
    "weekday": _s_weekday, "relative_phrase": _s_relative, "dateparser": _s_dateparser,
}


def _clean(phrase: str) -> str:
    text = " ".join(phrase.replace("\u2019", "'").split())
    text = re.sub(r"(?:'s|')$", "", text).strip(" ,;:-\u2013\u2014()\"")
    return _PREFIX.sub("", text) or text


def resolve_expression(phrase: str, published: _dt.date | None, tense: str = "past", *,
                       previous: ResolvedDate | None = None,
                       strategies: Sequence[str] = DEFAULT_STRATEGIES) -> ResolvedDate | None:
    """Resolve one date phrase relative to the publication date.

    ``phrase`` is the text of one date expression ("on Tuesday", "Jan. 12", "September 2023",
    "several days ago"); leading prepositions and a possessive "'s" are ignored. ``published``
    is the publication date (``datetime.date``) or None, in which case only phrases that carry
    their own year resolve. ``tense`` ("past", "present" or "future") is the tense of the clause
    the phrase belongs to; it picks the side of the publication date for weekdays and dates
    without a year. ``previous`` is the last date of the document, used by anaphoric phrases
    ("the same day", "the next day"). ``strategies`` names the strategies to try, in order
    (:data:`DEFAULT_STRATEGIES`).

    Returns a :class:`ResolvedDate` with basis "text" (value "YYYY-MM-DD", "YYYY-MM" or
    "YYYY" as the precision says; value and precision None for a vague phrase like "decades
    ago"), or None when no strategy reads the phrase as a date.

    Raises ValueError for an unknown tense or strategy name.
    """
    if tense not in TENSES:
        raise ValueError(f"unknown tense {tense!r}: use one of {', '.join(TENSES)}")
    unknown = [s for s in strategies if s not in _STRATEGIES]
    if unknown:
        raise ValueError(f"unknown date strategy {unknown[0]!r}: use names from "
                         f"{', '.join(_STRATEGIES)}")
    if isinstance(published, _dt.datetime):
        published = published.date()
    text = _clean(phrase)
    if not text:
        return None
    for name in strategies:
        result = _STRATEGIES[name](text, published, tense, previous)
        if result is not None:
            return ResolvedDate(result.value, result.precision, "text", phrase.strip())
    return None


# --------------------------------------------------------------------------- phrases in a parse

_CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "csubj", "csubjpass", "parataxis"})
_TEMPORAL_PREPS = frozenset({"after", "before", "since", "following", "until", "till",
                             "ahead", "prior", "preceding"})
_FUTURE_HEADS = frozenset({"plan", "schedule", "set", "due", "expect", "intend", "aim",
                           "prepare", "hope", "want", "vow", "pledge", "promise", "threaten",
                           "agree", "decide", "seek", "propose", "poise"})
_FUTURE_AMODS = frozenset({"planned", "upcoming", "scheduled", "proposed", "forthcoming",
                           "expected", "coming", "future", "next"})
_HYPOTHETICAL = frozenset({"would", "could", "might", "may", "should", "must"})
_DETECT = (
    re.compile(rf"\b(?:{_WD}\s*,\s*)?{_MON}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?",
               _I),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b\.?(?:,?\s+\d{{4}}\b)?", _I),
    re.compile(rf"\b{_MON}\.?,?\s+(?:of\s+)?\d{{4}}\b", _I),
    re.compile(rf"\b(?:(?:in|since|until|by|during|from|of|early|late|mid|last|next|this|"
               rf"earlier|later|past|coming)[\s-]+){_MON_FULL}\b", _I),
    re.compile(r"\b(?:in|since|until|by|during|from|of|early|late|mid)[\s-]+"
               r"(?:1[5-9]\d\d|20\d\d)\b(?!s)", _I),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),
    re.compile(rf"\b(?:(?:last|next|this|coming|past)\s+)?{_WD}(?:\s+{_PART})?\b", _I),
    _RE_WEEKEND, _RE_AGO, _RE_DECADE, _RE_ANAPHORA, _RE_RELATIONAL,
) + tuple(rx for rx, _, _ in _RELATIVE)


@dataclass(frozen=True)
class _Phrase:
    start: int          # token index in the Doc
    end: int
    text: str
    kind: str           # "date" | "anaphora" | "relational"
    marker: int | None = None      # token index of "after"/"before" of a relational phrase


def _is_month_word(tok) -> bool:
    return tok.lower_.rstrip(".") in _MONTHS


def _valid_span(span) -> bool:
    """Drop spans whose only date word is a lower-case or verbal month ("may", "March on")."""
    words = [t for t in span if not t.is_punct]
    if not words:
        return False
    named = [t for t in words if t.lower_ in _WEEKDAYS or _is_month_word(t)]
    if named and all(t.ent_type_ not in ("", "DATE", "TIME") for t in named):
        return False                # "the Good Friday Agreement", "Theresa May"
    if named and all(t.dep_ == "compound" and t.head.text[:1].isupper()
                     and t.head.lower_ not in _WEEKDAYS and not _is_month_word(t.head)
                     and not t.head.like_num for t in named):
        return False                # a name the tagger missed: "Good Friday Agreement"
    for tok in words:
        if _is_month_word(tok) and (tok.tag_ == "MD" or tok.tag_.startswith("VB")
                                    or not tok.text[0].isupper()):
            others = [t for t in words if t.i != tok.i and (t.like_num or t.ent_type_ in ("DATE", "TIME")
                                                             and not _is_month_word(t))]
            if not others:
                return False
    return True


def _kind(span) -> tuple[str, int | None]:
    text = span.text
    rel = _RE_RELATIONAL.search(text)
    if rel:
        marker = span[0].doc.char_span(span.start_char + rel.start("dir"),
                                       span.start_char + rel.end("dir"), alignment_mode="expand")
        if marker is not None:
            tok = marker[0]
            if tok.dep_ == "mark" or any(c.dep_ in ("pobj", "pcomp") for c in tok.children):
                return "relational", tok.i
    if _RE_ANAPHORA.search(text):
        return "anaphora", None
    return "date", None


def _find_phrases(doc) -> list[_Phrase]:
    """All date phrases of a spaCy Doc: DATE/TIME entities and the patterns of this module."""
    text = doc.text
    spans = []
    for ent in doc.ents:
        if ent.label_ in ("DATE", "TIME"):
            spans.append((ent.start_char, ent.end_char, 0))
    for rx in _DETECT:
        for m in rx.finditer(text):
            spans.append((m.start(), m.end(), 1))
    spans.sort(key=lambda s: (-(s[1] - s[0]), -s[2], s[0]))
    taken: list[tuple[int, int]] = []
    out = []
    for start, end, _ in spans:
        if any(start < e and s < end for s, e in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not _valid_span(span):
            continue
        taken.append((start, end))
        kind, marker = _kind(span)
        out.append(_Phrase(span.start, span.end, span.text, kind, marker))
    out.sort(key=lambda p: p.start)
    return out


def _is_verb(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")


def _clause_tokens(head, phrases_by_token: dict[int, _Phrase]) -> set[int]:
    """Token indices of the clause of ``head``: its subtree minus embedded clauses, other
    conjoined verbs that carry a date of their own, and the object of "after/before X"."""
    own: set[int] = set()
    stack = [head]
    while stack:
        tok = stack.pop()
        own.add(tok.i)
        for child in tok.children:
            if child.dep_ in _CLAUSE_DEPS:
                continue
            if (tok is not head and tok.pos_ in ("NOUN", "PROPN") and child.ent_type_ in ("DATE", "TIME")
                    and child.dep_ in ("compound", "nummod", "amod", "poss", "nmod")):
                continue  # "the 2015 Paris attacks prompted ...": the date of another noun's event
            if child.dep_ == "acl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
                continue
            if child.dep_ == "conj" and _is_verb(child) and _has_own_date(child, phrases_by_token):
                continue
            if (child.dep_ in ("pobj", "pcomp") and child.ent_type_ not in ("DATE", "TIME")
                    and (tok.lower_ in _TEMPORAL_PREPS
                         or tok.lower_ in ("of", "to") and tok.head.lower_ in _TEMPORAL_PREPS)):
                continue
            stack.append(child)
    return own


def _has_own_date(verb, phrases_by_token: dict[int, _Phrase]) -> bool:
    for tok in verb.subtree:
        if tok.i in phrases_by_token and phrases_by_token[tok.i].kind != "relational":
            return True
    return False


def _clause_verb(tok):
    """The verb that heads the clause of ``tok`` (``tok`` itself when it is a verb)."""
    seen = 0
    while not _is_verb(tok) and tok.head.i != tok.i and seen < 50:
        tok = tok.head
        seen += 1
    return tok


class DateResolver:
    """Resolve event dates in one document; create one per document.

    ``published`` is the publication date (``datetime.date``, a ``datetime`` is truncated) or
    None. The resolver remembers the dates of the document it has seen, in the order the
    sentences are given, so "the same day" or "later that day" take the last explicit date;
    give it the sentences (or the whole ``Doc``) in document order.

    ``strategies`` is passed to :func:`resolve_expression`.
    """

    def __init__(self, published: _dt.date | None, *,
                 strategies: Sequence[str] = DEFAULT_STRATEGIES):
        if isinstance(published, _dt.datetime):
            published = published.date()
        self.published = published
        self.strategies = tuple(strategies)
        self._docs: dict[int, tuple[object, int, list[_Phrase], dict[int, _Phrase]]] = {}
        # history: (doc order, token index, date) of every resolved text date seen so far
        self._history: list[tuple[int, int, ResolvedDate]] = []

    # -- public ------------------------------------------------------------------------

    def tense_of(self, anchor) -> str:
        """"past", "present" or "future": the tense of the clause of ``anchor`` (a spaCy Token).

        Future: will/shall/'ll, "going to", "is to", scheduled/plans to/set to/due to/expected
        to, a modal of possibility (would, could, may, might) without "have", an event noun
        qualified as planned/upcoming/next, or "next"/"tomorrow" in the clause. Past: a
        past-tense verb (VBD), a participle (VBN) with or without "have", "used to".
        Otherwise present.
        """
        for child in anchor.children:
            if child.dep_ in ("amod", "compound") and child.lower_ in _FUTURE_AMODS:
                return "future"
        verb = _clause_verb(anchor)
        if not _is_verb(verb):
            return "present"
        return self._verb_tense(verb, depth=0)

    def resolve(self, anchor, tense: str | None = None) -> ResolvedDate:
        """The date of the event anchored on ``anchor`` (a spaCy Token: verb or event noun).

        The date phrase is taken from the anchor's own clause; failing that, from the clauses
        that govern it (a reported event takes the date of "said on Friday"); "a day after X"
        gives the event of X the governing date shifted back a day; "the same day" the last
        date seen in the document. Without any phrase the publication date is returned with
        basis "publication" and precision "day" (value and precision None when the
        publication date is unknown). ``tense`` overrides :meth:`tense_of` for phrases of the
        anchor's own clause.

        Raises ValueError for an unknown tense.
        """
        if tense is not None and tense not in TENSES:
            raise ValueError(f"unknown tense {tense!r}: use one of {', '.join(TENSES)}")
        doc = anchor.doc
        order, phrases, by_token = self._scan(doc)
        result = self._resolve_from(anchor, tense, order, phrases, by_token)
        if result is not None:
            return result
        return self._publication()

    # -- internals ---------------------------------------------------------------------

    def _publication(self) -> ResolvedDate:
        if self.published is None:
            return ResolvedDate(None, None, "publication", None)
        return ResolvedDate(self.published.isoformat(), "day", "publication", None)

    def _verb_tense(self, verb, depth: int) -> str:
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {a.lower_ for a in auxes}
        has_have = any(a.lemma_.lower() == "have" for a in auxes)
        if words & {"will", "shall", "'ll", "wo", "’ll"}:
            return "future"
        if words & _HYPOTHETICAL:
            return "past" if has_have else "future"
        if verb.lemma_.lower() in ("schedule", "plan", "set", "due", "slate") and \
                verb.tag_ == "VBN" and any(a.lemma_ == "be" for a in auxes):
            return "future"
        if any(c.dep_ in ("xcomp", "acomp") and c.lemma_.lower() in ("due",) for c in verb.children):
            return "future"
        for tok in verb.children:
            if tok.dep_ == "npadvmod" or tok.dep_ == "advmod":
                if any(t.lower_ in ("next", "tomorrow", "upcoming") for t in tok.subtree):
                    return "future"
        if verb.dep_ == "xcomp" and verb.head.i != verb.i and depth < 5:
            head = verb.head
            if head.lower_ == "used":
                return "past"
            if head.lemma_.lower() in _FUTURE_HEADS or head.lower_ in ("going", "due", "set"):
                return "future"
            if head.lemma_ == "be" and verb.tag_ == "VB":
                return "future"
            return self._verb_tense(head, depth + 1)
        if verb.tag_ == "VB" and any(a.lower_ == "to" for a in auxes) and verb.head.i != verb.i:
            head = verb.head
            if head.lemma_ == "be" or head.lemma_.lower() in _FUTURE_HEADS:
                return "future"
            if depth < 5:               # "went to meet": the infinitive takes its head's tense
                return self._verb_tense(_clause_verb(head), depth + 1)
        if verb.tag_ == "VBD" or has_have:
            return "past"
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        if verb.tag_ == "VBN":
            return "past"
        if verb.tag_ in ("VB",) and verb.dep_ in _CLAUSE_DEPS | {"conj"} and depth < 5 \
                and verb.head.i != verb.i and not auxes:
            return self._verb_tense(_clause_verb(verb.head), depth + 1)
        if verb.dep_ == "conj" and verb.head.i != verb.i and not auxes and depth < 5:
            return self._verb_tense(_clause_verb(verb.head), depth + 1)
        return "present"

    def _scan(self, doc):
        """Find the phrases of ``doc`` once and add its text dates to the history."""
        key = id(doc)
        entry = self._docs.get(key)
        if entry is not None and entry[0] is doc:
            return entry[1], entry[2], entry[3]
        if len(self._docs) > 256:           # a document's sentences are few; keep memory flat
            self._docs.pop(next(iter(self._docs)))
        order = len(self._docs)
        phrases = _find_phrases(doc)
        by_token: dict[int, _Phrase] = {}
        for p in phrases:
            for i in range(p.start, p.end):
                by_token[i] = p
        self._docs[key] = (doc, order, phrases, by_token)
        self._remember(order, doc, phrases)
        return order, phrases, by_token

    def _previous(self, order: int, before: int, doc, phrases: list[_Phrase]) -> ResolvedDate | None:
        """The last text date of the document before token ``before`` of the Doc ``order``."""
        # dates of earlier Docs are in the history; dates of this Doc are read in text order
        last = None
        for o, _i, value in self._history:
            if o < order:
                last = value
        for _p, value in self._chain(doc, [p for p in phrases if p.start < before], last):
            last = value
        return last

    def _chain(self, doc, phrases: list[_Phrase], last: ResolvedDate | None):
        """Resolve ``phrases`` in text order, each relative to the date before it (for "the
        same day"); yields (phrase, date) for those that give a date."""
        for p in phrases:
            if p.kind == "relational":
                continue
            tense = self.tense_of(doc[p.start:p.end].root)
            value = resolve_expression(p.text, self.published, tense, previous=last,
                                       strategies=self.strategies)
            if value is not None and value.value is not None:
                last = value
                yield p, value

    def _remember(self, order: int, doc, phrases: list[_Phrase]) -> None:
        """Add the text dates of the Doc ``order`` to the history, in text order."""
        last = self._previous(order, len(doc) + 1, doc, [])  # earlier docs only
        for p, value in self._chain(doc, phrases, last):
            self._history.append((order, p.start, value))

    def _resolve_phrase(self, phrase: _Phrase, tense: str, order: int, doc,
                        phrases: list[_Phrase]) -> ResolvedDate | None:
        previous = None
        if phrase.kind == "anaphora":
            previous = self._previous(order, phrase.start, doc, phrases)
            if previous is None:
                return None
        return resolve_expression(phrase.text, self.published, tense, previous=previous,
                                  strategies=self.strategies)

    def _resolve_from(self, anchor, tense, order, phrases, by_token) -> ResolvedDate | None:
        doc = anchor.doc
        node = anchor
        shifts: list[tuple[_Phrase, int]] = []
        own_tense = tense
        visited = set()
        level = -1
        while node.i not in visited:
            visited.add(node.i)
            level += 1
            clause = _clause_tokens(node, by_token)
            found: list[tuple[_Phrase, ResolvedDate]] = []
            seen_phrases = set()
            for i in sorted(clause):
                p = by_token.get(i)
                if p is None or p in seen_phrases:
                    continue
                seen_phrases.add(p)
                if p.kind == "relational":
                    if self._x_side(p, anchor, doc) and p not in [s[0] for s in shifts]:
                        # "X, a day after Y shelled": the mark sits in Y's own clause, so the
                        # shift applies to dates of the clauses above it, never to Y's own
                        marker = doc[p.marker]
                        own = marker.dep_ == "mark" and marker.head.i == node.i
                        shifts.append((p, level + 1 if own else level))
                    continue
                if node.i == anchor.i:
                    t = own_tense or self.tense_of(anchor)
                else:
                    t = self.tense_of(node)
                value = self._resolve_phrase(p, t, order, doc, phrases)
                if value is not None:
                    found.append((p, value))
            if not found:
                found = self._from_conjuncts(node, anchor, by_token, order, doc, phrases)
            if found:
                rank = {"day": 3, "month": 2, "year": 1, None: 0}
                p, value = max(found, key=lambda f: (rank[f[1].precision],
                                                     -min(abs(f[0].start - anchor.i),
                                                          abs(f[0].end - 1 - anchor.i))))
                for rel, from_level in reversed(shifts):
                    if from_level <= level:
                        value = self._apply_relation(rel, value, doc)
                return value
            if node.head.i == node.i:
                break
            node = node.head
        if shifts and self.published is not None:
            value = ResolvedDate(self.published.isoformat(), "day", "text", None)
            for rel, _ in reversed(shifts):
                value = self._apply_relation(rel, value, doc)
            return value
        return None

    def _from_conjuncts(self, node, anchor, by_token, order, doc, phrases):
        """"gathered and marched on Monday": a conjoined verb's own date, when ``node`` has none."""
        for child in node.children:
            if child.dep_ != "conj" or not _is_verb(child) or child.i < node.i:
                continue
            found = []
            for i in sorted(_clause_tokens(child, by_token)):
                p = by_token.get(i)
                if p is None or p.kind == "relational" or any(f[0] == p for f in found):
                    continue
                value = self._resolve_phrase(p, self.tense_of(child), order, doc, phrases)
                if value is not None:
                    found.append((p, value))
            if found:
                return found
        return []

    @staticmethod
    def _x_side(p: _Phrase, anchor, doc) -> bool:
        """Whether ``anchor`` is the X of "<duration> after X" (not the event it is dated by)."""
        marker = doc[p.marker]
        if marker.dep_ == "mark":
            target = marker.head
        else:
            objs = [c for c in marker.children if c.dep_ in ("pobj", "pcomp")]
            if not objs:
                return False
            target = objs[0]
        tok = anchor
        for _ in range(60):
            if tok.i == target.i:
                return True
            if tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def _apply_relation(self, p: _Phrase, base: ResolvedDate, doc) -> ResolvedDate:
        m = _RE_RELATIONAL.search(p.text)
        unit = m["unit"].lower().rstrip("s")
        direction = -1 if m["dir"].lower() == "after" else 1   # X is before / after the base
        n = _count(m["num"]) if m["num"] else (1 if re.match(r"the\b", p.text, _I) or
                                               not m["unit"].lower().endswith("s") else None)
        if unit == "hour":
            return ResolvedDate(base.value, base.precision, "text", p.text)
        if n is not None and unit == "day":
            return _shift(base, direction * n, p.text)
        if n is not None and unit == "week":
            return _shift(base, direction * 7 * n, p.text)
        return _shift_vague(base, unit, direction, p.text)
