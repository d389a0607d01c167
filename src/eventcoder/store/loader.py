"""Ingest: code documents and load their events into the store, resumably and in parallel.

    >>> from eventcoder.store import ingest
    >>> report = ingest(["news.jsonl"], "events.duckdb", workers=2)
    >>> report.documents_coded, report.events

How it runs:

1. Inputs are read in this process (:func:`eventcoder.ingest.read_inputs` for paths; a
   ``Document`` or ``DocumentError`` may also be passed directly).
2. Each document's content hash (SHA-256 of its text and metadata) is compared with the store:
   the same id and hash is skipped; the same id with another hash replaces the old document and
   its mentions.
3. Documents are coded in batches of ``settings.batch_size`` by ``workers`` processes (spawn; the
   coder, and so the spaCy model, is built once per worker). ``workers=1`` codes in this process.
4. Each batch is written in one transaction (documents, mentions, errors) in input order, so a
   run killed at any moment (even SIGKILL) and started again ends with the same data as an
   uninterrupted run: committed batches are skipped by hash, the rest is coded again.
5. Last, the events and actors tables are rebuilt from all mentions (:mod:`eventcoder.dedupe`),
   in one transaction.

A document that cannot be read or coded goes to the ``errors`` table with its id and the
problem, and the run goes on.
"""
from __future__ import annotations

import collections
import datetime as _dt
import hashlib
import json
import multiprocessing
import time
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Sequence

from ..config import Settings
from ..errors import DocumentError
from ..records import Document
from .schema import mention_row

__all__ = ["ingest", "IngestReport", "IngestProgress", "content_hash", "pipeline_coder"]

#: ``factory(settings) -> coder``; ``coder(doc) -> list of event records`` (raises DocumentError).
#: The factory must be a module-level function so that worker processes can import it.
CoderFactory = Callable[[Settings], Callable[[Document], list[dict]]]


@dataclass(frozen=True)
class IngestProgress:
    """Counts so far: documents read, coded, skipped (unchanged), mentions written, errors,
    and seconds since the start. ``rate`` is documents (coded + skipped) per second."""

    documents: int
    coded: int
    skipped: int
    mentions: int
    errors: int
    seconds: float

    @property
    def rate(self) -> float:
        return (self.coded + self.skipped) / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True)
class IngestReport:
    """Result of :func:`ingest`: documents read, coded (new or replaced), replaced, skipped
    (unchanged), mentions written, errors recorded, events in the store after dedupe, and
    the run time in seconds."""

    documents: int
    coded: int
    replaced: int
    skipped: int
    mentions: int
    errors: int
    events: int
    seconds: float
    #: "doc_id: problem" for each document that failed in this run, in input order
    error_messages: tuple[str, ...] = ()

    @property
    def docs_per_second(self) -> float:
        return self.documents / self.seconds if self.seconds > 0 else 0.0


