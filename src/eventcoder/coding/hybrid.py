"""The hybrid coder: the project's lexicon first, the PETRARCH dictionaries for the rest.

:class:`HybridCoder` runs the :class:`~eventcoder.coding.rules.RuleCoder` on a sentence and
then the PETRARCH dictionary engine (the default Phoenix/CAMEO.2.0 verb patterns). Events the
engine codes on verbs the lexicon already knows are dropped (the lexicon's rules, with their
guards against metaphors, conditions and non-events, decide those verbs), as are

* statements (CAMEO 01x, and any code the engine gives a verb of saying: "said", "announced"
  carry no event of their own; the verb of their content does),
* events coded on a verb that is already the trigger of a lexicon event, and
* events without an actor that has a country (or an international body) code.

The engine's actors are replaced by the project's actor mention covering the actor phrase
(``MentionIndex.at``) where there is one, so actor codes stay consistent with the lexicon's
events; otherwise the engine's own code is kept. The verb and pattern codes are the engine's.
"""
from __future__ import annotations

import datetime as _dt
import threading

from spacy.tokens import Span

from ..records import ActorMention
from . import syntax as sx
from .rules import Candidate, MentionIndex, RuleCoder, drop_dependent_events, implicit_actor

__all__ = ["HybridCoder", "default_petrarch_coder"]

#: CAMEO roots the dictionary events may not add: 01 = public statements ("said")
DROP_ROOTS = ("01",)
#: verbs whose adjectival passive states the subject's own stance ("is opposed to")
STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "determine", "resolve"}
#: CAMEO codes of internal measures whose unnamed target is the population of the place
DOMESTIC_PREFIXES = ("081", "082", "172", "173", "1711", "1712", "175", "18", "19", "20")
#: actor-code prefixes that count as "country-coded" besides ISO countries
BODY_PREFIXES = ("IGO", "NGO", "IMG")

_lock = threading.Lock()
_cached: list = []


def default_petrarch_coder():
    """The PETRARCH engine over the shipped default dictionaries, loaded once per process."""
    with _lock:
        if not _cached:
            from ..petrarch import Dictionaries, PetrarchCoder
            _cached.append(PetrarchCoder(Dictionaries.default(), require_dyad=False))
        return _cached[0]


def _as_date(published) -> _dt.date | None:
    if published is None or isinstance(published, _dt.date):
        return published
    try:
        return _dt.date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


