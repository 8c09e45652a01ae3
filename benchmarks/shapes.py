"""Measure pakru's counts and dyad-year panels against the same work done in pandas.

Run it by hand (never part of the test suite), with the test extras installed::

    python benchmarks/shapes.py --out docs/benchmarks-shapes.md

For the shipped data (1x) and a synthetic dataset 100 times its size (the records copied
with suffixed ids, as ``benchmarks/growth.py`` makes them), it times in one run:

* ``count``: ``pakru.counts.count_events(..., "year")`` (min, expected and max per year,
  the coverage computed afresh), against the same three numbers computed with a pandas
  groupby over ``to_pandas()``'s events table;
* ``dyads``: the directed COW panel ``pakru.panels.dyad_years``, against a pandas
  self-merge of the participants table with the actors and events tables and a groupby
  by (ccode1, ccode2, year).

The pandas peers are checked to give the same numbers before they are timed. Building
the data frames (``to_pandas()``) is timed on its own: a user who has the frames pays
only for the groupby. Results are ratios against the peer in the same run.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

import pakru
from pakru.collection import Dataset
from pakru.counts import count_events, coverage
from pakru.exports.frames import to_pandas
from pakru.panels import dyad_years
from pakru.serialize import actor_from_dict, event_from_dict, source_from_dict

sys.path.insert(0, str(Path(__file__).resolve().parent))
from growth import copies, machine


def scaled(base: Dataset, scale: int) -> Dataset:
    """The shipped dataset, or ``scale`` suffixed copies of it."""
    if scale == 1:
        return base
    events, actors, sources = copies(base, scale)
    return Dataset(
        events=[event_from_dict(e) for e in events],
        actors=[actor_from_dict(a) for a in actors],
        sources=[source_from_dict(s) for s in sources],
        data_version=base.data_version,
        digest=base.digest,
        license=base.license,
        label=f"bench-{scale}x",
    )


def timed(work: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median wall seconds of ``repeat`` runs, and the last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


# -- pakru ----------------------------------------------------------------------------------


def pakru_count(data: Dataset) -> Any:
    return count_events(data, "year", coverage_of=coverage(data))


def pakru_dyads(data: Dataset) -> Any:
    states = {a.id: a for a in data.actors("state")}
    return dyad_years(data, states, coverage_of=coverage(data))


# -- pandas peers ---------------------------------------------------------------------------


def frames(data: Dataset) -> dict[str, Any]:
    return {t: to_pandas(data, t) for t in ("events", "participants", "actors")}


def _spans(events: Any) -> Any:
    """Each event's first and last day, open ends bounded by the data's first and last."""
    lo = events["earliest"].fillna(events["earliest"].min())
    hi = events["latest"].fillna(events["latest"].max())
    out = pd.DataFrame({"event": events["id"], "lo": lo, "hi": hi, "type": events["type"]})
    out["days"] = (out["hi"] - out["lo"]).dt.days + 1
    out["year"] = [list(range(a, b + 1)) for a, b in zip(lo.dt.year, hi.dt.year, strict=True)]
    return out.explode("year").astype({"year": "int64"})


def pandas_count(f: dict[str, Any]) -> Any:
    rows = _spans(f["events"])
    start = pd.to_datetime(rows["year"].astype(str) + "-01-01")
    end = pd.to_datetime(rows["year"].astype(str) + "-12-31")
    overlap = rows["hi"].where(rows["hi"] < end, end) - rows["lo"].where(rows["lo"] > start, start)
    rows["share"] = (overlap.dt.days + 1) / rows["days"]
    rows["within"] = (rows["lo"] >= start) & (rows["hi"] <= end)
    return rows.groupby("year").agg(
        min=("within", "sum"), expected=("share", "sum"), max=("event", "size")
    )


def pandas_dyads(f: dict[str, Any]) -> Any:
    states = f["actors"].loc[f["actors"]["kind"] == "state", ["id", "cow"]]
    part = f["participants"].merge(states, left_on="actor", right_on="id")[["event", "cow"]]
    part = part.drop_duplicates()
    pairs = part.merge(part, on="event", suffixes=("1", "2"))
    pairs = pairs[pairs["cow1"] != pairs["cow2"]]
    spans = _spans(f["events"])[["event", "year", "type"]]
    rows = pairs.merge(spans, on="event")
    return rows.groupby(["cow1", "cow2", "year"]).agg(
        events=("event", "size"), types=("type", "nunique")
    )


def agree_count(ours: Any, theirs: Any) -> None:
    got = {b.key: (b.min, b.max) for b in ours if b.max}
    want = {int(y): (int(r["min"]), int(r["max"])) for y, r in theirs.iterrows()}
    if got != want or abs(sum(b.expected for b in ours) - theirs["expected"].sum()) > 1e-6:
        raise SystemExit("the pandas peer of count() disagrees with pakru")


def agree_dyads(ours: Any, theirs: Any) -> None:
    # In a COW panel the USSR and Russia share 365 over all years, as in the peer.
    mine = {(r.code1, r.code2, r.year): r.events for r in ours if r.events}
    peer = {(int(a), int(b), int(y)): int(n) for (a, b, y), n in theirs["events"].items()}
    if mine != peer:
        raise SystemExit("the pandas peer of dyads() disagrees with pakru")


def measure(base: Dataset, scale: int) -> dict[str, Any]:
    data = scaled(base, scale)
    repeat = 5 if scale == 1 else 3
    out: dict[str, Any] = {"events": len(data)}
    out["frames_s"], f = timed(lambda: frames(data), repeat)
    out["count_s"], ours = timed(lambda: pakru_count(data), repeat)
    out["count_peer_s"], theirs = timed(lambda: pandas_count(f), repeat)
    agree_count(ours, theirs)
    out["dyads_s"], panel = timed(lambda: pakru_dyads(data), repeat)
    out["dyads_peer_s"], peer = timed(lambda: pandas_dyads(f), repeat)
    agree_dyads(panel, peer)
    out["dyad_rows"] = len(panel)
    out["peer_rows"] = len(peer)
    print(
        f"{scale}x: {len(data)} events; count {out['count_s']:.4f} s vs pandas "
        f"{out['count_peer_s']:.4f} s; dyads {out['dyads_s']:.4f} s vs pandas "
        f"{out['dyads_peer_s']:.4f} s; frames {out['frames_s']:.3f} s",
        file=sys.stderr,
    )
    return out


def report(results: dict[int, dict[str, Any]]) -> str:
    lines = [
        "# Benchmarks: counts and dyad-year panels",
        "",
        "Measured by `python benchmarks/shapes.py --out docs/benchmarks-shapes.md`. The page",
        "is generated; the numbers are from one run on the machine below and move by several",
        "percent between runs. Tests never assert timings.",
        "",
        "## Machine",
        "",
        *machine(),
        f"- pandas {importlib.metadata.version('pandas')}",
        "",
        "## What is compared",
        "",
        "- `count`: pakru's counts by year (minimum, expected and maximum per year, the",
        "  coverage computed afresh) against the same three numbers computed by a pandas",
        "  groupby over the events table of `pakru.to_pandas()`. Both give the same numbers",
        "  (checked before timing).",
        "- `dyads`: pakru's directed COW dyad-year panel (every dyad in every year of the",
        "  coverage, with counts by quad class and type, code periods and coverage flags)",
        "  against a pandas self-merge of the participants with the actors and events",
        "  tables, grouped by (ccode1, ccode2, year): the sparse cells only, without the",
        "  zero and missing rows, quad and type columns or code periods, so the peer does",
        "  less work than pakru.",
        "- 100x is the shipped records copied 100 times with suffixed ids, as",
        "  `benchmarks/growth.py` makes them.",
        "",
        "Median wall time of 5 runs (1x) or 3 runs (100x). The pandas frames are built once",
        "per size and timed apart (`to_pandas()` of events, participants and actors).",
        "",
        "| size | events | pakru `count` s | pandas groupby s | ratio | pakru `dyads` s "
        "| pandas merge + groupby s | ratio | `to_pandas()` frames s |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for scale, r in results.items():
        lines.append(
            f"| {scale}x | {r['events']} | {r['count_s']:.4f} | {r['count_peer_s']:.4f} "
            f"| **{r['count_s'] / r['count_peer_s']:.2f}×** | {r['dyads_s']:.4f} "
            f"| {r['dyads_peer_s']:.4f} | **{r['dyads_s'] / r['dyads_peer_s']:.2f}×** "
            f"| {r['frames_s']:.3f} |"
        )
    lines += [
        "",
        "A ratio below 1 means pakru is faster than the pandas peer on the same run; the",
        "peer's time excludes building its frames, which a user pays once.",
        "",
        "The 100x copies keep their states' codes, so the panel has the same dyads and",
        "years at both sizes, with a hundred times the events in each cell: the panel's",
        "cost grows with the events and the years they span, not with the rows.",
        "",
        "Panel sizes: "
        + "; ".join(
            f"{s}x: {r['dyad_rows']} dyad-years (pandas peer: {r['peer_rows']} non-empty cells)"
            for s, r in results.items()
        )
        + ".",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 100])
    args = parser.parse_args()
    base = pakru.dataset()
    results = {scale: measure(base, scale) for scale in args.scales}
    text = report(results)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
