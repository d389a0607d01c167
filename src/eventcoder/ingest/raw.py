"""Raw scraped news pages as plain text -> :class:`~eventcoder.records.Document`.

A scraped page is the visible text of a news site's article page: a title line, then some of a
byline ("By Jane Doe"), the author's name again, a short biography, a date line ("January 24,
2022Updated: January 24, 2022"), a section label, then the body paragraphs interrupted by photo
captions, and at the end disclaimers, share buttons and "Related" lists. The rules here decide
by the shape and place of each line, never by the words of one particular page.
"""
from __future__ import annotations

import datetime as _dt
import re

from ..errors import DocumentError, EmptyDocumentError
from ..records import Document
from . import clean
from .dates import coerce_date, find_dates

#: how many lines after the title may still be page header (byline, bio, date line)
HEADER_WINDOW = 15
#: at most this many paragraph-like lines (an author biography) may precede the date line
#: for the lines before it to count as header
MAX_HEADER_PARAGRAPHS = 2

_TIME = re.compile(r"\b\d{1,2}(?::\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[A-Z]{2,4}|UTC[+-]?\d*|GMT[+-]?\d*))?\b",
                   re.IGNORECASE)
_DATE_LABELS = re.compile(
    r"\b(?:updated|published|posted|last|modified|first|on|at|date|am|pm|"
    r"mon|tue|wed|thu|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"[0-9]+\s*min(?:ute)?s?\s*read|read)\b|[|•·,:;/()\-–—]", re.IGNORECASE)
_BIO_VERBS = re.compile(r"^\s*(?:is|was|has|had|writes|wrote|covers|covered|reports|reported|teaches|serves|"
                        r"holds|joined|previously|currently|,)\b", re.IGNORECASE)


