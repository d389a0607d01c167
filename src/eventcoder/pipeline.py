"""The pipeline: Document -> spaCy Doc -> actors -> coding -> modality -> dates -> places -> events.

:class:`Pipeline` composes the stages; one instance holds the loaded model, dictionaries and
gazetteer (loaded lazily, once) and codes any number of documents. ``code_documents`` never
stops on a bad document: its :class:`DocResult` carries the error instead.

The output of :meth:`Pipeline.code_document` is a list of event records: plain dicts with the
fields of ``docs/event-record.md`` (see :func:`event_record`).
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator, Sequence

from .config import Settings
from .errors import DocumentError, EventcoderError
from .records import ActorMention, Document, EventMention, Place, ResolvedDate

#: an event dated this many days or more before publication is background ("historical")
HISTORICAL_DAYS = 60
#: what a future event announces when its actor states it: roots -> CAMEO code of the statement
INTENT_CODES = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035", "09": "030",
                "14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138",
                "20": "138"}

#: more specific statements for some codes: threats to cut relations, aid, to sanction, ...
INTENT_BY_CODE = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                  "172": "132", "1723": "1323", "1724": "1324", "175": "137", "191": "1381", "192": "1382",
                  "057": "030", "046": "036", "042": "036", "043": "036", "045": "039"}


@dataclass
class DocResult:
    """The outcome of coding one document: ``events`` (event records) or ``error`` (a message
    naming the document and the problem)."""

    doc_id: str
    document: Document | None
    events: list[dict] = field(default_factory=list)
    error: str | None = None


class Pipeline:
    """Codes documents into event records.

    ``settings``: :class:`~eventcoder.config.Settings` (model names, user dictionaries).
    ``coder``: any object with ``code_sentence(sent, mentions) -> list[Candidate]``; the
    project's :class:`~eventcoder.coding.rules.RuleCoder` by default.
    Raises ConfigError (on first use) when no spaCy model can be loaded.
    """

    def __init__(self, settings: Settings | None = None, *, coder=None, actors=None, places=None):
        self.settings = settings or Settings.from_env()
        self._coder = coder
        self._actors = actors
        self._places = places
        self._nlp = None

    # ---------------------------------------------------------------- lazily built stages
    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load_model
            self._nlp = load_model(self.settings.models)
        return self._nlp

    @property
    def places(self):
        if self._places is None:
            from .places import PlaceResolver
            self._places = PlaceResolver()
        return self._places

    @property
    def actors(self):
        if self._actors is None:
            from .actors import ActorResolver
            places = self.places
            self._actors = ActorResolver(place_country=places.country_of)
        return self._actors

    @property
    def _derive_intents(self) -> bool:
        """User dictionaries code as they say (their codes need not be CAMEO): no derived
        statements of intent then."""
        return getattr(self.coder, "name", "") != "petrarch"

    @property
    def coder(self):
        if self._coder is None:
            from .coding import make_coder
            self._coder = make_coder(self.settings, place_country=self.places.country_of)
        return self._coder

    # ---------------------------------------------------------------- public
    def code_document(self, doc: Document) -> list[dict]:
        """Event records of one document. Raises DocumentError when the document has no text."""
        if not isinstance(doc.text, str) or not doc.text.strip():
            raise DocumentError(doc.id, "the document has no text to code")
        sdoc = self.nlp(doc.text)
        return [event_record(m) for m in self.mentions_of(doc, sdoc)]

    def code_documents(self, docs: Iterable[Document | DocumentError]) -> Iterator[DocResult]:
        """Code many documents, batching the parse with ``nlp.pipe``; yields one DocResult per
        input, in order. An input that is a DocumentError, or a document that fails, gives a
        DocResult with ``error`` set; the run goes on."""
        batch: list[Document | DocumentError] = []
        for d in docs:
            batch.append(d)
            if len(batch) >= self.settings.batch_size:
                yield from self._run_batch(batch)
                batch = []
        if batch:
            yield from self._run_batch(batch)

    def _run_batch(self, batch: Sequence[Document | DocumentError]) -> Iterator[DocResult]:
        good = [d for d in batch if isinstance(d, Document) and isinstance(d.text, str) and d.text.strip()]
        parsed = dict(zip((id(d) for d in good), self.nlp.pipe([d.text for d in good]))) if good else {}
        for d in batch:
            if isinstance(d, DocumentError):
                yield DocResult(d.doc_id, None, error=str(d))
                continue
            if id(d) not in parsed:
                yield DocResult(d.id, d, error=str(DocumentError(d.id, "the document has no text to code")))
                continue
            try:
                events = [event_record(m) for m in self.mentions_of(d, parsed[id(d)])]
            except EventcoderError as exc:
                yield DocResult(d.id, d, error=str(exc))
            except Exception as exc:  # noqa: BLE001 - one bad document never stops a run
                yield DocResult(d.id, d, error=f"document {d.id!r}: coding failed: {exc.__class__.__name__}: {exc}")
            else:
                yield DocResult(d.id, d, events=events)

    # ---------------------------------------------------------------- the stages
    def mentions_of(self, doc: Document, sdoc) -> list[EventMention]:
        """EventMentions of a parsed document (``sdoc`` = ``nlp(doc.text)``)."""
        from .coding.rules import MentionIndex
        from .dates import DateResolver

        actor_mentions = self.actors.resolve(sdoc, doc)
        mi = MentionIndex(actor_mentions)
        pctx = self.places.document_context(sdoc, doc)
        dates = DateResolver(doc.published)
        state = _DocState(doc=doc)
        out: list[EventMention] = []
        for si, sent in enumerate(sdoc.sents):
            para = doc.text.count("\n\n", 0, sent.start_char)
            if para != state.paragraph:
                state.paragraph = para
                state.para_events = []
            cands = self.coder.code_sentence(sent, mi, published=doc.published)
            triggers = {c.trigger.i for c in cands}
            cands = [c for c in cands if not _is_content_of(c.trigger, triggers)]
            for cand in cands:
                out.extend(self._finish(cand, si, sent, doc, mi, pctx, dates, state))
        return _dedupe_in_sentence(out)

    def _finish(self, cand, si, sent, doc, mi, pctx, dates, state) -> list[EventMention]:
        from .modality import attribution_of, modality_of

        trig = cand.trigger
        mod = modality_of(trig)
        modality = mod.modality
        speaker = self._speaker(attribution_of(trig), mi)
        date = dates.resolve(trig)
        # location: the places of the event's clause, else of the governing clause, else the
        # places of the paragraph's previous event, else the source's country
        # the sources are actors here, not places ("Washington urged"); targets may be both
        excl = [(s.start, s.end) for s in cand.sources if s is not None and s.start >= 0]
        excl += [(t.start, t.end) for t in cand.targets if t is not None and t.start >= 0 and t.sector]
        scope = _place_scope(trig)
        places = [p for p in self.places.resolve_all(trig, pctx, exclude=excl) if _named_in(p, scope)]
        location_basis = "text" if places else None
        if modality in ("asserted", "claimed") and date.basis == "text" and date.value and doc.published:
            if _period_end(date) < doc.published - _dt.timedelta(days=HISTORICAL_DAYS):
                modality = "historical"
        if modality == "asserted" and speaker is None and _authors_view(trig, doc, date):
            modality = "opinion"
        results: list[EventMention] = []
        variants = [(cand.cameo, modality, trig, date, cand.pattern)]
        if modality == "future" and cand.sources and cand.sources[0] is not None and self._derive_intents:
            intent = next((INTENT_BY_CODE[cand.cameo[:n]] for n in (4, 3) if cand.cameo[:n] in INTENT_BY_CODE),
                          INTENT_CODES.get(cand.cameo[:2]))
            if intent:
                stmt = _statement_verb(trig)
                sdate = dates.resolve(stmt) if stmt is not None else (
                    ResolvedDate(_fmt_pub(doc.published), "day" if doc.published else None, "publication"))
                variants.insert(0, (intent, "asserted", stmt or trig, sdate,
                                    f"intent: future {cand.cameo} stated [{intent}]"))
                pub = ResolvedDate(_fmt_pub(doc.published), "day" if doc.published else None, "publication")
                if doc.published and sdate.value and _period_start(sdate) > doc.published:
                    # "plans to expel them next month": the plan is stated now, the act is later
                    variants[0] = variants[0][:3] + (pub,) + variants[0][4:]
                if not _scheduled(date, doc.published):
                    # a plan with no time of its own is only the intent; a scheduled event
                    # ("will meet next Tuesday") is kept as a future event too
                    variants = variants[:1]
        for code, modality_v, anchor, date_v, pattern in variants:
            place_list = places or ([None])
            if anchor is not trig:
                stmt_scope = _place_scope(anchor)
                stmt_places = [p for p in self.places.resolve_all(anchor, pctx, exclude=excl) if _named_in(p, stmt_scope)]
                place_list = stmt_places[:1] or place_list
            if len(place_list) > 1 and not cand.place_target:
                place_list = place_list[:1]
            for place in place_list:
                if place is None and state.para_events and code[:2] in ("14", "15", "17", "18", "19", "20", "07", "04"):
                    last = state.para_events[-1]
                    place = last.location if last.extra.get("location_basis") in ("text", "context") else None
                    loc_basis = "context" if place else None
                else:
                    loc_basis = location_basis
                domestic = code[:2] < "18"
                sources = [self._fill(s, place, pctx, state, domestic) for s in (cand.sources or [None])]
                targets = [self._fill(t, place, pctx, state, domestic) for t in (cand.targets or [None])]
                if cand.place_target and (not cand.targets or targets == [None]) and place is not None and place.country and loc_basis == "text":
                    targets = [ActorMention(text=place.name, start=-1, end=-1, code=place.country,
                                            country=place.country, sector=None, name=place.name,
                                            method="place")]
                if cand.discourse_target and targets == [None]:
                    t = self._discourse_target(sources, state)
                    if t is not None:
                        targets = [t]
                if "source" in cand.implicit and sources[0] is not None and not sources[0].country:
                    continue
                if not cand.reciprocal and len(sources) == len(targets) == 1 and sources[0] is not None \
                        and targets[0] is not None and sources[0].code == targets[0].code \
                        and "target" not in cand.implicit:
                    targets = [None]  # the same actor on both sides is no dyad
                pairs = _pairs(sources, targets, cand.reciprocal)
                pairs_codes = [(s, t, _repression(code, s, t)) for s, t in pairs]
                group = None
                if len(pairs) > 1:
                    group = "grp_" + _hash(doc.id, si, trig.i, code)[:10]
                for s, t, code_v in pairs_codes:
                    if s is None and t is None:
                        continue
                    if s is not None and not s.code and t is not None and not t.code:
                        continue
                    if place is None and loc_basis is None:
                        loc = self._actor_place(s)
                        lb = "actor" if loc else None
                    else:
                        loc, lb = place, loc_basis
                    em = EventMention(
                        doc_id=doc.id, sentence_index=si, span=(sent.start_char, sent.end_char),
                        evidence=sent.text, source=s, target=t, cameo=code_v,
                        pattern=pattern if code_v == code else f"{pattern} -> repression [{code_v}]",
                        modality=modality_v, attributed_to=speaker, date=date_v, location=loc,
                        confidence=_confidence(cand, s, t), event_group=group,
                        trigger=(anchor.idx, anchor.idx + len(anchor.text)),
                        extra={"modality_cue": mod.cue, "location_basis": lb})
                    results.append(em)
        if results:
            state.para_events.append(results[-1])
            state.recent.append(results[-1])
            if results[-1].location is not None and results[-1].extra.get("location_basis") == "text":
                pctx.remember(results[-1].location)
        return results

    def _actor_place(self, actor: ActorMention | None) -> Place | None:
        """Where an event with no place in its clause happened: the capital an actor is named
        by ("Washington urged"), else the actor's country (GeoNames country entry)."""
        if actor is None or not actor.country:
            return None
        if actor.method == "capital" and actor.text:
            place = self.places.place_of_name(actor.text)
            if place is not None and place.country == actor.country:
                return place
        return _country_place(self.places, actor)

    def _speaker(self, toks, mi) -> ActorMention | None:
        if not toks:
            return None
        from .coding import syntax as sx
        head = toks[0]
        m = mi.at(head)
        if m is not None:
            return m
        phrase = sx.np_tokens(head)
        text = head.doc[phrase[0].i: phrase[-1].i + 1].text
        inner = mi.in_tokens(phrase)
        if inner:
            m0 = inner[0]
            return replace(m0, text=text)
        return ActorMention(text=text, start=head.doc[phrase[0].i].idx, end=head.doc[phrase[-1].i].idx + len(head.doc[phrase[-1].i].text),
                            code="", country=None, sector=None, name=text, method="speaker")

    def _fill(self, actor: ActorMention | None, place: Place | None, pctx, state,
              domestic: bool = True) -> ActorMention | None:
        """Give a sector-only or implicit actor the country of the event's place (or of the
        document's most mentioned country)."""
        if actor is None or actor.country:
            return actor
        if actor.text.lower().startswith(("foreign ", "international ", "outside ")):
            return None  # "foreign forces": whose is not said
        from .coding.rules import sector_only

        if actor.code and not sector_only(actor.code):
            return actor  # a region, an international body, an unknown group: no country to add
        country = place.country if place is not None and place.country else None
        if country is None and actor.method == "implicit" and not domestic:
            return None  # an unnamed victim of fighting needs a named place to belong somewhere
        if country is None and pctx.previous:
            country = pctx.previous[-1].country
        if country is None and pctx.countries:
            country = pctx.countries.most_common(1)[0][0]
        if country is None:
            return None  # a bare sector ("police") with no country is no usable actor
        code = country + (actor.code or "")
        return replace(actor, code=code, country=country, text=actor.text or "",
                       name=actor.name or country, method=actor.method + "+country")

    def _discourse_target(self, sources, state) -> ActorMention | None:
        src_countries = {s.country for s in sources if s is not None}
        for ev in reversed(state.recent[-8:]):
            s = ev.source
            if s is not None and s.country and s.country not in src_countries:
                return replace(s, method="discourse")
        return None


