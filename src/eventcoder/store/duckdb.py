"""The embedded DuckDB event store (one file, default ``events.duckdb``).

One process writes at a time (DuckDB's rule); readers open the file with ``read_only=True``.
Every write method runs in one transaction, so a process killed at any moment leaves the file
as it was after the last completed batch.
"""
from __future__ import annotations

import datetime as _dt
import warnings
from pathlib import Path
from typing import Any, Iterable, Sequence

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pandas is imported by the methods that return DataFrames
    import pandas as pd

from ..errors import StoreError
from .schema import EVENT_COLUMNS, MENTION_COLUMNS, MIGRATIONS, SCHEMA_VERSION

__all__ = ["DuckDBStore"]

_DOC_COLUMNS = ("id", "content_hash", "title", "published", "outlet", "url", "ingested_at")
_ERROR_COLUMNS = ("doc_id", "problem", "occurred_at")


class DuckDBStore:
    """Event store in a DuckDB file.

    ``path``: the database file (created with the schema when missing, unless ``read_only``).
    Raises StoreError when the file cannot be opened (locked by a writer, not a DuckDB file,
    created by a newer eventcoder) or migrated.
    """

    def __init__(self, path: str | Path, read_only: bool = False):
        import duckdb

        self.path = str(path)
        self.read_only = read_only
        if read_only and not Path(self.path).exists():
            raise StoreError(f"event store {self.path!r} does not exist; create it with "
                             f"`eventcoder ingest FILES --db {self.path}` or pass the right --db")
        try:
            self._con = duckdb.connect(self.path, read_only=read_only)
        except Exception as exc:  # duckdb raises IOException, InvalidInputException, ...
            raise StoreError(f"cannot open event store {self.path!r}: {exc}; check the path, and that "
                             "no other process is writing to it") from exc
        self._arrow_types: dict[str, Any] = {}
        if not read_only:
            self._migrate()
        else:
            self._check_version()

    # -- schema ---------------------------------------------------------------------------
    def _current_version(self) -> int:
        if not self.read_only:
            self._con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        try:
            row = self._con.execute("SELECT max(version) FROM schema_version").fetchone()
        except Exception:
            return 0
        return int(row[0] or 0)

    def _check_version(self) -> None:
        v = self._current_version()
        if v > SCHEMA_VERSION:
            raise StoreError(f"event store {self.path!r} has schema version {v}, newer than this "
                             f"eventcoder understands ({SCHEMA_VERSION}); upgrade eventcoder")
        if v < SCHEMA_VERSION:
            raise StoreError(f"event store {self.path!r} has schema version {v} (current {SCHEMA_VERSION}); "
                             "open it once for writing (e.g. `eventcoder ingest`) to migrate it")

    def _migrate(self) -> None:
        current = self._current_version()
        if current > SCHEMA_VERSION:
            self._check_version()
        for version, statements in MIGRATIONS:
            if version <= current:
                continue
            with self._transaction(f"migrate to schema version {version}"):
                for sql in statements:
                    self._con.execute(sql)
                self._con.execute("INSERT INTO schema_version VALUES (?, ?)",
                                  [version, _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)])

    def schema_version(self) -> int:
        """The schema version of the file (int)."""
        return self._current_version()

    # -- transactions ---------------------------------------------------------------------
    class _Tx:
        def __init__(self, store: "DuckDBStore", what: str):
            self.store, self.what = store, what

        def __enter__(self):
            self.store._con.begin()
            return self

        def __exit__(self, exc_type, exc, tb):
            if exc_type is None:
                try:
                    self.store._con.commit()
                    return False
                except Exception as err:
                    exc = err
            try:
                self.store._con.rollback()
            except Exception:
                pass
            if isinstance(exc, StoreError):
                return False
            raise StoreError(f"event store {self.store.path!r}: {self.what} failed: {exc}; "
                             "nothing of it was written, fix the cause and run again") from exc

    def _transaction(self, what: str) -> "DuckDBStore._Tx":
        return DuckDBStore._Tx(self, what)

    def _arrow_schema(self, table: str, columns: Sequence[str]):
        import pyarrow as pa

        if table not in self._arrow_types:
            mapping = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(),
                       "DOUBLE": pa.float64(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us")}
            desc = self._con.execute(f"DESCRIBE {table}").fetchall()
            self._arrow_types[table] = {name: mapping.get(typ, pa.string()) for name, typ, *_ in desc}
        types = self._arrow_types[table]
        return pa.schema([(c, types[c]) for c in columns])

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[dict[str, Any]]) -> None:
        if not rows:
            return
        import pyarrow as pa

        schema = self._arrow_schema(table, columns)
        data = pa.Table.from_pylist([{c: r.get(c) for c in columns} for r in rows], schema=schema)
        self._con.register("_ec_batch", data)
        try:
            cols = ", ".join(columns)
            self._con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _ec_batch")
        finally:
            self._con.unregister("_ec_batch")

    # -- Store protocol -------------------------------------------------------------------
    def document_hashes(self) -> dict[str, str]:
        return dict(self._con.execute("SELECT id, content_hash FROM documents").fetchall())

    def write_batch(self, documents: Sequence[dict[str, Any]], mentions: Sequence[dict[str, Any]],
                    errors: Sequence[dict[str, Any]]) -> None:
        ids = sorted({d["id"] for d in documents} | {e["doc_id"] for e in errors})
        with self._transaction(f"writing a batch of {len(ids)} documents"):
            if ids:
                self._con.execute("CREATE TEMP TABLE IF NOT EXISTS _ec_ids (id VARCHAR)")
                self._con.execute("DELETE FROM _ec_ids")
                self._con.executemany("INSERT INTO _ec_ids VALUES (?)", [[i] for i in ids])
                self._con.execute("DELETE FROM mentions WHERE doc_id IN (SELECT id FROM _ec_ids)")
                self._con.execute("DELETE FROM errors WHERE doc_id IN (SELECT id FROM _ec_ids)")
                self._con.execute("DELETE FROM documents WHERE id IN (SELECT id FROM _ec_ids)")
            self._insert("documents", _DOC_COLUMNS, documents)
            self._insert("mentions", [c for c in MENTION_COLUMNS if c != "event_id"], mentions)
            self._insert("errors", _ERROR_COLUMNS, errors)

    def mentions_for_dedupe(self) -> list[dict[str, Any]]:
        cols = ", ".join(f"m.{c}" for c in MENTION_COLUMNS if c not in ("record", "event_id"))
        sql = (f"SELECT {cols}, d.published, d.outlet, d.url, d.content_hash, d.ingested_at "
               "FROM mentions m JOIN documents d ON m.doc_id = d.id ORDER BY m.doc_id, m.mention_id")
        return _arrow(self._con.execute(sql)).to_pylist()

    def replace_events(self, events: Sequence[dict[str, Any]],
                       links: Iterable[tuple[str, str, str]]) -> None:
        import pyarrow as pa

        links = list(links)
        with self._transaction(f"replacing the events table ({len(events)} events)"):
            self._con.execute("DELETE FROM events")
            self._insert("events", EVENT_COLUMNS, events)
            self._con.execute("UPDATE mentions SET event_id = NULL WHERE event_id IS NOT NULL")
            if links:
                tbl = pa.table({"doc_id": [l[0] for l in links], "mention_id": [l[1] for l in links],
                                "event_id": [l[2] for l in links]})
                self._con.register("_ec_links", tbl)
                try:
                    self._con.execute("UPDATE mentions SET event_id = l.event_id FROM _ec_links l "
                                      "WHERE mentions.doc_id = l.doc_id AND mentions.mention_id = l.mention_id")
                finally:
                    self._con.unregister("_ec_links")
            self._con.execute("DELETE FROM actors")
            self._con.execute(_ACTORS_SQL)

    def query(self, sql: str, params: Sequence[Any] | None = None) -> "pd.DataFrame":
        try:
            return self._con.execute(sql, list(params) if params else None).df()
        except Exception as exc:
            raise StoreError(f"query on {self.path!r} failed: {exc}") from exc

    def fetch_arrow(self, sql: str, params: Sequence[Any] | None = None):
        """Run a query, return a ``pyarrow.Table``. Raises StoreError."""
        try:
            return _arrow(self._con.execute(sql, list(params) if params else None))
        except Exception as exc:
            raise StoreError(f"query on {self.path!r} failed: {exc}") from exc

    def counts(self) -> dict[str, int]:
        """Row counts ``{table: n}`` of documents, mentions, events, actors, errors."""
        return {t: int(self._con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
                for t in ("documents", "mentions", "events", "actors", "errors")}

    @property
    def connection(self):
        """The underlying ``duckdb.DuckDBPyConnection`` (for ad-hoc SQL)."""
        return self._con

    def close(self) -> None:
        try:
            self._con.close()
        except Exception:
            pass

    def __enter__(self) -> "DuckDBStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _arrow(result):
    """A duckdb result as a ``pyarrow.Table`` (the method name changed across duckdb versions)."""
    for name in ("to_arrow_table", "fetch_arrow_table", "arrow"):
        fn = getattr(result, name, None)
        if fn is not None:
            with warnings.catch_warnings():  # newer duckdb warns about an extra copy; harmless here
                warnings.simplefilter("ignore")
                table = fn()
            return table.read_all() if hasattr(table, "read_all") else table
    raise AttributeError("this duckdb version has no arrow result method")


_ACTORS_SQL = """
INSERT INTO actors
WITH roles AS (
    SELECT source_code AS code, source_name AS name, source_country AS country, source_sector AS sector,
           1 AS as_source, 0 AS as_target, date_start AS d FROM events WHERE source_code IS NOT NULL
    UNION ALL
    SELECT target_code, target_name, target_country, target_sector, 0, 1, date_start
    FROM events WHERE target_code IS NOT NULL
)
SELECT code, mode(name), min(country), min(sector),
       sum(as_source)::INTEGER, sum(as_target)::INTEGER, count(*)::INTEGER, min(d), max(d)
FROM roles GROUP BY code
"""
