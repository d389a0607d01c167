"""Use the PETRARCH dictionary engine as the pipeline's coder (``--verbs/--actors/--agents``).

:class:`PetrarchAdapter` turns the engine's :class:`~eventcoder.petrarch.engine.CodedEvent`
records into the pipeline's :class:`~eventcoder.coding.rules.Candidate` events; actor codes
are those of the user's dictionaries.
"""
from __future__ import annotations

import functools

from ..errors import ConfigError
from ..records import ActorMention


@functools.lru_cache(maxsize=512)
def _iso3(prefix: str) -> bool:
    import pycountry
    return pycountry.countries.get(alpha_3=prefix) is not None


def _actor(code: str | None, span, text) -> ActorMention | None:
    if not code:
        return None
    country = code[:3] if len(code) >= 3 and _iso3(code[:3]) else None
    rest = code[3:]
    sector = rest[:3] if len(rest) >= 3 and rest[:3].isalpha() else None
    start, end = span if span else (-1, -1)
    return ActorMention(text=text or "", start=start, end=end, code=code, country=country,
                        sector=sector, name=text or code, method="dictionary")


class PetrarchAdapter:
    """A coder over PETRARCH-format dictionaries, with the pipeline's ``code_sentence``."""

    name = "petrarch"

    def __init__(self, coder):
        self._coder = coder

    @classmethod
    def from_settings(cls, settings) -> "PetrarchAdapter":
        """Build from ``Settings.verbs/actors/agents/discards``. Raises ConfigError when a file
        is missing or verbs, actors or agents are not all given."""
        from . import Dictionaries, PetrarchCoder

        missing = [n for n, v in (("--verbs", settings.verbs), ("--actors", settings.actors),
                                  ("--agents", settings.agents)) if not v]
        if missing:
            raise ConfigError("user dictionaries replace the defaults as a set: also give "
                              + ", ".join(missing) + " (PETRARCH-format files)")
        paths = [settings.verbs, *settings.actors, settings.agents] + ([settings.discards] if settings.discards else [])
        for p in paths:
            if not p.is_file():
                raise ConfigError(f"dictionary file {p} does not exist: check the path")
        try:
            dicts = Dictionaries.load(settings.verbs, list(settings.actors), settings.agents, settings.discards)
        except (OSError, ValueError) as exc:
            raise ConfigError(f"cannot load the dictionaries: {exc}") from exc
        return cls(PetrarchCoder(dicts))

    def code_sentence(self, sent, mentions=None, published=None):
        """Candidates of one sentence; ``mentions`` is unused (actors come from the dictionaries)."""
        from ..coding.rules import Candidate

        out = []
        for ev in self._coder.code_sentence(sent, published):
            src = _actor(ev.source_code, ev.source_span, ev.source_text)
            tgt = _actor(ev.target_code, ev.target_span, ev.target_text)
            out.append(Candidate(trigger=sent.doc[ev.verb_index], cameo=ev.cameo,
                                 pattern="petrarch: " + ev.pattern.strip(),
                                 sources=[src] if src else [None], targets=[tgt] if tgt else [None],
                                 confidence=0.6))
        return out