@dataclass
class _DocState:
    doc: Document
    paragraph: int = -1
    para_events: list = field(default_factory=list)
    #: events of the document so far, most recent last (for responses and discourse targets)
    recent: list = field(default_factory=list)


def _scheduled(event_date: ResolvedDate, published: _dt.date | None) -> bool:
    """The future event has a date of its own in the text, after the publication date."""
    if event_date.basis != "text" or not event_date.value or published is None:
        return False
    return _period_end(event_date) > published


def _period_start(date: ResolvedDate) -> _dt.date:
    parts = [int(p) for p in (date.value or "").split("-")]
    return _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _statement_verb(trig):
    """The verb of saying that announces a future event ("said they will blockade")."""
    from .modality import REPORTING
    cur = trig if trig.pos_ in ("VERB", "AUX") else trig.head
    for _ in range(4):
        if cur.dep_ in ("ccomp", "xcomp", "parataxis") and cur.head.lemma_.lower() in REPORTING | {"vow", "pledge", "promise", "plan", "agree", "decide"}:
            return cur.head
        if cur.head is cur:
            for c in cur.children:
                if c.dep_ in ("parataxis", "ccomp") and c.lemma_.lower() in REPORTING and c.i > trig.i:
                    return c
            return None
        cur = cur.head
    return None


