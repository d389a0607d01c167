"""A PETRARCH-style event coder on spaCy dependency parses.

For each verb of a sentence that the verb dictionary knows, the coder tries the verb block's
patterns (words after the verb inside the verb's own subtree, words before it anywhere earlier in
the sentence; ``_`` requires adjacency, a space allows words between), keeps the most specific
match (most pattern words matched; file order breaks ties) or falls back to the verb's own
code, and finds the actors: ``$``/``+``/``%`` positions of the pattern where given, else the
verb's subject (climbing through ``xcomp``/``conj`` heads; passive ``by`` agents) as source and
the first actor phrase after the verb as target. Actor phrases are coded from the actor
dictionaries (longest match, date restrictions resolved with the document date) with agent
(sector) codes composed onto them (``~GOV`` suffix, ``NGO~`` prefix; an agent alone gives
``---GOV``). Coordinated actors ("Arnor, Osgiliath and Gondor") give one event each. A sentence
containing a discard phrase gives no events. Codes ``[a:b]`` give a source->target event ``a``
and a target->source event ``b``.

This follows the design of PETRARCH-2 / UniversalPetrarch (openeventdata, MIT) but is written
from their documentation; no code was copied.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Any

from .dictionaries import Dictionaries

__all__ = ["CodedEvent", "PetrarchCoder"]

_CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "csubj", "csubjpass"}
_NP_CLIMB = {"compound", "amod", "poss", "nmod", "appos", "conj", "det", "flat", "nummod", "case", "npadvmod"}
_NOMINAL = {"NOUN", "PROPN", "PRON", "NUM", "ADJ", "X"}
_SUBJ_CLIMB = {"xcomp", "conj", "pcomp", "acomp"}
_SEPARATORS = {",", "AND", "OR", "&", ";", "NOR"}
_NP_PREPS = {"of", "from", "in"}


@dataclass(frozen=True)
class CodedEvent:
    """One event coded from a sentence.

    ``source_code``/``target_code``: CAMEO actor codes ("ARNGOV", "---GOV") or None when the
    pattern gives no actor; ``cameo``: the event code exactly as the dictionary gives it (a
    string, zero-padded for CAMEO: "036"; test dictionaries use other codes too);
    ``pattern``: the dictionary pattern line (or ``--- VERB [code] ---`` for a bare verb);
    ``verb_index``: the verb's token index in the ``Doc``; ``source_span``/``target_span``:
    (start, end) character offsets in the ``Doc`` text of the actor phrase, with its text.
    """

    source_code: str | None
    target_code: str | None
    cameo: str
    pattern: str
    verb_index: int
    source_span: tuple[int, int] | None
    source_text: str | None
    target_span: tuple[int, int] | None
    target_text: str | None


@dataclass(frozen=True)
class _Mention:
    start: int  # doc token index
    end: int  # exclusive
    kind: str  # "actor" | "agent"
    code: str


@dataclass(frozen=True)
class _Actor:
    code: str
    start: int
    end: int


class _Sentence:
    """Per-sentence working state (created per call, never shared)."""

    def __init__(self, sent: Any, mentions: list[_Mention]):
        self.sent = sent
        self.doc = sent.doc
        self.up = {t.i: t.text.upper() for t in sent}
        self.lem = {t.i: t.lemma_.upper() for t in sent}
        self.mentions = mentions
        self.by_token: dict[int, _Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m


def _resolve_code(codes: list, date: _dt.date | None) -> str | None:
    if not codes:
        return None
    if date is not None:
        iso = date.isoformat()
        for code, lo, hi in codes:
            if (lo is None and hi is None):
                continue
            if (lo is None or iso >= lo) and (hi is None or iso <= hi):
                return code
    for code, lo, hi in codes:
        if lo is None and hi is None:
            return code
    if date is None:
        return codes[0][0]
    return None


class PetrarchCoder:
    """Code sentences with compiled PETRARCH dictionaries.

    ``dictionaries``: a :class:`Dictionaries`; ``require_dyad``: when True (PETRARCH's default)
    only events with both a source and a target are returned. The coder holds no per-sentence
    state and may be shared between threads.
    """

    def __init__(self, dictionaries: Dictionaries, *, require_dyad: bool = True):
        self.d = dictionaries.data
        self.require_dyad = require_dyad
        # caches over the (read-only) dictionary data, filled lazily
        self._phrase_cache: dict[tuple, tuple] = {}
        self._block_cache: dict[Any, list[tuple]] = {}

    # ------------------------------------------------------------------ actors
    def _mentions(self, sent: Any, date: _dt.date | None) -> list[_Mention]:
        toks = [t for t in sent]
        up = [t.text.upper() for t in toks]
        actors, agents = self.d["actors"], self.d["agents"]
        out: list[_Mention] = []
        i = 0
        n = len(toks)
        while i < n:
            best: tuple[int, str, str] | None = None  # (length, kind, code)
            for words, codes in actors.get(up[i], ()):
                L = len(words)
                if tuple(up[i:i + L]) == words:
                    code = _resolve_code(codes, date)
                    if code is not None:
                        best = (L, "actor", code)
                    break
            for words, code in agents.get(up[i], ()):
                L = len(words)
                if tuple(up[i:i + L]) == words:
                    if best is None or L > best[0]:
                        best = (L, "agent", code)
                    break
            if best is None:
                i += 1
                continue
            L, kind, code = best
            out.append(_Mention(toks[i].i, toks[i].i + L, kind, code))
            i += L
        return out

    def _np_head(self, tok: Any) -> Any:
        seen = 0
        while seen < 8:
            seen += 1
            head = tok.head
            if head is tok:
                break
            if tok.dep_ in _NP_CLIMB and head.pos_ in _NOMINAL:
                tok = head
                continue
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ == "of" and head.head.pos_ in _NOMINAL:
                tok = head.head
                continue
            break
        return tok

    def _conjuncts(self, head: Any) -> list[Any]:
        out, todo = [], [head]
        while todo:
            t = todo.pop(0)
            out.append(t)
            todo.extend(c for c in t.children if c.dep_ == "conj" and c.pos_ in _NOMINAL)
        return sorted(out, key=lambda t: t.i)

    def _np_indices(self, head: Any, st: _Sentence, own_only: bool = False) -> list[int]:
        out: list[int] = []

        def walk(t: Any) -> None:
            out.append(t.i)
            for c in t.children:
                if c.dep_ in _CLAUSAL:
                    continue
                if own_only and t is head and (c.dep_ == "cc" or (c.dep_ == "conj" and c.pos_ in _NOMINAL)):
                    continue
                if c.dep_ == "prep" and c.lower_ not in _NP_PREPS:
                    continue
                if c.pos_ in ("VERB", "AUX") and c.dep_ not in ("amod", "compound"):
                    continue
                walk(c)

        walk(head)
        return sorted(out)

    def _compose(self, base: str, agents: list[_Mention]) -> str:
        for a in agents:
            code = a.code
            if code.startswith("~"):
                suf = code[1:]
                if suf and not base.endswith(suf):
                    base = base + suf
            elif code.endswith("~"):
                pre = code[:-1]
                if not base.startswith(pre):
                    base = pre + base
        return base

    def _conjunct_actors(self, indices: list[int], st: _Sentence, head: Any):
        """(actor groups [(codes, start, end)], agents, actors-are-modifiers) of one conjunct."""
        groups: list[list[_Mention]] = []
        agents: list[_Mention] = []
        sep = False
        seen: set[_Mention] = set()
        for i in indices:
            m = st.by_token.get(i)
            if m is not None:
                if m in seen:
                    continue
                seen.add(m)
                if m.kind == "agent":
                    agents.append(m)
                elif not groups or (sep and groups[-1]):
                    groups.append([m])
                else:
                    groups[-1].append(m)
                sep = False
            elif st.up.get(i) in _SEPARATORS:
                sep = True
        modifier = bool(groups) and all(not (m.start <= head.i < m.end) for g in groups for m in g)
        return groups, agents, modifier

    def _groups(self, head: Any, st: _Sentence) -> list[_Actor]:
        """Actor codes of the noun phrase headed by ``head``: one per coordinated actor."""
        conj = self._conjuncts(head)
        parts = []
        for c in conj:
            idx = self._np_indices(c, st, own_only=True) if len(conj) > 1 else self._np_indices(c, st)
            parts.append(self._conjunct_actors(idx, st, c))
        out: list[_Actor] = []
        for k, (groups, agents, _mod) in enumerate(parts):
            if not groups and agents:
                # inherit the actor of a neighbouring conjunct whose actor is a modifier
                for j in list(range(k + 1, len(parts))) + list(range(k - 1, -1, -1)):
                    if parts[j][0] and parts[j][2]:
                        groups = parts[j][0]
                        break
            if not groups and not agents:
                continue
            if not groups:
                a0 = min(agents, key=lambda m: m.start)
                out.append(_Actor(self._compose("---", agents), a0.start, max(m.end for m in agents)))
                continue
            for g in groups:
                first = g[0]
                for code in first.code.split("/"):
                    ms = g + agents
                    out.append(_Actor(self._compose(code, agents), min(m.start for m in ms), max(m.end for m in ms)))
        uniq: list[_Actor] = []
        for a in out:
            if all(a.code != b.code for b in uniq):
                uniq.append(a)
        return uniq

    def _actors_at(self, tok: Any, st: _Sentence) -> list[_Actor]:
        return self._groups(self._np_head(tok), st)

    # ------------------------------------------------------------------ verbs and patterns
    def _verb_entry(self, tok: Any, st: _Sentence) -> tuple | None:
        verbs = self.d["verbs"]
        cands = verbs.get(st.up[tok.i]) or ()
        best, best_len = None, -1
        for entry in cands:
            _block, _code, pre_w, post_w = entry
            ok = True
            for k, w in enumerate(reversed(pre_w)):
                j = tok.i - 1 - k
                if j < st.sent.start or st.up.get(j) != w:
                    ok = False
                    break
            if ok:
                for k, w in enumerate(post_w):
                    j = tok.i + 1 + k
                    if j >= st.sent.end or (st.up.get(j) != w and st.lem.get(j) != w):
                        ok = False
                        break
            if ok and len(pre_w) + len(post_w) > best_len:
                best, best_len = entry, len(pre_w) + len(post_w)
        return best

    def _word_at(self, w: str, i: int, st: _Sentence) -> bool:
        return st.up.get(i) == w

    def _phrases(self, e: tuple) -> list[tuple[str, ...]]:
        return list(self._phrase_info(e)[0])

    def _phrase_info(self, e: tuple):
        """(phrases longest first, set of first words, set of last words) of a pattern element;
        the word sets are None when an empty phrase (which matches anywhere) is present."""
        try:
            return self._phrase_cache[e]
        except KeyError:
            pass
        except TypeError:  # unhashable element
            return self._compute_phrase_info(e)
        info = self._compute_phrase_info(e)
        self._phrase_cache[e] = info
        return info

    def _compute_phrase_info(self, e: tuple):
        phrases = tuple(tuple(ph) for ph in self._compute_phrases(e))
        if any(len(ph) == 0 for ph in phrases):
            return phrases, None, None
        return phrases, frozenset(ph[0] for ph in phrases), frozenset(ph[-1] for ph in phrases)

    def _compute_phrases(self, e: tuple) -> list[tuple[str, ...]]:
        if e[0] == "w":
            return [(e[1],)]
        if e[0] == "syn":
            return sorted(self.d["synsets"].get(e[1], ()), key=len, reverse=True)
        if e[0] == "alt":
            return sorted(e[1], key=len, reverse=True)
        return []

    @staticmethod
    def _region_words(region: list[int], st: _Sentence) -> tuple[tuple, tuple]:
        """(upper-case word of each region token, is-adjacent-to-previous flag of each)."""
        get = st.up.get
        words = tuple(get(i) for i in region)
        cont = (False,) + tuple(region[k] == region[k - 1] + 1 for k in range(1, len(region)))
        return words, cont

    def _match_post(self, els: list, region: list[int], st: _Sentence, rw: tuple | None = None):
        if rw is None:
            rw = self._region_words(region, st)
        words, cont = rw
        n = len(region)
        by_token = st.by_token
        pos, score = 0, 0
        marks: dict[str, _Mention] = {}
        for e in els:
            kind = e[0]
            joined = e[-1] if isinstance(e[-1], bool) else False
            if kind == "skip":
                pos += 1
                continue
            hit = None
            if kind in ("src", "tgt", "comp"):
                cands = (pos,) if joined else range(pos, n)
                for j in cands:
                    if j >= n:
                        break
                    m = by_token.get(region[j])
                    if m is not None and m.start == region[j] or (m is not None and j == pos):
                        end = j
                        while end < n and region[end] < m.end:
                            end += 1
                        hit = (end, 1)
                        marks[kind] = m
                        break
            else:
                phrases, firsts, _lasts = self._phrase_info(e)
                if joined:
                    cands = (pos,)
                elif firsts is None:
                    cands = range(pos, n)
                else:
                    cands = [j for j in range(pos, n) if words[j] in firsts]
                for j in cands:
                    if j >= n:
                        break
                    for ph in phrases:
                        L = len(ph)
                        if j + L <= n and words[j:j + L] == ph and all(cont[j + 1:j + L]):
                            hit = (j + L, L * 2)
                            break
                    if hit:
                        break
            if hit is None:
                return None
            pos, score = hit[0], score + hit[1]
        return score, marks

    def _match_pre(self, els: list, verb_joined: bool, region: list[int], st: _Sentence,
                   rw: tuple | None = None):
        """``region``: token indices before the verb, in text order."""
        if rw is None:
            rw = self._region_words(region, st)
        words, cont = rw
        by_token = st.by_token
        pos = len(region) - 1  # last usable index (inclusive)
        score = 0
        marks: dict[str, _Mention] = {}
        n = len(els)
        for k in range(n - 1, -1, -1):
            e = els[k]
            kind = e[0]
            adj = verb_joined if k == n - 1 else bool(els[k + 1][-1]) if isinstance(els[k + 1][-1], bool) else False
            if kind == "skip":
                pos -= 1
                continue
            hit = None
            if kind in ("src", "tgt", "comp"):
                cands = (pos,) if adj else range(pos, -1, -1)
                for j in cands:
                    if j < 0:
                        break
                    m = by_token.get(region[j])
                    if m is not None:
                        start = j
                        while start > 0 and region[start - 1] >= m.start:
                            start -= 1
                        hit = (start - 1, 1)
                        marks[kind] = m
                        break
            else:
                phrases, _firsts, lasts = self._phrase_info(e)
                if adj:
                    cands = (pos,)
                elif lasts is None:
                    cands = range(pos, -1, -1)
                else:
                    cands = [j for j in range(pos, -1, -1) if words[j] in lasts]
                for j in cands:
                    if j < 0:
                        break
                    for ph in phrases:
                        L = len(ph)
                        s0 = j - L + 1
                        if s0 >= 0 and words[s0:s0 + L] == ph and all(cont[s0 + 1:s0 + L]):
                            hit = (s0 - 1, L * 2)
                            break
                    if hit:
                        break
            if hit is None:
                return None
            pos, score = hit[0], score + hit[1]
        return score, marks

    def _block(self, block: Any) -> list[tuple]:
        """The patterns of a verb block, prepared: (order, pattern, pre elements, post elements
        with the verb adjacency applied, verb_joined, word sets each post / pre element needs)."""
        try:
            return self._block_cache[block]
        except KeyError:
            pass
        out = []
        for order, p in enumerate(self.d["patterns"].get(block, ())):
            pre_els = p["pre"]
            post_els = p["post"]
            verb_joined = bool(p.get("pre_adj"))
            if post_els and p.get("post_adj"):
                post_els = [post_els[0][:-1] + (True,) if isinstance(post_els[0][-1], bool) else post_els[0]] + post_els[1:]
            out.append((order, p, pre_els, post_els, verb_joined,
                        self._needs(post_els, 1), self._needs(pre_els, 2)))
        self._block_cache[block] = out
        return out

    def _needs(self, els: list, which: int) -> tuple[frozenset, ...]:
        """For each word element of ``els``: the words one of which the region must contain
        (first words of its phrases for ``which`` 1, last words for 2)."""
        out = []
        for e in els:
            if e[0] in ("skip", "src", "tgt", "comp"):
                continue
            words = self._phrase_info(e)[which]
            if words is not None:
                out.append(words)
        return tuple(out)

    def _post_region(self, verb: Any) -> list[int]:
        skip: set[int] = set()
        for c in verb.children:
            if c.i > verb.i and c.dep_ in ("conj", "cc") and (c.dep_ == "cc" or c.pos_ in ("VERB", "AUX")):
                skip.update(t.i for t in c.subtree)
        return [t.i for t in verb.subtree if t.i > verb.i and t.i not in skip]

    # ------------------------------------------------------------------ roles
    def _subject(self, verb: Any, st: _Sentence) -> tuple[list[_Actor], list[_Actor] | None]:
        """(source actors, target actors from a passive ``by`` construction or None).

        The subject of the verb, else of the verb it depends on through xcomp/conj/pcomp/advcl
        (and, for a pronoun subject with no actor, of the governing clause). A passive subject
        is the target when a ``by`` agent names the source; without one it is the source, as in
        PETRARCH."""
        v = verb
        for _ in range(6):
            kids = list(v.children)
            kids += [g for c in kids if c.dep_ in ("aux", "auxpass") for g in c.children]  # mis-attached subjects
            subj = [c for c in kids if c.dep_ in ("nsubj", "csubj")]
            passive = [c for c in kids if c.dep_ in ("nsubjpass", "csubjpass")]
            if passive and v is verb:
                agent = [gc for c in v.children if c.dep_ == "agent" for gc in c.children if gc.dep_ == "pobj"]
                if agent:
                    src = self._actors_at(agent[0], st)
                    if src:
                        return src, self._actors_at(passive[0], st)
            cand = subj or passive
            if cand:
                actors = self._actors_at(cand[0], st)
                if actors or cand[0].pos_ != "PRON" or v.head is v:
                    return actors, None
                v = v.head
                continue
            if v.head is v:
                break
            if v.dep_ == "advcl" and v.tag_ == "VBN":
                break  # "Rebuked by X, Y ...": the main clause's subject is not the agent
            if v.dep_ in _SUBJ_CLIMB or v.dep_ in ("prep", "aux", "advcl", "auxpass"):
                v = v.head
                continue
            break
        return [], None

    def _mention_actors(self, m: _Mention, st: _Sentence) -> list[_Actor]:
        return self._actors_at(self.doc_tok(st, m.start), st)

    @staticmethod
    def doc_tok(st: _Sentence, i: int) -> Any:
        # the root token of the mention span (its syntactic head inside the span)
        span = st.doc[i:i + 1]
        return span.root

    # ------------------------------------------------------------------ public
    def code_sentence(self, sent: Any, date: _dt.date | None = None) -> list[CodedEvent]:
        """Code one spaCy sentence (``Span``; a ``Doc`` works too). ``date``: the document date,
        used for actors' date restrictions. Returns the events in verb order (possibly empty)."""
        if not hasattr(sent, "start"):
            sent = sent[:]
        up = [t.text.upper() for t in sent]
        at: dict[str, list[int]] = {}
        for i, w in enumerate(up):
            at.setdefault(w, []).append(i)
        for words, _story in self.d["discards"]:
            L = len(words)
            if L == 0:
                for i in range(len(up) - L + 1):
                    if up[i] == words[0] and tuple(up[i:i + L]) == words:
                        return []
                continue
            for i in at.get(words[0], ()):
                if i <= len(up) - L and tuple(up[i:i + L]) == words:
                    return []
        st = _Sentence(sent, self._mentions(sent, date))
        events: list[CodedEvent] = []
        done: set[tuple] = set()
        for tok in sent:
            if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
                continue
            if tok.i in st.by_token:
                continue
            entry = self._verb_entry(tok, st)
            if entry is None:
                continue
            block, vcode, _pre_w, _post_w = entry
            post_region = self._post_region(tok)
            pre_region = list(range(sent.start, tok.i))
            post_rw = self._region_words(post_region, st)
            pre_rw = self._region_words(pre_region, st)
            post_set = set(post_rw[0])
            pre_set = set(pre_rw[0])
            best = None  # (score, order, pattern, marks)
            for order, p, pre_els, post_els, verb_joined, need_post, need_pre in self._block(block):
                # a word element none of whose phrases starts (ends) with a word of the region
                # can never match: the pattern fails
                if any(w.isdisjoint(post_set) for w in need_post) or any(w.isdisjoint(pre_set) for w in need_pre):
                    continue
                r1 = self._match_post(post_els, post_region, st, post_rw) if post_els else (0, {})
                if r1 is None:
                    continue
                if "comp" in r1[1]:  # a compound after the verb is the target
                    marks1 = dict(r1[1])
                    marks1["tgt"] = marks1.pop("comp")
                    r1 = (r1[0], marks1)
                r2 = self._match_pre(pre_els, verb_joined, pre_region, st, pre_rw) if pre_els else (0, {})
                if r2 is None:
                    continue
                score = r1[0] + r2[0]
                if score == 0:
                    continue
                if best is None or score > best[0]:
                    best = (score, order, p, {**r2[1], **r1[1]})
            if best is not None:
                code, pattern_line, marks = best[2]["code"], best[2]["line"], best[3]
            else:
                code, pattern_line, marks = vcode, f"--- {tok.text.upper()} [{vcode}] ---", {}
            if not code or code == "---":
                continue
            codes = code.split(":")
            c1 = codes[0]
            c2 = codes[1] if len(codes) > 1 and codes[1] else None
            if not c1 or c1 == "---":
                continue
            pairs: list[tuple[_Actor | None, _Actor | None, str]] = []
            if "comp" in marks:
                members = self._mention_actors(marks["comp"], st)
                for a in range(len(members)):
                    for b in range(a + 1, len(members)):
                        pairs.append((members[a], members[b], c1))
                        pairs.append((members[b], members[a], c2 or c1))
            else:
                subj, passive_obj = self._subject(tok, st)
                sources = self._mention_actors(marks["src"], st) if "src" in marks else subj
                if "tgt" in marks:
                    targets = self._mention_actors(marks["tgt"], st)
                elif passive_obj is not None:
                    targets = passive_obj
                else:
                    targets = []
                    src_tokens = {i for a in sources for i in range(a.start, a.end)}
                    for i in post_region:
                        m = st.by_token.get(i)
                        if m is not None and m.start not in src_tokens:
                            targets = [a for a in self._mention_actors(m, st)
                                       if all(a.code != s.code for s in sources)]
                            if targets:
                                break
                srcs: list[_Actor | None] = list(sources) or [None]
                tgts: list[_Actor | None] = list(targets) or [None]
                for s in srcs:
                    for t in tgts:
                        if s is not None and t is not None and s.code == t.code:
                            continue
                        pairs.append((s, t, c1))
                        if c2 and c2 != "---":
                            pairs.append((t, s, c2))
            for s, t, c in pairs:
                if self.require_dyad and (s is None or t is None):
                    continue
                if s is None and t is None:
                    continue
                key = (s.code if s else None, t.code if t else None, c, tok.i)
                if key in done:
                    continue
                done.add(key)
                events.append(CodedEvent(
                    source_code=s.code if s else None,
                    target_code=t.code if t else None,
                    cameo=c,
                    pattern=pattern_line,
                    verb_index=tok.i,
                    source_span=self._span(s, st),
                    source_text=st.doc[s.start:s.end].text if s else None,
                    target_span=self._span(t, st),
                    target_text=st.doc[t.start:t.end].text if t else None,
                ))
        return events

    @staticmethod
    def _span(a: _Actor | None, st: _Sentence) -> tuple[int, int] | None:
        if a is None:
            return None
        span = st.doc[a.start:a.end]
        return (span.start_char, span.end_char)
