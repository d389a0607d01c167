"""Event locations: which toponym of a sentence is where the event happened.

:class:`PlaceResolver` works on a parsed spaCy sentence (``en_core_web_sm``: dependency labels
of ClearNLP style) and a :class:`~eventcoder.places.gazetteer.Gazetteer` (by default the
package GeoNames gazetteer, loaded on first use).

How a location is chosen for an event anchor (the verb or event noun):

* toponyms are the GPE/LOC/FAC entities of the sentence plus proper nouns spaCy leaves
  unlabelled or mislabels (PERSON/ORG) when they stand where places stand (after a locative
  preposition, "the city of X", the direct object of the event verb); "here" is the dateline;
* a toponym attached to the anchor's own clause (its prepositional objects, its direct object,
  modifiers of its subject) beats one elsewhere in the sentence; toponyms in relative clauses,
  in the subject of a reporting clause ("analysts at a Georgetown think tank said") and a
  toponym that is itself the subject of the anchor ("Washington urged") are never chosen;
* among the anchor's toponyms the most specific known one wins (town > division > country);
  "Russia's Bryansk region" and "Paris, Texas" use the container as a qualifier;
* homonyms are ranked by qualifier, then countries mentioned in the document (and the
  dateline), then words next to the name ("Georgia governor" is the US state, "Georgia's ruling
  party" the country), then population and capital status.
"""
from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Sequence

from ..records import Document, Place
from .gazetteer import Gazetteer, fold, prior, specificity, split_admin_suffix, squash

if TYPE_CHECKING:  # pragma: no cover
    from spacy.tokens import Doc, Span, Token

__all__ = ["PlaceContext", "PlaceResolver", "DEMONYMS"]

#: prepositions whose object is where something happens
LOCATIVE_PREPS = frozenset({
    "in", "at", "near", "outside", "inside", "across", "around", "to", "into", "from", "toward",
    "towards", "through", "throughout", "along", "within", "off", "over", "on", "onto", "beyond",
    "between", "nearby", "via", "past", "behind", "by", "against", "north", "south", "east", "west",
    "northeast", "northwest", "southeast", "southwest", "outskirts", "upon", "amid", "among",
})
#: nouns that introduce a place name ("the city of El Obeid", "the Poonch sector")
PLACE_NOUNS = frozenset({
    "city", "town", "village", "hamlet", "region", "province", "district", "capital", "oblast",
    "governorate", "state", "county", "area", "sector", "port", "suburb", "outskirts", "border",
    "municipality", "settlement", "neighborhood", "neighbourhood", "island", "country", "republic",
    "enclave", "frontline", "front", "locality", "community", "prefecture", "territory", "zone",
    "street", "streets", "vicinity", "center", "centre", "heart", "suburbs", "part", "parts",
    "areas", "districts", "corridor", "countryside", "environs", "outskirt", "north", "south",
    "east", "west", "downtown", "villages", "towns", "cities", "provinces", "regions",
})
#: facilities named after their place ("the Tororo railway yard", "a Baghdad market")
FACILITY_NOUNS = frozenset({
    "yard", "square", "airport", "airbase", "base", "market", "mosque", "church", "school",
    "hospital", "camp", "station", "bridge", "road", "highway", "checkpoint", "prison", "dam",
    "refinery", "depot", "plant", "stadium", "university", "barracks", "harbor", "harbour",
    "crossing", "embassy", "consulate", "courthouse", "parliament", "palace", "hotel", "museum",
    "airfield", "port", "mall", "bazaar", "neighborhood", "neighbourhood", "district",
    "home", "house", "apartment", "residence", "office", "headquarters", "compound", "village",
})
#: verbs whose direct object is a party spoken to, not a place ("urged Beijing")
ADDRESSEE_VERBS = frozenset({
    "urge", "ask", "accuse", "criticize", "criticise", "condemn", "warn", "tell", "call", "blame",
    "praise", "thank", "invite", "meet", "press", "pressure", "threaten", "sanction", "support",
    "back", "help", "aid", "join", "congratulate", "thank", "reject", "deny", "demand", "implore",
    "request", "reassure", "assure", "inform", "notify", "contact", "phone", "sue", "fine",
    "recognize", "recognise", "host", "defend", "mediate", "engage", "persuade", "encourage",
})
#: nouns that name events of their own: a place under them is that event's place
EVENT_NOUNS = frozenset({
    "war", "attack", "bombing", "invasion", "talk", "talks", "conference", "summit", "election",
    "offensive", "raid", "visit", "meeting", "conflict", "crisis", "protest", "strike", "massacre",
    "occupation", "siege", "battle", "fighting", "assault", "blast", "explosion", "incident",
    "negotiation", "referendum", "ceremony", "trial", "campaign", "operation", "uprising",
})
#: subject nouns whose place modifiers tell where a reported event happened ("Police in Nairobi")
LOCAL_SOURCES = frozenset({
    "police", "official", "authority", "resident", "witness", "governor", "mayor", "army",
    "military", "troop", "force", "medic", "doctor", "hospital", "rescuer", "correspondent",
    "reporter", "prosecutor", "court", "villager", "spokesman", "spokeswoman", "spokesperson",
    "administration", "council", "source", "commander", "soldier", "ministry",
})
REPORTING_VERBS = frozenset({
    "say", "tell", "report", "state", "add", "note", "claim", "announce", "write", "explain",
    "argue", "believe", "think", "estimate", "suggest", "confirm", "according", "warn", "insist",
})
_CLAUSE_DEPS = frozenset({"relcl", "ccomp", "advcl", "xcomp", "acl", "parataxis", "csubj",
                          "csubjpass", "conj", "pcomp"})
