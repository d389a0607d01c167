"""Command line: ``eventcoder code``, ``eventcoder evaluate`` and the store commands.

A thin shell over :class:`eventcoder.pipeline.Pipeline` and :mod:`eventcoder.evaluate`; the
library never prints, this module does (rich on a terminal).
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .config import Settings
from .errors import EventcoderError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Political event coding from news text (CAMEO, PLOVER, Goldstein, QuadClass).")


def _settings(verbs, actors, agents, discards, model, config=None, **kw) -> Settings:
    over = dict(verbs=verbs, actors=tuple(actors) if actors else None, agents=agents, discards=discards,
                models=tuple(m.strip() for m in model.split(",")) if model else None, **kw)
    config = config or os.environ.get("EVENTCODER_CONFIG")
    if config:
        return Settings.from_file(config, **over)
    return Settings.from_env(**over)


def _err(msg: str) -> None:
    typer.echo(msg, err=True)


@app.command()
def code(
    inputs: List[str] = typer.Argument(..., help="Files, folders or globs: .txt raw pages, .html, .jsonl documents, RSS/Atom feeds."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write JSON Lines here (default: standard output)."),
    verbs: Optional[Path] = typer.Option(None, help="PETRARCH-format verb dictionary (replaces the default coder)."),
    actors: Optional[List[Path]] = typer.Option(None, help="PETRARCH-format actor dictionary; repeatable."),
    agents: Optional[Path] = typer.Option(None, help="PETRARCH-format agent dictionary."),
    discards: Optional[Path] = typer.Option(None, help="PETRARCH-format discard list."),
    model: Optional[str] = typer.Option(None, help="spaCy model name(s), comma-separated, tried in order."),
    config: Optional[Path] = typer.Option(None, help="YAML settings file (model, db, verbs, actors, agents, discards); also EVENTCODER_CONFIG."),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="Table: show every modality, not only asserted and claimed."),
    table: bool = typer.Option(False, "--table", help="Show a readable table even when standard output is not a terminal."),
) -> None:
    """Code documents into event records (one JSON object a line, docs/event-record.md)."""
    from .ingest import read_inputs
    from .pipeline import Pipeline

    try:
        settings = _settings(verbs, actors, agents, discards, model, config)
        pipe = Pipeline(settings)
        failed = 0
        rows: list[dict] = []
        as_table = output is None and (table or sys.stdout.isatty())
        sink = open(output, "w", encoding="utf-8") if output else sys.stdout
        try:
            for res in pipe.code_documents(read_inputs(inputs)):
                if res.error:
                    failed += 1
                    _err(f"error: {res.error}")
                    continue
                for ev in res.events:
                    if as_table:
                        rows.append(ev)
                    else:
                        sink.write(json.dumps(ev, ensure_ascii=False) + "\n")
        finally:
            if output:
                sink.close()
        if as_table:
            _print_table(rows, all_modalities)
    except EventcoderError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2)
    if failed:
        _err(f"{failed} document(s) could not be coded")
        raise typer.Exit(1)


def _actor_text(a) -> str:
    if not a:
        return ""
    return f"{a.get('code') or '?'} ({a.get('name') or a.get('text') or ''})"


def _print_table(rows: list[dict], all_modalities: bool) -> None:
    from rich.console import Console
    from rich.table import Table

    from .records import COUNTED_MODALITIES

    shown = [r for r in rows if all_modalities or r["modality"] in COUNTED_MODALITIES]
    table = Table(title=f"{len(shown)} events" + ("" if all_modalities else
                  f" (asserted and claimed; {len(rows) - len(shown)} more with --all-modalities)"),
                  show_lines=True)
    for col in ("date", "source", "event", "target", "place", "modality", "evidence"):
        table.add_column(col, overflow="fold")
    for r in shown:
        loc = r.get("location") or {}
        table.add_row(r.get("date") or "", _actor_text(r.get("source")),
                      f"{r['cameo']} {r.get('plover') or ''}", _actor_text(r.get("target")),
                      loc.get("name") or "", r["modality"], r["evidence"]["text"][:160])
    Console(width=None if sys.stdout.isatty() else 160).print(table)


@app.command()
def evaluate(
    gold: Path = typer.Argument(..., help="Gold events (JSON Lines, docs/evaluation.md)."),
    events: Path = typer.Argument(..., help="Predicted event records (JSON Lines)."),
    as_json: bool = typer.Option(False, "--json", help="Print the score as JSON."),
) -> None:
    """Score event records against a gold file: recall, precision, F1, forbidden hits."""
    from dataclasses import asdict

    from .evaluate import read_jsonl, score

    try:
        s = score(read_jsonl(gold), read_jsonl(events))
    except EventcoderError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(2)
    if as_json:
        d = asdict(s)
        d.pop("wrong_events"), d.pop("forbidden_events")
        typer.echo(json.dumps(d, indent=1))
        return
    typer.echo(f"predicted {s.predicted}  right {s.right}  duplicates {s.duplicates}  wrong {s.wrong}  "
               f"forbidden {s.forbidden_hits}")
    typer.echo(f"required found {s.required_found}/{s.required_total}  missed {', '.join(s.missed_required) or '-'}")
    typer.echo(f"dates right {s.dates_right[0]}/{s.dates_right[1]}  places right {s.places_right[0]}/{s.places_right[1]}")
    for p in s.forbidden_events[:10]:
        typer.echo(f"  FORBIDDEN {p.get('cameo')} {_actor_text(p.get('source'))} -> {_actor_text(p.get('target'))} "
                   f"[{p.get('modality')}] {(p.get('evidence') or {}).get('text', '')[:100]}")
    typer.echo(f"recall {s.recall} precision {s.precision} f1 {s.f1} forbidden {s.forbidden_hits}")


def _register_store_commands() -> None:
    try:
        from . import cli_store
    except ModuleNotFoundError as exc:  # the store commands are optional until their module lands
        if exc.name != f"{__package__}.cli_store":
            raise
        return
    cli_store.register(app)


_register_store_commands()


def main() -> None:
    """Entry point of the ``eventcoder`` command."""
    app()
