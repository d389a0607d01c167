"""JSON Lines records -> :class:`~eventcoder.records.Document`."""
from __future__ import annotations

from typing import Any

from ..errors import DocumentError, EmptyDocumentError
from ..records import Document
from . import clean
from .dates import coerce_date

_STRING_FIELDS = ("title", "url", "outlet", "language", "section")


def document_from_record(rec: dict[str, Any], where: str) -> Document:
    """Make a Document from one JSON Lines record.

    ``rec`` is ``{"id": str, "text": str, "title"?: str, "published"?: str|null, "url"?: str,
    "outlet"?: str, "language"?: str, "section"?: str}``; other keys are ignored. ``id`` may also be an integer
    (it becomes its decimal string). ``published`` may be "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SSZ",
    an ISO datetime ("2022-01-24T10:00:00+00:00"), "January 24, 2022", or null; the calendar
    date as written is kept. ``text`` is kept exactly as given (event offsets point into it);
    ``dateline`` is set when the text opens with a wire dateline.

    ``where`` names the record for messages, usually "<file>:<line>". Raises
    ``EmptyDocumentError`` for a missing or blank ``text`` and ``DocumentError`` for a record
    that is not an object, has no usable ``id``, has a ``text`` that is not a string, a string
    field of the wrong type, or an unreadable ``published``. The error's ``doc_id`` is the
    record's id when it has one, else ``where``; its message starts with ``where``.
    """
    if not isinstance(rec, dict):
        raise DocumentError(where, f"{where}: expected a JSON object per line, got a JSON "
                                   f"{_json_type(rec)}; write one {{\"id\": ..., \"text\": ...}} object per line")
    raw_id = rec.get("id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, (str, int)) or not str(raw_id).strip():
        problem = "has no \"id\"" if raw_id is None else f"has an unusable \"id\" ({raw_id!r})"
        raise DocumentError(where, f"{where}: record {problem}; give every record a unique, non-empty string id")
    doc_id = str(raw_id).strip()
    if "text" not in rec or rec["text"] is None:
        raise EmptyDocumentError(doc_id, f"{where}: record {doc_id!r} has no \"text\"; add the article body as \"text\"")
    text = rec["text"]
    if not isinstance(text, str):
        raise DocumentError(doc_id, f"{where}: \"text\" of record {doc_id!r} is a JSON {_json_type(text)}, "
                                    f"not a string; put the article body in \"text\" as one string")
    if not text.strip():
        raise EmptyDocumentError(doc_id, f"{where}: \"text\" of record {doc_id!r} is empty")
    fields: dict[str, str | None] = {}
    for key in _STRING_FIELDS:
        value = rec.get(key)
        if value is not None and not isinstance(value, str):
            raise DocumentError(doc_id, f"{where}: \"{key}\" of record {doc_id!r} must be a string or null, "
                                        f"not a JSON {_json_type(value)}")
        fields[key] = value.strip() or None if isinstance(value, str) else None
    try:
        published = coerce_date(rec.get("published"))
    except ValueError as exc:
        raise DocumentError(doc_id, f"{where}: {exc}") from None
    dl = clean.find_dateline(text)
    return Document(id=doc_id, text=text, title=fields["title"], published=published,
                    outlet=fields["outlet"], url=fields["url"], language=fields["language"] or "en",
                    dateline=dl[0] if dl else None, section=fields["section"])


def _json_type(value: object) -> str:
    return {dict: "object", list: "array", str: "string", int: "number", float: "number",
            bool: "boolean", type(None): "null"}.get(type(value), type(value).__name__)
