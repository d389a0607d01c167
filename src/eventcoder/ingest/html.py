"""HTML news pages -> :class:`~eventcoder.records.Document` (trafilatura + htmldate, offline)."""
from __future__ import annotations

import datetime as _dt
import html as _html
import re
from html.parser import HTMLParser

from ..errors import DocumentError, EmptyDocumentError
from ..records import Document
from . import clean
from .dates import coerce_date

_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
               "section", "article", "header", "footer", "figure", "figcaption", "ul", "ol", "table", "pre"}
_SKIP_TAGS = {"script", "style", "noscript", "template", "svg", "head", "nav", "aside", "form",
              "button", "iframe", "figcaption", "figure"}


class _TextParser(HTMLParser):
    """Visible text of an HTML fragment, one line per block element."""

    def __init__(self, skip: set[str]):
        super().__init__(convert_charrefs=True)
        self.skip = skip
        self.depth = 0
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.skip:
            self.depth += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in self.skip:
            self.depth = max(0, self.depth - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def html_to_text(fragment: str, *, skip: set[str] | None = None) -> str:
    """Plain text of an HTML fragment: tags removed, entities decoded, one paragraph per block
    element joined by ``"\\n\\n"``; scripts, styles and figure captions are left out."""
    parser = _TextParser(_SKIP_TAGS if skip is None else skip)
    try:
        parser.feed(fragment)
        parser.close()
    except Exception:  # html.parser is lenient; this guards against pathological input only
        return clean.normalize(re.sub(r"<[^>]+>", " ", _html.unescape(fragment))).strip()
    text = clean.normalize("".join(parser.parts))
    paras = [p.strip() for p in re.split(r"\n+", text) if p.strip()]
    return "\n\n".join(paras)


def _body_paragraphs(text: str) -> list[str]:
    """Drop furniture trafilatura let through (captions, credits, disclaimers, trailing lists)."""
    kept: list[str] = []
    for para in (p.strip() for p in text.split("\n")):
        if not para:
            continue
        if clean.is_trailer(para):
            if kept:
                break
            continue
        if clean.is_boilerplate(para) or not clean.is_body_paragraph(para):
            continue
        kept.append(para)
    return kept


def _find_title(html: str) -> str | None:
    for rx in (r"<meta[^>]+property=[\"']og:title[\"'][^>]*content=[\"']([^\"']+)",
               r"<h1[^>]*>(.*?)</h1>", r"<title[^>]*>(.*?)</title>"):
        m = re.search(rx, html, re.IGNORECASE | re.DOTALL)
        if m:
            t = clean.normalize(_html.unescape(re.sub(r"<[^>]+>", "", m.group(1)))).strip()
            if t:
                return t
    return None


def parse_html(html: str, doc_id: str, url: str | None = None) -> Document:
    """Parse an HTML news page into a Document, without any network access.

    The body is trafilatura's main-text extraction (comments and tables left out), with
    remaining captions, credit lines, disclaimers and "Related" lists dropped by the same rules
    as :func:`parse_raw_page`; paragraphs are joined by ``"\\n\\n"``. When trafilatura finds no
    main text (very small pages), the ``<p>`` text of the page is used. ``title`` comes from
    trafilatura's metadata (then ``og:title``, ``<h1>``, ``<title>``); ``published`` from
    trafilatura's metadata, else htmldate (original publication date, page content only);
    ``outlet`` from the site name metadata. ``url`` is recorded, never fetched.

    Raises ``EmptyDocumentError`` when the page has no body text and ``DocumentError`` when
    ``html`` is not a string.
    """
    if not isinstance(html, str):
        raise DocumentError(doc_id, f"HTML must be a string, not {type(html).__name__}")
    if not html.strip():
        raise EmptyDocumentError(doc_id, "the HTML page is empty")
    import trafilatura  # imported here: no work at import time of eventcoder.ingest

    title = outlet = None
    published: _dt.date | None = None
    body = ""
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, include_images=False,
                                             output_format="python")
    except Exception:  # a parser failure on odd markup: fall back to the plain-text route
        result = None
    if result is not None:
        get = result.get if isinstance(result, dict) else (lambda k: getattr(result, k, None))
        body = get("text") or ""
        title = get("title") or None
        outlet = get("sitename") or None
        try:
            published = coerce_date(get("date"))
        except ValueError:
            published = None
    if published is None:
        published = _htmldate(html, url)
    title = title or _find_title(html)

    paragraphs = _body_paragraphs(body) if body else []
    if not paragraphs:
        m = re.search(r"<body[^>]*>(.*)</body>", html, re.IGNORECASE | re.DOTALL)
        fallback = html_to_text(m.group(1) if m else html)
        paragraphs = _body_paragraphs(fallback.replace("\n\n", "\n"))
        if title and paragraphs and paragraphs[0] == title:
            paragraphs = paragraphs[1:]
    if not paragraphs:
        raise EmptyDocumentError(doc_id, "no article text found in the HTML page (only navigation, "
                                         "labels or scripts); check that it is an article page")
    text = "\n\n".join(paragraphs)
    dl = clean.find_dateline(text)
    return Document(id=doc_id, text=text, title=title, published=published, outlet=outlet, url=url,
                    dateline=dl[0] if dl else None)


def _htmldate(html: str, url: str | None) -> _dt.date | None:
    if "<" not in html:  # htmldate would take a bare string starting with "http" for a URL to fetch
        return None
    try:
        from htmldate import find_date
        found = find_date(html, extensive_search=True, original_date=True, outputformat="%Y-%m-%d")
    except Exception:  # htmldate raises on unparsable markup; a missing date is not an error
        return None
    try:
        return coerce_date(found)
    except ValueError:
        return None
