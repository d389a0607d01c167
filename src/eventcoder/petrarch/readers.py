"""Readers for the PETRARCH/TABARI dictionary formats (verbs, actors, agents, discards).

Each reader takes a path and returns plain Python data (dicts, lists, tuples, strings) so the
result can be pickled and cached. A malformed line triggers ``warnings.warn`` naming the file and
line number and is skipped; a missing file raises ``FileNotFoundError``.

Formats (as in the openeventdata/petrarch2 dictionaries, MIT, Open Event Data Alliance):

* verbs (``CAMEO.2.0.txt``, ``PETR.Validate.verbs.txt``): synsets ``&NAME`` followed by ``+member``
  lines (members may contain synsets); verb blocks ``--- NAME [code] ---`` followed by verb lines
  (``VERB {irregular forms}`` ``[code]``; ``+SYNONYM``; multi-word verbs with ``_``, the ``+``
  inside a multi-word verb marking its head) and pattern lines ``- words [code]  # comment``.
  In a pattern ``*`` is the verb, ``$`` the source, ``+`` the target, ``%`` a compound actor,
  ``^`` skips a phrase, ``&NAME`` a synset, ``( )`` a prepositional part and ``{ }`` a noun
  phrase (both matched as their words), ``|`` separates alternatives; ``_`` joins words that
  must be adjacent, a space allows words between. ``[a:b]`` codes a source->target event ``a``
  and a target->source event ``b``. ``[---]`` means no event.
* actors (``Phoenix.*.actors.txt``, ``PETR.Validate.actors.txt``): a root name (words joined by
  ``_`` or spaces) with ``+synonym`` lines and code lines ``[CODE]``, ``[CODE >YYMMDD]``,
  ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` (dates YYMMDD or YYYYMMDD); names listed before
  a code line share it.
* agents (``Phoenix.agents.txt``): ``NAME {PLURALS} [~CODE]`` (suffix) or ``[CODE~]`` (prefix);
  ``!SUB! = A, B`` substitution sets used as ``!SUB!`` inside names.
* discards: one phrase per line, ``+`` marks a story-level discard.
"""
from __future__ import annotations

import datetime as _dt
import re
import warnings
from pathlib import Path

__all__ = ["read_verbs", "read_actors", "read_agents", "read_discards", "words_of", "verb_forms"]

_CODE_RE = re.compile(r"\[([^\]]*)\]")


def _lines(path: Path):
    """(line number, text) of the non-empty lines of a dictionary file, comments removed."""
    with open(path, encoding="utf-8", errors="replace") as fh:
        for lineno, raw in enumerate(fh, 1):
            s = _strip_comment(raw.rstrip("\n")).strip()
            if s:
                yield lineno, s


def _strip_comment(line: str) -> str:
    """Drop XML-style comment lines and ``#`` comments (a ``#`` inside ``[...]`` is data)."""
    if line.lstrip().startswith("<!") or line.lstrip().startswith("-->"):
        return ""
    depth = 0
    for i, ch in enumerate(line):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return line[:i].rstrip()
    return line.rstrip()


def _warn(path: Path, lineno: int, msg: str) -> None:
    warnings.warn(f"{path}:{lineno}: {msg}", stacklevel=3)


def words_of(phrase: str) -> tuple[str, ...]:
    """Split a dictionary phrase into upper-case tokens as spaCy tokenises text:
    ``_`` and spaces separate words, hyphens between letters become their own token."""
    out: list[str] = []
    for w in re.split(r"[_\s]+", phrase.upper()):
        if not w:
            continue
        parts = re.split(r"(?<=[A-Z0-9])(-)(?=[A-Z0-9])", w)
        out.extend(p for p in parts if p)
    return tuple(out)


def verb_forms(base: str) -> set[str]:
    """Regular English forms of an upper-case verb: base, -S, -ED, -ING."""
    b = base
    forms = {b}
    if re.search(r"(S|X|Z|CH|SH)$", b):
        forms.add(b + "ES")
    elif re.search(r"[^AEIOU]Y$", b):
        forms.add(b[:-1] + "IES")
    else:
        forms.add(b + "S")
    if b.endswith("E"):
        forms.update({b + "D", b[:-1] + "ING"})
    elif re.search(r"[^AEIOU]Y$", b):
        forms.update({b[:-1] + "IED", b + "ING"})
    else:
        forms.update({b + "ED", b + "ING"})
        if re.search(r"[^AEIOU][AEIOU][BDGLMNPRT]$", b):
            forms.update({b + b[-1] + "ED", b + b[-1] + "ING"})
    return forms


