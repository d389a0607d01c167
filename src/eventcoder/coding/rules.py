"""The rule coder: CAMEO codes from verb and event-noun patterns on spaCy's dependency parse.

For each verb of a sentence the coder looks up the verb's rules in the :class:`Lexicon`
(``data/lexicon.yaml``) and takes the first rule whose conditions hold; event nouns are coded
under light verbs ("held talks"), as subjects ("protests erupted"), after temporal prepositions
("during Monday's protest") or with explicit participants ("clashes between X and Y").

Source and target come from the dependency roles: the subject (the ``by`` agent of a passive
verb) is the source; the object, or the object of a preposition, is the target; compound actors
fan out into one candidate per member. The coder only proposes :class:`Candidate` events; the
pipeline adds modality, dates, places and fills countries of sector-only actors.

A dictionary engine with the same ``code_sentence`` method can replace it (see
``eventcoder.petrarch``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Sequence

from spacy.tokens import Span, Token

from ..records import ActorMention
from . import syntax as sx
from .lexicon import Lexicon, NounEntry, VerbRule, default_lexicon

SCORE_RE = re.compile(r"\b\d{1,2}\s*[-–]\s*\d{1,2}\b")
TEMPORAL_PREPS = {"during", "after", "before", "amid", "following", "since", "despite", "in"}
TARGET_PREPS = ("against", "on", "upon", "toward", "towards", "at", "with", "into", "to", "from", "for")
#: verbs that state a finding or position, besides the lexicon's verbs of saying
OBLIGATION_VERBS = {"conclude", "reiterate", "repeat", "issue", "send", "deliver"}
#: nouns of saying whose "that ... must" clause is addressed to another actor
OBLIGATION_NOUNS = {"reminder", "declaration", "statement", "message", "note", "communique", "resolution"}
#: verbs of saying whose lexicon rules code what the statement is about
REPORTING_LEMMAS = {"announce", "say", "state", "declare", "confirm", "report", "tell"}
#: roots a verb of saying takes from its content ("announced aid / a summit / sanctions")
CONTENT_ROOTS = ("03", "04", "05", "06", "07", "08", "16")
#: collective and quantity nouns that denote the members of their of-phrase ("a group of
#: Moroccan diplomats", "thousands of Kurdish refugees")
COLLECTIVE_NOUNS = {"group", "delegation", "team", "contingent", "band", "party", "crowd", "number",
                    "dozens", "hundreds", "thousands", "scores", "members"}
#: adjectives of readiness: "X is willing to withdraw" states an intent, not the act
WILLINGNESS_ADJS = {"willing", "ready", "prepared"}
#: roots whose events, lacking an explicit target, may take the actor they respond to
RESPONSE_VERBS = {"respond", "reply", "react", "retort", "hit", "counter", "answer"}


@dataclass
class Candidate:
    """A proposed event before modality, date and place are attached.

    ``sources``/``targets`` hold ActorMentions (or None); ``implicit`` names participants the
    pipeline must fill from the event's place ("source", "target"); ``place_target`` is True when
    the target should be the country of the event's location (violence against places).
    """

    trigger: Token
    cameo: str
    pattern: str
    sources: list[ActorMention | None]
    targets: list[ActorMention | None]
    reciprocal: bool = False
    violence: bool = False
    implicit: set[str] = field(default_factory=set)
    place_target: bool = False
    discourse_target: bool = False
    confidence: float = 0.6


class MentionIndex:
    """Look-up of the actor mention covering a token (mentions from the actors stage)."""

    def __init__(self, mentions: Sequence[ActorMention]):
        self.mentions = [_clean_mention(m) for m in mentions if not _unspecified(m)]
        self._by_start = sorted(self.mentions, key=lambda m: m.start)

    def at(self, tok: Token) -> ActorMention | None:
        for m in self._by_start:
            if m.start <= tok.idx < m.end:
                return m
            if m.start > tok.idx:
                break
        return None

    def in_tokens(self, toks: Sequence[Token]) -> list[ActorMention]:
        seen, out = set(), []
        for t in toks:
            m = self.at(t)
            if m is not None and id(m) not in seen:
                seen.add(id(m))
                out.append(m)
        return out


#: CAMEO sector (agent) codes: an actor code made only of these has no country yet
SECTOR_CODES = frozenset("""GOV MIL COP OPP CVL REB BUS MED EDU JUD LEG PTY AGR LAB REF HLH SPY ELI
MOD RAD NGO UAF SET CRM ENV DEV HRI MNC IMG INS LEF RGT REL""".split())


def sector_only(code: str) -> bool:
    """The actor code is made of sector codes only ("COP", "OPPLEG"): its country is unknown."""
    return len(code) % 3 == 0 and all(code[i:i + 3] in SECTOR_CODES for i in range(0, len(code), 3))


def _clean_mention(m: ActorMention) -> ActorMention:
    """A mention whose 'country' is a sector code (a coreferent of "farmers") has no country."""
    if m.country and m.country in SECTOR_CODES:
        return replace(m, country=None, sector=m.sector or m.country)
    return m


def _unspecified(m: ActorMention) -> bool:
    """"foreign forces", "international observers": whose they are is not said."""
    return m.method in ("sector", "coref") and m.text.lower().startswith(("foreign ", "international ", "outside "))


def lemmas(tok: Token) -> list[str]:
    """The token's lemma and, for verbs the lemmatizer gets wrong ("staged" -> "stag"), forms
    derived from the surface word."""
    out = [tok.lemma_.lower()]
    w = tok.lower_
    if tok.tag_ in ("VBD", "VBN") and w.endswith("ed"):
        out += [w[:-1], w[:-2], w[:-3] + "y" if w.endswith("ied") else w[:-2]]
    elif tok.tag_ == "VBG" and w.endswith("ing"):
        out += [w[:-3], w[:-3] + "e"]
    elif tok.tag_ == "VBZ" and w.endswith("s"):
        out += [w[:-1], w[:-2]]
    return out


def _share_modifier(actors: list[ActorMention]) -> list[ActorMention]:
    """Coordinated sector nouns share the first member's country or region ("Western
    politicians and pundits": both WST)."""
    if len(actors) < 2:
        return actors
    first = actors[0]
    prefix = first.code[: len(first.code) - len(first.sector or "")] if first.sector else first.code
    if not prefix or prefix.startswith("IGO"):
        return actors
    out = [first]
    for a in actors[1:]:
        if a.sector and a.code == a.sector and not a.country:
            a = replace(a, code=prefix + a.sector, country=first.country, method=a.method + "+shared")
        out.append(a)
    return out


