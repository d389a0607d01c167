"""The project's event lexicon: verb rules and event nouns (``data/lexicon.yaml``).

The file is project data written for eventcoder (see its header for the rule syntax). It is
loaded once per process (:func:`default_lexicon`) into a :class:`Lexicon`.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import yaml

from ..errors import DictionaryError

_RULE_KEYS = {"obj", "obj_any", "xcomp", "prep", "prt", "oprd", "trans", "passive", "code",
              "target_from", "reciprocal", "violence"}


@dataclass(frozen=True)
class VerbRule:
    """One rule of a verb entry; empty conditions always hold. ``code`` "---" means no event."""

    lemma: str
    code: str
    obj: frozenset[str] = frozenset()
    obj_any: frozenset[str] = frozenset()
    xcomp: frozenset[str] = frozenset()
    prep: frozenset[str] = frozenset()
    prt: frozenset[str] = frozenset()
    oprd: bool | None = None
    trans: bool | None = None
    passive: bool | None = None
    target_from: tuple[str, ...] = ()
    reciprocal: bool = False
    violence: bool = False

    @property
    def label(self) -> str:
        """A readable form of the rule for the event record's ``pattern`` field."""
        parts = [self.lemma.upper()]
        for name in ("xcomp", "obj", "obj_any", "prep", "prt"):
            vals = getattr(self, name)
            if vals:
                parts.append(f"{name}={'|'.join(sorted(vals))}")
        if self.oprd:
            parts.append("oprd")
        return "lexicon: " + " ".join(parts) + f" [{self.code}]"


@dataclass(frozen=True)
class NounEntry:
    lemma: str
    code: str
    domestic: bool = False
    reciprocal: bool = False


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, tuple[VerbRule, ...]]
    nouns: dict[str, NounEntry]
    light_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    sports_cues: frozenset[str]
    abstract_objects: frozenset[str]
    source: str = field(default="", compare=False)


def _word(v) -> str:
    """A word of a rule. YAML 1.1 reads bare on/off/yes/no as booleans: quote them in the file;
    a boolean found here is an unquoted preposition and is refused."""
    if isinstance(v, bool):
        raise DictionaryError(f"lexicon: a bare {'on' if v else 'off'}/yes/no was read as a boolean: quote it")
    return str(v).lower()


def _as_set(value) -> frozenset[str]:
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset([value.lower()])
    return frozenset(_word(v) for v in value)


def parse_lexicon(data: dict, source: str = "<data>") -> Lexicon:
    """Build a :class:`Lexicon` from the parsed YAML mapping; raises DictionaryError on bad rules."""
    verbs: dict[str, tuple[VerbRule, ...]] = {}
    for lemma, rules in (data.get("verbs") or {}).items():
        lemma = str(lemma).rstrip("_").lower()
        out = []
        for rule in rules or []:
            unknown = set(rule) - _RULE_KEYS
            if unknown or "code" not in rule:
                raise DictionaryError(f"{source}: verb {lemma!r}: bad rule {rule!r} "
                                      f"(unknown keys {sorted(unknown)} or no code)")
            out.append(VerbRule(
                lemma=lemma, code=str(rule["code"]), obj=_as_set(rule.get("obj")),
                obj_any=_as_set(rule.get("obj_any")), xcomp=_as_set(rule.get("xcomp")),
                prep=_as_set(rule.get("prep")), prt=_as_set(rule.get("prt")),
                oprd=rule.get("oprd"), trans=rule.get("trans"), passive=rule.get("passive"),
                target_from=tuple(_word(v) for v in rule.get("target_from") or ()),
                reciprocal=bool(rule.get("reciprocal")), violence=bool(rule.get("violence"))))
        verbs[lemma] = verbs.get(lemma, ()) + tuple(out)
    nouns = {}
    for lemma, entry in (data.get("nouns") or {}).items():
        nouns[str(lemma).lower()] = NounEntry(str(lemma).lower(), str(entry["code"]),
                                              bool(entry.get("domestic")), bool(entry.get("reciprocal")))
    cues = data.get("discard_cues") or {}
    return Lexicon(verbs=verbs, nouns=nouns, light_verbs=_as_set(data.get("light_verbs")),
                   reporting_verbs=_as_set(data.get("reporting_verbs")),
                   sports_cues=_as_set(cues.get("sports")),
                   abstract_objects=_as_set(cues.get("abstract_objects")), source=source)


def load_lexicon(path: str | Path) -> Lexicon:
    """Read a lexicon YAML file. Raises DictionaryError when it cannot be read or parsed."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DictionaryError(f"{path}: cannot read the lexicon: {exc}") from exc
    return parse_lexicon(data or {}, str(path))


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped in the package (``eventcoder/data/lexicon.yaml``), loaded once."""
    text = resources.files("eventcoder").joinpath("data/lexicon.yaml").read_text(encoding="utf-8")
    return parse_lexicon(yaml.safe_load(text), "eventcoder/data/lexicon.yaml")