# ----------------------------------------------------------------------------------- verbs
def _parse_pattern_tokens(text: str) -> list[tuple]:
    """Pattern text -> list of elements: ("w", WORD, joined) / ("syn", NAME, joined) /
    ("src",) / ("tgt",) / ("comp",) / ("skip",) / ("verb",) / ("alt", ((words...), ...), joined).
    ``joined`` is True when the element must be adjacent to the previous one (``_``)."""
    text = text.replace("(", " ").replace(")", " ").replace("{", " ").replace("}", " ")
    out: list[tuple] = []
    # split keeping '_' joins: tokens separated by spaces; within a token '_' joins adjacent parts
    text = re.sub(r"(?<=\*)(?=[A-Za-z&$+%^])", " ", text)  # "*SCEPTICAL" -> "* SCEPTICAL"
    text = re.sub(r"(?<=[A-Za-z])(?=\*)", " ", text)
    for chunk in text.split():
        if "|" in chunk:
            alts = tuple(words_of(a) for a in chunk.split("|") if a)
            out.append(("alt", alts, False))
            continue
        parts = chunk.split("_")
        first = True
        for p in parts:
            joined = not first
            first = False
            if p == "":
                # trailing/leading underscore: adjacency marker with the next/prev element
                if out and not joined:
                    continue
                continue
            if p == "*":
                out.append(("verb", joined))
            elif p == "$":
                out.append(("src", joined))
            elif p == "+":
                out.append(("tgt", joined))
            elif p == "%":
                out.append(("comp", joined))
            elif p == "^":
                out.append(("skip", joined))
            elif p.startswith("&"):
                out.append(("syn", p[1:].upper(), joined))
            else:
                for k, w in enumerate(words_of(p)):
                    out.append(("w", w, joined or k > 0))
    # a "_*" or "*_" adjacency: mark the element after the verb as joined when "*_" written
    return out


def read_verbs(path: Path | str) -> dict:
    """Read a PETRARCH verb dictionary.

    Returns ``{"synsets": {NAME: [phrase tuples]}, "verbs": {FORM: [entry...]},
    "patterns": [pattern...], "blocks": int}`` where an entry is
    ``(block_index, code, pre_words, post_words)`` (the words of a multi-word verb before and
    after its head) and a pattern is ``{"block": i, "code": str, "pre": [elements],
    "post": [elements], "pre_adj": bool, "post_adj": bool, "line": str}`` with elements as in
    :func:`_parse_pattern_tokens` (``pre`` in text order). Synset references are kept by name;
    unknown synsets warn at the end of reading.
    """
    path = Path(path)
    synsets: dict[str, list[tuple[str, ...]]] = {}
    syn_refs: dict[str, list[str]] = {}
    verbs: dict[str, list[tuple]] = {}
    patterns: list[dict] = []
    block = -1
    block_code: str | None = None
    cur_syn: str | None = None
    in_block = False
    for lineno, s in _lines(path):
        if s.startswith("---"):
            m = re.match(r"^---\s*(.*?)\s*(?:---)?\s*$", s)
            if not m:
                _warn(path, lineno, f"malformed verb block header: {s!r}")
                in_block = False
                continue
            codes = _CODE_RE.findall(m.group(1))
            block += 1
            block_code = codes[-1].strip() if codes else "---"
            in_block = True
            cur_syn = None
            continue
        if s.startswith("&"):
            name = s.split()[0][1:].upper().rstrip("_")
            if not name:
                _warn(path, lineno, "empty synset name")
                continue
            cur_syn = name
            synsets.setdefault(name, [])
            in_block = False
            continue
        if cur_syn is not None and s.startswith("+") and not in_block:
            member = s[1:].strip()
            if member.startswith("&"):
                syn_refs.setdefault(cur_syn, []).append(member[1:].upper().rstrip("_"))
            elif member:
                synsets[cur_syn].append(words_of(member))
            else:
                _warn(path, lineno, "empty synset member")
            continue
        if s.startswith("~"):
            continue  # PETRARCH-2 transformation rules: not supported, skipped
        if not in_block:
            _warn(path, lineno, f"line outside a verb block or synset: {s!r}")
            continue
        if s.startswith("-"):
            body = s[1:].strip()
            codes = _CODE_RE.findall(body)
            if not codes:
                _warn(path, lineno, f"pattern without [code]: {s!r}")
                continue
            code = codes[-1].strip()
            ptxt = _CODE_RE.sub(" ", body).strip()
            if ptxt.count("*") != 1:
                _warn(path, lineno, f"pattern must contain exactly one '*': {s!r}")
                continue
            if ptxt.count("(") != ptxt.count(")") or ptxt.count("{") != ptxt.count("}"):
                _warn(path, lineno, f"unbalanced brackets in pattern: {s!r}")
                continue
            els = _parse_pattern_tokens(ptxt)
            vi = next(i for i, e in enumerate(els) if e[0] == "verb")
            pre, post = els[:vi], els[vi + 1:]
            patterns.append({
                "block": block, "code": code, "pre": pre, "post": post,
                "pre_adj": bool(re.search(r"_\*", ptxt)), "post_adj": bool(re.search(r"\*_", ptxt)),
                "line": "- " + ptxt + f" [{code}]"})
            continue
        # verb line: NAME {FORMS} [code] ; '+' prefix = synonym
        vline = s[1:].strip() if s.startswith("+") else s
        vline = vline.split(";")[0]
        codes = _CODE_RE.findall(vline)
        code = codes[-1].strip() if codes else block_code
        vline = _CODE_RE.sub(" ", vline)
        forms_txt = ""
        m = re.search(r"\{([^}]*)\}", vline)
        if m:
            forms_txt = m.group(1)
            vline = vline[:m.start()] + vline[m.end():]
        elif "{" in vline or "}" in vline:
            _warn(path, lineno, f"unbalanced braces in verb line: {s!r}")
            continue
        name = vline.strip()
        if not name or not re.match(r"^[A-Za-z0-9'_+\- .]+$", name):
            _warn(path, lineno, f"malformed verb line: {s!r}")
            continue
        for form_name, regular in [(name, True)] + [(f, False) for f in forms_txt.split()]:
            toks = form_name.replace(" ", "_").split("_")
            toks = [t for t in toks if t]
            head_i = next((i for i, t in enumerate(toks) if t.startswith("+")), 0)
            toks = [t.lstrip("+") for t in toks]
            if not toks or not toks[head_i]:
                continue
            pre_w = tuple(w for t in toks[:head_i] for w in words_of(t))
            post_w = tuple(w for t in toks[head_i + 1:] for w in words_of(t))
            head = toks[head_i].upper()
            forms = verb_forms(head) if regular and not forms_txt else {head}
            if regular and forms_txt:
                forms = {head}
            for f in forms:
                verbs.setdefault(f, []).append((block, code, pre_w, post_w))
    # expand synset references (one level of nesting is used in practice; iterate to a fixpoint)
    for _ in range(5):
        changed = False
        for name, refs in syn_refs.items():
            for r in refs:
                if r not in synsets:
                    continue
                for ph in synsets[r]:
                    if ph not in synsets[name]:
                        synsets[name].append(ph)
                        changed = True
        if not changed:
            break
    for name, refs in syn_refs.items():
        for r in refs:
            if r not in synsets:
                warnings.warn(f"{path}: synset &{name} refers to unknown synset &{r}", stacklevel=2)
    for p in patterns:
        for e in p["pre"] + p["post"]:
            if e[0] == "syn" and e[1] not in synsets:
                warnings.warn(f"{path}: pattern {p['line']!r} uses unknown synset &{e[1]}", stacklevel=2)
    return {"synsets": synsets, "verbs": verbs, "patterns": patterns, "blocks": block + 1}