_ADMIN_NOUNS = frozenset({"region", "oblast", "province", "governorate", "state", "prefecture",
                          "krai", "kray"})
#: words next to a name that favour a first-order division (US state) reading
_DIVISION_CUES = frozenset({"governor", "gov.", "state", "county", "senator", "legislature",
                            "statehouse", "lawmakers", "sheriff", "counties", "secretary"})
#: words next to a name that favour a country reading
_COUNTRY_CUES = frozenset({"ruling", "president", "prime", "government", "parliament", "ministry",
                           "minister", "opposition", "embassy", "capital", "nation", "country",
                           "foreign", "army", "military", "constitution", "border", "ambassador"})
#: region names that point at the countries in them
REGION_HINTS: dict[str, tuple[str, ...]] = {
    "caucasus": ("GEO", "ARM", "AZE"), "south caucasus": ("GEO", "ARM", "AZE"),
    "donbas": ("UKR",), "donbass": ("UKR",), "crimea": ("UKR",), "kashmir": ("IND", "PAK"),
    "gaza": ("PSE",), "west bank": ("PSE",), "darfur": ("SDN",), "sahel": ("MLI", "NER", "BFA"),
    "deep south": ("USA",), "midwest": ("USA",), "new england": ("USA",), "tigray": ("ETH",),
}
#: nationality adjectives and demonyms -> ISO 3166-1 alpha-3 (the common English forms)
DEMONYMS: dict[str, str] = {
    "afghan": "AFG", "albanian": "ALB", "algerian": "DZA", "american": "USA", "angolan": "AGO",
    "argentine": "ARG", "argentinian": "ARG", "armenian": "ARM", "australian": "AUS",
    "austrian": "AUT", "azerbaijani": "AZE", "azeri": "AZE", "bahraini": "BHR",
    "bangladeshi": "BGD", "belarusian": "BLR", "belgian": "BEL", "bolivian": "BOL",
    "bosnian": "BIH", "brazilian": "BRA", "british": "GBR", "bulgarian": "BGR",
    "burkinabe": "BFA", "burmese": "MMR", "burundian": "BDI", "cambodian": "KHM",
    "cameroonian": "CMR", "canadian": "CAN", "chadian": "TCD", "chilean": "CHL", "chinese": "CHN",
    "colombian": "COL", "congolese": "COD", "croatian": "HRV", "cuban": "CUB", "cypriot": "CYP",
    "czech": "CZE", "danish": "DNK", "dutch": "NLD", "ecuadorian": "ECU", "egyptian": "EGY",
    "emirati": "ARE", "eritrean": "ERI", "estonian": "EST", "ethiopian": "ETH", "filipino": "PHL",
    "finnish": "FIN", "french": "FRA", "georgian": "GEO", "german": "DEU", "ghanaian": "GHA",
    "greek": "GRC", "guatemalan": "GTM", "haitian": "HTI", "honduran": "HND", "hungarian": "HUN",
    "icelandic": "ISL", "indian": "IND", "indonesian": "IDN", "iranian": "IRN", "iraqi": "IRQ",
    "irish": "IRL", "israeli": "ISR", "italian": "ITA", "ivorian": "CIV", "jamaican": "JAM",
    "japanese": "JPN", "jordanian": "JOR", "kazakh": "KAZ", "kazakhstani": "KAZ", "kenyan": "KEN",
    "kosovar": "XKX", "kuwaiti": "KWT", "kyrgyz": "KGZ", "latvian": "LVA", "lebanese": "LBN",
    "liberian": "LBR", "libyan": "LBY", "lithuanian": "LTU", "malaysian": "MYS", "malian": "MLI",
    "mexican": "MEX", "moldovan": "MDA", "mongolian": "MNG", "montenegrin": "MNE",
    "moroccan": "MAR", "mozambican": "MOZ", "namibian": "NAM", "nepali": "NPL", "nepalese": "NPL",
    "nicaraguan": "NIC", "nigerian": "NGA", "nigerien": "NER", "norwegian": "NOR", "omani": "OMN",
    "pakistani": "PAK", "palestinian": "PSE", "panamanian": "PAN", "paraguayan": "PRY",
    "peruvian": "PER", "polish": "POL", "portuguese": "PRT", "qatari": "QAT", "romanian": "ROU",
    "russian": "RUS", "rwandan": "RWA", "saudi": "SAU", "senegalese": "SEN", "serbian": "SRB",
    "singaporean": "SGP", "slovak": "SVK", "slovenian": "SVN", "somali": "SOM",
    "south african": "ZAF", "south korean": "KOR", "north korean": "PRK", "korean": "KOR",
    "south sudanese": "SSD", "spanish": "ESP", "sri lankan": "LKA", "sudanese": "SDN",
    "swedish": "SWE", "swiss": "CHE", "syrian": "SYR", "taiwanese": "TWN", "tajik": "TJK",
    "tanzanian": "TZA", "thai": "THA", "tunisian": "TUN", "turkish": "TUR", "turkmen": "TKM",
    "ugandan": "UGA", "ukrainian": "UKR", "uruguayan": "URY", "uzbek": "UZB",
    "venezuelan": "VEN", "vietnamese": "VNM", "yemeni": "YEM", "zambian": "ZMB",
    "zimbabwean": "ZWE", "iranians": "IRN", "israelis": "ISR", "palestinians": "PSE",
    "americans": "USA", "russians": "RUS", "ukrainians": "UKR", "georgians": "GEO",
}