def _date_line(line: str) -> _dt.date | None:
    """The date of a line that is (almost) only a date: "January 24, 2022Updated: January 24,
    2022", "Published 3 March 2023 10:15 GMT", "Mon 24 Jan 2022 | 5 min read"."""
    dates = find_dates(line)
    if not dates:
        return None
    rest = line
    for start, end, _ in reversed(dates):
        rest = rest[:start] + " " + rest[end:]
    rest = _DATE_LABELS.sub(" ", _TIME.sub(" ", rest))
    return dates[0][2] if clean.words(rest) <= 3 else None


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines; a run that looks hard-wrapped (every line but the last close to
    a fixed width of at most 100 characters, most of them ending mid-sentence) is joined into
    one line."""
    blocks: list[list[str]] = []
    cur: list[str] = []
    for line in lines + [""]:
        if line:
            cur.append(line)
        elif cur:
            blocks.append(cur)
            cur = []
    out = []
    for b in blocks:
        if len(b) >= 2:
            width = max(len(x) for x in b)
            body = b[:-1]
            open_ends = sum(1 for x in body if not clean.ends_sentence(x))
            if (40 <= width <= 100 and all(len(x) >= 0.6 * width for x in body)
                    and open_ends * 2 >= len(body) and not any(clean.byline_names(x) for x in b)):
                b = [" ".join(b)]
        out.append(b)
    return out


def _is_bio(line: str, authors: list[str]) -> bool:
    """A paragraph about the author: starts with a byline name followed by "is", "has",
    "writes", ... ("Jane Doe is a senior fellow at ...")."""
    for name in authors:
        if line.startswith(name) and _BIO_VERBS.match(line[len(name):]):
            return True
    return False


def _looks_like_title(line: str) -> bool:
    return (clean.words(line) <= 30 and not line.rstrip().endswith(".")
            and clean.byline_names(line) is None and _date_line(line) is None
            and not clean.is_boilerplate(line))


def parse_raw_page(text: str, doc_id: str, *, published: object = None, url: str | None = None,
                   outlet: str | None = None) -> Document:
    """Parse the plain text of a scraped news page into a Document.

    - ``title``: the first line, when it is short (30 words or fewer) and does not end with a
      full stop; otherwise the page is taken to have no title line.
    - ``published``: the ``published`` argument when given (``date``, ``datetime`` or a string
      such as "2022-01-24"); otherwise the first date line of the page header ("January 24,
      2022Updated: ..."), or ``None``.
    - ``text``: the body paragraphs joined by ``"\\n\\n"``. Dropped: everything before the date
      line when it is only byline, names and a short biography; "By ..." lines; lines that are
      only a name, a date, a section label or another short label without sentence punctuation;
      photo captions (a line ending with a credit such as "(... via AP)", with the short caption
      title above it) and credit lines ("Photo: ...", "Getty Images"); disclaimers ("Views
      expressed ...", copyright); share/subscribe lines and agency footers; author
      biographies; and everything from a trailing-list heading ("Related Topics", "More from
      ...") on.
    - ``dateline``: the place of a wire dateline opening the body ("ADDIS ABABA, Feb 6 - ..."
      gives "Addis Ababa"); the dateline stays in the text.

    Raises ``EmptyDocumentError`` when no body paragraph is left, ``DocumentError`` when
    ``published`` cannot be read as a date or ``text`` is not a string.
    """
    if not isinstance(text, str):
        raise DocumentError(doc_id, f"page text must be a string, not {type(text).__name__}")
    try:
        given_date = coerce_date(published)
    except ValueError as exc:
        raise DocumentError(doc_id, str(exc)) from None

    blocks = _blocks(clean.normalize(text).split("\n"))
    entries = [(line, bi) for bi, block in enumerate(blocks) for line in block]
    if not entries:
        raise EmptyDocumentError(doc_id, "the page is empty; give a file with the article's text")
    block_size = {bi: len(block) for bi, block in enumerate(blocks)}

    title = None
    start = 0
    if _looks_like_title(entries[0][0]):
        title = entries[0][0]
        start = 1

    # authors from byline lines near the top
    authors: list[str] = []
    for line, _ in entries[start:start + HEADER_WINDOW]:
        names = clean.byline_names(line)
        if names:
            authors.extend(n for n in names if n not in authors)

    # the date line: the first line of the header window that is only a date
    page_date = None
    body_from = start
    for k in range(start, min(len(entries), start + HEADER_WINDOW)):
        d = _date_line(entries[k][0])
        if d is None:
            continue
        page_date = d
        paragraphs = [ln for ln, _ in entries[start:k] if clean.is_body_paragraph(ln)]
        if len(paragraphs) <= MAX_HEADER_PARAGRAPHS:
            body_from = k + 1
        break

    kept: list[tuple[str, int]] = []
    section = None
    for line, bi in entries[body_from:]:
        if not kept and section is None and clean.is_title_case_label(line, max_words=4) \
                and not clean.has_trailing_credit(line):
            section = line.strip()  # a section label above the body ("News Analysis", "Opinion")
        if clean.is_trailer(line):
            if kept:
                break
            continue
        if clean.has_trailing_credit(line) or clean.is_credit_line(line):
            # a caption: drop it, and the caption title / caption text sharing its block
            if block_size[bi] <= 3:
                while kept and kept[-1][1] == bi:
                    kept.pop()
            continue
        if (clean.is_boilerplate(line) or _date_line(line) is not None or _is_bio(line, authors)
                or not clean.is_body_paragraph(line)):
            continue
        kept.append((line, bi))

    if not kept:
        raise EmptyDocumentError(doc_id, "no body paragraphs found on the page (only title, byline, "
                                         "labels or captions); check that the file holds the article text")
    body = "\n\n".join(line for line, _ in kept)
    dl = clean.find_dateline(body)
    return Document(id=doc_id, text=body, title=title, published=given_date or page_date,
                    outlet=outlet, url=url, dateline=dl[0] if dl else None, section=section)

