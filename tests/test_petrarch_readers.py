"""The PETRARCH dictionary readers: syntax of the four formats and warnings on malformed lines."""
from __future__ import annotations

from pathlib import Path

import pytest

from eventcoder.petrarch import readers

VERBS = """\
<!-- test verbs -->
&CURRENCY
+DOLLARS
+SWISS FRANCS

&MONEY
+&CURRENCY
+GOLD

--- GIVE  [070] ---
GIVE {GAVE GIVEN GIVES GIVING}  # irregular forms
+DONATE
WIRE_+TAP [1711]
- * &MONEY  [071]  # comment
- $ * + (TO {ARMS SHIPMENT}) [072:073]
- % * [030:030]
- NOT_* ^ +  [112]
- * NO CODE HERE
- WORDS WITHOUT VERB [010]

--- MEET  [031:031] ---
MEET
"""

ACTORS = """\
GONDOR_ [GON]
+MINAS_TIRITH
GOLLUM  # no code yet
+SMEAGOL
\t[HOB <950601]
\t[HOBGOV 19950601-19990815]
\t[HOBREB >990816]
THE_SHIRE [FRO/BIL/SAM]
BROKEN [GON 95X]
"""

AGENTS = """\
!PERSON! = MAN, WOMAN
PRESIDENT [~GOV]
ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]
CONGRESS!PERSON! [~LEG]
POLICE {} [ ~COP]
HUMAN_RIGHTS_BODY [NGO~]
NO_CODE_AGENT
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_verbs(tmp_path):
    p = _write(tmp_path, "verbs.txt", VERBS)
    with pytest.warns(UserWarning) as rec:
        v = readers.read_verbs(p)
    msgs = [str(w.message) for w in rec]
    assert any(f"{p}:18:" in m and "without [code]" in m for m in msgs)
    assert any(f"{p}:19:" in m and "'*'" in m for m in msgs)
    assert v["blocks"] == 2 and len(v["patterns"]) == 4
    assert ("SWISS", "FRANCS") in v["synsets"]["CURRENCY"]
    assert ("DOLLARS",) in v["synsets"]["MONEY"] and ("GOLD",) in v["synsets"]["MONEY"]
    assert {"GAVE", "GIVEN", "GIVE"} <= set(v["verbs"])
    assert "DONATED" in v["verbs"] and "DONATES" in v["verbs"]  # regular forms generated
    assert v["verbs"]["TAP"][0][1:] == ("1711", ("WIRE",), ())
    assert v["verbs"]["GIVE"][0][1] == "070" and v["verbs"]["MEET"][0][1] == "031:031"
    pat = v["patterns"][1]
    assert pat["code"] == "072:073"
    assert [e[0] for e in pat["pre"]] == ["src"]
    assert [e[0] for e in pat["post"]] == ["tgt", "w", "w", "w"]
    neg = v["patterns"][3]
    assert neg["pre_adj"] and [e[0] for e in neg["post"]] == ["skip", "tgt"]


def test_actors_with_date_restrictions(tmp_path):
    p = _write(tmp_path, "actors.txt", ACTORS)
    with pytest.warns(UserWarning, match=r"actors\.txt:9: malformed actor code"):
        rows = readers.read_actors(p)
    by = {" ".join(w): c for w, c in rows}
    assert by["GONDOR"] == [("GON", None, None)] and by["MINAS TIRITH"] == [("GON", None, None)]
    assert by["SMEAGOL"] == by["GOLLUM"] == [
        ("HOB", None, "1995-05-31"), ("HOBGOV", "1995-06-01", "1999-08-15"), ("HOBREB", "1999-08-16", None)]
    assert by["THE SHIRE"] == [("FRO/BIL/SAM", None, None)]
    assert "BROKEN" not in by


def test_agents(tmp_path):
    p = _write(tmp_path, "agents.txt", AGENTS)
    with pytest.warns(UserWarning, match=r"agents\.txt:7: agent without \[code\]"):
        rows = readers.read_agents(p)
    by = {" ".join(w): c for w, c in rows}
    assert by["PRESIDENT"] == by["PRESIDENTS"] == "~GOV"
    assert by["ATTORNEYS GENERAL"] == "~GOV" and "ATTORNEY GENERALS" not in by
    assert by["CONGRESSMAN"] == by["CONGRESSWOMAN"] == "~LEG"
    assert by["POLICE"] == "~COP" and "POLICES" not in by
    assert by["HUMAN RIGHTS BODY"] == "NGO~"


def test_discards(tmp_path):
    p = _write(tmp_path, "discards.txt", "# c\nMONTHS LATER\n+Manchester United  # club\n+\n")
    with pytest.warns(UserWarning, match=r"discards\.txt:4"):
        rows = readers.read_discards(p)
    assert rows == [(("MONTHS", "LATER"), False), (("MANCHESTER", "UNITED"), True)]


def test_words_of_splits_like_spacy():
    assert readers.words_of("BARAD-DUR_") == ("BARAD", "-", "DUR")
    assert readers.words_of("U.N._SECRETARY_GENERAL") == ("U.N.", "SECRETARY", "GENERAL")


def test_missing_file(tmp_path):
    with pytest.raises(FileNotFoundError):
        readers.read_verbs(tmp_path / "nope.txt")
