"""Event coding: CAMEO codes from the dependency parse.

``make_coder(settings)`` returns the hybrid coder (:class:`~eventcoder.coding.hybrid.HybridCoder`:
the project's lexicon rules first, the default PETRARCH dictionaries for verbs the lexicon does
not know) or, when the settings name PETRARCH-format dictionaries, the dictionary engine adapted
to the same interface. :class:`~eventcoder.coding.rules.RuleCoder` alone stays available.
"""
from __future__ import annotations

from .lexicon import Lexicon, default_lexicon, load_lexicon
from .rules import Candidate, MentionIndex, RuleCoder
from .hybrid import HybridCoder

__all__ = ["Candidate", "HybridCoder", "Lexicon", "MentionIndex", "RuleCoder", "default_lexicon", "load_lexicon", "make_coder"]


def make_coder(settings=None, *, place_country=None):
    """The coder the settings ask for (see module doc). ``place_country`` maps a toponym to its
    ISO3 country ("Belgrade" -> "SRB") for targets named by a place."""
    if settings is not None and settings.uses_custom_dictionaries:
        from ..petrarch.adapter import PetrarchAdapter
        return PetrarchAdapter.from_settings(settings)
    # the PETRARCH dictionaries are loaded lazily, once per process, on the first sentence
    return HybridCoder(RuleCoder(place_country=place_country))
