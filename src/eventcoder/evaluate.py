"""Scoring coded events against a gold file (the matching rule of ``docs/evaluation.md``).

A predicted event matches a gold event of the same document when its source and target codes
start with an accepted prefix (``null`` accepts a missing actor, ``"*"`` anything,
``exact_actors`` asks for equality), its type fits (exact CAMEO code, else CAMEO root, else
PLOVER type — whichever the gold gives first), its evidence shares at least half of the content
words of one of the gold's evidence fragments, and its modality is accepted ("asserted" also
accepts "reported"). Each gold event is matched once; later matches are duplicates (neither
right nor wrong). A prediction that hits a ``forbidden`` gold without an allowed modality is an
error.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from .errors import InputError

_STOP = frozenset("""a an the of to in on at by for and or but with from as that this its it his
her their their's be is are was were been has have had will would should could may might not no
than then into over under after before about against between during while which who whom whose
what when where also more most very so such same other another all any some each both either
neither""".split())


def content_words(text: str | None) -> set[str]:
    """Lower-case words of two or more letters/digits, without stop words."""
    return {w for w in re.findall(r"[a-z0-9]+", (text or "").lower()) if w not in _STOP and len(w) > 1}


def _fragments(evidence: str | None) -> list[set[str]]:
    parts = re.split(r"\s+/\s+|\s*\.\.\.\s*", evidence or "")
    return [w for w in (content_words(p) for p in parts) if w]


def _code(actor) -> str | None:
    if actor is None:
        return None
    if isinstance(actor, str):
        return actor.upper() or None
    c = actor.get("code") or actor.get("country")
    return c.upper() if c else None


def _actor_ok(pred, accepted, exact: bool) -> bool:
    code = _code(pred)
    for a in accepted:
        if a == "*" or (a is None and code is None):
            return True
        if a is not None and code is not None and (code == a if exact else code.startswith(a)):
            return True
    return False


def _evidence(pred: dict) -> str:
    ev = pred.get("evidence")
    return ev.get("text", "") if isinstance(ev, dict) else (ev or "")


def _type_ok(pred: dict, gold: dict) -> bool:
    cameo = str(pred.get("cameo") or "")
    if "cameo" in gold:
        return cameo in gold["cameo"]
    if "cameo_roots" in gold:
        return gold["cameo_roots"] == ["*"] or cameo[:2] in gold["cameo_roots"]
    if "plover" in gold:
        p = pred.get("plover")
        p = p.get("type") if isinstance(p, dict) else p
        return (p or "").upper() in gold["plover"]
    return False


def _same_doc(pred: dict, gold: dict) -> bool:
    return "doc" not in gold or str(pred.get("doc_id")) == str(gold["doc"])


def _matches(pred: dict, gold: dict) -> bool:
    if not _same_doc(pred, gold) or not _type_ok(pred, gold):
        return False
    exact = bool(gold.get("exact_actors"))
    if not _actor_ok(pred.get("source"), gold["source"], exact):
        return False
    if not _actor_ok(pred.get("target"), gold["target"], exact):
        return False
    have = content_words(_evidence(pred))
    return any(len(f & have) >= max(1, (len(f) + 1) // 2) for f in _fragments(gold.get("evidence")))


def _modality_ok(pred: dict, gold: dict) -> bool:
    m = (pred.get("modality") or "asserted").lower()
    g = gold.get("modality") or "asserted"
    accepted = set(g if isinstance(g, list) else [g])
    if "asserted" in accepted:
        accepted.add("reported")
    return m in accepted


def _forbidden_hit(pred: dict, gold: dict) -> bool:
    if not _same_doc(pred, gold):
        return False
    bad = gold.get("evidence_must_not_contain")
    if bad:
        text = _evidence(pred).lower()
        return any(b.lower() in text for b in bad)
    if not _matches(pred, gold):
        return False
    return (pred.get("modality") or "asserted").lower() not in set(gold.get("modality_allowed", []))


def _place_ok(loc, gold_loc) -> bool:
    if not loc:
        return False
    if gold_loc.get("country") and (loc.get("country") or "").upper() != gold_loc["country"]:
        return False
    name = (gold_loc.get("name") or "").lower()
    return not name or name in (loc.get("name") or "").lower()


@dataclass
class Score:
    """Result of :func:`score`: counts, ``precision``/``recall``/``f1`` in 0..1, the ids of
    missed required golds, and ``dates_right``/``places_right`` as (right, checked)."""

    predicted: int
    right: int
    duplicates: int
    wrong: int
    forbidden_hits: int
    required_found: int
    required_total: int
    precision: float
    recall: float
    f1: float
    missed_required: list[str] = field(default_factory=list)
    dates_right: tuple[int, int] = (0, 0)
    places_right: tuple[int, int] = (0, 0)
    wrong_events: list[dict] = field(default_factory=list)
    forbidden_events: list[dict] = field(default_factory=list)


def score(golds: Iterable[dict], preds: Iterable[dict]) -> Score:
    """Score predicted event records against gold events (see module doc for the rule)."""
    golds, preds = list(golds), list(preds)
    positives = [g for g in golds if g.get("kind") in ("required", "optional")]
    forbidden = [g for g in golds if g.get("kind") == "forbidden"]
    matched: dict[str, dict] = {}
    right = dup = 0
    wrong: list[dict] = []
    errors: list[dict] = []
    for p in preds:
        if any(_forbidden_hit(p, g) for g in forbidden):
            errors.append(p)
            continue
        hit, is_dup = None, False
        for g in positives:
            if _matches(p, g) and _modality_ok(p, g):
                if g["id"] not in matched:
                    hit, is_dup = g, False
                    break
                is_dup = True
        if hit is not None:
            matched[hit["id"]] = p
            right += 1
        elif is_dup:
            dup += 1
        else:
            wrong.append(p)
    required = [g for g in positives if g.get("kind") == "required"]
    found = [g["id"] for g in required if g["id"] in matched]
    dated = [(g, matched[g["id"]]) for g in positives if g["id"] in matched and g.get("date")]
    date_right = sum(1 for g, p in dated if str(p.get("date") or "").startswith(g["date"]))
    placed = [(g, matched[g["id"]]) for g in positives if g["id"] in matched and g.get("location")]
    place_right = sum(1 for g, p in placed if _place_ok(p.get("location"), g["location"]))
    counted = right + len(wrong) + len(errors)
    precision = right / counted if counted else 0.0
    recall = len(found) / len(required) if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Score(predicted=len(preds), right=right, duplicates=dup, wrong=len(wrong),
                 forbidden_hits=len(errors), required_found=len(found), required_total=len(required),
                 precision=round(precision, 3), recall=round(recall, 3), f1=round(f1, 3),
                 missed_required=[g["id"] for g in required if g["id"] not in matched],
                 dates_right=(date_right, len(dated)), places_right=(place_right, len(placed)),
                 wrong_events=wrong, forbidden_events=errors)


def read_jsonl(path: str | Path) -> list[dict]:
    """Objects of a JSON Lines file; raises InputError naming the file and line of bad JSON."""
    out = []
    try:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise InputError(f"{path}:{n}: not valid JSON: {exc.msg}") from exc
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return out
