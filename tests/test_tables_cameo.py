"""The CAMEO table (eventcoder.tables, data/cameo_codes.tsv) and its agreement with its sources."""
from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

from eventcoder.tables import CameoInfo, all_codes, cameo_info, is_valid_code

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason=f"shared data not present at {SHARED}")


def test_row_count_and_leading_zeros():
    codes = all_codes()
    assert len(codes) == 312
    assert len(set(codes)) == 312
    assert all(isinstance(c, str) and c.isdigit() and 2 <= len(c) <= 4 for c in codes)
    assert "036" in codes and "36" not in codes
    assert sorted({c[:2] for c in codes}) == [f"{i:02d}" for i in range(1, 21)]
    text = (ROOT / "src" / "eventcoder" / "data" / "cameo_codes.tsv").read_text(encoding="utf-8")
    assert text.splitlines()[0].split("\t") == [
        "code", "name", "goldstein", "quad_class", "plover_type", "plover_mode", "plover_context"]


def test_sample_codes():
    info = cameo_info("036")
    assert isinstance(info, CameoInfo)
    assert info.goldstein == 4.0 and info.quad_class == 1 and info.root == "03"
    assert info.plover == "AGREE" and info.plover_context == ("diplomatic",)
    assert cameo_info("1312").plover == "THREATEN"
    assert cameo_info("190").quad_class == 4
    assert cameo_info("106").code == "106"
    assert cameo_info("106").name == "Demand meeting, negotiation"
    assert cameo_info("1056").name == "Demand de-escalation of military engagement"
    assert cameo_info("044").name.isascii()
    assert cameo_info("010").plover is None and cameo_info("0214").plover is None
    assert is_valid_code("106") and is_valid_code("0874")
    assert not is_valid_code("36") and not is_valid_code("999") and not is_valid_code(36)  # type: ignore[arg-type]


def test_quad_classes_and_goldstein_range():
    expected = {**{r: 1 for r in range(1, 6)}, **{r: 2 for r in range(6, 10)},
                **{r: 3 for r in range(10, 15)}, **{r: 4 for r in range(15, 21)}}
    for code in all_codes():
        info = cameo_info(code)
        assert info.quad_class == expected[int(code[:2])], code
        assert -10.0 <= info.goldstein <= 10.0
        if int(code[:2]) >= 3:
            assert info.plover is not None, code


def test_fallbacks_and_errors():
    assert cameo_info("0369").code == "036"
    assert cameo_info("1999").code == "19"
    with pytest.raises(KeyError, match="root"):
        cameo_info("21")
    with pytest.raises(KeyError, match="not a CAMEO"):
        cameo_info("abc")
    with pytest.raises(TypeError):
        cameo_info(36)  # type: ignore[arg-type]


@needs_shared
def test_agrees_with_sources():
    gdelt = {}
    with open(SHARED / "gdelt_lookups" / "CAMEO.goldsteinscale.txt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            code, value = line.split("\t")
            gdelt[code] = float(value)
    with open(SHARED / "icews_cameo_codes" / "cameo-codes.csv", encoding="cp1252", newline="") as fh:
        icews = {r["code"]: r for r in csv.DictReader(fh)}
    codes = set(all_codes())
    assert codes == set(gdelt) | set(icews)
    assert set(icews) - set(gdelt) == {"106", "1213"}
    for code, value in gdelt.items():
        assert cameo_info(code).goldstein == value, code
    for code in ("106", "1213"):
        assert cameo_info(code).goldstein == float(icews[code]["goldstein"])
    for code, row in icews.items():
        assert cameo_info(code).name == " ".join(row["name"].split())


@needs_shared
def test_generator_reproduces_shipped_table(tmp_path):
    spec = importlib.util.spec_from_file_location("build_tables", ROOT / "scripts" / "build_tables.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    out = tmp_path / "t.tsv"
    assert mod.main(["--shared", str(SHARED), "--out", str(out)]) == 0
    shipped = (ROOT / "src" / "eventcoder" / "data" / "cameo_codes.tsv").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == shipped