def content_hash(doc: Document) -> str:
    """SHA-256 hex digest of a document's text and metadata (title, published, outlet, url,
    language): equal hashes mean the coder would see the same input."""
    payload = json.dumps([doc.text, doc.title, None if doc.published is None else str(doc.published),
                          doc.outlet, doc.url, doc.language, getattr(doc, "dateline", None)],
                         ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


class _PipelineCoder:
    """The real coder: one :class:`eventcoder.pipeline.Pipeline` per process."""

    def __init__(self, settings: Settings):
        from ..pipeline import Pipeline  # imported here: the lead's module, loaded only when coding

        self.pipeline = Pipeline(settings)

    def __call__(self, doc: Document) -> list[dict]:
        return self.pipeline.code_document(doc)

    def code_batch(self, docs: Sequence[Document]) -> list[tuple[str, list[dict] | None, str | None]]:
        out = []
        for res in self.pipeline.code_documents(list(docs)):
            out.append((res.doc_id, None if res.error else list(res.events), res.error))
        return out


def pipeline_coder(settings: Settings) -> Callable[[Document], list[dict]]:
    """Default coder factory: :class:`eventcoder.pipeline.Pipeline` ``(settings).code_document``."""
    return _PipelineCoder(settings)


# -- worker side -----------------------------------------------------------------------------
_worker_coder: Any = None  # set once per worker process by _init_worker


def _init_worker(factory: CoderFactory, settings: Settings) -> None:
    global _worker_coder
    _worker_coder = factory(settings)


def _code_one(coder, doc: Document) -> tuple[str, list[dict] | None, str | None]:
    try:
        return doc.id, list(coder(doc)), None
    except DocumentError as exc:
        return doc.id, None, exc.problem
    except Exception as exc:  # one bad document never stops a run; its error is stored
        return doc.id, None, f"{type(exc).__name__}: {exc}"


def _code_batch_with(coder, docs: Sequence[Document]):
    if hasattr(coder, "code_batch"):
        try:
            res = coder.code_batch(docs)
            if [r[0] for r in res] == [d.id for d in docs]:
                return res
        except Exception:  # fall back to one document at a time to isolate the bad one
            pass
    return [_code_one(coder, d) for d in docs]


def _code_batch(docs: Sequence[Document]):
    return _code_batch_with(_worker_coder, docs)


# -- main side -------------------------------------------------------------------------------
def _iter_inputs(inputs) -> Iterator[Document | DocumentError]:
    if isinstance(inputs, (str, Path, Document, DocumentError)):
        inputs = [inputs]
    paths: list[Path] = []

    def flush():
        if paths:
            from ..ingest import read_inputs  # another stage's module, loaded only when reading files

            yield from read_inputs(list(paths))
            paths.clear()

    for item in inputs:
        if isinstance(item, (Document, DocumentError)):
            yield from flush()
            yield item
        else:
            paths.append(Path(item))
    yield from flush()


def _now() -> _dt.datetime:
    return _dt.datetime.now(_dt.timezone.utc).replace(tzinfo=None)


def _published(value) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return _dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _rows(docs: Sequence[Document], hashes: dict[str, str], results, read_errors: Sequence[DocumentError]):
    now = _now()
    by_id = {d.id: d for d in docs}
    doc_rows, mention_rows, error_rows = [], [], []
    for doc_id, events, error in results:
        doc = by_id[doc_id]
        if error is not None:
            error_rows.append({"doc_id": doc_id, "problem": error, "occurred_at": now})
            continue
        doc_rows.append({"id": doc.id, "content_hash": hashes[doc.id], "title": doc.title,
                         "published": _published(doc.published), "outlet": doc.outlet, "url": doc.url,
                         "ingested_at": now})
        used: collections.Counter = collections.Counter()
        for i, rec in enumerate(events or []):
            mid = str(rec.get("event_id") or f"{doc_id}#{i}")
            used[mid] += 1
            if used[mid] > 1:
                mid = f"{mid}#{used[mid]}"
            mention_rows.append(mention_row(doc_id, mid, rec))
    for err in read_errors:
        error_rows.append({"doc_id": err.doc_id, "problem": err.problem, "occurred_at": now})
    return doc_rows, mention_rows, error_rows


def ingest(inputs: str | Path | Iterable[str | Path | Document | DocumentError],
           db: str | Path | None = None, *, workers: int = 1, settings: Settings | None = None,
           coder_factory: CoderFactory | None = None, batch_size: int | None = None,
           progress: Callable[[IngestProgress], None] | None = None, store=None) -> IngestReport:
    """Code documents and load them into the event store; then rebuild the events table.

    ``inputs``: file paths (anything :func:`eventcoder.ingest.read_inputs` reads), and/or
    ``Document``/``DocumentError`` objects. ``db``: the DuckDB file (default ``settings.db``),
    or pass an open ``store``. ``workers``: coding processes (1 = in this process).
    ``coder_factory``: see :data:`CoderFactory` (default: the real pipeline). ``batch_size``:
    documents per worker task and per transaction (default ``settings.batch_size``).
    ``progress``: called with an :class:`IngestProgress` after every batch.

    Returns an :class:`IngestReport`. Raises StoreError when the store cannot be opened or
    written, ConfigError from the coder factory (e.g. no spaCy model); never raises for one
    bad document (it goes to the errors table).
    """
    from . import open_store
    from ..dedupe import rebuild_events

    settings = settings or Settings.from_env()
    factory = coder_factory or pipeline_coder
    size = max(1, int(batch_size or settings.batch_size))
    own_store = store is None
    store = store or open_store(db if db is not None else settings.db)
    t0 = time.monotonic()
    n_docs = n_coded = n_replaced = n_skipped = n_mentions = n_errors = 0
    try:
        hashes = store.document_hashes()
        run_hashes: dict[str, str] = {}
        pool: ProcessPoolExecutor | None = None
        inline = None
        if workers > 1:
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                       initializer=_init_worker, initargs=(factory, settings))
        else:
            inline = factory(settings)
        pending: collections.deque[tuple] = collections.deque()

        def report_progress():
            if progress is not None:
                progress(IngestProgress(n_docs, n_coded, n_skipped, n_mentions, n_errors, time.monotonic() - t0))

        messages: list[str] = []

        def write(job):
            nonlocal n_coded, n_mentions, n_errors, n_replaced
            fut, docs, batch_hashes, read_errors = job
            results = fut.result() if isinstance(fut, Future) else fut
            doc_rows, mention_rows, error_rows = _rows(docs, batch_hashes, results, read_errors)
            store.write_batch(doc_rows, mention_rows, error_rows)
            for d in doc_rows:
                if d["id"] in hashes:
                    n_replaced += 1
                hashes[d["id"]] = d["content_hash"]
            n_coded += len(doc_rows)
            n_mentions += len(mention_rows)
            n_errors += len(error_rows)
            messages.extend(f"{r['doc_id']}: {r['problem']}" for r in error_rows)
            report_progress()

        def submit(docs: list[Document], read_errors: list[DocumentError]):
            batch_hashes = {d.id: run_hashes[d.id] for d in docs}
            if pool is not None:
                pending.append((pool.submit(_code_batch, docs) if docs else [], docs, batch_hashes, read_errors))
                while len(pending) > 2 * workers:
                    write(pending.popleft())
            else:
                write((_code_batch_with(inline, docs), docs, batch_hashes, read_errors))

        try:
            buf: dict[str, Document] = {}
            buf_errors: list[DocumentError] = []
            for item in _iter_inputs(inputs):
                n_docs += 1
                if isinstance(item, DocumentError):
                    buf_errors.append(item)
                    continue
                h = content_hash(item)
                if hashes.get(item.id) == h and item.id not in buf:
                    n_skipped += 1
                    if n_skipped % size == 0:
                        report_progress()
                    continue
                buf[item.id] = item  # a repeated id within one batch: the last one wins
                run_hashes[item.id] = h
                if len(buf) >= size:
                    submit(list(buf.values()), buf_errors)
                    buf, buf_errors = {}, []
            if buf or buf_errors:
                submit(list(buf.values()), buf_errors)
            while pending:
                write(pending.popleft())
        finally:
            if pool is not None:
                pool.shutdown(wait=True, cancel_futures=True)
        n_events = rebuild_events(store)
        report_progress()
        return IngestReport(documents=n_docs, coded=n_coded, replaced=n_replaced, skipped=n_skipped,
                            mentions=n_mentions, errors=n_errors, events=n_events,
                            seconds=time.monotonic() - t0, error_messages=tuple(messages))
    finally:
        if own_store:
            store.close()