class HybridCoder:
    """Lexicon events first; PETRARCH dictionary events for verbs the lexicon does not know.

    ``petrarch_coder`` may be None: the default engine is then loaded on first use."""

    name = "hybrid"

    def __init__(self, rule_coder: RuleCoder | None = None, petrarch_coder=None, *,
                 require_dyad: bool = True, require_subject: bool = True, require_pattern: bool = True):
        self.rules = rule_coder or RuleCoder()
        self._petrarch = petrarch_coder
        self.require_dyad = require_dyad
        self.require_subject = require_subject
        self.require_pattern = require_pattern

    @property
    def petrarch(self):
        if self._petrarch is None:
            self._petrarch = default_petrarch_coder()
        return self._petrarch

    # ---------------------------------------------------------------- public
    def code_sentence(self, sent: Span, mentions: MentionIndex, published=None) -> list[Candidate]:
        out = list(self.rules.code_sentence(sent, mentions, published=published))
        taken = {c.trigger.i for c in out}
        by_trigger = {}
        for c in out:
            by_trigger.setdefault(c.trigger.i, []).append(c)
        extra: list[Candidate] = []
        seen: set[tuple] = set()
        events = self.petrarch.code_sentence(sent, _as_date(published))
        rescued: set[int] = set()
        for ev in events:
            verb = sent.doc[ev.verb_index]
            if verb.i in taken:
                self._fill_source(by_trigger[verb.i], ev, verb, sent, mentions)
                self._fill_target(by_trigger[verb.i], ev, sent, mentions)
                continue
            if not self._unknown_verb(verb):
                if verb.i not in rescued:
                    rescued.add(verb.i)
                    same = [e for e in events if e.verb_index == ev.verb_index]
                    extra.extend(self._rescue(verb, same, sent, mentions))
                continue
            if not ev.cameo or not ev.cameo[:1].isdigit() or ev.cameo.startswith(DROP_ROOTS):
                continue
            if verb.lemma_.lower() in self.rules.lex.reporting_verbs:
                continue  # "X said ... aid": the statement; the content verb carries the event
            if verb.dep_ == "pcomp" or self.rules._in_noun_complement(verb):
                continue  # "appear for questioning", "a plan to ...": no event of its own
            if self.require_pattern and ev.pattern.lstrip().startswith("---"):
                continue
            src = self._actor(ev.source_code, ev.source_span, ev.source_text, sent, mentions)
            tgt = self._actor(ev.target_code, ev.target_span, ev.target_text, sent, mentions)
            if not (self._country_coded(src) or self._country_coded(tgt)):
                continue
            if self.require_dyad and (src is None or tgt is None):
                continue
            if self.require_subject and not self._source_is_subject(verb, src, mentions):
                continue
            if src is not None and tgt is not None and src.code == tgt.code:
                continue
            key = (verb.i, ev.cameo, src.code if src else None, tgt.code if tgt else None)
            if key in seen:
                continue
            seen.add(key)
            extra.append(Candidate(trigger=verb, cameo=ev.cameo, pattern="petrarch: " + ev.pattern.strip(),
                                   sources=[src] if src else [None], targets=[tgt] if tgt else [None],
                                   confidence=0.5))
        out = [c for c in out if not self._object_of(c, {e.trigger.i for e in extra})]
        out.extend(extra)
        for c in out:
            self._stative_passive(c, mentions)
            self._domestic_target(c)
        out.sort(key=lambda c: c.trigger.i)
        return drop_dependent_events(out)

    # ---------------------------------------------------------------- helpers
    @staticmethod
    def _object_of(c: Candidate, verbs: set[int]) -> bool:
        """A lexicon event noun that is the object of a verb the dictionaries code ("lodged a
        protest with Albania"): the noun is part of that verb's event."""
        noun = c.trigger
        return c.pattern.startswith("lexicon: noun") and noun.dep_ in ("dobj", "obj") and noun.head.i in verbs

    def _stative_passive(self, c: Candidate, mentions: MentionIndex) -> None:
        """"X is opposed to Y", "X is committed to Y": an adjectival passive without a ``by``
        agent whose subject holds the stance: the subject is the source, the ``to`` object the
        target."""
        verb = c.trigger
        if verb.lemma_.lower() not in STATIVE_PASSIVES or not sx.is_passive(verb) or sx.agent_of(verb):
            return
        subj = [t for t in c.targets if t is not None]
        if not subj or any(s is not None for s in c.sources):
            return
        c.sources = subj
        targets = []
        for _p, t in sx.prep_objects(verb, {"to"}):
            targets = self.rules._actors([t], mentions, exclude=subj, deep=True)
            if targets:
                break
        c.targets = targets or [None]
        c.discourse_target = False

    @staticmethod
    def _domestic_target(c: Candidate) -> None:
        """Internal measures (easing or imposing curfews and emergencies, arrests, repression,
        unconventional and military violence) that name no target act on the people of the place where they
        happen: an implicit target the pipeline fills from the event's place."""
        if not c.cameo.startswith(DOMESTIC_PREFIXES) or c.place_target or "target" in c.implicit:
            return
        if any(t is not None for t in c.targets) or not any(s is not None for s in c.sources):
            return
        c.targets = [implicit_actor(None)]
        c.implicit.add("target")
        c.discourse_target = False

    @staticmethod
    def _in_subject(verb, span) -> bool:
        """The engine's actor phrase lies inside the verb's subject phrase (or passive agent)."""
        if not span:
            return False
        subj, passive = sx.subjects(verb)
        heads = sx.agent_of(verb) if passive or sx.is_passive(verb) else subj
        a, b = span
        for h in heads:
            toks = list(h.subtree)
            if toks and toks[0].idx <= a and b <= toks[-1].idx + len(toks[-1].text):
                return True
        return False

    def _rescue(self, verb, evs, sent: Span, mentions: MentionIndex) -> list[Candidate]:
        """A lexicon verb the rule coder left uncoded because the actor stage found no actor in
        its subject ("Russian aircraft killed ..."): the lexicon's code with the engine's
        subject actor, when the engine finds one inside the subject phrase."""
        rules = self.rules
        if sx.is_passive(verb):
            return []
        rule = rules.verb_rule(verb, mentions)
        if rule is None:
            return []
        src = None
        for ev in evs:
            if ev.source_code and self._in_subject(verb, ev.source_span):
                src = self._actor(ev.source_code, ev.source_span, ev.source_text, sent, mentions)
                if self._country_coded(src):
                    break
                src = None
        if src is None:
            return []
        targets = rules._targets(verb, rule, mentions, [src])
        if not targets:
            for ev in evs:
                t = self._actor(ev.target_code, ev.target_span, ev.target_text, sent, mentions)
                if self._country_coded(t) and t.code != src.code and t not in targets:
                    targets.append(t)
        cand = Candidate(trigger=verb, cameo=rule.code, pattern=rule.label + " (actor: petrarch)",
                         sources=[src], targets=targets or [None], reciprocal=rule.reciprocal,
                         violence=rule.violence, confidence=0.5)
        if not targets:
            cand.targets = []
        rules._finish(cand, verb)
        return [cand]

    def _fill_source(self, cands: list[Candidate], ev, verb, sent: Span, mentions: MentionIndex) -> None:
        """A lexicon event on the same verb whose subject gave no actor takes the engine's
        source when the engine's actor phrase holds the verb's subject (or passive agent)."""
        if not ev.source_code or not self._in_subject(verb, ev.source_span):
            return
        src = None
        for c in cands:
            if c.implicit or any(s is not None for s in c.sources):
                continue
            if src is None:
                src = self._actor(ev.source_code, ev.source_span, ev.source_text, sent, mentions)
                if not self._country_coded(src):
                    return
            if any(t is not None and (t.code == src.code or (t.start, t.end) == (src.start, src.end))
                   for t in c.targets):
                continue
            c.sources = [src]

    def _fill_target(self, cands: list[Candidate], ev, sent: Span, mentions: MentionIndex) -> None:
        """A lexicon event on the same verb that found no target takes the engine's target
        ("rejected an Australian ultimatum": AUS) when that is a country-coded actor other than
        the event's source."""
        if not ev.target_code:
            return
        tgt = None
        for c in cands:
            if c.implicit or c.place_target or c.reciprocal:
                continue
            if any(t is not None for t in c.targets):
                continue
            if tgt is None:
                tgt = self._actor(ev.target_code, ev.target_span, ev.target_text, sent, mentions)
                if not self._country_coded(tgt):
                    return
            src_codes = {s.code for s in c.sources if s is not None}
            src_spans = {(s.start, s.end) for s in c.sources if s is not None}
            if tgt.code in src_codes or (tgt.start, tgt.end) in src_spans:
                continue
            c.targets = [tgt]
            c.discourse_target = False

    def _unknown_verb(self, verb) -> bool:
        lex = self.rules.lex
        lemma = verb.lemma_.lower()
        return lemma not in lex.verbs and lemma not in lex.light_verbs

    def _source_is_subject(self, verb, src: ActorMention | None, mentions: MentionIndex) -> bool:
        """The engine's source is the actor the project finds as the verb's grammatical subject
        (or passive agent): guards against actors picked up from modifiers ("Russian troop
        deployments came ...") or from other clauses."""
        if src is None:
            return True
        subj, passive = sx.subjects(verb)
        heads = sx.agent_of(verb) if passive or sx.is_passive(verb) else subj
        actors = self.rules._actors(heads, mentions) if heads else []
        return any(a.code == src.code or (a.start, a.end) == (src.start, src.end) for a in actors)

    @staticmethod
    def _country_coded(a: ActorMention | None) -> bool:
        return a is not None and bool(a.country or (a.code or "").startswith(BODY_PREFIXES))

    def _actor(self, code, span, text, sent: Span, mentions: MentionIndex) -> ActorMention | None:
        """The project's mention covering the engine's actor phrase, else the engine's code."""
        if not code:
            return None
        if span and mentions is not None:
            start, end = span
            toks = [t for t in sent if start <= t.idx < end]
            # the phrase's head first, then any token of it
            heads = [t for t in toks if t.head.i == t.i or not (start <= t.head.idx < end)]
            for t in heads + toks:
                m = mentions.at(t)
                if m is not None and (m.country or m.code):
                    return m
        from ..petrarch.adapter import _actor
        return _actor(code, span, text)
