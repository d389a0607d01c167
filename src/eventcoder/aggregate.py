"""Aggregates over the events table: dyad time series, alignment toward third parties, actors.

Actors are given as CAMEO actor-code prefixes: ``"RUS"`` matches RUS, RUSGOV, RUSMIL.
Only events whose modality is in ``modalities`` count (default: asserted and claimed, as
event-record.md says); pass ``modalities=None`` for all of them. An event's period is that of
its date (its first day for month- and year-precision dates) or, without a date, of the
first article that reported it. Periods: day, week (starting Monday), month, quarter, year;
a period is labelled by its first day (ISO date string).

Goldstein values are the -10..+10 weights of the events' CAMEO codes.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Sequence

from .records import COUNTED_MODALITIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["PERIODS", "DyadResult", "AlignmentResult", "dyad", "alignment", "actor_activity",
           "signorino_ritter", "plot_dyad"]

PERIODS: tuple[str, ...] = ("day", "week", "month", "quarter", "year")
#: range of the Goldstein scale (max - min), used to normalise Signorino-Ritter S
GOLDSTEIN_RANGE = 20.0


@dataclass
class DyadResult:
    """Dyad of ``a`` and ``b``.

    ``series``: DataFrame with one row per (period, direction): ``period`` (ISO date of the
    period's first day), ``direction`` ("A->B" written with the codes, e.g. "RUS->UKR"),
    ``events``, ``q1``..``q4`` (event counts by QuadClass), ``goldstein_sum``,
    ``goldstein_mean``. ``top_types``: DataFrame of ``direction, cameo, name, plover, events``,
    the most frequent CAMEO codes per direction. ``totals``: the same measures over all periods
    per direction.
    """

    a: str
    b: str
    by: str
    series: "pd.DataFrame"
    top_types: "pd.DataFrame"
    totals: "pd.DataFrame"


@dataclass
class AlignmentResult:
    """How similarly ``a`` and ``b`` act toward third parties.

    ``by_period``: DataFrame per period (and a final row with ``period`` = "all"):
    ``parties`` (third parties both acted toward), ``pearson`` (correlation of their mean
    Goldstein toward those parties; NaN with fewer than 2 parties or no variance),
    ``s_score`` (Signorino-Ritter S in -1..1, absolute distance over the Goldstein range),
    ``ab_mean``/``ab_events`` and ``ba_mean``/``ba_events`` (the A->B and B->A dyad).
    ``parties``: DataFrame ``period, party, a_mean, a_events, b_mean, b_events``.
    ``shared_friends``/``shared_adversaries``: parties toward which both are cooperative
    (both means > 0) / conflictual (both < 0) over the whole range, strongest first.
    """

    a: str
    b: str
    by: str
    by_period: "pd.DataFrame"
    parties: "pd.DataFrame"
    shared_friends: list[str] = field(default_factory=list)
    shared_adversaries: list[str] = field(default_factory=list)


def _check(by: str) -> str:
    if by not in PERIODS:
        raise ValueError(f"unknown period {by!r}; use one of {', '.join(PERIODS)}")
    return by


def _modality_sql(modalities: Sequence[str] | None, params: list) -> str:
    if modalities is None:
        return "TRUE"
    mods = list(modalities)
    if not mods:
        return "FALSE"
    params.extend(mods)
    return f"modality IN ({', '.join('?' for _ in mods)})"


def _period_sql(by: str) -> str:
    return f"CAST(date_trunc('{by}', coalesce(date_start, first_seen)) AS DATE)"


def signorino_ritter(x: Sequence[float], y: Sequence[float], value_range: float = GOLDSTEIN_RANGE) -> float:
    """Signorino-Ritter S of two equally long vectors: ``1 - 2 * sum|x_i - y_i| / (n * range)``.

    1 = identical positions, -1 = maximally apart; NaN for empty vectors.
    """
    if len(x) != len(y):
        raise ValueError("x and y must have the same length")
    if not len(x):
        return float("nan")
    d = sum(abs(float(a) - float(b)) for a, b in zip(x, y))
    return 1.0 - 2.0 * d / (len(x) * value_range)


def _pearson(x: Sequence[float], y: Sequence[float]) -> float:
    n = len(x)
    if n < 2:
        return float("nan")
    mx, my = sum(x) / n, sum(y) / n
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sxx = sum((a - mx) ** 2 for a in x)
    syy = sum((b - my) ** 2 for b in y)
    if sxx == 0 or syy == 0:
        return float("nan")
    return sxy / math.sqrt(sxx * syy)


def dyad(store, a: str, b: str, by: str = "month", modalities: Sequence[str] | None = COUNTED_MODALITIES,
         top: int = 5) -> DyadResult:
    """Events from ``a`` to ``b`` and from ``b`` to ``a`` per period (see :class:`DyadResult`).

    ``store``: an event store (anything with ``query(sql, params) -> DataFrame``). Raises
    ValueError for an unknown period, StoreError when the query fails.
    """
    import pandas as pd

    _check(by)
    ab, ba = f"{a}->{b}", f"{b}->{a}"
    params: list[Any] = [a, b, ab, ba]
    mod = _modality_sql(modalities, params)
    params += [a, b, b, a]
    sql = f"""SELECT {_period_sql(by)} AS period,
                     CASE WHEN starts_with(source_code, ?) AND starts_with(target_code, ?) THEN ? ELSE ? END AS direction,
                     quad_class, goldstein, cameo, plover
              FROM events
              WHERE {mod} AND source_code IS NOT NULL AND target_code IS NOT NULL
                AND ((starts_with(source_code, ?) AND starts_with(target_code, ?))
                  OR (starts_with(source_code, ?) AND starts_with(target_code, ?)))"""
    df = store.query(sql, params)
    df = df[df["period"].notna()]

    def measures(g):
        return pd.Series({"events": len(g), **{f"q{q}": int((g["quad_class"] == q).sum()) for q in (1, 2, 3, 4)},
                          "goldstein_sum": float(g["goldstein"].sum()),
                          "goldstein_mean": float(g["goldstein"].mean()) if len(g) else float("nan")})

    cols = ["events", "q1", "q2", "q3", "q4", "goldstein_sum", "goldstein_mean"]
    if len(df):
        df = df.assign(period=df["period"].map(lambda d: str(d)[:10]))
        series = df.groupby(["period", "direction"]).apply(measures, include_groups=False).reset_index()
        totals = df.groupby("direction").apply(measures, include_groups=False).reset_index()
        tt = df.groupby(["direction", "cameo"]).size().reset_index(name="events")
        tt = tt.sort_values(["direction", "events", "cameo"], ascending=[True, False, True])
        tt = tt.groupby("direction").head(top).reset_index(drop=True)
        tt.insert(2, "name", tt["cameo"].map(_cameo_name))
        tt.insert(3, "plover", tt["cameo"].map(_cameo_plover))
    else:
        series = pd.DataFrame(columns=["period", "direction"] + cols)
        totals = pd.DataFrame(columns=["direction"] + cols)
        tt = pd.DataFrame(columns=["direction", "cameo", "name", "plover", "events"])
    for frame in (series, totals):
        for c in ("events", "q1", "q2", "q3", "q4"):
            frame[c] = frame[c].astype(int)
    return DyadResult(a=a, b=b, by=by, series=series, top_types=tt, totals=totals)


def _cameo_name(code: str) -> str | None:
    from .tables import cameo_info

    try:
        return cameo_info(code).name
    except (KeyError, TypeError):
        return None


def _cameo_plover(code: str) -> str | None:
    from .tables import cameo_info

    try:
        return cameo_info(code).plover
    except (KeyError, TypeError):
        return None


def alignment(store, a: str, b: str, by: str = "year",
              modalities: Sequence[str] | None = COUNTED_MODALITIES) -> AlignmentResult:
    """Alignment of ``a`` and ``b`` toward third parties (see :class:`AlignmentResult`).

    A third party is a target's country (ISO alpha-3), or its full code when it has no
    country (IGOWSTNAT); targets matching ``a`` or ``b`` are not third parties. Raises
    ValueError for an unknown period, StoreError when the query fails.
    """
    import pandas as pd

    _check(by)
    params: list[Any] = [a]
    mod = _modality_sql(modalities, params)
    params += [a, b, a, b, a, b]
    sql = f"""WITH e AS (
                SELECT {_period_sql(by)} AS period,
                       CASE WHEN starts_with(source_code, ?) THEN 'A' ELSE 'B' END AS actor,
                       coalesce(target_country, target_code) AS party, goldstein
                FROM events
                WHERE {mod} AND source_code IS NOT NULL AND target_code IS NOT NULL
                  AND (starts_with(source_code, ?) OR starts_with(source_code, ?))
                  AND NOT starts_with(target_code, ?) AND NOT starts_with(target_code, ?))
              SELECT * FROM e WHERE NOT starts_with(party, ?) AND NOT starts_with(party, ?)"""
    df = store.query(sql, params)
    df = df[df["period"].notna()]
    df = df.assign(period=df["period"].map(lambda d: str(d)[:10]))
    dy = dyad(store, a, b, by=by, modalities=modalities)
    ab, ba = f"{a}->{b}", f"{b}->{a}"

    def per_party(frame: "pd.DataFrame") -> "pd.DataFrame":
        g = frame.groupby(["party", "actor"])["goldstein"].agg(["mean", "size"]).unstack("actor")
        if g.empty or ("mean", "A") not in g.columns or ("mean", "B") not in g.columns:
            return pd.DataFrame(columns=["party", "a_mean", "a_events", "b_mean", "b_events"])
        out = pd.DataFrame({"a_mean": g[("mean", "A")], "a_events": g[("size", "A")],
                            "b_mean": g[("mean", "B")], "b_events": g[("size", "B")]}).dropna()
        out = out.reset_index().sort_values("party").reset_index(drop=True)
        out["a_events"] = out["a_events"].astype(int)
        out["b_events"] = out["b_events"].astype(int)
        return out

    def dyad_measures(period: str | None):
        out = {}
        for label, key in ((ab, "ab"), (ba, "ba")):
            if period is None:
                rows = dy.totals[dy.totals["direction"] == label]
            else:
                rows = dy.series[(dy.series["direction"] == label) & (dy.series["period"] == period)]
            out[f"{key}_mean"] = float(rows["goldstein_mean"].iloc[0]) if len(rows) else float("nan")
            out[f"{key}_events"] = int(rows["events"].iloc[0]) if len(rows) else 0
        return out

    rows, party_frames = [], []
    periods = sorted(set(df["period"]) | set(dy.series["period"]))
    for period in periods + [None]:
        frame = df if period is None else df[df["period"] == period]
        pp = per_party(frame)
        x, y = list(pp["a_mean"]), list(pp["b_mean"])
        rows.append({"period": period or "all", "parties": len(pp), "pearson": _pearson(x, y),
                     "s_score": signorino_ritter(x, y), **dyad_measures(period)})
        if period is not None:
            party_frames.append(pp.assign(period=period))
        else:
            overall = pp
    parties = (pd.concat(party_frames, ignore_index=True) if party_frames else
               pd.DataFrame(columns=["party", "a_mean", "a_events", "b_mean", "b_events", "period"]))
    parties = parties[["period", "party", "a_mean", "a_events", "b_mean", "b_events"]]
    friends = overall[(overall["a_mean"] > 0) & (overall["b_mean"] > 0)]
    foes = overall[(overall["a_mean"] < 0) & (overall["b_mean"] < 0)]
    friends = friends.assign(s=friends["a_mean"] + friends["b_mean"]).sort_values(["s", "party"], ascending=[False, True])
    foes = foes.assign(s=foes["a_mean"] + foes["b_mean"]).sort_values(["s", "party"])
    return AlignmentResult(a=a, b=b, by=by, by_period=pd.DataFrame(rows), parties=parties,
                           shared_friends=list(friends["party"]), shared_adversaries=list(foes["party"]))


def actor_activity(store, modalities: Sequence[str] | None = COUNTED_MODALITIES, limit: int | None = 50,
                   prefix: str | None = None) -> "pd.DataFrame":
    """Actors by activity: DataFrame ``code, name, country, as_source, as_target, events,
    goldstein_out`` (mean Goldstein of the events it initiated), ``first``, ``last`` (ISO dates),
    most active first; ``prefix`` keeps codes starting with it. Raises StoreError."""
    params: list[Any] = []
    mod = _modality_sql(modalities, params)
    pre = ""
    if prefix:
        pre = "WHERE starts_with(code, ?)"
        params.append(prefix)
    lim = f"LIMIT {int(limit)}" if limit else ""
    sql = f"""WITH e AS (SELECT * FROM events WHERE {mod}),
              r AS (SELECT source_code AS code, source_name AS name, source_country AS country, 1 AS s, 0 AS t,
                           goldstein AS g, coalesce(date_start, first_seen) AS d FROM e WHERE source_code IS NOT NULL
                    UNION ALL
                    SELECT target_code, target_name, target_country, 0, 1, NULL, coalesce(date_start, first_seen)
                    FROM e WHERE target_code IS NOT NULL)
              SELECT code, mode(name) AS name, min(country) AS country, sum(s)::INTEGER AS as_source,
                     sum(t)::INTEGER AS as_target, count(*)::INTEGER AS events, avg(g) AS goldstein_out,
                     CAST(min(d) AS VARCHAR) AS first, CAST(max(d) AS VARCHAR) AS last
              FROM r {pre} GROUP BY code ORDER BY events DESC, code {lim}"""
    return store.query(sql, params)


def plot_dyad(result: DyadResult, path) -> None:
    """Write a PNG of a dyad: event counts by QuadClass per direction (stacked bars) and the
    Goldstein sums of both directions (lines). Raises OSError when the file cannot be written."""
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    dirs = [f"{result.a}->{result.b}", f"{result.b}->{result.a}"]
    periods = sorted(set(result.series["period"]))
    colors = {"q1": "#4c9be8", "q2": "#1a5fa8", "q3": "#f2a541", "q4": "#c0392b"}
    labels = {"q1": "verbal coop.", "q2": "material coop.", "q3": "verbal conflict", "q4": "material conflict"}
    fig, axes = plt.subplots(3, 1, figsize=(10, 9), sharex=True)
    xs = range(len(periods))
    for ax, d in zip(axes[:2], dirs):
        s = result.series[result.series["direction"] == d].set_index("period").reindex(periods).fillna(0)
        bottom = [0.0] * len(periods)
        for q in ("q1", "q2", "q3", "q4"):
            vals = list(s[q]) if len(s) else [0] * len(periods)
            ax.bar(xs, vals, bottom=bottom, color=colors[q], label=labels[q])
            bottom = [b + v for b, v in zip(bottom, vals)]
        ax.set_ylabel("events")
        ax.set_title(d)
    axes[0].legend(loc="upper left", fontsize=8)
    for d, style in zip(dirs, ("-o", "--s")):
        s = result.series[result.series["direction"] == d].set_index("period").reindex(periods).fillna(0)
        axes[2].plot(list(xs), list(s["goldstein_sum"]) if len(s) else [0] * len(periods), style, label=d)
    axes[2].axhline(0, color="grey", lw=0.5)
    axes[2].set_ylabel("Goldstein sum")
    axes[2].legend(fontsize=8)
    axes[2].set_xticks(list(xs))
    axes[2].set_xticklabels(periods, rotation=45, ha="right", fontsize=7)
    fig.suptitle(f"{result.a} and {result.b} by {result.by}")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
