"""eventcoder: political event data from news text.

Public API::

    code_text(text, doc_id="doc", published=None) -> list[dict]     # event records
    code_documents(documents, settings=None) -> Iterator[DocResult]
    Pipeline(settings=None)                                          # reusable, loads once
    Document, Settings
    open(path) -> EventStore                                          # the DuckDB event store

Event records follow ``docs/event-record.md``. Nothing is loaded at import time.
"""
from __future__ import annotations

import datetime as _dt
from typing import Iterable, Iterator

from .config import Settings
from .errors import ConfigError, DocumentError, EventcoderError, InputError
from .records import Document

__all__ = ["ConfigError", "Document", "DocumentError", "EventcoderError", "InputError", "Pipeline",
           "Settings", "code_documents", "code_text", "open"]
__version__ = "0.1.0"

_default_pipeline = None


def __getattr__(name):
    if name == "Pipeline":
        from .pipeline import Pipeline
        return Pipeline
    raise AttributeError(f"module 'eventcoder' has no attribute {name!r}")


def _pipeline():
    global _default_pipeline
    if _default_pipeline is None:
        from .pipeline import Pipeline
        _default_pipeline = Pipeline()
    return _default_pipeline


def code_text(text: str, doc_id: str = "doc", published: _dt.date | str | None = None) -> list[dict]:
    """Event records (dicts, ``docs/event-record.md``) of one text. ``published`` is a date or
    an ISO "YYYY-MM-DD" string. Raises DocumentError for an empty text."""
    if isinstance(published, str):
        published = _dt.date.fromisoformat(published[:10])
    return _pipeline().code_document(Document(id=doc_id, text=text, published=published))


def code_documents(documents: Iterable[Document], settings: Settings | None = None) -> Iterator:
    """Code many documents; yields ``DocResult(doc_id, document, events, error)`` per input."""
    from .pipeline import Pipeline
    pipe = Pipeline(settings) if settings is not None else _pipeline()
    return pipe.code_documents(documents)


def open(path="events.duckdb", **kwargs):  # noqa: A001 - mirrors duckdb.connect / sqlite3.connect
    """Open the event store at ``path`` (see :mod:`eventcoder.api`)."""
    from .api import open as _open
    return _open(path, **kwargs)
