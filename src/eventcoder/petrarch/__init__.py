"""PETRARCH-format dictionaries and a dependency-parse event coder.

    from eventcoder.petrarch import Dictionaries, PetrarchCoder
    coder = PetrarchCoder(Dictionaries.default())
    events = coder.code_sentence(doc_sentence_span, date)   # list[CodedEvent]

* :class:`Dictionaries` -- compiled verb/actor/agent/discard dictionaries (``load`` from files,
  cached on disk by file hash; ``default`` = the shipped Phoenix/PETRARCH-2 set, MIT, OEDA);
* :class:`PetrarchCoder` -- codes a spaCy sentence into :class:`CodedEvent` records;
* :mod:`eventcoder.petrarch.readers` -- the file-format readers.

Nothing is loaded at import.
"""
from .dictionaries import Dictionaries
from .engine import CodedEvent, PetrarchCoder

__all__ = ["Dictionaries", "PetrarchCoder", "CodedEvent"]