OPINION_SECTION = re.compile(r"\b(opinion|commentary|op-?ed|editorial|column|viewpoint|perspective|comment)\b", re.I)
FIRST_PERSON_VIEW = {"think", "believe", "argue", "contend", "suspect", "fear", "feel", "doubt", "suggest"}


def _authors_view(trig, doc: Document, date: ResolvedDate) -> bool:
    """The event is the author's own analysis, not a reported event: the writer speaks in the
    first person ("I believe Moscow is arming ...", "in my view"), or, in an opinion piece
    (section "Opinion", "Commentary", "Op-Ed", ...), an undated present-tense claim."""
    sent = trig.sent
    for t in sent:
        if t.lower_ in ("i", "we") and t.dep_ == "nsubj" and t.head.lemma_.lower() in FIRST_PERSON_VIEW:
            return True
        if t.lower_ == "my" and t.head.lower_ in ("view", "opinion") and t.head.head.lower_ == "in":
            return True
    if doc.section and OPINION_SECTION.search(doc.section) and date.basis == "publication":
        verb = trig if trig.pos_ in ("VERB", "AUX") else trig.head
        return verb.tag_ in ("VBZ", "VBP", "VB", "VBG", "MD") and not any(
            c.tag_ == "VBD" or c.lower_ in ("had", "did", "was", "were") for c in verb.children if c.dep_.startswith("aux"))
    return False


