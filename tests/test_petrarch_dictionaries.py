"""Compiled PETRARCH dictionaries: the shipped default matches its sources; the disk cache."""
from __future__ import annotations

import re
import time
import warnings
from pathlib import Path

import pytest

from eventcoder.petrarch import Dictionaries
from eventcoder.petrarch.dictionaries import compile_dictionaries

SRC = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "petrarch2" / "dictionaries"
needs_src = pytest.mark.skipif(not SRC.is_dir(), reason=f"PETRARCH source dictionaries not found at {SRC}")
ACTORS = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")


def test_default_loads_fast_and_has_content():
    t = time.perf_counter()
    d = Dictionaries.default()
    assert time.perf_counter() - t < 3.0
    c = d.counts
    assert c["verb_patterns"] > 4000 and c["actor_names"] > 30000 and c["agent_names"] > 2000
    assert Dictionaries.default() is d  # cached per process
    assert "SAID" in d.data["verbs"] and "UNITED" in d.data["actors"]


def _count_pattern_lines(path: Path) -> int:
    n = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.strip()
        if s.startswith("-") and not s.startswith("---") and re.search(r"\[[^\]]*\]", s) and s.count("*") == 1:
            n += 1
    return n


def _count_actor_names(path: Path) -> int:
    n = 0
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        s = line.split("#")[0].strip()
        if s and not s.startswith(("[", "<", "-->")) and s.lstrip("+").split("[")[0].strip():
            n += 1
    return n


@needs_src
def test_default_matches_sources():
    d = Dictionaries.default()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fresh = compile_dictionaries(SRC / "CAMEO.2.0.txt", [SRC / a for a in ACTORS],
                                     SRC / "Phoenix.agents.txt", SRC / "Phoenix.discards.txt")
    assert fresh["counts"] == d.counts
    assert fresh["verbs"] == d.data["verbs"] and fresh["actors"] == d.data["actors"]
    bad_patterns = sum(1 for w in caught if "CAMEO.2.0.txt" in str(w.message) and "bracket" in str(w.message))
    assert d.counts["verb_patterns"] == _count_pattern_lines(SRC / "CAMEO.2.0.txt") - bad_patterns
    assert d.counts["verb_blocks"] == sum(
        1 for ln in (SRC / "CAMEO.2.0.txt").read_text(encoding="utf-8").splitlines() if ln.startswith("---"))
    names = sum(_count_actor_names(SRC / a) for a in ACTORS)
    bad_names = sum(1 for w in caught if "actors.txt" in str(w.message))
    assert names - bad_names - 50 <= d.counts["actor_names"] <= names
    agent_lines = sum(1 for ln in (SRC / "Phoenix.agents.txt").read_text(encoding="utf-8").splitlines()
                      if "[" in ln.split("#")[0] and "~" in ln.split("#")[0])
    assert d.counts["agent_names"] >= agent_lines  # plus generated plurals
    disc = sum(1 for ln in (SRC / "Phoenix.discards.txt").read_text(encoding="utf-8").splitlines()
               if ln.split("#")[0].strip())
    assert d.counts["discards"] == disc


def test_load_caches_on_disk(tmp_path, monkeypatch):
    monkeypatch.setenv("EVENTCODER_CACHE", str(tmp_path / "cache"))
    (tmp_path / "v.txt").write_text("--- MEET [031] ---\nMEET\n- * TALKS [046]\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("GONDOR [GON]\n", encoding="utf-8")
    (tmp_path / "g.txt").write_text("PRESIDENT [~GOV]\n", encoding="utf-8")
    args = (tmp_path / "v.txt", [tmp_path / "a.txt"], tmp_path / "g.txt", None)
    d1 = Dictionaries.load(*args)
    files = list((tmp_path / "cache").glob("petrarch-*.pickle"))
    assert len(files) == 1
    d2 = Dictionaries.load(*args)
    assert d2.data == d1.data and d2.counts["verb_patterns"] == 1
    (tmp_path / "a.txt").write_text("GONDOR [GON]\nARNOR [ARN]\n", encoding="utf-8")
    d3 = Dictionaries.load(*args)  # changed file -> new key
    assert d3.counts["actor_names"] == 2
    assert len(list((tmp_path / "cache").glob("petrarch-*.pickle"))) == 2
    with pytest.raises(FileNotFoundError):
        Dictionaries.load(tmp_path / "missing.txt", [tmp_path / "a.txt"], tmp_path / "g.txt", None)
