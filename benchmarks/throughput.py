"""Throughput of `eventcoder code` against spaCy parsing alone, on the same documents, in one run.

Usage: python benchmarks/throughput.py [CORPUS.jsonl] [--limit N]

Default corpus: ../shared/corpus/voa/voa_stories.jsonl (89 VOA articles), else examples/.
Prints sentences per second of spaCy's parse alone and of the whole pipeline (parse, actors,
coding, modality, dates, places), their ratio, and the time to load the PETRARCH dictionaries.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str]) -> int:
    from eventcoder.ingest import read_inputs
    from eventcoder.nlp import load_model
    from eventcoder.pipeline import Pipeline
    from eventcoder.records import Document

    args = [a for a in argv if not a.startswith("--")]
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    if args and args[-1].isdigit():
        args = args[:-1]
    corpus = Path(args[0]) if args else ROOT.parent / "shared/corpus/voa/voa_stories.jsonl"
    if not corpus.exists():
        corpus = ROOT / "examples"
    docs = [d for d in read_inputs([corpus]) if isinstance(d, Document)][:limit]
    pipe = Pipeline()
    nlp = load_model(pipe.settings.models)
    pipe.code_document(docs[0])  # load data and warm caches outside the timings

    def parse_only() -> tuple[int, float]:
        t0 = time.perf_counter()
        n = sum(len(list(d.sents)) for d in nlp.pipe(d.text for d in docs))
        return n, time.perf_counter() - t0

    # parse-only before and after the full run, so warm caches favour neither side
    n_sents, parse_a = parse_only()
    t0 = time.perf_counter()
    n_events = sum(len(r.events) for r in pipe.code_documents(docs))
    full_s = time.perf_counter() - t0
    _, parse_b = parse_only()
    parse_s = (parse_a + parse_b) / 2

    # dictionary load in a fresh process (in this one they are already loaded)
    code = ("import time; t=time.perf_counter(); from eventcoder.petrarch import Dictionaries; "
            "Dictionaries.default(); print(time.perf_counter()-t)")
    dict_s = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                  check=True).stdout.strip())

    print(f"corpus {corpus} : {len(docs)} documents, {n_sents} sentences, {n_events} events")
    print(f"spaCy parse only  : {n_sents / parse_s:8.1f} sentences/s ({parse_s:.1f} s, mean of {parse_a:.1f} and {parse_b:.1f})")
    print(f"eventcoder code   : {n_sents / full_s:8.1f} sentences/s ({full_s:.1f} s)")
    print(f"ratio code/parse  : {parse_s / full_s:8.2f}")
    print(f"dictionary load   : {dict_s:8.2f} s (PETRARCH/Phoenix defaults, fresh process, import included)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