#: verbs that name or describe; with a wh-object ("what they called ...") they report nothing
NAMING_VERBS = frozenset({"call", "describe", "term", "label", "dub", "brand", "characterize", "see", "view"})
POLICY_NOUNS = frozenset("""law bill reform reforms measure measures policy policies plan plans tax taxes
decision decree rule rules ban budget cuts cut hike hikes increase increases amendment constitution
election elections result results""".split())
#: objects that point back to what someone else said ("rejected the claim")
SAID_NOUNS = frozenset("""claim claims accusation accusations allegation allegations charge charges
demand demands call calls offer offers proposal proposals report reports statement statements
criticism ultimatum request requests move moves decision step steps action actions measure measures
sanctions attack attacks strike strikes deployment raid raids arrest arrests""".split())


def _is_condition(clause: Token) -> bool:
    """A clause that states a condition: "if/unless ..." or inverted "should/had/were X ..."."""
    kids = list(clause.children)
    if any(k.dep_ == "mark" and k.lower_ in ("if", "unless", "provided", "once", "lest") for k in kids):
        return True
    subj = [k for k in kids if k.dep_ in ("nsubj", "nsubjpass")]
    return any(k.dep_ in ("aux", "auxpass") and k.lower_ in ("should", "had", "were") and subj and k.i < subj[0].i
               for k in kids)


def _against_policy(trigger: Token) -> bool:
    """The event is directed against a policy or law, not a named actor."""
    toks = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "xcomp")]
    for t in toks:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in ("against", "over"):
                for p in c.children:
                    if p.dep_ == "pobj" and p.lemma_.lower() in POLICY_NOUNS:
                        return True
    return False


def _answers_someone(trigger: Token) -> bool:
    """The event's target is the actor of an earlier event: a response ("responded by
    upholding ...") or a reaction to something described, not named ("denounced what they
    saw as a crackdown")."""
    cur = trigger
    for _ in range(3):
        if cur.lemma_.lower() in RESPONSE_VERBS:
            return True
        if cur.head is cur:
            break
        cur = cur.head
    return any(c.dep_ in ("ccomp", "dobj") and next(c.subtree).tag_ in ("WP", "WDT")
               for c in trigger.children) or any(
        c.dep_ == "dobj" and (c.lemma_.lower() in SAID_NOUNS or c.lower_ in SAID_NOUNS) and not any(
            g.dep_ in ("poss", "prep", "amod", "compound") for g in c.children)
        and any(g.dep_ == "det" and g.lower_ in ("the", "this", "that", "these", "those") for g in c.children)
        for c in trigger.children)


