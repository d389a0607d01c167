#!/usr/bin/env python
"""Compile the default PETRARCH dictionaries into ``src/eventcoder/data/dict_default.pickle.gz``.

Sources (Open Event Data Alliance, MIT; byte-for-byte copies in ``../shared/data/petrarch2/
dictionaries`` from openeventdata/petrarch2 @ 676801cd), the PETRARCH-2 default configuration:

* verbs: ``CAMEO.2.0.txt``
* actors: ``Phoenix.Countries.actors.txt``, ``Phoenix.International.actors.txt``,
  ``Phoenix.MilNonState.actors.txt``
* agents: ``Phoenix.agents.txt``
* discards: ``Phoenix.discards.txt``

The output is a gzip'd pickle of builtins only (see ``eventcoder.petrarch.dictionaries``); its
``counts`` entry records the numbers of verb patterns, actor names and agent names, which
``tests/test_petrarch_dictionaries.py`` checks against the sources. Malformed source lines are
reported as warnings and skipped.

Run: ``python scripts/build_dictionaries.py [--src DIR] [--out FILE]``.
"""
from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from eventcoder.petrarch.dictionaries import Dictionaries, compile_dictionaries  # noqa: E402

DEFAULT_SRC = ROOT.parent / "shared" / "data" / "petrarch2" / "dictionaries"
DEFAULT_OUT = ROOT / "src" / "eventcoder" / "data" / "dict_default.pickle.gz"
VERBS = "CAMEO.2.0.txt"
ACTORS = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
AGENTS = "Phoenix.agents.txt"
DISCARDS = "Phoenix.discards.txt"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=DEFAULT_SRC, help="the petrarch2 dictionaries directory")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        data = compile_dictionaries(args.src / VERBS, [args.src / a for a in ACTORS],
                                    args.src / AGENTS, args.src / DISCARDS)
    for w in caught:
        sys.stderr.write(f"warning: {w.message}\n")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    Dictionaries(data).save(args.out)
    sys.stderr.write(f"wrote {args.out} ({args.out.stat().st_size} bytes): {data['counts']}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
