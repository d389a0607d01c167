"""Publication dates: find them in page text and parse the forms metadata gives.

Only dates with a day, a month and a year count as publication dates; a bare "Jan. 12" in a
sentence is an event date, not this module's business.
"""
from __future__ import annotations

import datetime as _dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_RE = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
             r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")
# "January 24, 2022", "Jan. 24 2022", "Jan 24th, 2022"
_MDY = re.compile(rf"\b(?P<m>{_MONTH_RE})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
                  re.IGNORECASE)
# "24 January 2022", "24 Jan. 2022"
_DMY = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\.?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)",
                  re.IGNORECASE)
# "2022-01-24", "2022/01/24"
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/](?P<m>\d{1,2})[-/](?P<d>\d{1,2})(?!\d)")
# "1/24/2022" (US order; read day-first when the first number cannot be a month)
_NUM = re.compile(r"(?<![\d/])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)")

# "24.01.2022" (day first, as written in most of Europe)
_DOTTED = re.compile(r"(?<![\d.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d\d)(?!\d)")

_ISO_FULL = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*$")


def _make(y: int, m: int, d: int) -> _dt.date | None:
    try:
        return _dt.date(y, m, d)
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, _dt.date]]:
    """All full dates (day, month, year) in ``text`` as ``(start, end, date)``, in text order.

    Recognised forms: "January 24, 2022", "Jan. 24 2022", "24 January 2022", "2022-01-24",
    "2022/01/24", "24.01.2022" (day first) and "1/24/2022" (US order unless the first number
    exceeds 12). Dates glued to following words ("January 24, 2022Updated") are found too.
    """
    found: list[tuple[int, int, _dt.date]] = []
    for rx in (_MDY, _DMY):
        for m in rx.finditer(text):
            month = _MONTHS[m.group("m").lower()[:3]]
            d = _make(int(m.group("y")), month, int(m.group("d")))
            if d:
                found.append((m.start(), m.end(), d))
    for m in _ISO.finditer(text):
        d = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            found.append((m.start(), m.end(), d))
    for m in _DOTTED.finditer(text):
        d = _make(int(m.group("y")), int(m.group("m")), int(m.group("d")))
        if d:
            found.append((m.start(), m.end(), d))
    for m in _NUM.finditer(text):
        a, b, y = int(m.group("a")), int(m.group("b")), int(m.group("y"))
        d = _make(y, a, b) if a <= 12 else _make(y, b, a)
        if d:
            found.append((m.start(), m.end(), d))
    found.sort()
    # drop matches nested in an earlier one
    out: list[tuple[int, int, _dt.date]] = []
    for item in found:
        if out and item[0] < out[-1][1]:
            continue
        out.append(item)
    return out


def coerce_date(value: object, what: str = "published") -> _dt.date | None:
    """A publication date from metadata: ``None``, a ``date``/``datetime``, or a string.

    Strings may be "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS][Z|+HH:MM]", an ISO datetime with "T",
    or any of the page forms of :func:`find_dates` ("January 24, 2022"); the calendar date as
    written is kept (no time-zone conversion). An empty string gives ``None``.

    Raises ``ValueError`` (message names ``what`` and the accepted forms) for anything else.
    """
    if value is None:
        return None
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        s = value.strip()
        if not s:
            return None
        m = _ISO_FULL.match(s)
        if m:
            d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if d:
                return d
            raise ValueError(f"{what} {value!r} is not a real calendar date")
        dates = find_dates(s)
        if dates and dates[0][0] < 12:
            return dates[0][2]
        raise ValueError(f"{what} {value!r} is not a date; write it as YYYY-MM-DD "
                         f"(or an ISO datetime such as 2022-01-24T10:00:00Z)")
    raise ValueError(f"{what} must be a string like YYYY-MM-DD or null, not {type(value).__name__}")