def _is_purpose_clause(tok: Token) -> bool:
    """An infinitive of purpose: "staged a strike TO DEMAND ...", "will visit X TO MEDIATE"."""
    return tok.dep_ == "advcl" and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)


def _is_gloss(tok: Token) -> bool:
    """A participle of saying that glosses the act it modifies: "staged rallies, SAYING he must
    resign"."""
    return tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.lemma_.lower() in ("say", "declare", "insist")


def drop_dependent_events(cands: list[Candidate]) -> list[Candidate]:
    """Drop events that only state the purpose or the message of another event coded on the
    verb they modify: "began a hunger strike to demand the return of land" and "staged rallies,
    saying he must resign" are one protest each, whose demand is its content; "will visit
    Senegal to mediate" is one visit."""
    triggers = {c.trigger.i for c in cands}
    return [c for c in cands if not (
        (_is_purpose_clause(c.trigger) or _is_gloss(c.trigger))
        and c.trigger.head is not c.trigger and c.trigger.head.i in triggers)
        and not _states_coded_content(c, triggers) and not _demanded_act(c, cands)]


def _demanded_act(cand: Candidate, cands: list[Candidate]) -> bool:
    """The act a clause says someone MUST do, or the content of a coded demand, appeal or
    threat ("demanded that the United States match ...", "said Sudan must return the
    helicopter"): what is asked for has not happened and is no event of its own."""
    trig = cand.trigger
    if trig.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ == "must" for a in trig.children):
        return True
    askers = {c.trigger.i for c in cands if c.cameo[:2] in ("02", "10", "13") and c is not cand}
    cur = trig
    while cur.head is not cur and cur.dep_ in ("ccomp", "conj", "xcomp"):
        if cur.dep_ == "ccomp" and cur.head.i in askers:
            return True
        cur = cur.head
    return False


def _states_coded_content(cand: Candidate, triggers: set[int]) -> bool:
    """A statement whose clausal content is itself coded: the content is the event and the
    statement adds none. This holds for a bare statement (010: "announced that it has called
    off the strike") and for a verb of saying coded by what its content mentions (03-08, 16:
    "announced it would prohibit all aid" is no aid pledge). Denials and other qualified
    statements (011-019), demands, criticism, rejections and threats are the speaker's own acts
    and stay."""
    said = cand.trigger.lemma_.lower() in REPORTING_LEMMAS and cand.cameo[:2] in CONTENT_ROOTS
    if cand.cameo != "010" and not said:
        return False
    return any(c.dep_ == "ccomp" and any(t.i in triggers for t in c.subtree) for c in cand.trigger.children)


def implicit_actor(sector: str | None = None) -> ActorMention:
    """A participant the text implies but does not name (filled by the pipeline)."""
    return ActorMention(text="", start=-1, end=-1, code=sector or "", country=None, sector=sector,
                        name="", method="implicit")