#: nouns whose "on X" object is a party acted upon ("sanctions on Tehran")
_TARGET_NOUNS = frozenset({"sanction", "tariff", "embargo", "pressure", "ban", "restriction",
                           "duty", "levy", "curb", "demand", "call", "war", "blockade", "limit"})
#: nouns a country name can modify and still say where ("the Syria border", "Ukraine region")
_REGION_HEADS = frozenset({"region", "province", "border", "side", "territory", "frontier",
                           "coast", "capital", "city", "town", "village", "countryside", "state",
                           "mainland", "interior", "heartland", "soil"})
#: honorifics: "Mr. Obama" is a person even where a town bears the name
_TITLES = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "president", "senator",
                     "sen.", "gov.", "governor", "minister", "general", "gen.", "sir", "lord",
                     "king", "queen", "prince", "judge", "rep.", "mayor", "pope", "sheikh"})
#: nouns for people and bodies: "X's president" is an actor of X, not an event in X
_ACTOR_NOUNS = frozenset({
    "president", "leader", "minister", "government", "army", "military", "police", "official",
    "ambassador", "envoy", "king", "queen", "prince", "spokesman", "spokeswoman", "chief",
    "foreign", "opposition", "party", "parliament", "delegation", "team", "force", "navy",
    "premier", "chancellor", "diplomat", "representative", "people", "citizen", "national",
})
_TOPO_LABELS = frozenset({"GPE", "LOC", "FAC"})
_WEAK_LABELS = frozenset({"PERSON", "ORG", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", ""})


@dataclass
class PlaceContext:
    """What a document tells about where its events are.

    ``countries``: ISO alpha-3 -> number of mentions of the country or of places in it;
    ``dateline``: the resolved dateline place (``Document.dateline``) or None;
    ``previous``: locations of events coded earlier in the document, most recent last.
    """

    countries: Counter = field(default_factory=Counter)
    dateline: Place | None = None
    previous: list[Place] = field(default_factory=list)

    def remember(self, place: Place | None) -> None:
        """Record an event location (the caller does this after each resolved event): it joins
        ``previous`` and its country is counted in ``countries``. None is ignored."""
        if place is not None:
            self.previous.append(place)
            if place.country:
                self.countries[place.country] += 1


@dataclass
class _Cand:
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    places: list[Place]
    tier: int = 9
    distance: int = 99
    qualifier: tuple[int, int] | None = None
    chosen: Place | None = None
    facility: bool = False  # spaCy calls it a facility: a place only when nothing else is


class PlaceResolver:
    """Resolve event locations and single toponyms to GeoNames places.

    ``gazetteer`` defaults to the package :class:`~eventcoder.places.gazetteer.GeonamesGazetteer`
    (created on first use). All methods are pure functions of their arguments and the gazetteer.
    """

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self._gaz = gazetteer

    @property
    def gazetteer(self) -> Gazetteer:
        """The gazetteer in use (the package GeoNames one unless given)."""
        if self._gaz is None:
            from .gazetteer import GeonamesGazetteer
            self._gaz = GeonamesGazetteer()
        return self._gaz

    # ------------------------------------------------------------------ context

    def document_context(self, sdoc: "Doc", document: Document) -> PlaceContext:
        """Countries the document mentions (unambiguous toponyms, demonyms, region names,
        the dateline), and the resolved dateline place. ``sdoc`` is the parsed ``document.text``."""
        ctx = PlaceContext()
        if document.dateline:
            ctx.dateline = self.place_of_name(document.dateline)
            if ctx.dateline and ctx.dateline.country:
                ctx.countries[ctx.dateline.country] += 1
        for ent in sdoc.ents:
            key = fold(ent.text)
            if key.startswith("the "):
                key = key[4:]
            if ent.label_ == "NORP" or key in DEMONYMS:
                iso = DEMONYMS.get(key) or DEMONYMS.get(key.rstrip("s"))
                if iso:
                    ctx.countries[iso] += 1
                continue
            if key in REGION_HINTS:
                for iso in REGION_HINTS[key]:
                    ctx.countries[iso] += 1
                continue
            if ent.label_ in ("ORG", "FAC") and ent.root.pos_ == "PROPN":
                # "the Atlanta Journal": a big, unambiguous city in a name is a hint too
                first = ent[1] if ent[0].lower_ == "the" and len(ent) > 1 else ent[0]
                if first.pos_ == "PROPN":
                    places = self.gazetteer.lookup(first.text)
                    iso = self._unambiguous_country(places)
                    if iso and places[0].population >= 100_000 and specificity(places[0]) == 3 \
                            and " (" not in places[0].name:
                        ctx.countries[iso] += 1
                continue
            if ent.label_ not in _TOPO_LABELS:
                continue
            places = self.gazetteer.lookup(ent.text)
            iso = self._unambiguous_country(places)
            if iso:
                ctx.countries[iso] += 1
        # qualified names in the text ("Athens, Georgia") also count
        for sent in sdoc.sents:
            for cand in self._candidates(sent, (), ctx=None):
                if cand.qualifier is not None and cand.chosen is not None and cand.chosen.country:
                    ctx.countries[cand.chosen.country] += 1
        for tok in sdoc:
            iso = DEMONYMS.get(tok.lower_)
            if iso and not tok.ent_type_:
                ctx.countries[iso] += 1
        return ctx

    @staticmethod
    def _unambiguous_country(places: Sequence[Place]) -> str | None:
        if not places:
            return None
        top = prior(places[0])
        countries = {p.country for p in places if prior(p) >= top - 2.0}
        return places[0].country if len(countries) == 1 else None

    # ------------------------------------------------------------------ public API

    def resolve(self, anchor: "Token", ctx: PlaceContext, *,
                exclude: Sequence[tuple[int, int]] = ()) -> Place | None:
        """The location of the event anchored at ``anchor`` (a token of a parsed document), or
        None when its sentence names no usable place. ``exclude``: character spans (offsets in
        the parsed text) of actor mentions that are actors, not places."""
        ranked = self._ranked(anchor, ctx, exclude)
        return ranked[0].chosen if ranked else None

    def resolve_all(self, anchor: "Token", ctx: PlaceContext, *,
                    exclude: Sequence[tuple[int, int]] = ()) -> list[Place]:
        """All places the event is attached to: the best one and the toponyms coordinated with
        it ("shelled Krasnohorivka and Novoselydivka" -> both), in text order; [] when none."""
        ranked = self._ranked(anchor, ctx, exclude)
        if not ranked:
            return []
        best = ranked[0]
        doc = anchor.doc
        group = {best.start}
        root_of = {c.start: self._root(doc, c) for c in ranked}
        members = [best]
        changed = True
        while changed:
            changed = False
            for c in ranked:
                if c.start in group or c.tier != best.tier:
                    continue
                r = root_of[c.start]
                for m in members:
                    mr = root_of[m.start]
                    if self._coordinated(r, mr):
                        group.add(c.start)
                        members.append(c)
                        changed = True
                        break
        out: list[Place] = []
        for c in sorted(members, key=lambda c: c.start):
            if c.chosen is not None and c.chosen not in out:
                out.append(c.chosen)
        return out

    def place_of_name(self, text: str, ctx: PlaceContext | None = None) -> Place | None:
        """The place one toponym names ("Nairobi" -> Nairobi, KEN; "Paris, Texas" -> Paris,
        US-TX; "Bryansk region" -> Bryansk Oblast), ranked by qualifier, context and population;
        None when unknown."""
        text = (text or "").strip()
        if not text:
            return None
        if "," in text:
            head, _, qual = text.partition(",")
            places = self.gazetteer.lookup(head)
            if places:
                qualified = self._qualify(places, qual.strip())
                if qualified:
                    return qualified
        places = self.gazetteer.lookup(text)
        if not places:
            return None
        return self._best(places, ctx, cues=(), query=text)

    def country_of(self, text: str) -> str | None:
        """ISO 3166-1 alpha-3 of a toponym or nationality word ("Nairobi" -> "KEN",
        "Russian" -> "RUS"); None when unknown."""
        key = fold(text or "")
        if key in DEMONYMS:
            return DEMONYMS[key]
        place = self.place_of_name(text)
        return place.country if place else None

    # ------------------------------------------------------------------ internals

    def _lookup(self, text: str) -> list[tuple[Place, float]]:
        """Candidates with context-free scores (the gazetteer's own when it has them)."""
        gaz = self.gazetteer
        scored = getattr(gaz, "lookup_scored", None)
        if scored is not None:
            return list(scored(text))
        places = gaz.lookup(text)
        key = fold(text)
        out = []
        for rank, p in enumerate(places):
            s = prior(p) - 0.01 * rank
            if p.feature_code == "ADM1" and fold(p.name) != key and split_admin_suffix(key) is None:
                s -= 2.0  # "Kherson" is the city, "Kherson region" the division
            out.append((p, s))
        return out

    def _best(self, places: Sequence[Place], ctx: PlaceContext | None,
              cues: Iterable[str], query: str = "") -> Place:
        cues = set(cues)
        best, best_score = places[0], -math.inf
        kinds = {specificity(p) for p in places}
        base = dict((p, sc) for p, sc in reversed(self._lookup(query))) if query else {}
        for rank, p in enumerate(places):
            s = base.get(p, prior(p) - 0.01 * rank)
            if ctx is not None and p.country:
                n = ctx.countries.get(p.country, 0)
                if n:
                    s += 2.0 + 0.25 * min(n, 4)
                if ctx.dateline is not None and ctx.dateline.country == p.country:
                    s += 0.5
                if any(q.country == p.country for q in ctx.previous[-3:]):
                    s += 0.5
            if len(kinds) > 1 and cues:
                fc = p.feature_code or ""
                if fc == "ADM1" and cues & _DIVISION_CUES:
                    s += 4.0
                if fc.startswith("PCL") and cues & _COUNTRY_CUES:
                    s += 2.0
            if s > best_score:
                best, best_score = p, s
        return best

    def _qualify(self, places: Sequence[Place], qualifier: str) -> Place | None:
        """The candidate lying in the place ``qualifier`` names (country or division)."""
        quals = self.gazetteer.lookup(qualifier)
        if not quals:
            key = fold(qualifier).replace(".", "")
            if key in ("dc", "d c"):
                quals = [p for p in self.gazetteer.lookup("District of Columbia")]
        for q in quals:
            for p in places:
                if p.country != q.country or p is q:
                    continue
                fc = q.feature_code or ""
                if fc.startswith("PCL") or (fc == "ADM1" and specificity(p) > 1
                                            and (q.admin1 is None or q.admin1 == p.admin1)):
                    return p
        return None

    @staticmethod
    def _root(doc, cand: _Cand) -> "Token":
        span = doc[cand.start:cand.end]
        return span.root

    @staticmethod
    def _coordinated(a: "Token", b: "Token") -> bool:
        if a.dep_ == "conj" and (a.head == b or (b.dep_ == "conj" and a.head == b.head)):
            return True
        if b.dep_ == "conj" and b.head == a:
            return True
        # "in Krasnohorivka and in Novoselydivka": objects of coordinated prepositions
        if a.dep_ == "pobj" and b.dep_ == "pobj":
            pa, pb = a.head, b.head
            if (pa.dep_ == "conj" and pa.head == pb) or (pb.dep_ == "conj" and pb.head == pa):
                return True
        return False

    def _ranked(self, anchor: "Token", ctx: PlaceContext,
                exclude: Sequence[tuple[int, int]]) -> list[_Cand]:
        sent = anchor.sent
        cands = self._candidates(sent, exclude, ctx)
        usable = []
        for c in cands:
            self._position(anchor, c)
            if c.facility and c.tier < 9:
                c.tier += 3
            if c.tier < 9 and c.chosen is not None:
                usable.append(c)
        if not usable:
            return []
        # containers of a chosen place in the same tier are qualifiers, not rivals
        usable.sort(key=lambda c: (c.tier, -specificity(c.chosen), c.distance, c.start))
        return usable

    def _candidates(self, sent: "Span", exclude: Sequence[tuple[int, int]],
                    ctx: PlaceContext | None) -> list[_Cand]:
        doc = sent.doc
        spans: list[tuple[int, int, bool]] = []  # start, end, strong (GPE/LOC)
        facilities: set[int] = set()
        natural: set[int] = set()  # LOC entities: seas, regions, mountains
        covered: set[int] = set()
        for ent in sent.ents:
            if ent.label_ == "NORP" and (fold(ent.text) in DEMONYMS or fold(ent.text).rstrip("s") in DEMONYMS):
                continue
            if ent.label_ in _TOPO_LABELS or ent.label_ in _WEAK_LABELS:
                s, e = ent.start, ent.end
                if doc[s].lower_ == "the":
                    s += 1
                covered.update(range(ent.start, ent.end))
                # "Robotyne near Orikhiv", "Kherson and Mykolaiv" tagged as one entity
                parts, k = [], s
                whole = ent.label_ in ("ORG", "FAC") or bool(
                    self.gazetteer.lookup(doc[s:e].text))  # "Bosnia and Herzegovina"
                for j in range(s, e) if not whole else ():
                    if (doc[j].pos_ in ("ADP", "CCONJ") and doc[j].lower_ != "of") or doc[j].text in (",", ";"):
                        if k < j:
                            parts.append((k, j))
                        k = j + 1
                if k < e:
                    parts.append((k, e))
                for ps, pe in parts:
                    if ent.label_ == "FAC":
                        facilities.add(ps)
                    elif ent.label_ == "LOC":
                        natural.add(ps)
                    spans.append((ps, pe, ent.label_ in ("GPE", "LOC")))
        i = sent.start
        while i < sent.end:
            t = doc[i]
            if t.i not in covered and t.pos_ == "PROPN" and not t.ent_type_:
                j = i
                while j + 1 < sent.end and (j + 1) not in covered and not doc[j + 1].ent_type_:
                    if doc[j + 1].pos_ == "PROPN":
                        j += 1
                    elif (doc[j + 1].text == "-" and not doc[j].whitespace_ and j + 2 < sent.end
                          and not doc[j + 1].whitespace_ and doc[j + 2].pos_ == "PROPN"
                          and (j + 2) not in covered and not doc[j + 2].ent_type_):
                        j += 2  # "Al-Hasakah", "Deir ez-Zor"
                    else:
                        break
                spans.append((i, j + 1, False))
                i = j + 1
                continue
            if t.lower_ == "here" and t.i not in covered:
                spans.append((i, i + 1, True))
            i += 1
        out: list[_Cand] = []
        for s, e, strong in sorted(spans):
            span = doc[s:e]
            if any(span.start_char < b and a < span.end_char for a, b in exclude):
                continue
            if span.text.lower() == "here":
                if ctx is not None and ctx.dateline is not None:
                    c = _Cand(s, e, "here", [ctx.dateline])
                    c.chosen = ctx.dateline
                    out.append(c)
                continue
            # "Bryansk region", "Idlib province": the division noun belongs to the name
            end = e
            nxt = doc[e] if e < sent.end else None
            if nxt is not None and nxt.lower_ in _ADMIN_NOUNS and span.root.head == nxt:
                end = e + 1
            text = doc[s:end].text
            if not strong and not self._placeish(doc[s:e]):
                continue
            short = len(squash(doc[s:e].text)) < 3  # "US", "UK" yes; "A.M." no
            if short and not strong:
                continue
            if not strong and (not doc[s].text[:1].isupper() or (s > 0 and doc[s - 1].lower_ in _TITLES)):
                continue  # "a congress of members", "Mr. Obama"
            if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_.endswith("ed"):
                continue  # "London-based", "U.S.-led": whose, not where
            places = self.gazetteer.lookup(text)
            if not places and end != e:
                end = e
                places = self.gazetteer.lookup(doc[s:e].text)
            if s in natural:
                # a sea or region name shared with a small town or a far division ("Pacific",
                # "Kashmir", "the Gulf")
                loc = self._locative(doc[s:e])
                places = [p for p in places if specificity(p) == 0
                          or (specificity(p) == 3 and (p.population >= 20_000
                                                       or (loc and " (" not in p.name)))
                          or (ctx is not None and ctx.countries.get(p.country or "", 0) > 0)]
            elif not strong:
                # an organisation or person name that is only some town's alternate name
                # ("Taliban", "Hamas"): a place only where places stand, or in a country the
                # document is about
                loc = self._locative(doc[s:e])
                places = [p for p in places if " (" not in p.name or specificity(p) < 3
                          or (loc and p.population >= 5_000)
                          or (ctx is not None and ctx.countries.get(p.country or "", 0) > 0)]
            if short:
                places = [p for p in places if specificity(p) == 0]
            if s in facilities:
                # "the White House" is a building, not Casablanca's alternate name
                places = [p for p in places if fold(p.name) == fold(doc[s:end].text)]
            if not places:
                continue
            if not strong and doc[s:e].root.is_stop:
                continue
            out.append(_Cand(s, end, doc[s:end].text, places, facility=s in facilities))
        # qualifiers: "Paris, Texas"; "Russia's Bryansk region"
        by_start = {c.start: c for c in out}
        for c in out:
            tok_after = doc[c.end] if c.end < sent.end else None
            qual = None
            if tok_after is not None and tok_after.text == "," and c.end + 1 in by_start:
                qual = by_start[c.end + 1]
            if qual is not None:
                chosen = self._qualify(c.places, qual.text)
                if chosen is not None:
                    c.chosen = chosen
                    c.qualifier = (qual.start, qual.end)
                    continue
            root = doc[c.start:c.end].root
            for child in root.children:
                if child.dep_ == "poss" and child.i in by_start:
                    q = by_start[child.i]
                    chosen = self._qualify(c.places, q.text)
                    if chosen is not None:
                        c.chosen = chosen
                        c.qualifier = (q.start, q.end)
        # qualifiers are containers, not separate places
        qual_starts = {c.qualifier[0] for c in out if c.qualifier}
        result = []
        for c in out:
            if c.start in qual_starts and not c.qualifier:
                continue
            if c.chosen is None:
                c.chosen = self._best(c.places, ctx, self._cues(doc, c), c.text)
            result.append(c)
        return result

    @staticmethod
    def _cues(doc, c: _Cand) -> set[str]:
        """Words right around a name that tell a division from a country."""
        words = set()
        for k in range(max(c.start - 2, 0), min(c.end + 3, len(doc))):
            if c.start <= k < c.end:
                continue
            words.add(doc[k].lower_)
        root = doc[c.start:c.end].root
        words.add(root.head.lower_)
        if c.end < len(doc) and doc[c.end].lower_ == "'s" and c.end + 1 < len(doc):
            words.add(doc[c.end + 1].lower_)
            words.add(doc[c.end + 1].head.lower_)
        return words

    @staticmethod
    def _locative(span: "Span") -> bool:
        """The name follows a locative preposition or names a place noun ("city of X")."""
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
            return True
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            return True
        return root.dep_ in ("compound", "nmod", "appos") and head.lower_ in PLACE_NOUNS \
            and head.lower_ not in ("island", "coast", "border")

    @staticmethod
    def _placeish(span: "Span") -> bool:
        """A name spaCy did not label as a place stands where places stand."""
        root = span.root
        head = root.head
        if root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPS:
            return True
        if root.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in PLACE_NOUNS:
            return True
        if root.dep_ in ("compound", "amod", "nmod") and (head.lower_ in PLACE_NOUNS
                                                          or head.lemma_.lower() in FACILITY_NOUNS):
            return True
        if root.dep_ == "appos" and head.lower_ in PLACE_NOUNS | {"neighbor", "neighbour"}:
            return True
        if root.dep_ in ("advmod", "npadvmod", "oprd") and head.pos_ == "VERB" and root.ent_type_ \
                and root.text[:1].isupper() and span.start != span.sent.start:
            return head.lemma_ not in ADDRESSEE_VERBS  # a mis-tagged object ("shelled Toretsk")
        if root.dep_ in ("dobj", "conj") and head.pos_ in ("VERB", "PROPN") and span.start != span.sent.start:
            verb = head if root.dep_ == "dobj" else head.head
            return verb.pos_ == "VERB" and verb.lemma_ not in ADDRESSEE_VERBS
        return False

    @staticmethod
    def _nested_tier(path: Sequence["Token"], anchor: "Token") -> int:
        """0 for a place of the anchor's own clause; 2 when it only tells where someone comes
        from ("a businessman from Sydney") or where another event named by a noun happened
        ("protested against the bombing of the embassy in Belgrade")."""
        for k, t in enumerate(path):
            if t.dep_ == "prep" and t.lower_ == "from" and t.head != anchor \
                    and t.head.pos_ in ("NOUN", "PROPN", "PRON"):
                return 2
            if t.dep_ == "prep" and t.lower_ == "of" and t.head.ent_type_ == "PERSON":
                return 2  # "Erland Almaas, 18, of Norway"
            if k > 0 and t.pos_ == "NOUN" and t.dep_ == "pobj" and t != anchor and (
                    t.lemma_.lower() in EVENT_NOUNS or t.lower_.endswith("ing")):
                return 2
        if any(t.dep_ == "prep" and t.lower_ == "from" and t.head == anchor for t in path):
            return 1  # "captured from Spain", "withdrew from Gao": the other end of a move
        return 0

    def _position(self, anchor: "Token", c: _Cand) -> None:
        """Set ``tier`` (0 anchor's clause, 3 elsewhere, 9 never) and ``distance``."""
        doc = anchor.doc
        root = doc[c.start:c.end].root
        if c.text == "here":
            c.tier, c.distance = (0 if root.head.i == anchor.i or anchor in root.ancestors else 3), 1
            return
        # the place is the subject of a verb: an actor ("Washington urged")
        if root.dep_ in ("nsubj", "nsubjpass", "csubj", "agent") or (
                root.dep_ == "conj" and root.head.dep_ in ("nsubj",)):
            # "Kharkiv was shelled", "Gibraltar was captured": the passive subject suffers the
            # event where it is; "Moscow was criticised" is a party
            if not (root.dep_ == "nsubjpass" and " (" not in c.chosen.name
                    and root.head.lemma_ not in ADDRESSEE_VERBS
                    and (c.chosen.feature_code or "") != "PPLC"):
                c.tier = 9
                return
        # "U.S. forces", "the Russian-backed Donetsk authorities": a country as a modifier of a
        # non-place noun tells whose, not where
        if root.dep_ in ("compound", "amod", "nmod") and specificity(c.chosen) == 0 \
                and root.head.lower_ not in _REGION_HEADS:
            c.tier = 9
            return
        # "England's Dan Wheldon": whose, not where
        if root.dep_ == "poss" and root.head.ent_type_ == "PERSON":
            c.tier = 9
            return
        if root.dep_ == "pobj" and root.head.dep_ == "agent":
            c.tier = 9
            return
        # "sanctions on Tehran", "pressure on Moscow": the target, not a location
        if root.dep_ == "pobj" and root.head.lower_ in ("on", "against", "upon") \
                and root.head.head.lemma_.lower() in _TARGET_NOUNS:
            c.tier = 9
            return
        # direct object of a verb that addresses a party, or "urged Beijing to ..."
        if root.dep_ == "dobj":
            v = root.head
            if v.lemma_ in ADDRESSEE_VERBS or any(ch.dep_ in ("xcomp", "ccomp") for ch in v.children):
                c.tier = 9
                return
        path: list["Token"] = []
        t = root
        while t.head != t and t != anchor:
            path.append(t)
            t = t.head
        if t == anchor:
            crossing = [p for p in path[1:] if p.pos_ in ("VERB", "AUX") and p.dep_ in _CLAUSE_DEPS]
            relcl = [p for p in path if p.dep_ == "relcl"]
            if relcl:
                # "launched an offensive that targeted Aleppo": the clause describes the
                # anchor's own event noun; any other relative clause is background
                own = all(r.head.dep_ == "dobj" and r.head.head == anchor
                          and r.head.lemma_.lower() in EVENT_NOUNS for r in relcl)
                c.tier, c.distance = (2, len(path)) if own else (9, 99)
                return
            if root.dep_ == "poss" and not crossing:
                c.tier, c.distance = 1, len(path) + 2
                return
            if crossing:
                c.tier, c.distance = 3, len(path)
            else:
                c.tier, c.distance = self._nested_tier(path, anchor), len(path)
            return
        # not under the anchor: find the lowest common ancestor
        anc_chain = [anchor] + list(anchor.ancestors)
        anc_set = {a.i for a in anc_chain}
        lca = None
        for p in [root] + list(root.ancestors):
            if p.i in anc_set:
                lca = p
                break
        if lca is None:
            c.tier = 9
            return
        chain = [root] + list(root.ancestors)
        below = chain[:[q.i for q in chain].index(lca.i)]
        if any(p.dep_ == "relcl" for p in below):
            c.tier = 9
            return
        top = below[-1] if below else root
        # inside the subject of a dominating clause ("analysts at a ... think tank said")
        if top.dep_ in ("nsubj", "nsubjpass"):
            if lca.lemma_ in REPORTING_VERBS:
                if top.lemma_.lower() in LOCAL_SOURCES:
                    c.tier, c.distance = 4, len(below) + anc_chain.index(lca)
                else:
                    c.tier = 9
                return
            # subject modifiers of the anchor's own clause ("Police in Nairobi said")
            if lca == anchor:
                c.tier, c.distance = self._nested_tier(below, anchor), len(below)
                return
        # the anchor is a noun/verb in a clause under lca: places of a governing clause
        steps_up = anc_chain.index(lca)
        crossing = [p for p in below if p.pos_ in ("VERB", "AUX") and p.dep_ in _CLAUSE_DEPS]
        if lca.lemma_ in REPORTING_VERBS and steps_up > 0 and not crossing:
            # "said in Kabul" / "told reporters in Kabul": where it was said
            c.tier, c.distance = 5, len(below) + steps_up
            return
        if not crossing and steps_up <= 2 and not any(
                a.dep_ in _CLAUSE_DEPS - {"conj"} for a in anc_chain[:steps_up]):
            c.tier, c.distance = 1, len(below) + steps_up
            return
        c.tier, c.distance = 3, len(below) + steps_up