def _repression(code: str, s: ActorMention | None, t: ActorMention | None) -> str:
    """CAMEO codes force by a state's police, army or government against its own protesters
    or civilians as violent repression (175), not as fighting (19x) or assault (18x)."""
    if code[:2] not in ("18", "19") or s is None or t is None or not s.country or s.country != t.country:
        return code
    if s.sector in ("COP", "MIL", "GOV") and t.sector in ("OPP", "CVL"):
        return "175"
    return code


def _is_content_of(trig, triggers: set[int]) -> bool:
    """The event is the content of another coded event in the sentence ("threatened to IMPOSE
    sanctions", "accused Russia of VIOLATING a ceasefire", "ordered troops to shoot to KILL"):
    not an event of its own."""
    cur = trig
    for _ in range(4):
        if cur.dep_ == "xcomp" and cur.head.i in triggers:
            return True
        if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" and cur.head.head.i in triggers:
            return True
        if cur.dep_ != "xcomp" or cur.head is cur:
            return False
        cur = cur.head
    return False


def _pairs(sources, targets, reciprocal: bool):
    """Source-target pairs of one candidate: compound actors fan out; members of one compound
    never form a dyad; a reciprocal verb with a compound subject and no target pairs its members."""
    sources = [s for s in sources] or [None]
    targets = [t for t in targets] or [None]
    if reciprocal and targets == [None] and len([s for s in sources if s is not None]) >= 2:
        real = [s for s in sources if s is not None]
        return [(a, b) for a in real for b in real if a is not b and a.code != b.code]
    out = []
    for s in sources:
        for t in targets:
            if s is not None and t is not None and (s.start, s.end) == (t.start, t.end) and s.start >= 0:
                continue
            out.append((s, t))
    return out


