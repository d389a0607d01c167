"""Actor resolution: every actor mention of a document with its CAMEO code.

The resolver finds surface forms from the actor data (countries, adjectives, capitals,
regions, international bodies, known office holders, sector nouns, titles), joins the pieces
of one noun phrase ("Russian Foreign Minister Sergey Lavrov", "Germany's defence ministry",
"Police in Nairobi") into one :class:`~eventcoder.records.ActorMention`, drops places that
are only places ("in Brussels", "Russia's Bryansk region"), and resolves in-document
references (short names, pronouns, "the latter country's government", "the organization",
"the secretary general").

No name appears in this code: every fact comes from :mod:`eventcoder.actors.data`.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Callable, Sequence

from ..records import ActorMention, Document
from .data import ActorData, Entry, FallbackName, Person, load_actor_data, load_fallback_names

__all__ = ["ActorResolver"]

_MOD_KINDS = {"country", "adjective", "capital", "igo", "region", "region_adj", "pronoun", "ref", "demonym"}
_HEAD_KINDS = {"agent", "title"}
_ENTITY_KINDS = {"country", "capital", "igo", "region", "demonym"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_NAME_GAP_POS = {"ADJ", "NOUN", "PROPN", "NUM", "VERB"}
_ABSORBABLE = _HEAD_KINDS | {"adjective", "demonym", "region_adj"}
_NAME_CONNECTORS = {"al", "el", "bin", "ibn", "bint", "abu", "de", "da", "do", "dos", "du", "del", "della",
                    "der", "den", "van", "von", "la", "le", "of", "the", "and", "for", "y", "-"}
_GAP_DEPS = {"amod", "compound", "nmod", "nummod", "advmod", "npadvmod", "poss", "case"}


@dataclass
class _Piece:
    start: int  # token index
    end: int  # token index, exclusive
    kind: str
    entry: Entry | None = None
    code: str | None = None  # resolved code for pronoun/ref pieces
    country: str | None = None
    person: bool = False
    name: str | None = None
    title: str | None = None


@dataclass
class _Seen:
    """A mention with what coreference needs to know about it."""

    mention: ActorMention
    kind: str  # entity | sector | person
    sent: int
    title: str | None = None
    igo: bool = False
    country_only: bool = False
    aliases: tuple[str, ...] = field(default_factory=tuple)


def _split_code(code: str) -> tuple[str | None, str | None]:
    """(country, first sector) of a CAMEO code: "RUSGOV" -> ("RUS", "GOV"), "IGOWSTNAT" -> (None, None)."""
    if not code or code.startswith(("IGO", "NGO", "IMG")):
        return None, None
    if _is_region(code[:3]):
        return None, code[3:6] or None
    return code[:3], code[3:6] or None


_REGION_CODES: set[str] = set()


def _is_region(code: str) -> bool:
    return code in _REGION_CODES


class ActorResolver:
    """Find the actors of a document.

    ``data`` is the actor data (default: the packaged tables, loaded lazily);
    ``place_country`` maps a place name to an ISO alpha-3 country code or None (used for
    "Police in Nairobi"); without it, only countries and capitals of the data are known.
    ``fallback``: names the curated data does not know are looked up in the multi-word names of
    the PETRARCH/Phoenix actor dictionaries (True, the default), in a given index of
    :class:`~eventcoder.actors.data.FallbackName` by first word, or not at all (False).
    """

    def __init__(self, data: ActorData | None = None, *,
                 place_country: Callable[[str], str | None] | None = None,
                 fallback: bool | dict[str, tuple[FallbackName, ...]] = True):
        self._data = data
        self._place_country = place_country
        self._fallback = fallback

    @property
    def fallback(self) -> dict[str, tuple[FallbackName, ...]]:
        """Multi-word names of the PETRARCH/Phoenix actor dictionaries by first word (see
        :func:`~eventcoder.actors.data.load_fallback_names`); empty when turned off."""
        if self._fallback is True:
            self._fallback = load_fallback_names()
        return self._fallback or {}

    @property
    def data(self) -> ActorData:
        if self._data is None:
            self._data = load_actor_data()
        return self._data

    # ------------------------------------------------------------------ public API
    def resolve(self, sdoc, document: Document) -> list[ActorMention]:
        """Every actor mention of ``document``, in text order and non-overlapping.

        ``sdoc`` is the spaCy ``Doc`` of ``document.text`` (same text, so character offsets
        of the mentions point into both). Known office holders are coded by the role they
        held on ``document.published`` (the most recent role when it is None).
        """
        data = self.data
        _REGION_CODES.update(e.code for es in data.entries.values() for e in es
                             if e.kind in ("region", "region_adj"))
        run = _Run(self, sdoc, document)
        return run.resolve()

    @staticmethod
    def at(mentions: Sequence[ActorMention], token) -> ActorMention | None:
        """The mention whose character span covers spaCy ``token``, or None."""
        for m in mentions:
            if m.start <= token.idx < m.end:
                return m
        return None

    def place_country(self, name: str) -> str | None:
        """ISO alpha-3 of a place name: the data's countries and capitals, then ``place_country``."""
        found = self.data.country_of_place(name)
        if found is None and self._place_country is not None:
            found = self._place_country(name)
        return found


