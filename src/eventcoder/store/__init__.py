"""Event stores: the :class:`Store` protocol and its DuckDB backend.

    >>> from eventcoder.store import open_store
    >>> store = open_store("events.duckdb")        # creates and migrates the file
"""
from __future__ import annotations

from pathlib import Path

from .base import Store
from .duckdb import DuckDBStore
from .loader import IngestProgress, IngestReport, content_hash, ingest
from .schema import EVENT_COLUMNS, MENTION_COLUMNS, SCHEMA_VERSION

__all__ = ["Store", "DuckDBStore", "open_store", "ingest", "IngestReport", "IngestProgress", "content_hash", "EVENT_COLUMNS", "MENTION_COLUMNS", "SCHEMA_VERSION"]


def open_store(path: str | Path, read_only: bool = False) -> DuckDBStore:
    """Open (and create or migrate, unless ``read_only``) the event store at ``path``.

    Only DuckDB files are supported for now. Raises StoreError when it cannot be opened.
    """
    return DuckDBStore(path, read_only=read_only)
