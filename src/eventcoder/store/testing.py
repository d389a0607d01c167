"""A fast stand-in coder and a template corpus, for tests and benchmarks of the store.

:func:`template_coder` codes sentences of one fixed shape (what :func:`synthetic_documents`
writes) into event records of event-record.md without spaCy:

    "On 2024-03-05, Russia accused Ukraine in Kyiv."
    -> source RUS, target UKR, cameo 112, date 2024-03-05 (day), location Kyiv

A sentence with the word "BROKEN" makes the coder raise DocumentError (to test error rows).
Pass ``coder_factory=template_coder`` to :func:`eventcoder.store.ingest`.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import random
import re
from typing import Any

from ..config import Settings
from ..errors import DocumentError
from ..records import Document

__all__ = ["template_coder", "synthetic_documents", "ACTORS", "VERBS", "PLACES"]

#: name -> (code, country, sector)
ACTORS: dict[str, tuple[str, str | None, str | None]] = {
    "Russia": ("RUS", "RUS", None), "the Russian military": ("RUSMIL", "RUS", "MIL"),
    "the Russian government": ("RUSGOV", "RUS", "GOV"),
    "Ukraine": ("UKR", "UKR", None), "the Ukrainian government": ("UKRGOV", "UKR", "GOV"),
    "China": ("CHN", "CHN", None), "the United States": ("USA", "USA", None),
    "France": ("FRA", "FRA", None), "Germany": ("DEU", "DEU", None), "Iran": ("IRN", "IRN", None),
    "protesters": ("CVL", None, "CVL"), "NATO": ("IGOWSTNAT", None, None),
}
#: verb phrase -> CAMEO code
VERBS: dict[str, str] = {
    "met with": "040", "visited": "042", "praised": "051", "signed an agreement with": "057",
    "criticized": "111", "accused": "112", "threatened": "130", "protested against": "141",
    "arrested members of": "173", "attacked": "190", "promised to meet": "036",
}
#: name -> (geonameid, lat, lon, ISO3 country, admin1, feature code)
PLACES: dict[str, tuple[int, float, float, str, str, str]] = {
    "Kyiv": (703448, 50.45466, 30.5238, "UKR", "12", "PPLC"),
    "Kharkiv": (706483, 49.98081, 36.25272, "UKR", "07", "PPLA"),
    "Moscow": (524901, 55.75222, 37.61556, "RUS", "48", "PPLC"),
    "Beijing": (1816670, 39.9075, 116.39723, "CHN", "22", "PPLC"),
    "Paris": (2988507, 48.85341, 2.3488, "FRA", "11", "PPLC"),
    "Washington": (4140963, 38.89511, -77.03637, "USA", "DC", "PPLC"),
    "Ukraine": (690791, 49.0, 32.0, "UKR", "00", "PCLI"),
}

_SENT = re.compile(
    r"(?:On (?P<date>\d{4}(?:-\d{2}){0,2}), )?(?P<src>.+?) (?P<verb>" + "|".join(map(re.escape, VERBS))
    + r") (?P<tgt>.+?)(?: in (?P<place>[A-Z][a-z]+))?(?P<mod> reportedly)?\.")


def _actor(name: str) -> dict[str, Any] | None:
    key = name if name in ACTORS else name[0].lower() + name[1:] if name[:1].isupper() else name
    if key not in ACTORS:
        return None
    code, country, sector = ACTORS[key]
    return {"text": name, "name": key, "code": code, "country": country, "sector": sector}


def _code_sentence(doc: Document, index: int, start: int, sent: str) -> list[dict[str, Any]]:
    from ..tables import cameo_info

    m = _SENT.fullmatch(sent.strip())
    if not m:
        return []
    src, tgt = _actor(m["src"]), _actor(m["tgt"])
    cameo = VERBS[m["verb"]]
    info = cameo_info(cameo)
    date = m["date"]
    if date:
        precision, basis = {10: "day", 7: "month", 4: "year"}[len(date)], "text"
    elif doc.published:
        date, precision, basis = str(doc.published)[:10], "day", "publication"
    else:
        precision, basis = None, None
    loc = None
    if m["place"] and m["place"] in PLACES:
        gid, lat, lon, country, admin1, fc = PLACES[m["place"]]
        loc = {"name": m["place"], "geonameid": gid, "lat": lat, "lon": lon, "country": country,
               "admin1": admin1, "feature_code": fc}
    digest = hashlib.sha1(f"{doc.id}|{index}|{cameo}|{src and src['code']}|{tgt and tgt['code']}".encode())
    return [{
        "event_id": "ev_" + digest.hexdigest()[:12], "doc_id": doc.id, "sentence_index": index,
        "evidence": {"text": sent.strip(), "start": start, "end": start + len(sent.strip())},
        "source": src, "target": tgt, "cameo": cameo, "cameo_root": cameo[:2], "plover": info.plover,
        "plover_mode": info.plover_mode, "plover_context": list(info.plover_context),
        "goldstein": info.goldstein, "quad_class": info.quad_class,
        "date": date, "date_precision": precision, "date_basis": basis, "location": loc,
        "modality": "claimed" if m["mod"] else "asserted", "attributed_to": None, "event_group": None,
        "pattern": f"template {m['verb']} [{cameo}]", "confidence": 0.9,
    }]


class _TemplateCoder:
    def __call__(self, doc: Document) -> list[dict[str, Any]]:
        if "BROKEN" in doc.text:
            raise DocumentError(doc.id, "the template coder refuses documents containing BROKEN "
                                        "(a deliberate failure for tests)")
        out: list[dict[str, Any]] = []
        pos = 0
        for i, sent in enumerate(re.split(r"(?<=\.)\s+", doc.text)):
            start = doc.text.find(sent, pos)
            pos = start + len(sent)
            out.extend(_code_sentence(doc, i, start, sent))
        return out


def template_coder(settings: Settings) -> _TemplateCoder:
    """Coder factory for :func:`eventcoder.store.ingest`: the template coder (no spaCy)."""
    return _TemplateCoder()


def synthetic_documents(n: int, seed: int = 0, start: _dt.date = _dt.date(2024, 1, 1),
                        days: int = 60, sentences: int = 3, prefix: str = "syn") -> list[Document]:
    """``n`` documents of ``sentences`` template sentences each, deterministic for a ``seed``.

    Events repeat across documents (several outlets report the same few events), so dedupe
    has work to do. Document ids are ``f"{prefix}{i:05d}"``.
    """
    rng = random.Random(seed)
    actors = [a for a in ACTORS if a != "protesters"]
    outlets = ["VOA", "Reuters", "AP", "AFP", None]
    pool = []
    for _ in range(max(4, n // 3)):
        d = start + _dt.timedelta(days=rng.randrange(days))
        src, tgt = rng.sample(actors, 2)
        pool.append((d, src, rng.choice(list(VERBS)), tgt, rng.choice(list(PLACES))))
    docs = []
    for i in range(n):
        picks = [rng.choice(pool) for _ in range(sentences)]
        text = " ".join(f"On {d.isoformat()}, {s[0].upper() + s[1:]} {v} {t} in {p}." for d, s, v, t, p in picks)
        pub = max(p[0] for p in picks) + _dt.timedelta(days=1)
        docs.append(Document(id=f"{prefix}{i:05d}", text=text, title=f"Story {i}", published=pub,
                             outlet=rng.choice(outlets), url=f"https://example.org/{prefix}/{i}"))
    return docs
