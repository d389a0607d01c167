"""The project's own scorer (eventcoder.evaluate) on hand-made gold and predictions."""
from __future__ import annotations

from eventcoder.evaluate import score


def _pred(doc, cameo, src, tgt, text, modality="asserted"):
    return {"doc_id": doc, "cameo": cameo, "source": {"code": src} if src else None,
            "target": {"code": tgt} if tgt else None, "evidence": {"text": text}, "modality": modality,
            "date": "2024-01-02", "location": {"name": "Lima", "country": "PER"}}


GOLD = [
    {"id": "g1", "doc": "d", "kind": "required", "evidence": "Peru accused Chile of spying", "source": ["PER"],
     "target": ["CHL"], "cameo_roots": ["11"], "date": "2024-01", "location": {"name": "Lima", "country": "PER"}},
    {"id": "g2", "doc": "d", "kind": "required", "evidence": "Chile recalled its envoy", "source": ["CHL"],
     "target": ["PER"], "cameo_roots": ["16"]},
    {"id": "f1", "doc": "d", "kind": "forbidden", "evidence": "if Chile attacked Peru", "source": ["CHL"],
     "target": ["PER"], "cameo_roots": ["19"], "modality_allowed": ["hypothetical"]},
]


def test_evaluate_counts_right_wrong_duplicate_and_forbidden():
    preds = [
        _pred("d", "112", "PERGOV", "CHL", "Peru accused Chile of spying on Monday."),
        _pred("d", "1125", "PER", "CHL", "Peru accused Chile of spying on Monday."),  # duplicate
        _pred("d", "190", "CHL", "PER", "Peru warned of war if Chile attacked Peru."),  # forbidden
        _pred("d", "190", "CHL", "PER", "Peru warned of war if Chile attacked Peru.", "hypothetical"),  # allowed, but wrong
        _pred("x", "161", "CHL", "PER", "Chile recalled its envoy."),  # other document
    ]
    s = score(GOLD, preds)
    assert (s.right, s.duplicates, s.wrong, s.forbidden_hits) == (1, 1, 2, 1)
    assert s.required_found == 1 and s.missed_required == ["g2"]
    assert s.recall == 0.5 and s.precision == 0.25
    assert s.dates_right == (1, 1) and s.places_right == (1, 1)


def test_evaluate_modality_must_be_accepted():
    s = score(GOLD, [_pred("d", "112", "PER", "CHL", "Peru accused Chile of spying.", "negated")])
    assert s.right == 0 and s.wrong == 1