class _Run:
    """One resolution pass over one document."""

    def __init__(self, resolver: ActorResolver, sdoc, document: Document):
        self.r = resolver
        self.d = resolver.data
        self.doc = sdoc
        self.text = sdoc.text  # spaCy rebuilds Doc.text from every token on each access
        self.lower = [t.lower_ for t in sdoc]
        self.document = document
        self.day: _dt.date | None = document.published
        self.seen: list[_Seen] = []
        self.out: list[ActorMention] = []
        g = self.d
        self.cap_preps = g.words("capital_place_preps")
        self.country_preps = g.words("country_place_preps")
        self.place_nouns = g.words("place_nouns")
        self.act_nouns = g.words("act_nouns")
        self.party_nouns = g.words("party_nouns")
        self.person_pron = g.words("person_pronouns")
        self.group_pron = g.words("group_pronouns")
        self.needs_owner = g.words("agents_needing_owner")
        self.skip_phrases = [p.split() for p in g.words("skip_phrases")]
        self.former = g.words("former_words")
        coref = g.grammar.get("coref_nouns", {}) or {}
        self.country_nouns = frozenset(w.lower() for w in coref.get("country", []))
        self.igo_nouns = frozenset(w.lower() for w in coref.get("igo", []))
        self.ordinals = {k.lower(): int(v) for k, v in (g.grammar.get("ordinal_refs", {}) or {}).items()}
        self.sent_of = {}
        for i, sent in enumerate(sdoc.sents):
            for t in sent:
                self.sent_of[t.i] = i
        self.doc_aliases: dict[str, _Seen] = {}  # relational phrase / surname -> referent
        self.extra_people: dict[str, Person] = {}  # people of the fallback names, by surface name

    # ------------------------------------------------------------------ pieces
    def pieces(self) -> list[_Piece]:
        text = self.text.replace("’", "'")
        starts = {t.idx: t.i for t in self.doc}
        ends = {t.idx + len(t.text): t.i + 1 for t in self.doc}
        found: list[_Piece] = []
        taken: set[int] = set()
        for m in self.d.regex.finditer(text):
            s, e = m.start(), m.end()
            if s not in starts or e not in ends:
                continue
            entries = self.d.lookup(self.text[s:e])
            if not entries:
                continue
            entry = entries[0]
            if entry.kind == "person" and self.day is not None:
                # an alias of several people ("Bush"): the one in office on the day
                entry = next((x for x in entries if x.kind == "person" and x.name in self.d.people
                              and self.d.people[x.name].role_on(self.day)), entry)
            piece = _Piece(starts[s], ends[e], entry.kind, entry)
            if entry.kind == "person":
                piece.person = True
                piece.name = entry.name
            found.append(piece)
            taken.update(range(piece.start, piece.end))
        if self.r.fallback:
            found = self.fallback_pieces(found, taken)
        # pronouns, "the latter", "the country", "the organization"
        for t in self.doc:
            if t.i in taken:
                continue
            low = t.lower_
            if low in self.person_pron or low in self.group_pron:
                if t.pos_ in ("PRON", "DET") or t.tag_ in ("PRP", "PRP$"):
                    found.append(_Piece(t.i, t.i + 1, "pronoun"))
            elif low in self.ordinals and t.i > 0 and self.doc[t.i - 1].lower_ == "the":
                end = t.i + 1
                noun = None
                if end < len(self.doc) and self.doc[end].lower_ in (self.country_nouns | self.igo_nouns):
                    noun = self.doc[end].lower_
                    end += 1
                after = self.tok(end)
                if noun is None and after is not None and after.pos_ in ("NOUN", "ADJ", "PROPN"):
                    continue
                p = _Piece(t.i - 1, end, "ref")
                p.title = noun
                found.append(p)
            elif low in (self.igo_nouns | self.country_nouns) and t.i > 0 and self.doc[t.i - 1].lower_ == "the" \
                    and not (t.i > 1 and self.doc[t.i - 2].lower_ in self.ordinals) and t.tag_ == "NN":
                p = _Piece(t.i - 1, t.i + 1, "ref")
                p.title = low
                found.append(p)
        # surnames of people first named with a title ("President Tomas Aravena" ... "Aravena")
        surnames: dict[str, int] = {}
        for p in found:
            if p.kind == "title":
                end = self.unknown_name(p.end)
                if end - p.end >= 2 and not self.d.lookup(self.doc[p.end:end].text):
                    surnames.setdefault(self.doc[end - 1].text, end)
        for t in self.doc:
            if t.i not in taken and t.text in surnames and t.i >= surnames[t.text]:
                a = _Piece(t.i, t.i + 1, "alias")
                a.name = t.text
                found.append(a)
        found.sort(key=lambda p: p.start)
        # drop pronoun/ref pieces overlapping data pieces
        result, last_end = [], -1
        for p in found:
            if p.start < last_end:
                continue
            result.append(p)
            last_end = p.end
        return result

    def fallback_pieces(self, found: list[_Piece], taken: set[int]) -> list[_Piece]:
        """Add pieces for multi-word names of the fallback dictionaries (longest match at each
        token) that the curated data left unknown. A match may absorb title and sector pieces
        ("President Bush", "Bush administration") but no other piece, must contain a token no
        piece holds, and must be written as a name (its words capitalised, connectors aside).
        People (date-restricted codes) become person pieces, coded by the role held on the
        document's date; their surnames name them later in the document. Other names
        (organisations) become body pieces with their country."""
        index = self.r.fallback
        owner: dict[int, _Piece] = {}
        for p in found:
            for k in range(p.start, p.end):
                owner[k] = p
        doc, n = self.doc, len(self.doc)
        up = [t.text.upper() for t in doc]
        added: list[_Piece] = []
        absorbed: set[int] = set()  # ids of absorbed pieces
        surnames: dict[str, tuple[str, int]] = {}
        i = 0
        while i < n:
            rows = index.get(up[i])
            first = doc[i]
            if not rows or not first.text[:1].isupper() or (i in owner and owner[i].kind not in _ABSORBABLE):
                i += 1
                continue
            match = None
            for row in rows:
                L = len(row.words)
                if tuple(up[i:i + L]) != row.words:
                    continue
                inside = {id(owner[k]): owner[k] for k in range(i, i + L) if k in owner}
                if any(q.kind not in _ABSORBABLE or q.start < i or q.end > i + L for q in inside.values()):
                    continue
                if all(k in owner for k in range(i, i + L)):
                    continue
                if not self.name_like(i, i + L, {k for k in range(i, i + L)
                                                 if k in owner and owner[k].kind in _HEAD_KINDS}):
                    continue
                # several rows with these words (two President Bushes): the one dated for the day
                same = [r for r in rows if r.words == row.words]
                match = next((r for r in same if r.dated and self.fallback_person(r, "").role_on(self.day)),
                             same[0])
                break
            if match is None:
                i += 1
                continue
            L = len(match.words)
            start = i
            if match.dated:
                # "President Bush": the title stays a piece of its own, the name is the person
                while start in owner and owner[start].end < i + L and owner[start].kind in _ABSORBABLE:
                    start = owner[start].end
            absorbed.update(id(owner[k]) for k in range(start, i + L) if k in owner)
            surface = doc[start:i + L].text
            adj = next((owner[k].entry.country for k in range(start, i + L) if k in owner
                        and owner[k].kind in ("adjective", "demonym") and owner[k].entry.country), None)
            piece = self.fallback_piece(match, start, i + L, surface, adj)
            added.append(piece)
            taken.update(range(start, i + L))
            if piece.person:
                last = doc[i + L - 1].text
                if last[:1].isupper() and len(last) > 2 and last.isalpha():
                    surnames.setdefault(last, (surface, i + L))
            i += L
        if not added:
            return found
        for t in doc:
            if t.i not in taken and t.text in surnames and t.i >= surnames[t.text][1]:
                name = surnames[t.text][0]
                q = _Piece(t.i, t.i + 1, "person", person=True, name=name)
                added.append(q)
                taken.add(t.i)
        kept = [p for p in found if id(p) not in absorbed]
        return sorted(kept + added, key=lambda p: p.start)

    def name_like(self, a: int, b: int, free: set[int]) -> bool:
        """Are tokens a..b written as a name (alphabetic words capitalised, except short
        lower-case connectors such as "al", "de", "of", and the tokens ``free`` of sector
        nouns: "the Bush administration")?"""
        for t in self.doc[a:b]:
            w = t.text
            if not w[:1].isalpha() or w[:1].isupper() or t.i in free:
                continue
            if w.lower() in _NAME_CONNECTORS and t.i < b - 1:
                continue
            return False
        return True

    def fallback_person(self, row: FallbackName, name: str) -> Person:
        return row.person(name)

    def fallback_piece(self, row: FallbackName, start: int, end: int, surface: str,
                       adj_country: str | None = None) -> _Piece:
        """A person or body piece of fallback name ``row``; a national adjective inside the
        name (``adj_country``) replaces a regional code ("Palestinian Islamic Jihad")."""
        if row.dated:
            self.extra_people[surface] = row.person(surface)
            return _Piece(start, end, "person", person=True, name=surface)
        code = row.codes[0][0]
        if adj_country and _is_region(code[:3]):
            code = adj_country + code[3:]
        country, _ = _split_code(code)
        entry = Entry(surface, "igo", code, country, "cs", surface)
        return _Piece(start, end, "igo", entry)

    # ------------------------------------------------------------------ helpers
    def tok(self, i: int):
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def prev_word(self, i: int):
        """The token before index ``i``, skipping determiners."""
        j = i - 1
        while j >= 0 and self.doc[j].lower_ in ("the", "a", "an"):
            j -= 1
        return self.doc[j] if j >= 0 else None

    def in_skip_phrase(self, i: int) -> int:
        """Length of a skip phrase starting at token i (0 if none)."""
        low = self.lower
        for words in self.skip_phrases:
            n = len(words)
            if low[i:i + n] == words:
                return n
        return 0

    def gap_ok(self, a: _Piece, b: _Piece) -> bool:
        """May pieces ``a`` and ``b`` belong to one noun phrase?"""
        gap = list(self.doc[a.end:b.start])
        if not gap:
            return True
        if len(gap) == 1 and gap[0].text in _POSSESSIVE:
            return a.kind in ("country", "capital", "igo", "region", "pronoun", "ref", "person") \
                and b.kind in _HEAD_KINDS | {"person"}
        if b.kind not in _HEAD_KINDS or len(gap) > 3:
            return False
        if self.doc[a.end - 1].dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "ROOT"):
            return False
        if not all(t.pos_ in _NAME_GAP_POS and t.text not in _POSSESSIVE and t.lower_ not in ("and", "or")
                   and t.dep_ in _GAP_DEPS for t in gap):
            if not (gap[0].text in _POSSESSIVE and a.kind in ("country", "capital", "igo", "pronoun", "ref")
                    and all(t.pos_ in _NAME_GAP_POS for t in gap[1:])):
                return False
        # syntactic check: the modifier hangs (within a few steps) on the head piece or the gap
        target = set(range(a.end, b.end))
        t = self.doc[a.end - 1]
        for _ in range(4):
            if t.head.i in target:
                return True
            if t.head.i == t.i:
                break
            t = t.head
        return False

    def place_after(self, i: int) -> str | None:
        """Country of "in/at <Place>" starting at token ``i``, or None."""
        t = self.tok(i)
        if t is None or t.lower_ not in ("in", "at", "of"):
            return None
        j = i + 1
        if self.tok(j) is not None and self.doc[j].lower_ == "the":
            j += 1
        k = j
        while k < len(self.doc) and self.doc[k].pos_ == "PROPN":
            k += 1
        if k == j:
            return None
        return self.r.place_country(self.doc[j:k].text)

    # ------------------------------------------------------------------ main loop
    def resolve(self) -> list[ActorMention]:
        pieces = self.pieces()
        i = 0
        n = len(pieces)
        while i < n:
            p = pieces[i]
            skip = self.in_skip_phrase(p.start) or (p.start > 0 and self.in_skip_phrase(p.start - 1))
            if skip:
                i += 1
                continue
            if self.relational(p, pieces[i + 1] if i + 1 < n else None):
                i += 2
                continue
            # grow a phrase: [MOD] [HEAD]* [PERSON]
            group = [p]
            j = i + 1
            while j < n:
                q = pieces[j]
                last = group[-1]
                if not self.gap_ok(last, q):
                    break
                if last.kind in _MOD_KINDS and q.kind in _HEAD_KINDS | {"person"}:
                    if last.kind == "pronoun" and self.doc[last.start].lower_ not in ("its", "their", "his", "her"):
                        break
                    group.append(q)
                elif last.kind in _HEAD_KINDS and (q.kind in _HEAD_KINDS or q.kind == "person"):
                    group.append(q)
                elif last.kind in ("country", "adjective") and q.kind == "person" and not self.doc[last.end:q.start]:
                    group.append(q)
                else:
                    break
                j += 1
            consumed = self.emit(group, pieces[j] if j < n else None)
            i = j + consumed

        return self.out

    def relational(self, p: _Piece, q: _Piece | None) -> bool:
        """"its southern neighbor Kazakhstan": one mention of the named country; the phrase
        ("southern neighbor") is remembered for later "its southern neighbor's ..."."""
        if p.kind != "pronoun" or q is None or q.kind != "country":
            return False
        if self.doc[p.start].lower_ not in ("its", "their", "his", "her"):
            return False
        gap = list(self.doc[p.end:q.start])
        if not 1 <= len(gap) <= 3 or not all(t.pos_ in ("ADJ", "NOUN") for t in gap):
            return False
        if any(self.d.lookup(t.text) for t in gap):
            return False
        e = q.entry
        self.add(p.start, q.end, e.code, e.name, "country", "entity")
        self.doc_aliases[" ".join(t.lower_ for t in gap)] = self.seen[-1]
        return True

    # ------------------------------------------------------------------ emitting
    def add(self, start_tok: int, end_tok: int, code: str, name: str, method: str, kind: str,
            *, title: str | None = None, igo: bool = False, country: str | None = None,
            sector: str | None = None, country_only: bool = False) -> None:
        span = self.doc[start_tok:end_tok]
        s, e = span.start_char, span.end_char
        if self.out and s < self.out[-1].end:
            return
        if country is None and sector is None:
            country, sector = _split_code(code)
        m = ActorMention(text=self.text[s:e], start=s, end=e, code=code, country=country,
                         sector=sector, name=name, method=method)
        self.out.append(m)
        self.seen.append(_Seen(m, kind, self.sent_of.get(start_tok, 0), title=title, igo=igo,
                               country_only=country_only))

    def person(self, name: str | None) -> Person | None:
        """A known person by canonical name: the curated data first, then fallback names."""
        if name is None:
            return None
        return self.d.people.get(name) or self.extra_people.get(name)

    def weak_role(self, name: str, code: str | None, *, described: bool = False) -> bool:
        """Does the data know no office of ``name`` for the day? True when it has none, and
        for people of the fallback names also when the role is only an elite (ELI) code or,
        ``described`` by the phrase around the name, whatever the role."""
        if code is None:
            return True
        if name in self.d.people:
            return False
        return described or code[3:6] == "ELI" or len(code) <= 3

    def person_code(self, name: str) -> tuple[str | None, str | None]:
        person = self.person(name)
        if person is None:
            return None, None
        role = person.role_on(self.day)
        if role is None:
            return None, None
        return role.code, role.title

    def base_of(self, mod: _Piece) -> tuple[str | None, str | None, bool]:
        """(base code, canonical name, is IGO) of a modifier piece."""
        if mod.kind in ("pronoun", "ref"):
            return mod.code, mod.name, bool(mod.code and mod.code.startswith(("IGO", "NGO", "IMG")))
        e = mod.entry
        if e is None:
            return None, None, False
        if e.kind == "capital":
            return e.country, e.country and self.country_name(e.country), False
        if e.kind == "igo":
            return e.code, e.name, not bool(e.country)
        return e.code, e.name, False

    def country_name(self, a3: str) -> str:
        """Canonical name of a country code ("RUS" -> "Russia"); the code when unknown."""
        names = self.d.__dict__.setdefault("_country_names", {})
        if not names:
            for es in self.d.entries.values():
                for e in es:
                    if e.kind == "country" and e.country:
                        names.setdefault(e.country, e.name)
        return names.get(a3, a3)

    def emit(self, group: list[_Piece], following: _Piece | None) -> int:
        """Turn one phrase into zero or one mentions; returns how many following pieces it used."""
        first, last = group[0], group[-1]
        mods = [g for g in group if g.kind in _MOD_KINDS]
        heads = [g for g in group if g.kind in _HEAD_KINDS]
        persons = [g for g in group if g.kind == "person"]
        if len(group) == 1:
            return self.emit_single(first, following)

        start, end = first.start, last.end
        # resolve pronoun/ref modifiers
        for m in mods:
            if m.kind in ("pronoun", "ref"):
                self.resolve_ref(m, want_entity=True)
        mod = mods[0] if mods else None
        base, base_name, is_igo = self.base_of(mod) if mod else (None, None, False)
        if mod and mod.kind in ("pronoun", "ref") and base is None:
            start = group[1].start  # unresolved: keep the rest as a phrase of its own
            mod = None
        sectors = []
        for h in heads:
            code = h.entry.code if h.entry else ""
            for k in range(0, len(code), 3):
                if code[k:k + 3] and code[k:k + 3] not in sectors:
                    sectors.append(code[k:k + 3])
        sectors = sectors[:2]
        if mod and mod.kind in ("pronoun", "ref") and base:
            if not sectors and not persons:
                # "its allies", "his besieged ally": only the pronoun names an actor
                self.add(mod.start, mod.end, base, mod.name or base, "coref",
                         "person" if mod.person else "entity", igo=is_igo)
                return 0
            if not is_igo and _split_code(base)[0]:
                base = _split_code(base)[0]
        title = next((h.entry.name for h in reversed(heads) if h.kind == "title"), None)
        extra = 0
        name = None
        person_code = None
        if persons:
            name = persons[-1].name
            person_code, role_title = self.person_code(name)
            title = title or role_title
            if self.weak_role(name, person_code, described=True) and (heads or mod):
                # the phrase says what the person is ("outgoing Prime Minister X", "U.N. mediator
                # X"): its words code the person when the data has no office for the day
                person_code = None
                person = self.person(name)
                if base is None and person is not None and person.country:
                    base, base_name = person.country, self.country_name(person.country)
        elif heads and heads[-1].kind == "title":
            # "Russian Ambassador to the U.S. Anatoly Antonov": skip "to <country>", then a name
            k = end
            if following is not None and self.doc[k:k + 1].text.lower() == "to" and following.kind == "country" \
                    and all(t.lower_ in ("to", "the") for t in self.doc[k:following.start]):
                k2 = following.end
                name_end = self.unknown_name(k2)
                if name_end > k2:
                    k, extra = k2, 1
            name_end = self.unknown_name(k)
            if name_end > k:
                name = self.doc[k:name_end].text
                end = name_end
                known = self.d.lookup(name)
                if known and known[0].kind == "person":
                    name = known[0].name
                    person_code, role_title = self.person_code(name)
        # "the foreign ministers of India": country after "of"
        if base is None and heads and following is not None and following.kind == "country" \
                and [t.lower_ for t in self.doc[end:following.start]] in (["of"], ["of", "the"]):
            base, base_name, is_igo = following.entry.code, following.entry.name, False
            end = following.end
            extra = 1
        if base is None and heads and not persons:
            place = self.place_after(end)
            if place:
                base, base_name = place, self.country_name(place)
        former = any(t.lower_ in self.former for t in self.doc[max(0, start - 2):start])
        if person_code and not former:
            code = person_code
            country, sector = _split_code(code)
            method = "person"
        elif base and not former:
            if is_igo:
                extra_sector = "".join(s for s in sectors if s != "GOV")
                code = base + extra_sector
                country, sector = None, (sectors[0] if sectors else None)
            else:
                code = base + "".join(sectors)
                country = base if not _is_region(base) else None
                sector = sectors[0] if sectors else None
            method = "title" if title else ("coref" if mod and mod.kind in ("pronoun", "ref") else "sector")
        elif sectors:
            if heads and all(h.entry and h.entry.pattern.lower() in self.needs_owner for h in heads) and not persons:
                return extra
            code = "".join(sectors)
            country, sector = None, sectors[0]
            method = "title" if title else "sector"
        elif base:
            code, country, sector, method = base, *_split_code(base), "country"
        else:
            if persons and former:
                return extra
            return extra
        if not code:
            # collective nouns ("Western countries", "its allies") name the base itself
            if base:
                code = base
                country, sector = _split_code(base)
            else:
                return extra
        if mod and mod.kind == "pronoun" and not heads and not persons:
            return extra
        kind = "person" if (persons or name) else ("entity" if not sectors else "sector")
        self.add(start, end, code, name or base_name or (heads[-1].entry.name if heads else code), method, kind,
                 title=title, igo=is_igo, country=country, sector=sector)
        if name and kind == "person" and not persons:
            surname = name.split()[-1]
            self.doc_aliases[surname] = self.seen[-1]
        return extra

    def unknown_name(self, k: int) -> int:
        """End of a run of capitalised proper-noun tokens starting at ``k`` (k if none)."""
        j = k
        while j < len(self.doc) and j - k < 4:
            t = self.doc[j]
            known = self.d.lookup(t.text)
            if t.pos_ == "PROPN" and t.text[:1].isupper() and (not known or known[0].kind == "person"):
                j += 1
            elif t.text == "-" and j > k and j + 1 < len(self.doc) and self.doc[j + 1].pos_ == "PROPN":
                j += 1
            else:
                break
        return j

    # ------------------------------------------------------------------ single pieces
    def emit_single(self, p: _Piece, following: _Piece | None) -> int:
        kind = p.kind
        e = p.entry
        first_tok = self.doc[p.start]
        prev = self.prev_word(p.start)
        prev_low = prev.lower_ if prev is not None else ""
        last_tok = self.doc[p.end - 1]
        nxt = self.tok(p.end)
        if kind == "person":
            former = any(t.lower_ in self.former for t in self.doc[max(0, p.start - 2):p.start])
            code, title = self.person_code(p.name)
            person = self.person(p.name)
            if self.weak_role(p.name, code) and any(c.dep_ == "appos" for c in last_tok.children):
                return 0  # "X, the United Nations relief coordinator": the apposition says more
            if former or code is None:
                country = person.country if person else None
                if country is None:
                    return 0
                self.add(p.start, p.end, country, p.name, "person", "person", country=country, sector=None)
                return 0
            self.add(p.start, p.end, code, p.name, "person", "person", title=title)
            return 0
        if kind == "country":
            if self.is_place(p, self.country_preps):
                # remembered for "the latter country", never an actor here
                m = ActorMention(e.pattern, 0, 0, e.code, e.country, None, e.name, "place")
                self.seen.append(_Seen(m, "place", self.sent_of.get(p.start, 0)))
                return 0
            head = last_tok.head
            if nxt is not None and nxt.lower_ in ("and", "or", ",") and head.i > p.end \
                    and last_tok.dep_ in ("nmod", "compound", "amod") and e.country:
                # "U.S. and Russian negotiators": the noun shared with the next modifier
                agent = self.shared_head_agent(head, p.end)
                if agent is not None:
                    self.add(p.start, p.end, e.code + agent.code, e.name, "sector", "sector",
                             country=e.country, sector=agent.code[:3])
                    return 0
            self.add(p.start, p.end, e.code, e.name, "country", "entity")
            # apposition after a relational phrase: "its southern neighbor Kazakhstan"
            return 0
        if kind == "demonym":
            self.add(p.start, p.end, e.code, e.name, "country", "entity")
            return 0
        if kind == "igo":
            self.add(p.start, p.end, e.code, e.name, "igo", "entity", igo=not bool(e.country))
            return 0
        if kind in ("capital", "region"):
            if self.is_place(p, self.cap_preps):
                return 0
            surface = self.doc[p.start:p.end].text
            dateline = (self.document.dateline or "").lower()
            if (surface.isupper() and len(surface) > 3) or (dateline and p.start < 3 and surface.lower() in dateline):
                return 0  # a wire dateline names the place of writing
            if last_tok.dep_ in ("compound", "amod", "nmod") and last_tok.head.i >= p.end:
                return 0
            if nxt is not None and nxt.text == "-":
                return 0
            code = e.code
            self.add(p.start, p.end, code, e.name if kind == "region" else self.country_name(e.country),
                     "capital" if kind == "capital" else "region", "entity")
            return 0
        if kind in ("adjective", "region_adj"):
            head = last_tok.head
            if nxt is not None and nxt.text == "-":
                return 0
            if nxt is not None and nxt.lower_ in ("and", "or", ",") and head.i > p.end:
                # "Armenian and Azerbaijani border commissions": the shared head gives the sector
                agent = self.shared_head_agent(head, p.end)
                if agent is not None:
                    self.add(p.start, p.end, e.code + agent.code, e.name, "sector", "sector",
                             country=e.country, sector=agent.code[:3])
                    return 0
            if last_tok.dep_ == "conj" and head.i < p.start and head.head.i >= p.end:
                head = head.head  # "the Turkish and Greek sides": the second adjective's noun
            if head.i >= p.end and head.i - p.end <= 2 and (
                    head.lower_ in self.act_nouns or (head.lower_ in self.party_nouns and not self.place_noun(head))):
                self.add(p.start, p.end, e.code, e.name, "country" if kind == "adjective" else "region", "entity",
                         country_only=True)
            return 0
        if kind in _HEAD_KINDS and following is not None and following.kind in ("country", "igo") \
                and [t.lower_ for t in self.doc[p.end:following.start]] in (["of"], ["of", "the"]) and e.code:
            # "the foreign ministers of India", "leaders of the G7"
            f = following.entry
            is_igo = f.kind == "igo" and not f.country
            if is_igo:
                code, country, sector = f.code + ("" if e.code[:3] == "GOV" else e.code), None, e.code[:3]
            else:
                code, country, sector = (f.country or f.code) + e.code, f.country or f.code, e.code[:3]
            self.add(p.start, following.end, code, f.name, "title" if kind == "title" else "sector",
                     "sector", igo=is_igo, country=country, sector=sector,
                     title=e.name if kind == "title" else None)
            return 1
        if kind == "agent":
            if e.pattern.lower() in self.needs_owner or e.name.lower() in self.needs_owner:
                return 0
            if not e.code:
                return 0
            if first_tok.text[:1].isupper() and not first_tok.is_sent_start and first_tok.pos_ == "PROPN":
                return 0  # part of a proper name ("Intermediate-Range Nuclear Forces Treaty")
            if last_tok.dep_ == "compound" and last_tok.head.i >= p.end:
                return 0  # "troop deployments"
            place = self.place_after(p.end)
            if place:
                self.add(p.start, p.end, place + e.code, e.name, "sector", "sector",
                         country=place, sector=e.code[:3])
            else:
                self.add(p.start, p.end, e.code, e.name, "sector", "sector", country=None, sector=e.code[:3])
            return 0
        if kind == "title":
            # "the secretary general": the last mention with this title; "President X" handled in groups
            name_end = self.unknown_name(p.end)
            if name_end > p.end and first_tok.text[:1].isupper():
                self.add(p.start, name_end, e.code, self.doc[p.end:name_end].text, "title", "person",
                         country=None, sector=e.code[:3], title=e.name)
                return 0
            if prev_low and self.doc[p.start - 1].lower_ == "the":
                ref = self.find_back(lambda s: s.title == e.name, p.start)
                if ref is not None:
                    self.add(p.start - 1, p.end, ref.mention.code, ref.mention.name, "coref", ref.kind,
                             title=e.name, country=ref.mention.country, sector=ref.mention.sector)
                    return 0
            self.add(p.start, p.end, e.code, e.name, "title", "person", country=None, sector=e.code[:3], title=e.name)
            return 0
        if kind == "igo_noun":
            if p.start > 0 and self.doc[p.start - 1].lower_ == "the":
                ref = self.find_back(lambda s: s.igo, p.start)
                if ref is not None:
                    self.add(p.start - 1, p.end, ref.mention.code, ref.mention.name, "coref", "entity", igo=True)
            return 0
        if kind == "alias":
            ref = self.find_back(lambda s: s.kind == "person" and s.mention.name.split()[-1] == p.name,
                                 p.start, max_sents=50)
            if ref is not None:
                m = ref.mention
                self.add(p.start, p.end, m.code, m.name, "coref", "person", country=m.country, sector=m.sector)
            return 0
        if kind in ("pronoun", "ref"):
            self.resolve_ref(p, want_entity=False)
            if p.code:
                self.add(p.start, p.end, p.code, p.name or p.code, "coref",
                         "person" if p.person else "entity", igo=p.code.startswith(("IGO", "NGO")))
            return 0
        return 0

    def shared_head_agent(self, head, after: int) -> Entry | None:
        """The sector noun (agent or title with a code) ending at token ``head``, starting no
        earlier than token ``after``, or None."""
        for k in range(max(after, head.i - 2), head.i + 1):
            agents = [x for x in self.d.lookup(self.doc[k:head.i + 1].text) if x.kind in _HEAD_KINDS]
            if agents and agents[0].code:
                return agents[0]
        return None

    def place_noun(self, tok) -> bool:
        """Is noun ``tok`` the object of a place preposition ("on the Syrian side")?"""
        return tok.dep_ == "pobj" and (tok.head.lower_ in self.cap_preps or tok.head.lower_ in ("on", "of"))

    def is_place(self, p: _Piece, preps: frozenset[str]) -> bool:
        """Is this country/capital/region named as a place here?"""
        prev = self.prev_word(p.start)
        if prev is not None and prev.lower_ in preps:
            return True
        last = self.doc[p.end - 1]
        nxt = self.tok(p.end)
        # "Russia's Bryansk region": possessive of a place noun
        if nxt is not None and nxt.text in _POSSESSIVE:
            head = last.head
            if head.lower_ in self.place_nouns or self.doc[p.end + 1:p.end + 3].text.lower() in self.place_nouns:
                return True
            for t in self.doc[p.end + 1:p.end + 4]:
                if t.lower_ in self.place_nouns and t.head.i == head.i or t.i == head.i and t.lower_ in self.place_nouns:
                    return True
        # "the Xinjiang region of China": object of "of" after a place noun
        if last.dep_ == "pobj" and last.head.lower_ == "of" and last.head.head.lower_ in self.place_nouns:
            return True
        # conjunct of a place: "in Beijing and Moscow"
        if last.dep_ == "conj":
            head = last.head
            hp = self.prev_word(head.i)
            if hp is not None and hp.lower_ in preps:
                return True
        return False

    # ------------------------------------------------------------------ coreference
    def find_back(self, pred, before_tok: int, *, max_sents: int = 4) -> _Seen | None:
        here = self.sent_of.get(before_tok, 0)
        for s in reversed(self.seen):
            if here - s.sent > max_sents:
                return None
            if pred(s):
                return s
        return None

    def resolve_ref(self, p: _Piece, *, want_entity: bool) -> None:
        """Fill ``p.code``/``p.name`` of a pronoun or "the latter" piece from earlier mentions."""
        if p.code:
            return
        tok = self.doc[p.start]
        if p.kind == "pronoun":
            if tok.lower_ in self.person_pron:
                ref = self.find_back(lambda s: s.kind == "person", p.start, max_sents=2)
                if ref is not None:
                    p.code, p.name, p.person = ref.mention.code, ref.mention.name, True
                return
            # relational alias: "its southern neighbor" seen earlier with a name
            head = tok.head
            phrase = " ".join(t.lower_ for t in self.doc[tok.i + 1:head.i + 1]) if head.i > tok.i else ""
            if phrase and phrase in self.doc_aliases and tok.lower_ in ("its", "their"):
                ref = self.doc_aliases[phrase]
                p.code, p.name = ref.mention.code, ref.mention.name
                p.end = head.i + 1
                return
            plural = tok.lower_ in ("they", "their", "them")
            reach = 2 if tok.lower_ in ("its", "their") else 0
            ref = None
            if plural:  # prefer a group with a country, region or body
                ref = self.find_back(lambda s: s.kind != "person" and s.mention.code[:3] != s.mention.sector,
                                     p.start, max_sents=reach)
            if ref is None:
                ref = self.find_back(lambda s: s.kind == "entity" or (plural and s.kind == "sector")
                                     or (s.kind == "sector" and s.mention.country is not None),
                                     p.start, max_sents=reach)
            if ref is not None:
                m = ref.mention
                if ref.kind == "sector" and m.country and not plural:
                    p.code, p.name = m.country, self.country_name(m.country)
                else:
                    p.code, p.name = m.code, m.name
            return
        # "the latter", "the former", "the latter country"
        word = self.doc[p.start + 1].lower_
        order = self.ordinals.get(word, -1)
        noun = p.title
        if noun in self.country_nouns:
            pred = lambda s: s.kind in ("entity", "place") and s.mention.country is not None and not s.igo  # noqa: E731
        elif noun in self.igo_nouns:
            pred = lambda s: s.igo  # noqa: E731
        else:
            pred = lambda s: s.kind == "entity"  # noqa: E731
        distinct: list[_Seen] = []
        here = self.sent_of.get(p.start, 0)
        for s in reversed(self.seen):
            if here - s.sent > 4:
                break
            if pred(s) and all(d.mention.code != s.mention.code for d in distinct):
                distinct.append(s)
            if len(distinct) >= -order:
                break
        if len(distinct) >= -order:
            ref = distinct[-order - 1]
            m = ref.mention
            code = m.country if (noun in self.country_nouns and m.country) else m.code
            p.code, p.name = code, self.country_name(code) if len(code) == 3 else m.name
