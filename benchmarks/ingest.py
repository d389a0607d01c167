"""Benchmark: ingest throughput (documents/s) with 1 and 2 workers, and peak memory.

    .venv/bin/python benchmarks/ingest.py [--corpus FILE] [--workers 1 2] [--fake]

Each configuration runs in a fresh process on a fresh temporary store, so its peak resident
memory (``ru_maxrss``, MiB) is its own: ``main`` is the ingesting process, ``worker`` the
largest coding process (0 with one worker, which codes in the main process). Times include
loading the spaCy model. ``--fake`` uses the template coder of ``eventcoder.store.testing``
(store and dedupe cost only; the documents then give few events).
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared/corpus/voa/voa_stories.jsonl"


def _one(corpus: str, workers: int, db: str, fake: bool) -> dict:
    from eventcoder.store import ingest

    kw = {}
    if fake:
        from eventcoder.store.testing import template_coder
        kw["coder_factory"] = template_coder
    t0 = time.perf_counter()
    report = ingest([corpus], db, workers=workers, **kw)
    secs = time.perf_counter() - t0
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"workers": workers, "documents": report.documents, "mentions": report.mentions,
            "events": report.events, "errors": report.errors, "seconds": round(secs, 2),
            "docs_per_s": round(report.documents / secs, 2), "peak_main_mb": round(self_mb, 1),
            "peak_worker_mb": round(child_mb, 1) if workers > 1 else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=str(DEFAULT_CORPUS))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--fake", action="store_true", help="template coder instead of the pipeline")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(_one(args.corpus, args.child, args.db, args.fake)))
        return
    rows = []
    for w in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [sys.executable, __file__, "--corpus", args.corpus, "--child", str(w),
                   "--db", str(Path(tmp) / "bench.duckdb")] + (["--fake"] if args.fake else [])
            out = subprocess.run(cmd, capture_output=True, text=True, check=True)
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    head = ["workers", "documents", "mentions", "events", "errors", "seconds", "docs_per_s",
            "peak_main_mb", "peak_worker_mb"]
    print("\t".join(head))
    for r in rows:
        print("\t".join(str(r[h]) for h in head))


if __name__ == "__main__":
    main()
