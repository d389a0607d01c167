"""Files, directories and glob patterns -> a stream of Documents (and errors, never raised)."""
from __future__ import annotations

import glob
import json
import re
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import DecodeError, DocumentError, EmptyDocumentError, EventcoderError
from ..records import Document
from .feeds import iter_feed
from .html import parse_html
from .jsonl import document_from_record
from .raw import parse_raw_page

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FEED_SUFFIXES = (".xml", ".rss", ".atom")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + FEED_SUFFIXES
_SUPPORTED = ", ".join(SUFFIXES)
_GLOB_CHARS = re.compile(r"[*?\[]")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def _decode(data: bytes, name: str, *, html: bool = False) -> str:
    """UTF-8 text of a file's bytes (a UTF-8 byte-order mark is dropped). HTML that declares
    another charset in a <meta> tag is decoded with it. Raises DecodeError for binary data
    (NUL bytes, UTF-16/32) and for bytes that are not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DecodeError(name, "file is UTF-16 encoded; re-encode it as UTF-8 "
                                "(e.g. iconv -f UTF-16 -t UTF-8)")
    if b"\x00" in data:
        raise DecodeError(name, "binary file (contains NUL bytes), not text; give a .txt, .html, "
                                ".jsonl or feed file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if html:
            m = _CHARSET.search(data[:4096])
            if m and m.group(1).lower() not in (b"utf-8", b"utf8"):
                try:
                    return data.decode(m.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    pass
        raise DecodeError(name, f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                f"re-encode the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)") from None


def _expand(paths: Sequence[str | Path]) -> Iterator[Path | DocumentError]:
    """Files named by ``paths`` in order: files as given, directories walked recursively
    (supported suffixes only, sorted), glob patterns expanded (sorted, ``**`` recursive)."""
    seen: set[Path] = set()

    def emit(p: Path) -> Iterator[Path]:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            yield p

    for item in paths:
        p = Path(item)
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES
                           and not any(part.startswith(".") for part in f.relative_to(p).parts))
            if not files:
                yield DocumentError(str(p), f"directory has no input files ({_SUPPORTED})")
            for f in files:
                yield from emit(f)
        elif p.exists():
            yield from emit(p)
        elif _GLOB_CHARS.search(str(item)):
            matches = sorted(Path(m) for m in glob.glob(str(item), recursive=True))
            files = [m for m in matches if m.is_file() and m.suffix.lower() in SUFFIXES]
            for d in (m for m in matches if m.is_dir()):
                files.extend(sorted(f for f in d.rglob("*") if f.is_file() and f.suffix.lower() in SUFFIXES))
            if not files:
                yield DocumentError(str(item), f"no input files ({_SUPPORTED}) match this pattern")
            for f in files:
                yield from emit(f)
        else:
            yield DocumentError(str(item), "file not found; check the path (and quote glob patterns)")


def _read_jsonl(path: Path, data: bytes) -> Iterator[Document | DocumentError]:
    name = str(path)
    if b"\x00" in data:
        yield DecodeError(name, "binary file (contains NUL bytes), not JSON Lines text")
        return
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    any_line = False
    for lineno, raw in enumerate(data.split(b"\n"), start=1):
        where = f"{name}:{lineno}"
        if not raw.strip():
            continue
        any_line = True
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield DecodeError(where, f"{where}: not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column "
                                     f"{exc.start + 1}); re-encode the file as UTF-8")
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield DocumentError(where, f"{where}: not valid JSON: {exc.msg} at column {exc.colno}; "
                                       f"each line must be one complete JSON object")
            continue
        try:
            yield document_from_record(rec, where)
        except DocumentError as exc:
            yield exc
    if not any_line:
        yield EmptyDocumentError(name, "file is empty (no JSON lines)")


def _read_file(path: Path) -> Iterator[Document | DocumentError]:
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield DocumentError(name, f"cannot read the file: {exc.strerror or exc}")
        return
    suffix = path.suffix.lower()
    if not data.strip():
        yield EmptyDocumentError(name, "file is empty; give it the article text or remove it")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl(path, data)
        return
    try:
        if suffix in FEED_SUFFIXES:
            if b"\x00" in data:
                raise DecodeError(name, "binary file (contains NUL bytes), not an RSS/Atom feed")
            yield from iter_feed(data, name)  # feedparser honours the XML encoding declaration
        elif suffix in HTML_SUFFIXES:
            yield parse_html(_decode(data, name, html=True), path.stem, url=None)
        elif suffix in TEXT_SUFFIXES:
            yield parse_raw_page(_decode(data, name), path.stem)
        else:
            yield DocumentError(name, f"unsupported file type {suffix or '(no suffix)'!r}; use one of {_SUPPORTED}")
    except DocumentError as exc:
        if exc.doc_id == path.stem and name not in exc.problem:
            # name the file, not just the stem
            exc = type(exc)(exc.doc_id, f"{name}: {exc.problem}")
        yield exc
    except EventcoderError as exc:  # InputError from a feed that is not a feed
        yield DocumentError(name, str(exc))


def read_inputs(paths: Sequence[str | Path] | str | Path) -> Iterator[Document | DocumentError]:
    """Read documents from files, directories and glob patterns, lazily, in order.

    Dispatch by suffix (case-insensitive): ``.txt`` a raw scraped page (:func:`parse_raw_page`,
    doc id = file stem); ``.html``/``.htm`` an HTML page (:func:`parse_html`, doc id = stem);
    ``.jsonl``/``.ndjson`` one record per line (:func:`document_from_record`, blank lines
    skipped); ``.xml``/``.rss``/``.atom`` a feed (:func:`parse_feed`). Directories are walked
    recursively (supported suffixes only, hidden entries skipped, sorted); patterns with
    ``*``, ``?`` or ``[`` are globbed (``**`` recursive). A file reached twice is read once.

    Never raises for bad input and never prints: each problem is *yielded* as a
    ``DocumentError`` (``EmptyDocumentError``, ``DecodeError``) naming the document and the
    problem, and reading goes on — missing path, glob matching nothing, empty file, binary
    file, non-UTF-8 bytes, malformed JSON line (doc id "<file>:<line>", message
    "<file>:<line>: not valid JSON: ..."), record without id or text, feed entry without text,
    unsupported suffix given explicitly. A single str/Path is accepted as one path.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for item in _expand(paths):
        if isinstance(item, DocumentError):
            yield item
        else:
            yield from _read_file(item)


def documents_only(items: Iterable[Document | DocumentError]) -> Iterator[Document]:
    """The Documents of a :func:`read_inputs` stream, errors dropped (for callers that keep
    errors elsewhere or do not care)."""
    return (d for d in items if isinstance(d, Document))
