"""The lexicon's verb and noun families end to end, on sentences written for these tests: each
family gives its CAMEO root (and PLOVER type) with the right dyad."""
from __future__ import annotations

import pytest

from eventcoder.coding import default_lexicon
from eventcoder.tables import cameo_info


def _find(events, root, source=None, target=None):
    for e in events:
        if e["cameo_root"] != root:
            continue
        if source and not ((e["source"] or {}).get("code") or "").startswith(source):
            continue
        if target and not ((e["target"] or {}).get("code") or "").startswith(target):
            continue
        return e
    return None


@pytest.mark.parametrize("text,root,source,target", [
    # collective nouns stand for their members; pullbacks target the place left; halted mediation
    ("A delegation of Kenyan ministers held talks with Uganda on Monday.", "04", "KEN", "UGA"),
    ("Russia completed the withdrawal of its troops from Georgia.", "08", "RUS", "GEO"),
    ("Turkey accelerated the withdrawal of its forces from Iraq on Friday.", "08", "TUR", "IRQ"),
    ("Egypt ended its mediation between Israel and Hamas.", "16", "EGY", "ISR"),
    ("Canada withdrew its election observers from Haiti on Monday.", "16", "CAN", "HTI"),
    ("Jordan complained to the United Nations over Syrian shelling of its border posts.", "11", "JOR", "SYR"),
    # 086 allow international involvement; 084 return property
    ("Iran allowed IAEA inspectors into the plant on Monday.", "08", "IRN", "IGO"),
    ("The Kyrgyz president received a team of observers from the OSCE.", "08", "KGZ", "IGO"),
    ("Russia returned the seized ship to Ukraine.", "08", "RUS", "UKR"),
    ("Red Cross helicopters evacuated the wounded from the besieged Syrian town.", "07", None, "SYR"),
    # 04 consult: renewed talks, arrival on a visit, mediation under a light verb
    ("Peru renewed negotiations with Bolivia on Monday.", "04", "PER", "BOL"),
    ("The Chinese premier arrived in Berlin on a two-day visit.", "04", "CHN", "DEU"),
    ("Qatar undertook a mediation between Sudan and Chad.", "04", "QAT", "SDN"),
    ("The Kenyan president received a delegation from Ethiopia on Monday.", "04", "KEN", "ETH"),
    # 05 diplomatic cooperation: upgraded ties, congratulations, ratification
    ("Vietnam and Laos upgraded their diplomatic ties on Monday.", "05", "VNM", "LAO"),
    ("Germany congratulated Chile on its election.", "05", "DEU", "CHL"),
    ("The Polish parliament ratified the treaty with Lithuania on Monday.", "05", "POL", "LTU"),
    # 07 aid: funding
    ("Japan funded a new port in Sri Lanka.", "07", "JPN", "LKA"),
    # 08 yield / retreat: concede, ease a curfew, lift an emergency, pull out, declare a ceasefire
    ("Ghana conceded to the demands of Togo on Tuesday.", "08", "GHA", "TGO"),
    ("Chilean authorities eased the curfew in Santiago on Friday.", "08", "CHL", "CHL"),
    ("The Iraqi government lifted a state of emergency in Basra.", "08", "IRQ", "IRQ"),
    ("Russia pulled out its troops from Georgia on Friday.", "08", "RUS", "GEO"),
    ("Ethiopian rebels declared a ceasefire on Sunday.", "08", "ETH", None),
    # 09 investigate: an investigation opened
    ("Colombian prosecutors opened an investigation into the mayor of Cali.", "09", "COL", "COL"),
    # 10 demand: push for, pressure
    ("Germany pushed for talks with Russia.", "10", "DEU", "RUS"),
    ("Uganda pressured Kenya to hand over the suspects.", "10", "UGA", "KEN"),
    # 12 reject: turn down, renege, dismiss an appeal, decline to resign
    ("Nepal turned down an offer of mediation from India.", "12", "NPL", "IND"),
    ("Bolivia reneged on its promise to Chile.", "12", "BOL", "CHL"),
    ("Kosovo dismissed an appeal from Serbia to end the boycott.", "12", None, "SRB"),
    ("The Peruvian prime minister declined to resign on Tuesday.", "12", "PER", None),
    # 16 reduce relations: cancel a visit, reduce aid
    ("Mali cancelled a planned visit to France by its foreign minister.", "16", "MLI", "FRA"),
    ("Japan reduced aid to Myanmar.", "16", "JPN", "MMR"),
    # 17 coerce / 19 blockade: prevent a demonstration, order an arrest, close a border,
    # tighten sanctions, reimpose a blockade
    ("Venezuelan police prevented a demonstration by students in Caracas.", "17", "VEN", "VEN"),
    ("A Brazilian judge ordered the arrest of a former governor.", "17", "BRA", "BRA"),
    ("The European Union tightened sanctions against Belarus on Monday.", "16", "IGO", "BLR"),
    ("Turkey closed its border with Syria on Sunday.", "19", "TUR", "SYR"),
    ("Israel reimposed a blockade on the Palestinian town of Jenin.", "19", "ISR", "PSE"),
    ("Russia annexed the Ukrainian region of Crimea.", "19", "RUS", "UKR"),
    # 18 assault: bombs exploded, abuse of migrants
    ("Rebels exploded a bomb in a market in the Nigerian city of Kano.", "18", None, "NGA"),
    ("Guatemalan police abused migrants at the border, a rights group said.", "18", "GTM", None),
])
def test_lexicon_family_gives_root(code, text, root, source, target):
    evs = code(text)
    hit = _find(evs, root, source, target)
    assert hit is not None, [(e["cameo"], e["source"] and e["source"]["code"], e["target"] and e["target"]["code"]) for e in evs]
    assert hit["pattern"].startswith(("lexicon", "intent")), hit["pattern"]
    assert hit["plover"] == cameo_info(hit["cameo"]).plover


def test_lexicon_new_codes_map_to_plover_types():
    """Every code the lexicon gives (other than statements and appeals) has a PLOVER type."""
    lex = default_lexicon()
    codes = {r.code for rules in lex.verbs.values() for r in rules if r.code != "---"}
    codes |= {n.code for n in lex.nouns.values()}
    for c in sorted(codes):
        info = cameo_info(c)
        assert info is not None, c
        if c[:2] not in ("01", "02"):
            assert info.plover, c


def test_lexicon_added_rules_follow_existing_ones():
    """``name_`` entries add rules after the verb's own: 'lift' keeps its sanctions rule first."""
    lex = default_lexicon()
    lift = lex.verbs["lift"]
    assert lift[0].code == "085"
    assert any(r.code == "0814" for r in lift)


def test_lexicon_concede_defeat_is_not_a_yield(code):
    evs = code("The Moldovan candidate conceded defeat on Sunday.")
    assert not _find(evs, "08"), evs


def test_lexicon_stance_passive_takes_subject_as_source(code):
    evs = code("Chile is committed to the peace plan of Peru.")
    hit = _find(evs, "03", "CHL", "PER")
    assert hit is not None, evs


def test_lexicon_casting_in_ones_lot_with_is_cooperation(code):
    evs = code("Tehran cast in its lot with Moscow after the sanctions were imposed.")
    assert [(e["cameo"], e["source"]["country"], e["target"]["country"]) for e in evs if e["cameo_root"] == "05"] \
        == [("050", "IRN", "RUS")]
