"""Ingest: news documents in, :class:`~eventcoder.records.Document` out.

Public API::

    parse_raw_page(text, doc_id, *, published=None, url=None, outlet=None) -> Document
    parse_html(html, doc_id, url=None) -> Document
    document_from_record(rec, where) -> Document
    parse_feed(data, source) -> list[Document]
    read_inputs(paths) -> Iterator[Document | DocumentError]
    find_dateline(text) -> (place, length) | None

Nothing is fetched from the network and nothing is printed; bad input raises (single-document
functions) or is yielded as ``DocumentError`` (:func:`read_inputs`).
"""
from __future__ import annotations

from .clean import find_dateline
from .feeds import parse_feed
from .html import parse_html
from .jsonl import document_from_record
from .raw import parse_raw_page
from .reader import SUFFIXES, read_inputs

__all__ = ["parse_raw_page", "parse_html", "document_from_record", "parse_feed", "read_inputs",
           "find_dateline", "SUFFIXES"]