# ----------------------------------------------------------------------------------- actors
def _parse_date(s: str) -> _dt.date:
    s = s.strip()
    if len(s) == 6:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        return _dt.date(year, int(s[2:4]), int(s[4:6]))
    if len(s) == 8:
        return _dt.date(int(s[:4]), int(s[4:6]), int(s[6:8]))
    raise ValueError(f"bad date {s!r}")


def _parse_actor_code(body: str) -> tuple[str, str | None, str | None]:
    """``CODE``, ``CODE >D``, ``CODE <D``, ``CODE D1-D2`` -> (code, lo ISO or None, hi ISO or None).
    Bounds: ``>D`` is date >= D, ``<D`` is date < D, ``D1-D2`` is D1 <= date <= D2."""
    body = body.strip()
    m = re.match(r"^(\S+)\s*(.*)$", body)
    if not m:
        raise ValueError("empty code")
    code, rest = m.group(1), m.group(2).replace(" ", "")
    if code.startswith(("<", ">")) or code[0].isdigit() and "-" in code:
        raise ValueError(f"date restriction without a code: {body!r}")
    if not rest:
        return code.upper(), None, None
    if rest.startswith(">"):
        return code.upper(), _parse_date(rest[1:]).isoformat(), None
    if rest.startswith("<"):
        d = _parse_date(rest[1:]) - _dt.timedelta(days=1)
        return code.upper(), None, d.isoformat()
    if "-" in rest:
        a, b = rest.split("-", 1)
        return code.upper(), _parse_date(a).isoformat(), _parse_date(b).isoformat()
    raise ValueError(f"bad date restriction {rest!r}")


