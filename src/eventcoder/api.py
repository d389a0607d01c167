"""Python API over an event store.

    >>> import eventcoder
    >>> with eventcoder.open("events.duckdb") as es:
    ...     df = es.events(where="source_country = 'RUS'")          # pandas DataFrame
    ...     d = es.dyad("RUS", "UKR", by="month")                    # DyadResult
    ...     al = es.alignment("USA", "FRA", by="year")              # AlignmentResult
"""
from __future__ import annotations

import builtins
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Sequence

from .records import COUNTED_MODALITIES

if TYPE_CHECKING:
    from .aggregate import AlignmentResult, DyadResult

__all__ = ["open", "EventStore"]


class EventStore:
    """Read access to an event store file (DuckDB). Use as a context manager or call
    :meth:`close`. ``modalities`` arguments default to asserted and claimed; None means all."""

    def __init__(self, path: str | Path, read_only: bool = True):
        from .store import open_store

        self.path = Path(path)
        self.store = open_store(path, read_only=read_only)

    def events(self, where: str | None = None, modalities: Sequence[str] | None = COUNTED_MODALITIES,
               as_: Literal["pandas", "polars", "arrow", "records"] = "pandas") -> Any:
        """Events (one row per deduplicated event, the events-table columns; JSON columns as
        JSON text) matching the SQL condition ``where`` and ``modalities``.

        ``as_``: "pandas" (DataFrame), "polars" (DataFrame), "arrow" (Table) or "records"
        (event-record dicts with counts). Raises StoreError for a bad ``where``.
        """
        from .export import _select
        from .store.schema import record_from_row

        conds = []
        if where and where.strip():
            conds.append(f"({where})")
        if modalities is not None:
            mods = ", ".join("'" + m.replace("'", "''") + "'" for m in modalities)
            conds.append(f"modality IN ({mods})" if mods else "FALSE")
        table = self.store.fetch_arrow(_select(" AND ".join(conds) if conds else None))
        if as_ == "arrow":
            return table
        if as_ == "polars":
            import polars as pl

            return pl.from_arrow(table)
        if as_ == "records":
            return [record_from_row(r) for r in table.to_pylist()]
        if as_ == "pandas":
            return table.to_pandas()
        raise ValueError(f"unknown as_={as_!r}; use pandas, polars, arrow or records")

    def dyad(self, a: str, b: str, by: str = "month",
             modalities: Sequence[str] | None = COUNTED_MODALITIES) -> "DyadResult":
        """See :func:`eventcoder.aggregate.dyad`."""
        from .aggregate import dyad

        return dyad(self.store, a, b, by=by, modalities=modalities)

    def alignment(self, a: str, b: str, by: str = "year",
                  modalities: Sequence[str] | None = COUNTED_MODALITIES) -> "AlignmentResult":
        """See :func:`eventcoder.aggregate.alignment`."""
        from .aggregate import alignment

        return alignment(self.store, a, b, by=by, modalities=modalities)

    def actors(self, modalities: Sequence[str] | None = COUNTED_MODALITIES, limit: int | None = 50,
               prefix: str | None = None):
        """See :func:`eventcoder.aggregate.actor_activity`."""
        from .aggregate import actor_activity

        return actor_activity(self.store, modalities=modalities, limit=limit, prefix=prefix)

    def export(self, fmt: str, out=None, where: str | None = None,
               modalities: Sequence[str] | None = None) -> int:
        """See :func:`eventcoder.export.export`."""
        from .export import export

        return export(self.store, fmt, out, where=where, modalities=modalities)

    def query(self, sql: str, params: Sequence[Any] | None = None):
        """Any read-only SQL over the tables (documents, mentions, events, actors, errors) as a
        pandas DataFrame."""
        return self.store.query(sql, params)

    def counts(self) -> dict[str, int]:
        """Row counts of the tables."""
        return self.store.counts()

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "EventStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"EventStore({builtins.str(self.path)!r})"


def open(path: str | Path = "events.duckdb", read_only: bool = True) -> EventStore:  # noqa: A001
    """Open the event store at ``path`` (a DuckDB file written by ``eventcoder ingest``).

    Raises StoreError when it does not exist or cannot be opened.
    """
    return EventStore(path, read_only=read_only)
