"""Modality and attribution of a coded event, read off the dependency parse.

``modality_of(trigger)`` returns one of the values of ``docs/event-record.md``:

- ``negated``: not / n't / never / no longer on the event's clause, "no one"/"nobody" as subject,
  or the event is the complement of fail / refuse / decline / deny ... ("refused to attend").
- ``hypothetical``: would / could / might / may / can / should / must; a condition (if, unless,
  whether, so long as, provided that, in case; inverted "should X attempt", "had X known");
  the content of a threat, warning, demand, appeal, wish or attempt ("threatened to IMPOSE").
- ``future``: will / shall / 'll / going to / is to / about to; scheduled, planned, intended,
  expected or promised events ("is scheduled to take place", "plans to visit").
- ``claimed``: hedged or disputed (alleged, reportedly, purported, claimed that, accused ... of).
- ``asserted`` otherwise. ``historical`` and ``opinion`` are decided by the pipeline from the
  event date and the document.

``attribution_of(trigger)`` returns the tokens of who said it ("police said", "according to X").
Sources: none but spaCy's English dependency labels (ClearNLP style).
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from .coding import syntax as sx

NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
NEG_SUBJ = {"nobody", "none", "no one", "noone", "nothing"}
NEG_GOVERNORS = {"fail", "refuse", "decline", "deny", "reject", "avoid", "cancel", "stop", "abandon",
                 "halt", "postpone", "forgo", "call off", "rule out"}
HYPO_MODALS = {"would", "could", "might", "may", "can", "should", "must", "ought", "'d"}
FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
CONDITION_MARKS = {"if", "unless", "whether", "lest", "provided", "providing", "once"}
#: verbs whose complement is not (yet) a fact
HYPO_GOVERNORS = {"threaten", "warn", "want", "wish", "seek", "hope", "try", "attempt", "aim",
                  "consider", "propose", "urge", "call", "ask", "demand", "appeal", "press",
                  "push", "request", "require", "insist", "mull", "weigh", "offer", "suggest",
                  "recommend", "fear", "risk", "could", "would", "need", "threat", "able",
                  "ready", "willing", "prepared", "seek", "struggle", "dare", "vote", "move",
                  "order", "instruct", "command", "authorize", "authorise", "tell", "permit"}
#: verbs whose clausal complement ("demanded that X be done") has not happened
CCOMP_HYPO = {"demand", "urge", "ask", "insist", "propose", "suggest", "recommend", "fear",
              "warn", "threaten", "request", "require", "hope", "wish", "call"}
FUTURE_GOVERNORS = {"plan", "intend", "schedule", "expect", "set", "due", "pledge", "promise",
                    "vow", "agree", "decide", "prepare", "go", "about", "poised", "slate",
                    "resolve", "commit", "undertake"}
CLAIM_WORDS = {"alleged", "allegedly", "reportedly", "purported", "purportedly", "apparently",
               "unconfirmed", "unverified", "supposedly", "suspected", "claimed", "so-called"}
CLAIM_GOVERNORS = {"claim", "allege", "accuse", "suspect", "rumor", "rumour", "dispute", "blame"}
FUTURE_ADJ = {"upcoming", "planned", "proposed", "scheduled", "future", "forthcoming", "possible",
              "potential", "expected", "prospective", "next"}
REPORTING = {"say", "tell", "state", "report", "add", "note", "claim", "allege", "announce",
             "confirm", "write", "explain", "insist", "maintain", "stress", "declare", "argue",
             "assert", "tweet", "post", "quote", "warn", "suggest", "deny", "acknowledge"}


@dataclass(frozen=True)
class ModalityResult:
    """``modality`` (see module doc) and ``cue``: the word that decided it, or None."""

    modality: str
    cue: str | None = None


def _clause_verb(tok: Token) -> Token:
    """The verb whose clause a (noun) trigger belongs to."""
    cur = tok
    for _ in range(8):
        if sx.is_verb(cur) or cur.head is cur:
            return cur
        cur = cur.head
    return cur


def _own(verb: Token, inherited: bool = False) -> ModalityResult | None:
    """Modality decided by the verb's own clause (auxiliaries, negation, marks). ``inherited``:
    the clause governs the event's clause, so only what it shares (auxiliaries, negation of
    the verb, conditions) counts, not its subject ("no new members be added, and stated")."""
    kids = list(verb.children)
    for c in kids:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "no longer")):
            return ModalityResult("negated", c.text)
    for c in kids if not inherited else ():
        if c.dep_ in ("nsubj", "nsubjpass"):
            phrase = " ".join(t.lower_ for t in c.subtree)
            if c.lower_ in NEG_SUBJ or phrase in NEG_SUBJ or any(
                    d.dep_ == "det" and d.lower_ == "no" for d in c.children):
                return ModalityResult("negated", phrase)
    for c in kids:
        if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
            return ModalityResult("hypothetical", c.text)
        if c.dep_ in ("mark", "advmod") and c.lower_ == "long" and any(
                g.lower_ == "so" for g in c.children):
            return ModalityResult("hypothetical", "so long as")
        if c.dep_ == "mark" and c.lower_ == "as" and any(
                g.lower_ == "long" for g in c.head.children if g.i == c.i - 1):
            return ModalityResult("hypothetical", "as long as")
    # inverted conditional: "should Moscow attempt", "had they known", "were it to"
    subj = [c for c in kids if c.dep_ in ("nsubj", "nsubjpass")]
    for c in kids:
        if c.dep_ in ("aux", "auxpass") and c.lower_ in ("should", "had", "were") and subj and c.i < subj[0].i:
            prev = verb.doc[c.i - 1] if c.i > 0 else None
            if prev is None or prev.is_punct or prev.lower_ in ("and", "but", "or"):
                if not verb.doc[verb.i:].text.strip().endswith("?"):
                    return ModalityResult("hypothetical", c.text)
    for c in kids:
        if c.dep_ in ("aux", "auxpass"):
            if c.lower_ in FUTURE_AUX:
                return ModalityResult("future", c.text)
            if c.lower_ == "would" and _reported_in_past(verb) and not any(
                    k.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in k.children) for k in kids):
                return ModalityResult("future", c.text)  # "said they would march": backshifted will
            if c.lower_ in HYPO_MODALS or (c.tag_ == "MD" and c.lower_ not in FUTURE_AUX):
                return ModalityResult("hypothetical", c.text)
    for c in kids:
        if c.lower_ in CLAIM_WORDS and c.dep_ in ("advmod", "amod", "acomp"):
            return ModalityResult("claimed", c.text)
    return None


def _past_clause(verb: Token) -> bool:
    """The clause is in a past tense of its own ("agreed that it had withdrawn", "has recalled")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def _reported_in_past(verb: Token) -> bool:
    """The clause is the complement of a past-tense verb of saying ("said they would ...")."""
    cur = verb
    while cur.dep_ == "conj" and cur.head is not cur:
        cur = cur.head
    head = cur.head
    return cur.dep_ == "ccomp" and head.lemma_.lower() in REPORTING | {"vow", "pledge", "promise", "warn", "threaten"} \
        and head.tag_ in ("VBD", "VBN")