def read_actors(path: Path | str) -> list[tuple[tuple[str, ...], list[tuple[str, str | None, str | None]]]]:
    """Read an actor dictionary. Returns ``[(name_words, [(code, lo, hi), ...]), ...]`` with one
    row per name or synonym; ``lo``/``hi`` are ISO dates or None (unbounded). Codes ``---``
    (explicitly no actor) are kept; the engine ignores them."""
    path = Path(path)
    out: list[tuple[tuple[str, ...], list]] = []
    names: list[tuple[str, ...]] = []
    codes: list[tuple[str, str | None, str | None]] = []
    group_has_codes = False

    def flush() -> None:
        if names and codes:
            for n in names:
                out.append((n, list(codes)))

    for lineno, s in _lines(path):
        if s.startswith("<") or s.startswith("-->"):
            continue
        m_name = re.match(r"^(\+?)([^\[]*)(.*)$", s)
        plus, name_txt, rest = m_name.group(1), m_name.group(2).strip(), m_name.group(3).strip()
        if plus and not name_txt:
            _warn(path, lineno, "empty synonym")
            continue
        new_codes = []
        bad = False
        for c in _CODE_RE.findall(rest):
            try:
                new_codes.append(_parse_actor_code(c))
            except (ValueError, IndexError) as exc:
                _warn(path, lineno, f"malformed actor code [{c}]: {exc}")
                bad = True
        leftover = _CODE_RE.sub("", rest).strip()
        if leftover:
            _warn(path, lineno, f"unexpected text after code: {leftover!r}")
            bad = True
        if bad and not new_codes and not name_txt:
            continue
        if name_txt:
            words = words_of(name_txt)
            if not words:
                _warn(path, lineno, f"malformed actor name: {s!r}")
                continue
            if not plus and group_has_codes:
                flush()
                names, codes, group_has_codes = [], [], False
            names.append(words)
        elif not names:
            _warn(path, lineno, f"code line without a name: {s!r}")
            continue
        if new_codes:
            codes.extend(new_codes)
            group_has_codes = True
    flush()
    return out


# ----------------------------------------------------------------------------------- agents
def read_agents(path: Path | str) -> list[tuple[tuple[str, ...], str]]:
    """Read an agent dictionary. Returns ``[(name_words, code), ...]`` including plural forms
    (given in ``{}``, else a regular -S/-ES/-IES plural; ``{}`` empty means no plural). ``code``
    keeps its ``~`` (``"~GOV"`` suffix, ``"NGO~"`` prefix)."""
    path = Path(path)
    subs: dict[str, list[str]] = {}
    out: list[tuple[tuple[str, ...], str]] = []
    for lineno, s in _lines(path):
        if s.startswith("<"):
            continue
        m = re.match(r"^!(\w+)!\s*=\s*(.+)$", s)
        if m:
            subs[m.group(1).upper()] = [w.strip().upper() for w in m.group(2).split(",") if w.strip()]
            continue
        codes = _CODE_RE.findall(s)
        if not codes:
            _warn(path, lineno, f"agent without [code]: {s!r}")
            continue
        code = codes[0].replace(" ", "").upper()
        if "~" not in code:
            _warn(path, lineno, f"agent code without '~': {s!r}")
            continue
        body = _CODE_RE.sub(" ", s)
        plurals: list[str] | None = None
        mp = re.search(r"\{([^}]*)\}", body)
        if mp:
            plurals = mp.group(1).split()
            body = body[:mp.start()] + body[mp.end():]
        name = body.strip()
        if not name:
            _warn(path, lineno, f"agent without a name: {s!r}")
            continue
        variants = [name.upper()]
        for key, vals in subs.items():
            if f"!{key}!" in name.upper():
                variants = [v.replace(f"!{key}!", val) for v in variants for val in vals]
        for v in variants:
            w = words_of(v)
            if not w:
                continue
            out.append((w, code))
            if plurals is None:
                last = w[-1]
                if re.search(r"(S|X|Z|CH|SH)$", last):
                    pl = last + "ES"
                elif re.search(r"[^AEIOU]Y$", last):
                    pl = last[:-1] + "IES"
                elif last.endswith("MAN"):
                    pl = last[:-3] + "MEN"
                else:
                    pl = last + "S"
                out.append((w[:-1] + (pl,), code))
            else:
                for p in plurals:
                    out.append((words_of(p.lstrip("+")), code))
    return out


# ----------------------------------------------------------------------------------- discards
def read_discards(path: Path | str) -> list[tuple[tuple[str, ...], bool]]:
    """Read a discard list. Returns ``[(phrase_words, story_level), ...]``."""
    path = Path(path)
    out: list[tuple[tuple[str, ...], bool]] = []
    for lineno, s in _lines(path):
        if s.startswith("<"):
            continue
        story = s.startswith("+")
        w = words_of(s.lstrip("+").strip())
        if not w:
            _warn(path, lineno, f"empty discard phrase: {s!r}")
            continue
        out.append((w, story))
    return out
