"""Exceptions of eventcoder. Every message says the cause and the fix.

    EventcoderError
     ├── DocumentError          one input document cannot be read or coded (names the document)
     │    ├── EmptyDocumentError
     │    └── DecodeError       binary or non-UTF-8 input
     ├── InputError             a file or JSONL line that cannot be read (names file and line)
     ├── ConfigError            a setting is wrong (model missing, dictionary file missing)
     ├── DictionaryError        a dictionary file is malformed beyond recovery
     └── StoreError             the event store cannot be opened or migrated
"""
from __future__ import annotations


class EventcoderError(Exception):
    """Base class of all eventcoder errors."""


class DocumentError(EventcoderError):
    """A document cannot be read or coded. ``doc_id`` names it."""

    def __init__(self, doc_id: str, problem: str):
        self.doc_id = doc_id
        self.problem = problem
        super().__init__(f"document {doc_id!r}: {problem}")


class EmptyDocumentError(DocumentError):
    pass


class DecodeError(DocumentError):
    pass


class InputError(EventcoderError):
    """An input file or line cannot be read; the message names the file (and line)."""


class ConfigError(EventcoderError):
    pass


class DictionaryError(EventcoderError):
    pass


class StoreError(EventcoderError):
    pass