def modality_of(trigger: Token) -> ModalityResult:
    """The modality of the event whose trigger (verb or event noun) is ``trigger``.

    Walks from the trigger's clause up through the clauses that govern it (xcomp, ccomp,
    advcl, conj, acl) and stops at the first that decides; a reported clause (ccomp of "said")
    does not take the modality of its reporting verb unless that verb is itself negated or
    hypothetical. Returns a :class:`ModalityResult`.
    """
    # event nouns: their own modifiers first ("the planned summit", "alleged attack")
    if not sx.is_verb(trigger):
        for c in trigger.children:
            if c.lower_ in FUTURE_ADJ and c.dep_ in ("amod", "compound", "nmod"):
                return ModalityResult("future", c.text)
            if c.lower_ in CLAIM_WORDS:
                return ModalityResult("claimed", c.text)
        if trigger.dep_ == "pobj" and trigger.head.lower_ in ("during", "after", "before", "amid", "following", "since", "despite"):
            return ModalityResult("asserted")
    verb = _clause_verb(trigger)
    cur = verb
    first = True
    via = None
    for _ in range(8):
        own = _own(cur, inherited=not first)
        if own is not None and own.modality == "negated" and via == "advcl":
            own = None  # "officers never fired, denying reports": the participle is not negated
        if own is not None:
            if first or own.modality in ("negated", "hypothetical", "future") and cur is not verb:
                return own
        dep, head = cur.dep_, cur.head
        if head is cur:
            break
        hl = head.lemma_.lower()
        if dep in ("xcomp", "ccomp", "pcomp", "acl", "advcl", "oprd", "prep") or (
                dep == "pobj" and head.dep_ == "prep"):
            gov = head if dep != "pcomp" else head.head
            gl = gov.lemma_.lower()
            if dep == "ccomp":
                gov_own = _own(gov)
                if gov_own is not None and gov_own.cue and gov_own.cue.lower() in CONDITION_MARKS | {"should", "had", "were"}:
                    # a condition cannot govern a reported clause: the parse attached the main
                    # clause below the condition ("X threatened sanctions, should Y attack")
                    return ModalityResult("asserted")
            if dep in ("xcomp", "pcomp", "acl", "ccomp") or gl in NEG_GOVERNORS | HYPO_GOVERNORS:
                if gl in NEG_GOVERNORS and dep in ("xcomp",):
                    return ModalityResult("negated", gov.text)
                if gl in ("deny",) and dep in ("ccomp", "pcomp", "acl"):
                    return ModalityResult("claimed", gov.text)
                if gl in FUTURE_GOVERNORS and dep in ("xcomp", "ccomp", "acl") and not _past_clause(cur):
                    return ModalityResult("future", gov.text)
                if gl in HYPO_GOVERNORS and (dep in ("xcomp", "pcomp", "acl") or gl in CCOMP_HYPO):
                    return ModalityResult("hypothetical", gov.text)
                if gl in CLAIM_GOVERNORS and dep in ("ccomp", "pcomp"):
                    return ModalityResult("claimed", gov.text)
        if dep == "ccomp" and hl in REPORTING:
            # a reported clause: only a negated or hypothetical report changes it
            rep = _own(head)
            if rep is not None and rep.modality in ("negated", "hypothetical"):
                return rep
            return ModalityResult("asserted")
        if dep in ("xcomp", "conj", "advcl", "acl", "pcomp", "prep", "pobj", "oprd", "acomp", "amod"):
            if dep == "conj" and any(c.dep_ in ("aux", "auxpass", "neg", "nsubj") for c in cur.children):
                break
            if dep == "advcl" and any(c.dep_ == "mark" for c in cur.children):
                break
            via = dep
            cur = head if sx.is_verb(head) or head.pos_ == "ADJ" else _clause_verb(head)
            first = False
            if cur is head and not sx.is_verb(head) and head.pos_ != "ADJ":
                break
            continue
        break
    return ModalityResult("asserted")


def attribution_of(trigger: Token) -> list[Token]:
    """Head tokens of who the event is attributed to: the subject of a governing reporting verb
    ("..., police said"; "X said that ..."), or the object of "according to". [] if none."""
    cur = _clause_verb(trigger)
    for _ in range(6):
        for c in cur.children:
            if c.dep_ == "prep" and c.lower_ == "according":
                for p in c.children:
                    if p.dep_ == "prep":
                        return [q for q in p.children if q.dep_ == "pobj"]
        head = cur.head
        if head is cur:
            # "X did Y, officials said": the reporting verb is a parataxis/ccomp child of the root
            for c in cur.children:
                if c.dep_ in ("parataxis", "ccomp", "advcl") and c.lemma_.lower() in REPORTING and c.i > trigger.i:
                    subj = [s for s in c.children if s.dep_ in ("nsubj",)]
                    if subj:
                        return subj
            break
        if cur.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in REPORTING:
            subj = [s for s in head.children if s.dep_ in ("nsubj",)]
            if subj:
                return subj
        cur = head
    return []
