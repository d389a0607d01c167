"""CLI commands over the event store: ingest, dyad, alignment, actors, export.

The lead's ``cli.py`` calls :func:`register` to add them to the ``eventcoder`` Typer app.
Every command takes ``--db FILE`` (default: Settings.db, ``EVENTCODER_DB`` or events.duckdb).
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

__all__ = ["register"]


class Period(str, Enum):
    day = "day"
    week = "week"
    month = "month"
    quarter = "quarter"
    year = "year"


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    gdelt = "gdelt"
    plover = "plover"


def _db(db: Optional[Path]) -> Path:
    from .config import Settings

    return db if db is not None else Settings.from_env().db


def _console():
    """A console wide enough for the dyad and alignment tables (they have many columns)."""
    from rich.console import Console

    probe = Console()
    return Console(width=max(probe.width, 150))


def _fail(msg: str) -> None:
    from rich.console import Console

    Console(stderr=True).print(f"[bold red]error:[/] {msg}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _mods(all_modalities: bool):
    from .records import COUNTED_MODALITIES

    return None if all_modalities else COUNTED_MODALITIES


def _table(df, title: str | None = None, floats: int = 2):
    from rich.table import Table

    t = Table(title=title, show_lines=False)
    for c in df.columns:
        t.add_column(str(c), justify="right" if df[c].dtype.kind in "if" else "left")
    for row in df.itertuples(index=False):
        cells = []
        for v in row:
            if isinstance(v, float):
                cells.append("" if v != v else f"{v:.{floats}f}")
            else:
                cells.append("" if v is None else str(v))
        t.add_row(*cells)
    return t


def ingest_cmd(
    paths: List[Path] = typer.Argument(..., help="input files (JSON Lines, text, HTML, RSS/Atom, WARC)"),
    db: Optional[Path] = typer.Option(None, "--db", help="event store file"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="coding processes"),
    batch_size: Optional[int] = typer.Option(None, "--batch-size", help="documents per batch and commit"),
) -> None:
    """Code documents and load their events into the store (resumable; unchanged documents are skipped)."""
    from rich.console import Console
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from .config import Settings
    from .errors import EventcoderError
    from .store import ingest

    console = Console(stderr=True)
    settings = Settings.from_env()
    path = _db(db)
    with Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"), BarColumn(bar_width=None),
                  TextColumn("{task.fields[docs]} docs  {task.fields[events]} events  "
                             "{task.fields[errors]} errors  {task.fields[rate]:.1f} docs/s"),
                  TimeElapsedColumn(), console=console, transient=False) as prog:
        task = prog.add_task("ingest", total=None, docs=0, events=0, errors=0, rate=0.0)

        def on_progress(p):
            prog.update(task, docs=p.coded + p.skipped, events=p.mentions, errors=p.errors, rate=p.rate)

        try:
            report = ingest(paths, path, workers=workers, settings=settings, batch_size=batch_size,
                            progress=on_progress)
        except EventcoderError as exc:
            _fail(str(exc))
            return
        prog.update(task, total=1, completed=1)
    for msg in report.error_messages:
        console.print(f"[bold red]error:[/] {msg}", highlight=False, soft_wrap=True)
    console.print(f"{report.documents} documents read: {report.coded} coded ({report.replaced} replaced), "
                  f"{report.skipped} unchanged, {report.errors} errors; {report.mentions} event mentions; "
                  f"{report.events} events in {path} ({report.seconds:.1f} s, {report.docs_per_second:.1f} docs/s)")
    if report.errors:
        console.print(f"{report.errors} document(s) could not be coded; they are listed in the errors table")
        raise typer.Exit(1)


def _open(db: Optional[Path]):
    from .api import open as open_store
    from .errors import StoreError

    try:
        return open_store(_db(db))
    except StoreError as exc:
        _fail(str(exc))


def _pair_query(db, method: str, a: str, b: str, by, all_modalities: bool):
    """Run ``EventStore.dyad`` or ``.alignment`` for actor prefixes ``a`` and ``b``; a store
    error ends the command with its message."""
    from .errors import StoreError

    with _open(db) as es:
        try:
            return getattr(es, method)(a, b, by=by.value, modalities=_mods(all_modalities))
        except StoreError as exc:
            _fail(str(exc))


def dyad_cmd(
    a: str = typer.Argument(..., help="actor code prefix, e.g. RUS"),
    b: str = typer.Argument(..., help="actor code prefix, e.g. UKR"),
    by: Period = typer.Option(Period.month, "--by"),
    plot: Optional[Path] = typer.Option(None, "--plot", help="write a PNG chart"),
    all_modalities: bool = typer.Option(False, "--all-modalities", help="count every modality, not only asserted/claimed"),
    db: Optional[Path] = typer.Option(None, "--db", help="event store file"),
) -> None:
    """Events between two actors, both directions, per period: counts by QuadClass, Goldstein sum and mean."""
    from .aggregate import plot_dyad

    console = _console()
    a, b = a.upper(), b.upper()
    res = _pair_query(db, "dyad", a, b, by, all_modalities)
    if len(res.series) == 0:
        console.print(f"no {'' if all_modalities else 'asserted or claimed '}events between {a} and {b} "
                      f"in {_db(db)}" + ("" if all_modalities else " (try --all-modalities)"))
        return
    console.print(_table(res.series, f"{a} and {b} by {by.value}"))
    console.print(_table(res.totals, "all periods"))
    console.print(_table(res.top_types, "top event types"))
    if plot is not None:
        plot_dyad(res, plot)
        console.print(f"plot written to {plot}")


def alignment_cmd(
    a: str = typer.Argument(..., help="actor code prefix"),
    b: str = typer.Argument(..., help="actor code prefix"),
    by: Period = typer.Option(Period.year, "--by"),
    all_modalities: bool = typer.Option(False, "--all-modalities"),
    db: Optional[Path] = typer.Option(None, "--db", help="event store file"),
) -> None:
    """How alike two actors act toward third parties: Pearson r and Signorino-Ritter S per period."""
    console = _console()
    a, b = a.upper(), b.upper()
    res = _pair_query(db, "alignment", a, b, by, all_modalities)
    console.print(_table(res.by_period, f"alignment of {a} and {b} by {by.value} (ab/ba: the {a}-{b} dyad)"))
    overall = res.parties.groupby("party")[["a_mean", "b_mean"]].mean().reset_index() if len(res.parties) else None
    if overall is not None:
        console.print(_table(overall, "third parties (mean Goldstein over periods)"))
    console.print(f"shared friends: {', '.join(res.shared_friends) or '-'}")
    console.print(f"shared adversaries: {', '.join(res.shared_adversaries) or '-'}")


def actors_cmd(
    limit: int = typer.Option(30, "--limit", "-n"),
    prefix: Optional[str] = typer.Option(None, "--prefix", help="only codes starting with this"),
    all_modalities: bool = typer.Option(False, "--all-modalities"),
    db: Optional[Path] = typer.Option(None, "--db", help="event store file"),
) -> None:
    """Actors by activity (events as source and as target)."""

    with _open(db) as es:
        df = es.actors(modalities=_mods(all_modalities), limit=limit, prefix=prefix)
    _console().print(_table(df, "actors by activity"))


def export_cmd(
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f"),
    where: Optional[str] = typer.Option(None, "--where", help="SQL condition on the events table"),
    all_modalities: bool = typer.Option(False, "--all-modalities",
                                        help="gdelt: also export negated, future, hypothetical, historical "
                                             "and opinion events (GDELT has no column to mark them)"),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="file (stdout when omitted)"),
    db: Optional[Path] = typer.Option(None, "--db", help="event store file"),
) -> None:
    """Export events: jsonl, csv, parquet (needs -o), gdelt (GDELT 2.0 event table, 61 columns;
    asserted and claimed events only unless --all-modalities), plover."""
    from rich.console import Console

    from .errors import StoreError

    if fmt is Format.parquet and output is None:
        _fail("parquet export needs an output file: add -o FILE.parquet")
    with _open(db) as es:
        try:
            # every format but GDELT carries the modality field, so they export the whole table;
            # a GDELT row reads as a real event, so only asserted and claimed ones go there
            mods = _mods(all_modalities) if fmt is Format.gdelt else None
            n = es.export(fmt.value, output if output is not None else sys.stdout, where=where,
                          modalities=mods)
        except StoreError as exc:
            _fail(str(exc))
    if output is not None:
        Console(stderr=True).print(f"{n} events written to {output}")


def register(app: typer.Typer) -> None:
    """Add the store commands (ingest, dyad, alignment, actors, export) to ``app``."""
    app.command("ingest")(ingest_cmd)
    app.command("dyad")(dyad_cmd)
    app.command("alignment")(alignment_cmd)
    app.command("actors")(actors_cmd)
    app.command("export")(export_cmd)
