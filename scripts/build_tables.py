#!/usr/bin/env python
"""Build ``src/eventcoder/data/cameo_codes.tsv``: one row per CAMEO 1.1b3 event code.

Columns: code, name, goldstein, quad_class, plover_type, plover_mode, plover_context
(``plover_context`` is ``;``-joined, empty when none; empty ``plover_type``/``plover_mode`` mean
null).

Sources (all under ``../shared/data`` beside the checkout, or ``--shared DIR``):

* ``gdelt_lookups/CAMEO.eventcodes.txt`` and ``CAMEO.goldsteinscale.txt`` (GDELT lookups,
  310 codes) -- the code list and the Goldstein weights;
* ``icews_cameo_codes/cameo-codes.csv`` (andybega/icews, MIT, 312 codes, cp1252) -- the
  CAMEO 1.1b3 code names;
* ``PLOVER/CAMEO2PLOVER-2021.txt`` (OEDA, CC BY-SA 4.0) -- PLOVER type, mode and context.

Mends of known faults in the sources (each is applied and checked below):

1. GDELT line ``1056\tDemand de-escalation of military engagement106:[-5.0] Demand withdrawal``
   merges two entries: 1056 keeps the first half; the second half is not used as a name.
2. Code ``106`` ("Demand meeting, negotiation") is missing from both GDELT files; it is taken
   from the ICEWS table (name and Goldstein -5.0, which is also the value in GDELT's merged
   line). ``1213`` ("Reject judicial cooperation", -4.0) is likewise only in the ICEWS table and
   taken from there. The table therefore has 312 rows.
3. Names: GDELT's descriptions are garbled in places (``044 Meet at a \\xd2hird\\xd3location``,
   ``matyerial``, ``radiologicalweapons``) and its names for 101-108 are those of an older
   CAMEO draft (101 "Demand information, investigation", 105 "Demand mediation", ...), which
   disagree with CAMEO 1.1b3, the ICEWS table and the PLOVER table. Names therefore come from
   the ICEWS table (whitespace normalised); the GDELT name is used only if ICEWS lacks the code.
   The ICEWS file is cp1252 with mojibake in its free-text columns; the name column is checked
   to be plain ASCII.
4. Goldstein: the GDELT and ICEWS values disagree for 016, 022, 164, 165; GDELT's value is kept
   (the scale GDELT data users see).
5. PLOVER table: CAMEO roots 01 and 02 have no PLOVER type (null). Codes 0813, 0814 and 1214
   appear in the PLOVER table but are not CAMEO 1.1b3 codes: not used. ``175`` is listed twice
   (identical mapping) and gives the context ``pro_autocracy`` in the mode slot: the mode is set
   to null and ``pro_autocracy`` is added to its contexts. The root ``08`` has two headers
   (CONCEDE, RETREAT); the root row takes the first (CONCEDE, as for 080). Any CAMEO code the
   table does not list inherits from its 3-digit parent, then its root header. Other modes and
   contexts are kept verbatim from the 2021 draft table.
6. QuadClass follows GDELT: roots 01-05 -> 1, 06-09 -> 2, 10-14 -> 3, 15-20 -> 4.

Run: ``python scripts/build_tables.py [--shared DIR] [--out FILE]``.
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared" / "data"
DEFAULT_OUT = ROOT / "src" / "eventcoder" / "data" / "cameo_codes.tsv"
COLUMNS = ("code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context")


def quad_class(code: str) -> int:
    root = int(code[:2])
    if 1 <= root <= 5:
        return 1
    if 6 <= root <= 9:
        return 2
    if 10 <= root <= 14:
        return 3
    if 15 <= root <= 20:
        return 4
    raise ValueError(f"CAMEO code {code!r} has no root 01-20")


def read_gdelt(shared: Path) -> tuple[dict[str, str], dict[str, float]]:
    names: dict[str, str] = {}
    with open(shared / "gdelt_lookups" / "CAMEO.eventcodes.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, name = line.rstrip("\n").split("\t", 1)
            if code == "1056":  # mend 1: merged entry
                name = name.split("106:[")[0]
            names[code] = " ".join(name.split())
    gold: dict[str, float] = {}
    with open(shared / "gdelt_lookups" / "CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, value = line.split("\t")
            gold[code] = float(value)
    if set(names) != set(gold):
        raise SystemExit("GDELT event-code and Goldstein files disagree on the code set")
    return names, gold


def read_icews(shared: Path) -> dict[str, tuple[str, float]]:
    out: dict[str, tuple[str, float]] = {}
    with open(shared / "icews_cameo_codes" / "cameo-codes.csv", encoding="cp1252", newline="") as fh:
        for row in csv.DictReader(fh):
            name = " ".join(row["name"].split())
            if not name.isascii():
                raise SystemExit(f"ICEWS name of {row['code']} is not plain ASCII: {name!r}")
            out[row["code"]] = (name, float(row["goldstein"]))
    return out


def read_plover(shared: Path) -> dict[str, tuple[str | None, str | None, tuple[str, ...]]]:
    out: dict[str, tuple[str | None, str | None, tuple[str, ...]]] = {}
    line_re = re.compile(r"^(\d{2,4}):\s*([^#]*)")
    with open(shared / "PLOVER" / "CAMEO2PLOVER-2021.txt", encoding="utf-8") as fh:
        for line in fh:
            m = line_re.match(line)
            if not m:
                continue
            code, body = m.group(1), m.group(2)
            parts = [p.strip() for p in body.split(",")]
            ptype = parts[0] or None
            mode = parts[1] if len(parts) > 1 and parts[1] else None
            ctx = tuple(c.strip() for c in parts[2].split(";") if c.strip()) if len(parts) > 2 else ()
            if code == "175" and mode == "pro_autocracy":  # mend 5: context in the mode slot
                mode, ctx = None, ("pro_autocracy",) + tuple(c for c in ctx if c != "pro_autocracy")
            if code in out:  # 08 header twice, 175 twice: keep the first
                continue
            out[code] = (ptype, mode, ctx)
    return out


def build(shared: Path) -> list[dict[str, str]]:
    g_names, g_gold = read_gdelt(shared)
    icews = read_icews(shared)
    plover = read_plover(shared)
    codes = sorted(set(g_names) | set(icews), key=lambda c: (c[:2], c))
    rows = []
    for code in codes:
        name = icews[code][0] if code in icews else g_names[code]
        gold = g_gold[code] if code in g_gold else icews[code][1]
        root = code[:2]
        if root in ("01", "02"):
            ptype, mode, ctx = None, None, ()
        else:
            for key in (code, code[:3], root):
                if key in plover:
                    ptype, mode, ctx = plover[key]
                    if key != code:  # a parent's mode/context is not inherited, only its type
                        mode, ctx = (mode, ctx) if key == code[:3] else (None, ())
                    break
            else:
                raise SystemExit(f"no PLOVER mapping for {code}")
        rows.append({
            "code": code, "name": name, "goldstein": f"{gold:.1f}", "quad_class": str(quad_class(code)),
            "plover_type": ptype or "", "plover_mode": mode or "", "plover_context": ";".join(ctx),
        })
    # checks of the mends
    by = {r["code"]: r for r in rows}
    assert "106" in by and by["106"]["goldstein"] == "-5.0", by.get("106")
    assert by["1056"]["name"] == "Demand de-escalation of military engagement", by["1056"]
    assert by["044"]["name"].isascii()
    assert len(rows) == len(set(g_names) | set(icews)) == 312, len(rows)
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared/data directory")
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args(argv)
    rows = build(args.shared)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="") as fh:
        fh.write("\t".join(COLUMNS) + "\n")
        for r in rows:
            fh.write("\t".join(r[c] for c in COLUMNS) + "\n")
    sys.stderr.write(f"wrote {len(rows)} codes to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