def _confidence(cand, s, t) -> float:
    c = cand.confidence
    if s is not None and s.method not in ("implicit", "implicit+country", "discourse"):
        c += 0.1
    if t is not None and t.method not in ("implicit", "implicit+country", "discourse", "place"):
        c += 0.1
    if cand.discourse_target:
        c -= 0.15
    return round(max(0.05, min(0.95, c)), 2)


def _place_scope(trig) -> set[str]:
    """Folded words of the clauses a place may come from for the event at ``trig``: its own
    clause and the clauses that govern it, without embedded clauses (another event's places)
    and without "from" phrases (where someone came from is not where the event happened)."""
    from .coding import syntax as sx
    from .places.gazetteer import fold

    verbs = []
    cur = trig
    for _ in range(8):
        if sx.is_verb(cur):
            verbs.append(cur)
        if cur.head is cur:
            break
        cur = cur.head
    if not sx.is_verb(trig):
        verbs.insert(0, trig)
    words: set[str] = set()
    for v in verbs:
        skip: set[int] = set()
        for t in sx.clause_tokens(v):
            if t.dep_ == "prep" and t.lower_ == "from":
                skip |= {x.i for x in t.subtree}
        for t in sx.clause_tokens(v):
            if t.i not in skip:
                words.add(fold(t.text))
    return words


