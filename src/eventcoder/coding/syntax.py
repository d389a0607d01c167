"""Dependency-parse helpers shared by the coder and the modality stage (spaCy English labels)."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

#: clause relations: a token below one of these belongs to another clause
CLAUSE_DEPS = {"ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "csubj", "parataxis", "pcomp"}
VERB_POS = {"VERB", "AUX"}
#: verbs whose object is the doer of their complement ("urged Russia to withdraw")
OBJECT_CONTROL = {"prompt", "force", "urge", "ask", "allow", "order", "persuade", "push", "compel",
                  "encourage", "invite", "tell", "cause", "lead", "pressure", "press", "help", "call"}


def is_verb(tok: Token) -> bool:
    return tok.pos_ in VERB_POS or tok.tag_.startswith("VB")


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)


def conjuncts(tok: Token) -> list[Token]:
    """``tok`` and the nouns coordinated with it ("the United States and France")."""
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN", "PRON", "ADJ"):
            out.extend(conjuncts(c))
    return out


def subjects(verb: Token) -> tuple[list[Token], bool]:
    """Subject heads of ``verb``'s clause, climbing to the governing clause when the verb has none
    of its own (xcomp, conj, advcl, gerund under "by", adjectival "quick to denounce").

    Returns (subject tokens with their conjuncts, passive?) where passive tells whether the
    subject found is the patient of a passive verb.
    """
    cur = verb
    for _ in range(6):
        subj = [c for c in cur.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        if subj:
            out = []
            for s in subj:
                out.extend(conjuncts(s))
            return out, subj[0].dep_ == "nsubjpass" and cur is verb
        dep = cur.dep_
        head = cur.head
        if head is cur:
            break
        if dep == "xcomp" and is_verb(head):
            objs = [c for c in head.children if c.dep_ in ("dobj", "obj")]
            if objs:  # object control: "prompted Belgium to arrest" - Belgium arrests
                return conjuncts(objs[0]), False
        if dep == "ccomp" and is_verb(head) and head.lemma_.lower() in OBJECT_CONTROL:
            subj = [c for c in cur.children if c.dep_ in ("nsubj",)]
            if subj:  # "prompted Belgium to arrest" parsed as a clause: its own subject
                return conjuncts(subj[0]), False
        if dep in ("xcomp", "conj", "advcl", "acl", "oprd") or (dep == "dep" and is_verb(cur) and is_verb(head)):
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN") and cur.tag_ in ("VBN",):
                # "rebel forces armed by X": the noun is the patient
                return [], False
            if dep == "acl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return conjuncts(head), False
            cur = head
            continue
        if dep == "pcomp":  # "responded by upholding": prep -> verb
            cur = head.head if head.dep_ == "prep" else head
            continue
        if dep in ("acomp",) or (head.pos_ == "ADJ" and dep == "xcomp"):
            cur = head
            continue
        if cur.pos_ == "ADJ" and dep in ("acomp", "xcomp"):
            cur = head
            continue
        break
    # a list of clauses that shares one subject, mis-parsed as complements ("X reaffirmed ...,
    # demanded ..."): take the subject of a clause before the verb that hangs below it
    for c in verb.children:
        if c.dep_ in ("ccomp", "conj", "parataxis") and c.i < verb.i and is_verb(c):
            subj = [s for s in c.children if s.dep_ == "nsubj"]
            if subj:
                return conjuncts(subj[0]), False
    return [], False


def agent_of(verb: Token) -> list[Token]:
    """The "by" agent of a passive verb: [pobj heads]."""
    for c in verb.children:
        if c.dep_ == "agent":
            return [t for p in c.children if p.dep_ == "pobj" for t in conjuncts(p)]
    return []


def prep_objects(tok: Token, preps: tuple[str, ...] | set[str] | None = None) -> list[tuple[str, Token]]:
    """[(preposition, object head)] for prepositions attached to ``tok`` (and their conjuncts)."""
    out = []
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and (preps is None or c.lower_ in preps):
            for p in c.children:
                if p.dep_ == "pobj":
                    for t in conjuncts(p):
                        out.append((c.lower_, t))
                elif p.dep_ == "prep" and (preps is None or p.lower_ in preps):  # "out of"
                    for q in p.children:
                        if q.dep_ == "pobj":
                            out.append((p.lower_, q))
    return out


def direct_objects(verb: Token) -> list[Token]:
    return [t for c in verb.children if c.dep_ in ("dobj", "obj") for t in conjuncts(c)]


def xcomp_chain(verb: Token) -> list[Token]:
    """Verbs of the open complements below ``verb``: "threatened to impose" -> [impose]."""
    out = []
    stack = [c for c in verb.children if c.dep_ == "xcomp" and is_verb(c)]
    while stack:
        v = stack.pop(0)
        out.append(v)
        stack.extend(c for c in v.children if c.dep_ == "xcomp" and is_verb(c))
    return out


def clause_tokens(verb: Token) -> Iterator[Token]:
    """Tokens of ``verb``'s own clause: its subtree without embedded clauses."""
    stack = [verb]
    while stack:
        t = stack.pop()
        yield t
        for c in t.children:
            if c.dep_ in CLAUSE_DEPS and is_verb(c) and c is not verb:
                continue
            stack.append(c)


def np_tokens(head: Token) -> list[Token]:
    """Tokens of the noun phrase headed by ``head`` without relative/adverbial clauses and
    coordinated nouns."""
    out = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in ("relcl", "acl", "advcl", "conj", "cc", "punct", "appos") and t is head:
                if c.dep_ == "appos":
                    stack.append(c)
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)
