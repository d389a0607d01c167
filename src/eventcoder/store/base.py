"""The event store interface: what ingest, dedupe, aggregates, exports and the API need.

A backend is any object with the methods of :class:`Store` (a ``typing.Protocol``); the
embedded DuckDB file (:class:`eventcoder.store.duckdb.DuckDBStore`) is the default, and a
PostgreSQL backend can follow by implementing the same methods with the same schema
(:data:`eventcoder.store.schema.MIGRATIONS` is plain SQL that both understand, except for
type names noted there).

Tables (see ``store/schema.py``): ``documents``, ``mentions`` (one row per event record of the
coder), ``events`` (deduplicated), ``actors``, ``errors``, ``schema_version``.
"""
from __future__ import annotations

from typing import Any, Iterable, Protocol, Sequence, runtime_checkable

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported by the methods that return DataFrames
    import pandas as pd


@runtime_checkable
class Store(Protocol):
    """An event store. All writes of one call happen in one transaction (all or nothing)."""

    path: str

    def document_hashes(self) -> dict[str, str]:
        """``{doc_id: content_hash}`` of every stored document."""
        ...

    def write_batch(self, documents: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]],
                    errors: Sequence[dict[str, Any]]) -> None:
        """Write one batch atomically.

        ``documents``: rows of the documents table (keys id, content_hash, title, published,
        outlet, url, ingested_at); their old mentions and errors are deleted first (a changed
        document replaces its old version). ``mentions``: rows of the mentions table (see
        :func:`eventcoder.store.schema.mention_row`). ``errors``: ``{doc_id, problem, occurred_at}``; old
        errors of those doc ids are replaced. Raises StoreError when the write fails.
        """
        ...

    def mentions_for_dedupe(self) -> list[dict[str, Any]]:
        """Every mention joined with its document's publication date, outlet and url, as dicts."""
        ...

    def replace_events(self, events: Sequence[dict[str, Any]],
                       links: Iterable[tuple[str, str, str]]) -> None:
        """Replace the events table with ``events`` and set ``mentions.event_id`` from
        ``links`` = ``(doc_id, mention_id, event_id)``; rebuild the actors table. Atomic."""
        ...

    def query(self, sql: str, params: Sequence[Any] | None = None) -> "pd.DataFrame":
        """Run a read-only SQL query, return a pandas DataFrame."""
        ...

    def close(self) -> None:
        ...
