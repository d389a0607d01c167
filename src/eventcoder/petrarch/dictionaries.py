"""Compiled PETRARCH dictionaries: load once, cache on disk, look up fast.

:class:`Dictionaries` holds plain Python data compiled from the four PETRARCH dictionary kinds
(see :mod:`eventcoder.petrarch.readers` for the formats):

* ``verbs``: ``{FORM: [(block, code, pre_words, post_words), ...]}``, every surface form of every
  verb (regular forms generated, irregular ones from ``{}``);
* ``patterns``: ``{block: [pattern dict, ...]}`` in file order;
* ``synsets``: ``{NAME: [phrase tuple, ...]}``;
* ``actors``: ``{FIRST_WORD: [(words, [(code, lo, hi), ...]), ...]}`` longest first;
* ``agents``: ``{FIRST_WORD: [(words, code), ...]}`` longest first;
* ``discards``: ``[(words, story_level), ...]``;
* ``counts``: numbers of verb patterns, verb blocks, verb forms, actor names, agent names,
  discards, synsets.

Compiled data is cached as a pickle keyed by the SHA-256 of the source files in the user cache
directory (``$EVENTCODER_CACHE``, else ``$XDG_CACHE_HOME/eventcoder``, else
``~/.cache/eventcoder``); an unwritable cache is silently skipped. The shipped defaults
(``Dictionaries.default()``) are the Phoenix/PETRARCH-2 dictionaries of the Open Event Data
Alliance (MIT), compiled by ``scripts/build_dictionaries.py`` into
``eventcoder/data/dict_default.pickle.gz``.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import pickle
import tempfile
import threading
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Sequence

from . import readers

__all__ = ["Dictionaries", "compile_dictionaries", "FORMAT_VERSION"]

#: bump when the compiled layout changes (invalidates caches)
FORMAT_VERSION = 1
_default_lock = threading.Lock()
_default_cache: list["Dictionaries"] = []


def _cache_dir() -> Path:
    if os.environ.get("EVENTCODER_CACHE"):
        return Path(os.environ["EVENTCODER_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "eventcoder"


def _hash_files(paths: Sequence[Path | None]) -> str:
    h = hashlib.sha256(f"petrarch-dict-v{FORMAT_VERSION}".encode())
    for p in paths:
        h.update(b"\0")
        if p is None:
            h.update(b"<none>")
            continue
        h.update(p.name.encode())
        h.update(p.read_bytes())
    return h.hexdigest()


def compile_dictionaries(verbs: Path, actors: Sequence[Path], agents: Path,
                         discards: Path | None) -> dict[str, Any]:
    """Read and index the dictionary files; returns the plain-data compiled form (see module
    docstring). Warnings for malformed lines come from the readers; a missing file raises
    FileNotFoundError."""
    v = readers.read_verbs(verbs)
    patterns: dict[int, list[dict]] = {}
    for p in v["patterns"]:
        patterns.setdefault(p["block"], []).append(p)
    actor_idx: dict[str, list] = {}
    n_actor_names = 0
    for path in actors:
        for words, codes in readers.read_actors(path):
            n_actor_names += 1
            actor_idx.setdefault(words[0], []).append((words, codes))
    for k in actor_idx:
        actor_idx[k].sort(key=lambda e: -len(e[0]))
    agent_idx: dict[str, list] = {}
    agent_rows = readers.read_agents(agents)
    for words, code in agent_rows:
        agent_idx.setdefault(words[0], []).append((words, code))
    for k in agent_idx:
        agent_idx[k].sort(key=lambda e: -len(e[0]))
    disc = readers.read_discards(discards) if discards is not None else []
    return {
        "format": FORMAT_VERSION,
        "verbs": v["verbs"],
        "patterns": patterns,
        "synsets": v["synsets"],
        "actors": actor_idx,
        "agents": agent_idx,
        "discards": disc,
        "sources": {"verbs": Path(verbs).name, "actors": [Path(a).name for a in actors],
                    "agents": Path(agents).name, "discards": Path(discards).name if discards else None},
        "counts": {"verb_patterns": len(v["patterns"]), "verb_blocks": v["blocks"],
                   "verb_forms": len(v["verbs"]), "synsets": len(v["synsets"]),
                   "actor_names": n_actor_names, "agent_names": len(agent_rows), "discards": len(disc)},
    }


@dataclass(frozen=True, eq=False)
class Dictionaries:
    """Compiled PETRARCH dictionaries (read-only after construction). Build with
    :meth:`load` (from dictionary files) or :meth:`default` (the shipped Phoenix set)."""

    data: dict[str, Any] = field(repr=False)

    @property
    def counts(self) -> dict[str, int]:
        """Counts of verb patterns, blocks, forms, synsets, actor names, agent names, discards."""
        return dict(self.data["counts"])

    @classmethod
    def load(cls, verbs: Path, actors: Sequence[Path], agents: Path,
             discards: Path | None = None, *, use_cache: bool = True) -> "Dictionaries":
        """Compile (or fetch from the disk cache) the given dictionary files.

        ``verbs``: a verb-pattern file; ``actors``: one or more actor files (earlier files win
        ties); ``agents``: an agent file; ``discards``: a discard file or None. Raises
        FileNotFoundError for a missing file; malformed lines only warn.
        """
        paths = [Path(verbs), *[Path(a) for a in actors], Path(agents), Path(discards) if discards else None]
        for p in paths:
            if p is not None and not p.is_file():
                raise FileNotFoundError(f"PETRARCH dictionary file not found: {p}")
        key = _hash_files(paths)
        cache_file = _cache_dir() / f"petrarch-{key[:32]}.pickle"
        if use_cache and cache_file.is_file():
            try:
                with open(cache_file, "rb") as fh:
                    data = pickle.load(fh)
                if isinstance(data, dict) and data.get("format") == FORMAT_VERSION:
                    return cls(data)
            except Exception:  # corrupt cache: recompile
                pass
        data = compile_dictionaries(paths[0], paths[1:-2], paths[-2], paths[-1])
        if use_cache:
            try:
                cache_file.parent.mkdir(parents=True, exist_ok=True)
                fd, tmp = tempfile.mkstemp(dir=cache_file.parent, suffix=".tmp")
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, cache_file)
            except OSError:
                pass
        return cls(data)

    @classmethod
    def from_file(cls, path: Path) -> "Dictionaries":
        """Load a compiled dictionary file written by :meth:`save` (gzip'd pickle of plain data)."""
        with gzip.open(path, "rb") as fh:
            data = pickle.load(fh)
        if data.get("format") != FORMAT_VERSION:
            raise ValueError(f"{path}: compiled dictionary format {data.get('format')} != {FORMAT_VERSION}; "
                             "rebuild it with scripts/build_dictionaries.py")
        return cls(data)

    def save(self, path: Path) -> None:
        """Write the compiled data as a gzip'd pickle (builtins only)."""
        with gzip.open(path, "wb", compresslevel=6) as fh:
            pickle.dump(self.data, fh, protocol=pickle.HIGHEST_PROTOCOL)

    @classmethod
    def default(cls) -> "Dictionaries":
        """The shipped default: PETRARCH-2's CAMEO.2.0 verbs, Phoenix Countries/International/
        MilNonState actors, Phoenix agents and discards (Open Event Data Alliance, MIT), compiled
        into ``eventcoder/data/dict_default.pickle.gz``; loaded once per process. Raises
        FileNotFoundError when the package data file is missing."""
        with _default_lock:
            if not _default_cache:
                ref = resources.files("eventcoder").joinpath("data/dict_default.pickle.gz")
                with resources.as_file(ref) as p:
                    if not Path(p).is_file():
                        raise FileNotFoundError(
                            f"{p} missing: run scripts/build_dictionaries.py to compile the default dictionaries")
                    _default_cache.append(cls.from_file(Path(p)))
            return _default_cache[0]
