"""RSS and Atom feeds -> :class:`~eventcoder.records.Document` (feedparser, offline)."""
from __future__ import annotations

import datetime as _dt
import io
from typing import Iterator

from ..errors import DocumentError, EmptyDocumentError, InputError
from ..records import Document
from . import clean
from .html import html_to_text


def _entry_date(entry) -> _dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        st = entry.get(key)
        if st:
            try:
                return _dt.date(st.tm_year, st.tm_mon, st.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None


def _entry_text(entry) -> str:
    """The longest of the entry's content blocks and its summary, as plain text."""
    candidates = [c.get("value", "") for c in entry.get("content", []) or []]
    candidates.append(entry.get("summary", "") or "")
    texts = [html_to_text(c) for c in candidates if c and c.strip()]
    return max(texts, key=len) if texts else ""


def iter_feed(data: bytes | str, source: str) -> Iterator[Document | DocumentError]:
    """Each entry of an RSS/Atom feed as a Document, or a DocumentError for an entry without
    text. See :func:`parse_feed` for the fields; raises ``InputError`` when ``data`` is not a
    feed at all."""
    import feedparser  # imported here: no work at import time

    raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    # a stream, so feedparser never takes the data for a URL or a file name
    parsed = feedparser.parse(io.BytesIO(raw))
    if not parsed.entries:
        if parsed.get("bozo"):
            raise InputError(f"{source}: not a readable RSS/Atom feed ({parsed.get('bozo_exception')}); "
                             f"check that the file is a feed")
        if parsed.get("version") or parsed.get("feed"):
            return  # a valid feed with no entries: nothing to read
        raise InputError(f"{source}: not an RSS/Atom feed (no <rss>, <feed> or <rdf:RDF> root)")
    outlet = (parsed.feed.get("title") or "").strip() or None
    for i, entry in enumerate(parsed.entries, start=1):
        link = (entry.get("link") or "").strip() or None
        doc_id = (entry.get("id") or "").strip() or link or f"{source}#{i}"
        text = _entry_text(entry)
        if not text.strip():
            yield EmptyDocumentError(doc_id, f"{source}: feed entry {i} has no summary or content text")
            continue
        title = html_to_text(entry.get("title") or "").replace("\n\n", " ").strip() or None
        dl = clean.find_dateline(text)
        yield Document(id=doc_id, text=text, title=title, published=_entry_date(entry), outlet=outlet,
                       url=link, dateline=dl[0] if dl else None)


def parse_feed(data: bytes | str, source: str) -> list[Document]:
    """Parse an RSS 0.9x/1.0/2.0 or Atom feed into one Document per entry, offline.

    - ``id``: the entry's ``<guid>``/``<id>``, else its link, else "<source>#<n>" (1-based).
    - ``text``: the entry's content (``content:encoded``/Atom ``<content>``) or summary,
      whichever is longer, HTML stripped, paragraphs joined by ``"\\n\\n"``.
    - ``title``, ``url`` (the link), ``published`` (the entry's published, else updated date,
      UTC calendar date), ``outlet`` (the feed's title), ``dateline`` (a wire dateline opening
      the text).

    ``data`` is the feed as bytes (its XML declaration decides the encoding) or str; ``source``
    names it in messages (a file name). Entries without any text are skipped
    (:func:`read_inputs` reports them as errors). Raises ``InputError`` when ``data`` is not a
    feed.
    """
    return [d for d in iter_feed(data, source) if isinstance(d, Document)]