class RuleCoder:
    """Codes sentences with the project's lexicon. Stateless between documents; thread-safe."""

    name = "lexicon"

    def __init__(self, lexicon: Lexicon | None = None, *, place_country=None):
        self.lex = lexicon or default_lexicon()
        self.place_country = place_country

    # ---------------------------------------------------------------- public
    def code_sentence(self, sent: Span, mentions: MentionIndex, published=None) -> list[Candidate]:
        """Candidate events of one sentence (a spaCy ``Span``), in text order. ``published`` (the
        document date) is unused here; dictionary engines use it for dated actor codes."""
        out: list[Candidate] = []
        sports = self._is_sports(sent)
        consumed: set[int] = set()
        for tok in sent:
            lem = next((x for x in lemmas(tok) if x in self.lex.verbs or x in self.lex.light_verbs), None)
            obligation = self._code_obligation(tok, mentions)
            if obligation:
                out.extend(obligation)
                continue
            if lem is None or not sx.is_verb(tok):
                continue
            if lem in self.lex.verbs:
                cands = self._code_verb(tok, mentions, consumed, lem)
                if not cands and lem in self.lex.light_verbs:
                    cands = self._code_light_verb(tok, mentions, consumed)
            elif tok.pos_ == "VERB":
                cands = self._code_light_verb(tok, mentions, consumed)
            else:
                continue
            out.extend(cands)
        for tok in sent:
            if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
                continue
            entry = self._noun_entry(tok)
            if entry is not None:
                out.extend(self._code_noun(tok, entry, mentions))
        if sports:
            # sports reports borrow the words of force ("crushed", "attacking", "captured the
            # title"), not of arrests or protests
            out = [c for c in out if c.cameo[:2] < "15" or c.cameo in ("173", "174")]
        out = [c for c in out if c.sources or c.targets]
        out.extend(self._stated_readiness(out))
        out.sort(key=lambda c: c.trigger.i)
        return drop_dependent_events(out)

    @staticmethod
    def _stated_readiness(cands: list[Candidate]) -> list[Candidate]:
        """"Syria is willing to withdraw its troops": an expressed intent (CAMEO 03/13, the
        code a stated future act of that root gets) coded on the adjective; the act itself is
        its content (the pipeline drops xcomp contents of a coded word)."""
        from ..pipeline import INTENT_CODES

        out = []
        for c in cands:
            adj = c.trigger.head
            if c.trigger.dep_ != "xcomp" or adj.pos_ != "ADJ" or adj.lower_ not in WILLINGNESS_ADJS:
                continue
            intent = INTENT_CODES.get(c.cameo[:2])
            if intent and c.sources and c.sources[0] is not None:
                out.append(replace(c, trigger=adj, cameo=intent, pattern=f"readiness: {c.pattern} [{intent}]",
                                   place_target=False, implicit=set(c.implicit)))
        return out

    # ---------------------------------------------------------------- verbs
    def _is_sports(self, sent: Span) -> bool:
        if SCORE_RE.search(sent.text):
            return True
        return any(t.lower_ in self.lex.sports_cues for t in sent)

    def _rule_for(self, verb: Token, lemma: str | None = None) -> VerbRule | None:
        rules = self.lex.verbs.get(lemma or verb.lemma_.lower(), ())
        objs = sx.direct_objects(verb)
        xcomps = sx.xcomp_chain(verb)
        obj_heads = {o.lemma_.lower() for o in objs} | {o.lower_ for o in objs}
        obj_words: set[str] = set()
        for o in objs:
            obj_words |= {t.lemma_.lower() for t in o.subtree} | {t.lower_ for t in o.subtree}
        for x in xcomps:
            for o in sx.direct_objects(x):
                obj_heads |= {o.lemma_.lower(), o.lower_}
                obj_words |= {t.lemma_.lower() for t in o.subtree} | {t.lower_ for t in o.subtree}
        # clausal complements and prepositional objects also carry the content ("demanded that
        # forces be withdrawn", "called for a ceasefire")
        for c in verb.children:
            if c.dep_ in ("ccomp", "prep", "xcomp", "oprd", "acomp", "advmod", "attr"):
                obj_words |= {t.lemma_.lower() for t in c.subtree} | {t.lower_ for t in c.subtree}
        preps = {c.lower_ for c in verb.children if c.dep_ in ("prep", "agent", "dative")}
        prts = {c.lower_ for c in verb.children if c.dep_ == "prt"}
        x_lemmas = {x.lemma_.lower() for x in xcomps}
        has_oprd = any(c.dep_ in ("oprd",) for c in verb.children) or any(
            c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN") for c in verb.children)
        passive = sx.is_passive(verb)
        for r in rules:
            if r.obj and not (r.obj & obj_heads):
                continue
            if r.obj_any and not (r.obj_any & obj_words):
                continue
            if r.xcomp and not (r.xcomp & x_lemmas):
                continue
            if r.prep and not (r.prep & preps):
                continue
            if r.prt and not (r.prt & prts):
                continue
            if r.oprd is not None and r.oprd != has_oprd:
                continue
            if r.trans is not None and r.trans != bool(objs or passive):
                continue
            if r.passive is not None and r.passive != passive:
                continue
            return r
        return None

    def verb_rule(self, verb: Token, mi: MentionIndex, lemma: str | None = None) -> VerbRule | None:
        """The lexicon rule that codes ``verb`` here, or None when this use of the verb is no
        event: no rule or a "---" rule, a verb that only describes a noun, a naming ("what it
        called ..."), a warning about another actor's act, force words in a sports report, or
        violence against an abstract object ("fought inflation")."""
        rule = self._rule_for(verb, lemma)
        if rule is None or rule.code == "---" or self._in_noun_complement(verb):
            return None
        if verb.lemma_.lower() in NAMING_VERBS and any(
                c.dep_ in ("dobj", "nsubj", "nsubjpass", "oprd") and c.tag_ in ("WP", "WDT") for c in verb.children):
            return None  # "what it called interference": a naming, not an event
        if rule.code[:2] == "13" and self._about_someone_else(verb, mi):
            return None  # "officials warned that Iran could strike": a warning about another's act
        if rule.code[:2] >= "15" and rule.code not in ("173", "174") and self._is_sports(verb.sent):
            return None
        if rule.violence:
            objs = sx.direct_objects(verb)
            if objs and all(o.lemma_.lower() in self.lex.abstract_objects for o in objs):
                return None
        return rule

    def _code_verb(self, verb: Token, mi: MentionIndex, consumed: set[int], lemma: str | None = None) -> list[Candidate]:
        rule = self.verb_rule(verb, mi, lemma)
        if rule is None:
            return []
        for o in sx.direct_objects(verb):  # the object noun is part of this event
            consumed.add(o.i)
        for x in sx.xcomp_chain(verb):
            for o in sx.direct_objects(x):
                consumed.add(o.i)
        passive = sx.is_passive(verb)
        subj_toks, _ = sx.subjects(verb)
        if passive:
            sources = self._actors(sx.agent_of(verb), mi)
            targets = self._actors([t for t in subj_toks], mi) if subj_toks else []
            if not targets and subj_toks and rule.code[:2] in ("18", "19", "20"):
                # "a camp for Congolese refugees was attacked": the people the place holds
                targets = self._actors(subj_toks, mi, exclude=sources, deep=True)
            if not sources and not subj_toks:
                # "rebel forces armed by X": the modified noun is the patient
                if verb.dep_ == "acl":
                    targets = self._actors(sx.conjuncts(verb.head), mi)
        else:
            sources = self._actors(subj_toks, mi)
            targets = self._targets(verb, rule, mi, sources)
        cand = Candidate(trigger=verb, cameo=rule.code, pattern=rule.label, sources=sources,
                         targets=targets, reciprocal=rule.reciprocal, violence=rule.violence)
        if passive and not sources:
            cand.sources = [None]
        if rule.code[:2] == "14" and not sources:
            self._domestic(cand)  # "thousands rallied": the people of the place
        elif not passive and not sources:
            return []  # an active verb whose subject names no actor: who acted is unknown
        self._finish(cand, verb)
        return [cand]

    def _obligation_clause(self, verb: Token) -> Token | None:
        """The "that Y must Z" clause a verb of saying governs, directly ("said that Sudan must
        return ...") or through a noun of saying ("issued a reminder that it must ...")."""
        lem = verb.lemma_.lower()
        if not sx.is_verb(verb) or (lem not in self.lex.reporting_verbs and lem not in OBLIGATION_VERBS):
            return None
        heads = [verb] + [o for o in sx.direct_objects(verb) if o.lemma_.lower() in OBLIGATION_NOUNS]
        for h in heads:
            for c in h.children:
                if c.dep_ in ("ccomp", "acl") and c.pos_ in ("VERB", "AUX") and any(
                        a.dep_ == "aux" and a.lower_ == "must" for a in c.children) and not _is_condition(c):
                    return c
        return None

    def _code_obligation(self, verb: Token, mi: MentionIndex) -> list[Candidate]:
        """CAMEO 10 (demand): an actor states that ANOTHER actor must act ("Russia said that
        Sudan must return the helicopter"). The addressee is the clause's subject, else (for a
        pronoun) the actor the statement is addressed to ("a reminder to Iraq that it must")."""
        clause = self._obligation_clause(verb)
        if clause is None:
            return []
        subj_toks, _ = sx.subjects(verb)
        sources = self._actors(subj_toks, mi)
        if not sources:
            return []
        own = [s for s in clause.children if s.dep_ in ("nsubj", "nsubjpass")]
        targets = self._actors(own, mi, exclude=sources, deep=True)
        if not targets and all(s.pos_ == "PRON" and s.lower_ not in ("we", "i") for s in own):
            addressed = [t for h in [verb] + sx.direct_objects(verb) for p, t in sx.prep_objects(h, {"to"})]
            addressed += [t for c in verb.children if c.dep_ == "dative" for t in [c] + [g for g in c.children if g.dep_ == "pobj"]]
            targets = self._actors(addressed, mi, exclude=sources)
        if not targets:
            return []  # "we must ...", "talks must ...": no demand on another actor
        cand = Candidate(trigger=verb, cameo="100", pattern="lexicon: obligation (must) [100]",
                         sources=sources, targets=targets)
        self._finish(cand, verb)
        return [cand]

    def _about_someone_else(self, verb: Token, mi: MentionIndex) -> bool:
        """A threat or warning whose content is another actor's act ("warned that Iran could
        strike Israel") is no threat by the speaker."""
        subj, _ = sx.subjects(verb)
        speakers = {(m.country, m.code) for m in self._actors(subj, mi)}
        contents = [c for c in verb.children if c.dep_ == "ccomp"]
        if verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and sx.is_verb(verb.head):
            contents.append(verb.head)  # "Iran could strike Israel, officials warned"
        for c in contents:
            if _is_condition(c):
                continue  # "..., should Kampala close the border": the condition, not the content
            inner = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
            acts = self._actors(inner, mi)
            if acts and not any((a.country, a.code) in speakers or (a.country and a.country in {x for x, _ in speakers})
                                for a in acts):
                return True
        return False

    def _in_noun_complement(self, verb: Token) -> bool:
        """A verb that only describes a noun ("its right to station troops", "fears over
        amassing troops", "a scheme aimed at inciting") reports no event of its own."""
        cur = verb
        for _ in range(4):
            dep, head = cur.dep_, cur.head
            if head is cur:
                return False
            if dep in ("acl", "relcl") and head.pos_ in ("NOUN", "PROPN"):
                if cur.tag_ == "VBN" and any(c.dep_ == "agent" for c in cur.children):
                    return False  # "rebel forces armed by the United States"
                if dep == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children):
                    return False  # a relative clause with its own subject tells its own event
                return head.lemma_.lower() not in self.lex.nouns
            if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ in ("NOUN", "PROPN"):
                return True
            if dep in ("xcomp", "conj", "pcomp", "advcl"):
                cur = head
                continue
            return False
        return False

    def _code_light_verb(self, verb: Token, mi: MentionIndex, consumed: set[int]) -> list[Candidate]:
        nouns = [o for o in sx.direct_objects(verb)]
        nouns += [t for p, t in sx.prep_objects(verb, {"in", "into"})]
        for n in nouns:
            entry = self._noun_entry(n)
            if entry is None:
                continue
            consumed.add(n.i)
            if self._in_noun_complement(verb):
                return []
            subj_toks, passive = sx.subjects(verb)
            sources = self._actors(subj_toks, mi)
            if not sources and not entry.domestic:
                return []  # who acted is unknown
            targets = self._noun_targets(n, mi, sources, entry.code)
            if not targets:
                # the event noun's possessor made it ("reiterated Putin's condemnations"): not a target
                owners = self._actors([c for c in n.children if c.dep_ == "poss"], mi)
                targets = self._targets(verb, None, mi, list(sources) + owners)
            cand = Candidate(trigger=verb, cameo=entry.code,
                             pattern=f"lexicon: {verb.lemma_.upper()} + {entry.lemma.upper()} [{entry.code}]",
                             sources=sources, targets=targets, reciprocal=entry.reciprocal)
            if entry.domestic:
                self._domestic(cand)
            self._finish(cand, verb)
            return [cand]
        return []

    # ---------------------------------------------------------------- nouns
    def _noun_entry(self, tok: Token) -> NounEntry | None:
        lemma = tok.lemma_.lower()
        entry = self.lex.nouns.get(lemma) or self.lex.nouns.get(tok.lower_)
        if entry is None and tok.i + 1 < len(tok.doc):
            two = f"{tok.lower_} {tok.doc[tok.i + 1].lower_}"
            entry = self.lex.nouns.get(two)
        if entry is None and tok.i >= 2 and tok.doc[tok.i - 1].text == "-":
            entry = self.lex.nouns.get(f"{tok.doc[tok.i - 2].lower_}-{tok.lower_}")  # "sit-in"
        return entry

    def _code_noun(self, noun: Token, entry: NounEntry, mi: MentionIndex) -> list[Candidate]:
        dep, head = noun.dep_, noun.head
        # explicit participants
        between = [t for p, t in sx.prep_objects(noun, {"between"})]
        poss = [c for c in noun.children if c.dep_ == "poss"]
        mods = [c for c in noun.children if c.dep_ in ("amod", "compound", "nmod")]
        by = [t for p, t in sx.prep_objects(noun, {"by"})]
        sources: list[ActorMention | None] = []
        targets: list[ActorMention | None] = []
        if between:
            acts = self._actors(between, mi)
            if len(acts) >= 2:
                sources, targets = [acts[0]], [acts[1]]
        if not sources:
            sources = self._actors(by, mi) or self._actors(poss, mi) or mi.in_tokens(mods)
        if not targets:
            targets = self._noun_targets(noun, mi, sources, entry.code)
        standalone = (dep in ("nsubj", "nsubjpass") and (entry.domestic or bool(targets))
                      or (dep == "pobj" and head.lower_ in TEMPORAL_PREPS and head.lower_ != "in")
                      or (dep == "pobj" and head.lower_ == "to" and head.head.lemma_.lower() == "response"))
        if not standalone and not (sources and targets):
            return []
        if not standalone and entry.domestic is False and not sources:
            return []
        cand = Candidate(trigger=noun, cameo=entry.code, pattern=f"lexicon: noun {entry.lemma.upper()} [{entry.code}]",
                         sources=sources, targets=targets, reciprocal=entry.reciprocal,
                         confidence=0.5)
        if entry.domestic:
            self._domestic(cand)
        elif entry.code[:2] >= "15" and not targets:
            cand.place_target = True
        if not cand.sources and not entry.domestic:
            return []
        self._finish(cand, noun)
        return [cand]

    def _noun_targets(self, noun: Token, mi: MentionIndex, sources, code: str = "") -> list[ActorMention | None]:
        """The target of an event noun: the object of its preposition. A pullback ("the
        withdrawal of US forces from Panama") is away FROM its target; its of-phrase names the
        source's own forces, no target."""
        preps = ["against", "on", "with", "toward", "towards", "at", "of", "in", "into", "to"]
        if code[:2] == "08":
            preps = ["from"] + preps
        own = {s.country for s in sources if s is not None and s.country}
        pobjs = sx.prep_objects(noun, tuple(preps))
        if code[:2] == "08":  # "the withdrawal of forces from Panama" parsed as "forces from Panama"
            pobjs = [pt for p, t in pobjs if p == "of" for pt in sx.prep_objects(t, ("from",))] + pobjs
        for p, t in pobjs:
            acts = self._actors([t], mi, exclude=sources, deep=True)
            if code[:2] == "08":
                acts = [a for a in acts if a.country not in own]
            if acts:
                return acts
        return []

    # ---------------------------------------------------------------- actors
    def _actors(self, toks: Sequence[Token], mi: MentionIndex, exclude=(), deep: bool = False) -> list[ActorMention]:
        """The actor each noun phrase head denotes: the mention covering the head, else (with
        ``deep`` or for appositions) a mention inside the phrase."""
        out: list[ActorMention] = []
        excl_countries = {m.country for m in exclude if m is not None and m.country}
        excl_ids = {(m.start, m.end) for m in exclude if m is not None}
        excl_codes = {m.code for m in exclude if m is not None and m.code}
        for t in toks:
            m = mi.at(t)
            if m is None:
                appos = [c for c in t.children if c.dep_ == "appos"]
                for a in appos:
                    m = mi.at(a)
                    if m is not None:
                        break
            if m is None:
                m = self._members_of(t, mi)
            if m is None and deep:
                # the phrase's own nationality ("French mediation in talks with Syria") before
                # the actors its modifiers name
                own = self._nationality(t, excl_countries)
                inner = [x for x in mi.in_tokens(sx.np_tokens(t))
                         if x.country not in excl_countries and (x.start, x.end) not in excl_ids]
                if own is not None and (not inner or inner[0].start > t.idx):
                    m = own  # every named actor follows the head: it is nested in a modifier
                else:
                    m = inner[0] if inner else own
            if m is not None and m.method in ("sector", "coref") and any(
                    c.dep_ == "amod" and c.lower_ in ("foreign", "international", "outside") for c in t.children):
                m = None  # "foreign forces": whose they are is not said
            if m is not None and m.sector and m.country:
                extra = self._of_members(t, m, mi)
                if extra:
                    out.extend(x for x in extra if x not in out)
            if m is not None and m.method == "coref" and m.country and m.country in excl_countries:
                m = None  # "its ambassador": the source's own agent, not a target
            if m is not None and (m.start, m.end) not in excl_ids and m not in out and m.code not in excl_codes:
                if m.country and m.country in excl_countries and m.code == (m.country or ""):
                    continue
                out.append(m)
        return _share_modifier(out)

    @staticmethod
    def _members_of(head: Token, mi: MentionIndex) -> ActorMention | None:
        """The actor a collective noun stands for: the one its of-phrase names."""
        if head.lower_ not in COLLECTIVE_NOUNS and head.lemma_.lower() not in COLLECTIVE_NOUNS:
            return None
        for p, obj in sx.prep_objects(head, {"of"}):
            m = mi.at(obj)
            if m is not None:
                return m
        return None

    def _nationality(self, head: Token, excl_countries) -> ActorMention | None:
        """A nationality adjective on a thing ("burned American flags", "an Australian
        ultimatum"): the country it names."""
        if self.place_country is None:
            return None
        for c in head.children:
            if c.dep_ in ("amod", "compound") and c.text[:1].isupper() and (
                    c.ent_type_ == "NORP" or c.tag_ in ("JJ", "NNPS")):
                country = self.place_country(c.text)
                if country and country not in excl_countries:
                    return ActorMention(text=c.text, start=c.idx, end=c.idx + len(c.text), code=country,
                                        country=country, sector=None, name=c.text, method="adjective")
        return None

    def _of_members(self, head: Token, m: ActorMention, mi: MentionIndex) -> list[ActorMention]:
        """"The foreign ministers of India and China": the title's holders for every country
        coordinated in its of-phrase, besides the one the mention covers."""
        out = []
        for p, obj in sx.prep_objects(head, {"of"}):
            for c in sx.conjuncts(obj)[1:] if obj is sx.conjuncts(obj)[0] else []:
                mc = mi.at(c)
                if mc is not None and mc.country and mc.country != m.country:
                    out.append(replace(mc, code=mc.country + (m.sector or ""), sector=m.sector,
                                       method="title+of"))
        return out

    def _place_actor(self, tok: Token, sources) -> ActorMention | None:
        """A place named where an actor is expected ("recalled its ambassador from Belgrade"):
        the country of the place."""
        if self.place_country is None or tok.pos_ != "PROPN":
            return None
        span = tok.doc[min(t.i for t in tok.subtree if t.pos_ == "PROPN"): tok.i + 1] if tok.pos_ == "PROPN" else None
        text = span.text if span is not None else tok.text
        country = self.place_country(text)
        if not country or any(s is not None and s.country == country for s in sources):
            return None
        return ActorMention(text=text, start=span.start_char, end=span.end_char, code=country,
                            country=country, sector=None, name=text, method="place")

    def _targets(self, verb: Token, rule: VerbRule | None, mi: MentionIndex, sources) -> list[ActorMention | None]:
        holders = [verb] + sx.xcomp_chain(verb)
        objs = [o for h in holders for o in sx.direct_objects(h)]
        # 1. the rule's own prepositions
        if rule is not None and rule.target_from:
            for h in holders + objs:
                for p, t in sx.prep_objects(h, set(rule.target_from)):
                    acts = self._actors([t], mi, exclude=sources, deep=True)
                    if acts:
                        return acts
                    place = self._place_actor(t, sources)
                    if place is not None:
                        return [place]
        # 2. direct objects that are actors, 3. datives
        acts = self._actors(objs, mi, exclude=sources)
        if acts:
            return acts
        acts = self._actors([c for h in holders for c in h.children if c.dep_ in ("dative", "iobj")], mi, exclude=sources)
        if acts:
            return acts
        # 4. prepositional objects
        for h in holders:
            for p, t in sx.prep_objects(h, set(TARGET_PREPS)):
                acts = self._actors([t], mi, exclude=sources)
                if acts:
                    return acts
        # 5. an actor inside the object phrase ("Russia's noncompliance", "U.S. accusations")
        if rule is None or not rule.violence:
            for o in objs:
                acts = self._actors([o], mi, exclude=sources, deep=True)
                if acts:
                    return acts[:1]
            for h in holders:
                for p, t in sx.prep_objects(h, set(TARGET_PREPS)):
                    acts = self._actors([t], mi, exclude=sources, deep=True)
                    if acts:
                        return acts[:1]
        # 6. the subject of a clausal complement ("demanded that NATO ...", "urged that ...")
        for c in verb.children if rule is None or rule.code[:2] in ("02", "10", "13") else ():
            if c.dep_ == "ccomp":
                subj = [s for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
                acts = self._actors(subj, mi, exclude=sources, deep=True)
                if acts:
                    return acts
                for p, t in sx.prep_objects(c, set(TARGET_PREPS)):
                    acts = self._actors([t], mi, exclude=sources, deep=True)
                    if acts:
                        return acts
        return []

    # ---------------------------------------------------------------- shared
    def _domestic(self, cand: Candidate) -> None:
        """Protest-like events without named participants: the protesters and the government of
        the place where it happens."""
        if not cand.sources:
            cand.sources = [implicit_actor("CVL")]
            cand.implicit.add("source")
        if not cand.targets:
            cand.targets = [implicit_actor(None)]
            cand.implicit.add("target")

    def _finish(self, cand: Candidate, trigger: Token) -> None:
        root = cand.cameo[:2]
        if cand.violence and not cand.targets:
            cand.place_target = True
        if root == "14" and cand.sources and not cand.targets:
            cand.targets = [implicit_actor(None)]
            cand.implicit.add("target")
        if root in ("11", "12", "13") and not cand.targets and _against_policy(trigger):
            # "vowed a fight against the pension reform": the government that made it
            cand.targets = [implicit_actor("GOV")]
            cand.implicit.add("target")
        if not cand.targets and root in ("05", "11", "12", "13") and _answers_someone(trigger):
            cand.discourse_target = True