def _named_in(place: Place, scope: set[str]) -> bool:
    from .places.gazetteer import fold
    names = [place.name.split(" (")[0]] + ([place.name.split(" (")[1].rstrip(")")] if " (" in place.name else [])
    return any(fold(n).split()[0] in scope for n in names if n.strip())


def _country_place(places, actor: ActorMention | None) -> Place | None:
    if actor is None or not actor.country:
        return None
    return places.gazetteer.country(actor.country)


def _period_end(date: ResolvedDate) -> _dt.date:
    v = date.value or ""
    parts = [int(p) for p in v.split("-")]
    if len(parts) == 3:
        return _dt.date(*parts)
    if len(parts) == 2:
        y, m = parts
        nxt = _dt.date(y + (m == 12), m % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)
    return _dt.date(parts[0], 12, 31)


def _fmt_pub(published: _dt.date | None) -> str | None:
    return published.isoformat() if published else None


def _hash(*parts) -> str:
    return hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()


def _dedupe_in_sentence(mentions: list[EventMention]) -> list[EventMention]:
    """One event per (sentence, code root, source, target, modality): a verb and its event noun
    coding the same thing twice are one event."""
    seen, out = set(), []
    for m in mentions:
        key = (m.sentence_index, m.cameo[:2], m.source.code if m.source else None,
               m.target.code if m.target else None, m.modality,
               m.location.geonameid if m.location else None)
        if key in seen:
            continue
        seen.add(key)
        out.append(m)
    return out


def event_id(m: EventMention) -> str:
    """Stable id: from the document, sentence, trigger, code and actors; never the run time."""
    return "ev_" + _hash(m.doc_id, m.sentence_index, m.trigger, m.cameo,
                         m.source.code if m.source else "", m.target.code if m.target else "",
                         m.location.geonameid if m.location else "")[:12]


def event_record(m: EventMention) -> dict:
    """The event record of ``docs/event-record.md`` for one EventMention (a JSON-able dict).

    CAMEO → PLOVER, Goldstein and QuadClass come from :mod:`eventcoder.tables`.
    """
    from .tables import cameo_info

    try:
        info = cameo_info(m.cameo)
    except (KeyError, TypeError):  # a user dictionary's own code (WEIS-style test dictionaries)
        info = None
    if info is None:
        return {**_base_record(m), "plover": None, "plover_mode": None, "plover_context": [],
                "goldstein": None, "quad_class": None}
    return {**_base_record(m), "plover": info.plover, "plover_mode": info.plover_mode,
            "plover_context": list(info.plover_context), "goldstein": info.goldstein,
            "quad_class": info.quad_class}


def _base_record(m: EventMention) -> dict:
    return {
        "event_id": event_id(m),
        "doc_id": m.doc_id,
        "sentence_index": m.sentence_index,
        "evidence": {"text": m.evidence, "start": m.span[0], "end": m.span[1]},
        "source": m.source.as_record() if m.source else None,
        "target": m.target.as_record() if m.target else None,
        "cameo": m.cameo,
        "cameo_root": m.cameo[:2],
        "date": m.date.value if m.date else None,
        "date_precision": m.date.precision if m.date else None,
        "date_basis": m.date.basis if m.date else "publication",
        "location": m.location.as_record() if m.location else None,
        "modality": m.modality,
        "attributed_to": m.attributed_to.as_record() if m.attributed_to else None,
        "event_group": m.event_group,
        "pattern": m.pattern,
        "confidence": m.confidence,
        "trigger": {"start": m.trigger[0], "end": m.trigger[1]} if m.trigger else None,
        "location_basis": m.extra.get("location_basis"),
    }
