"""Measure pakru against its peers and as its data grows; write the results as Markdown.

Run it by hand (it is never part of the test suite), from a checkout with pakru and its
test extras installed (pycountry is one)::

    python benchmarks/growth.py --out docs/benchmarks-interop.md

What it measures, in one run so the figures can be compared:

* Cold start, in fresh interpreter processes run round-robin: ``python -c pass``,
  ``import attrs``, ``import pakru``, ``import pakru`` plus the first query, pycountry's
  cold ``countries.get(alpha_3='PAK')``, and a floor that reads the same records from a
  JSON file into plain frozen attrs classes. pakru is laid out as its wheel installs it:
  the package with ``data/compiled.json``, made as the wheel build makes it.
* Warm query latency (median and 99th percentile) of the common lookups and filters.
* Growth: synthetic datasets 1x, 10x, 100x and 1000x the shipped size (the shipped
  events, actors and sources copied with suffixed ids, so every copy is a valid,
  self-contained dataset over the same years), with load time, memory and query latency
  at each size, each size in a fresh process.

The issue's targets are checked at the end and each is reported as met or with its gap.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.metadata
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import pakru
from pakru.collection import Dataset
from pakru.loader import load_tree, package_data
from pakru.loader.compiled import COMPILED, compile_dataset
from pakru.loader.manifest import MANIFEST, data_files, read_manifest, render_manifest
from pakru.serialize import (
    actor_from_dict,
    actor_to_dict,
    event_from_dict,
    event_to_dict,
    source_from_dict,
    source_to_dict,
)

FIRST_QUERY = "pakru.events(between=('1965', '1972'), actor='ussr')"

# -- the wheel layout -----------------------------------------------------------------------


def make_site(root: Path) -> Path:
    """A folder holding pakru as its wheel installs it (with compiled data)."""
    site = root / "site"
    package = Path(pakru.__file__).resolve().parent
    shutil.copytree(package, site / "pakru", ignore=shutil.ignore_patterns("__pycache__"))
    data = site / "pakru" / "data"
    if not (data / COMPILED).is_file():
        dataset = load_tree(data, "site", compiled=False)
        files = read_manifest(data, data_files(data), "site").files
        (data / COMPILED).write_text(compile_dataset(dataset, files), encoding="utf-8")
    # The floor: the same records read from JSON into plain attrs classes, no validation.
    floor = Path(__file__).with_name("floor_attrs.py").read_text(encoding="utf-8")
    (site / "pakru_floor.py").write_text(floor, encoding="utf-8")
    return site


# -- cold start -----------------------------------------------------------------------------

COLD = {
    "python -c pass": "pass",
    "import attrs": "import attrs",
    "import pakru": "import pakru",
    "import pakru + first query": f"import pakru; {FIRST_QUERY}",
    "pycountry cold lookup": "import pycountry; pycountry.countries.get(alpha_3='PAK')",
    "JSON into attrs (floor)": "import pakru_floor",
}


def spawn(argv: Sequence[str], env: dict[str, str]) -> tuple[float, float]:
    """Run a child to completion with its output discarded: wall and CPU seconds."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(
            argv[0],
            list(argv),
            env,
            file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)],
        )
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
    finally:
        os.close(devnull)
    if os.waitstatus_to_exitcode(status) != 0:
        msg = f"{argv} failed with status {status}"
        raise RuntimeError(msg)
    return elapsed, usage.ru_utime + usage.ru_stime


#: Appended to a command to report its own peak resident memory (VmHWM, in kB): the
#: kernel's per-process peak, unlike rusage, which also counts the parent at fork time.
PEAK = "\nimport sys\nwith open('/proc/self/status') as fh: sys.stderr.write(fh.read())"


def peak_mib(code: str, env: dict[str, str]) -> float:
    """Peak resident memory of a child running ``code``, in MiB."""
    result = subprocess.run(
        [sys.executable, "-c", code + PEAK], env=env, capture_output=True, text=True, check=True
    )
    for line in result.stderr.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    msg = "no VmHWM line in /proc/self/status"
    raise RuntimeError(msg)


def measure_cold(site: Path, floor_json: Path, runs: int) -> dict[str, dict[str, float]]:
    """Median wall and CPU time of each cold command, run round-robin; peak memory."""
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(site)
    env["PAKRU_FLOOR_JSON"] = str(floor_json)
    check = f"import pakru; assert pakru.__file__.startswith({str(site)!r}), pakru.__file__"
    subprocess.run([sys.executable, "-c", check], env=env, check=True)
    times: dict[str, list[float]] = {name: [] for name in COLD}
    cpu: dict[str, list[float]] = {name: [] for name in COLD}
    warmup = 3
    for round_ in range(warmup + runs):
        for name, code in COLD.items():
            seconds, cpu_seconds = spawn([sys.executable, "-c", code], env)
            if round_ >= warmup:
                times[name].append(seconds)
                cpu[name].append(cpu_seconds)
    out = {}
    for name, code in COLD.items():
        quartiles = statistics.quantiles(times[name], n=4)
        out[name] = {
            "ms": statistics.median(times[name]) * 1000,
            "q1": quartiles[0] * 1000,
            "q3": quartiles[2] * 1000,
            "cpu_ms": statistics.median(cpu[name]) * 1000,
            "rss_mb": statistics.median(peak_mib(code, env) for _ in range(3)),
        }
    return out


# -- synthetic data -------------------------------------------------------------------------


def _suffix(value: str | None, tag: str) -> str | None:
    return None if value is None or not tag else f"{value}{tag}"


def copies(base: Dataset, scale: int) -> tuple[list[Any], list[Any], list[Any]]:
    """``scale`` copies of every record, ids (and every reference) suffixed per copy."""
    events = [event_to_dict(e) for e in base]
    actors = [actor_to_dict(a) for a in base.actors()]
    sources = [source_to_dict(s) for s in base.sources()]
    out_e: list[Any] = []
    out_a: list[Any] = []
    out_s: list[Any] = []
    for k in range(scale):
        tag = "" if k == 0 else f"-x{k}"
        name_tag = "" if k == 0 else f" x{k}"
        for a in actors:
            out_a.append(
                {
                    **a,
                    "id": a["id"] + tag,
                    "name": a["name"] + name_tag,
                    "aliases": [x + name_tag for x in a["aliases"]],
                    "predecessor": _suffix(a["predecessor"], tag),
                    "successor": _suffix(a["successor"], tag),
                    "offices": [{**o, "of": _suffix(o["of"], tag)} for o in a["offices"]],
                }
            )
        for s in sources:
            out_s.append({**s, "id": s["id"] + tag, "document": s["document"] + tag})
        for e in events:
            out_e.append(
                {
                    **e,
                    "id": e["id"] + tag,
                    "participants": [{**p, "actor": p["actor"] + tag} for p in e["participants"]],
                    "evidence": [{**v, "source": v["source"] + tag} for v in e["evidence"]],
                    "disputes": [
                        {
                            **d,
                            "claims": [{**c, "source": c["source"] + tag} for c in d["claims"]],
                        }
                        for d in e["disputes"]
                    ],
                }
            )
    return out_e, out_a, out_s


def _authoring(kind: str, record: dict[str, Any]) -> dict[str, Any]:
    """A record as the data files write it: derived fields out, dates with their wording."""

    def date(value: str, wording: str | None) -> Any:
        return value if wording is None else {"edtf": value, "wording": wording}

    out = {k: v for k, v in record.items() if v is not None and not k.endswith("_wording")}
    if kind == "events":
        for key in ("earliest", "latest", "precision"):
            out.pop(key, None)
        out["date"] = date(record["date"], record["date_wording"])
    elif kind == "actors":
        out["offices"] = [
            {
                **{k: v for k, v in o.items() if v is not None and k != "date_wording"},
                "date": date(o["date"], o["date_wording"]),
            }
            for o in record["offices"]
        ]
    elif record.get("issued") is not None:
        out["issued"] = date(record["issued"], record["issued_wording"])
    return out


def _yaml_lines(kind: str, records: Iterable[dict[str, Any]]) -> str:
    # JSON is YAML: one flow mapping per line, in the form the data files use.
    return "".join(
        "- " + json.dumps(_authoring(kind, r), ensure_ascii=False) + "\n" for r in records
    )


def make_tree(base: Dataset, scale: int, root: Path) -> dict[str, int]:
    """Write a data folder ``scale`` times the shipped size, compiled as a wheel would be."""
    if scale == 1:
        shutil.copytree(Path(str(package_data())), root, ignore=shutil.ignore_patterns(COMPILED))
        data = load_tree(root, "bench", compiled=False)
    else:
        events, actors, sources = copies(base, scale)
        (root / "events").mkdir(parents=True)
        chunk = 20_000
        for i in range(0, len(events), chunk):
            part = root / "events" / f"part-{i // chunk:04d}.yaml"
            part.write_text(_yaml_lines("events", events[i : i + chunk]), encoding="utf-8")
        (root / "actors.yaml").write_text(_yaml_lines("actors", actors), encoding="utf-8")
        (root / "sources.yaml").write_text(_yaml_lines("sources", sources), encoding="utf-8")
        data = Dataset(
            events=[event_from_dict(e) for e in events],
            actors=[actor_from_dict(a) for a in actors],
            sources=[source_from_dict(s) for s in sources],
            data_version=base.data_version,
            digest=base.digest,
            license=base.license,
            label="bench",
        )
        del events, actors, sources
    files = data_files(root)
    (root / MANIFEST).write_text(render_manifest(files, base.data_version), encoding="utf-8")
    manifest = read_manifest(root, data_files(root), "bench")
    (root / COMPILED).write_text(compile_dataset(data, manifest.files), encoding="utf-8")
    size = sum(len(b) for b in files.values())
    return {"events": len(data), "evidence": data.counts["evidence"], "yaml_bytes": size}


def query_specs(base: Dataset) -> list[dict[str, Any]]:
    """The common lookups and filters, named as the report shows them."""
    tag, _ = Counter(t for e in base for t in e.tags).most_common(1)[0]
    source, _ = Counter(s for e in base for s in e.sources).most_common(1)[0]
    first = base.events()[len(base) // 2].id
    return [
        {"name": "event(id)", "call": "event", "args": [first], "kw": {}, "indexed": True},
        {
            "name": "actor('Soviet Union')",
            "call": "actor",
            "args": ["Soviet Union"],
            "kw": {},
            "indexed": True,
        },
        {
            "name": "events(actor='ussr')",
            "call": "events",
            "args": [],
            "kw": {"actor": "ussr"},
            "indexed": True,
        },
        {
            "name": "events(type='agreement')",
            "call": "events",
            "args": [],
            "kw": {"type": "agreement"},
            "indexed": True,
        },
        {
            "name": f"events(tag='{tag}')",
            "call": "events",
            "args": [],
            "kw": {"tag": tag},
            "indexed": True,
        },
        {
            "name": "events(source=<most cited>)",
            "call": "events",
            "args": [],
            "kw": {"source": source},
            "indexed": True,
        },
        {
            "name": "events(between=1965..1972)",
            "call": "events",
            "args": [["1965", "1972"]],
            "kw": {},
            "indexed": False,
        },
        {
            "name": "events(between=1965..1972, actor='ussr')",
            "call": "events",
            "args": [["1965", "1972"]],
            "kw": {"actor": "ussr"},
            "indexed": False,
        },
        {
            "name": "events(text='tashkent')",
            "call": "events",
            "args": [],
            "kw": {"text": "tashkent"},
            "indexed": False,
        },
    ]


CHILD = r"""
import gc, json, os, resource, sys, time
from pathlib import Path
from pakru.loader import load_tree

root, repeat, specs = Path(sys.argv[1]), int(sys.argv[2]), json.loads(sys.argv[3])
page = os.sysconf("SC_PAGE_SIZE")

def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * page

gc.collect()
base = rss()
loads = []
cpu = []
data = None
for _ in range(repeat):
    data = None
    gc.collect()
    start, start_cpu = time.perf_counter(), time.process_time()
    data = load_tree(root, "bench")
    loads.append(time.perf_counter() - start)
    cpu.append(time.process_time() - start_cpu)
gc.collect()
held = rss() - base
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
queries = {}
for spec in specs:
    call = getattr(data, spec["call"])
    args, kw = spec["args"], spec["kw"]
    start = time.perf_counter_ns()
    found = call(*args, **kw)
    once = time.perf_counter_ns() - start
    n = max(50, min(5000, int(0.4e9 / max(once, 1))))
    samples = []
    for _ in range(n):
        start = time.perf_counter_ns()
        call(*args, **kw)
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    queries[spec["name"]] = {
        "median_us": samples[len(samples) // 2] / 1000,
        "p99_us": samples[min(len(samples) - 1, round(0.99 * (len(samples) - 1)))] / 1000,
        "calls": n,
        "first_us": once / 1000,
        "hits": len(found) if isinstance(found, tuple) else 1,
    }
loads.sort()
cpu.sort()
print(json.dumps({
    "load_s": loads[0],
    "load_cpu_s": cpu[0],
    "held_bytes": held,
    "peak_bytes": peak,
    "queries": queries,
    "events": len(data),
}))
"""


def measure_growth(
    base: Dataset, scales: Sequence[int], work: Path, site: Path
) -> dict[int, dict[str, Any]]:
    """Load time, memory and query latency at each scale, each in a fresh process."""
    specs = query_specs(base)
    env = dict(os.environ)
    env["PYTHONPATH"] = str(site)
    out: dict[int, dict[str, Any]] = {}
    for scale in scales:
        root = work / f"data-{scale}x"
        started = time.perf_counter()
        sizes = make_tree(base, scale, root)
        made = time.perf_counter() - started
        repeat = {1: 15, 10: 7, 100: 3}.get(scale, 1)
        result = subprocess.run(
            [sys.executable, "-c", CHILD, str(root), str(repeat), json.dumps(specs)],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )
        found = json.loads(result.stdout)
        found.update(sizes)
        if scale in (1, 10):
            result = subprocess.run(
                [sys.executable, "-c", YAML_CHILD, str(root)],
                env=env,
                check=True,
                capture_output=True,
                text=True,
            )
            found["yaml_load_s"] = float(result.stdout)
        out[scale] = found
        shutil.rmtree(root)
        print(
            f"  {scale}x: {found['events']} events, load {found['load_s']:.3f} s "
            f"(made in {made:.1f} s)",
            file=sys.stderr,
        )
    return out


YAML_CHILD = r"""
import sys, time
from pathlib import Path
from pakru.loader import load_tree
start = time.perf_counter()
load_tree(Path(sys.argv[1]), "bench", compiled=False)
print(time.perf_counter() - start)
"""

# -- report ---------------------------------------------------------------------------------


def machine() -> list[str]:
    """Lines describing the machine and the software measured."""
    cpu = "unknown CPU"
    with Path("/proc/cpuinfo").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = "?"
    with Path("/proc/meminfo").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 2**20:.1f} GiB"
    system = platform.platform()
    release = Path("/etc/os-release")
    if release.is_file():
        for line in release.read_text(encoding="utf-8").splitlines():
            if line.startswith("PRETTY_NAME="):
                system = f"{line.split('=', 1)[1].strip(chr(34))} (Linux {platform.release()})"

    def version(name: str) -> str:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            return "not installed"

    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores visible; memory {memory}",
        f"- System: {system}",
        f"- Python {platform.python_version()} ({platform.python_implementation()})",
        f"- pakru {pakru.__version__} (data {pakru.DATA_VERSION}), attrs {version('attrs')}, "
        f"PyYAML {version('pyyaml')}, pycountry {version('pycountry')}",
        f"- Measured {dt.datetime.now(dt.timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; "
        f"load average at the end {os.getloadavg()[0]:.2f} (other work shared the machine "
        "when this is near or above the number of cores)",
    ]


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report(
    cold: dict[str, dict[str, float]],
    growth: dict[int, dict[str, Any]],
    runs: int,
    specs: list[dict[str, Any]],
) -> str:
    """The Markdown page."""
    bare, bare_cpu = cold["python -c pass"]["ms"], cold["python -c pass"]["cpu_ms"]
    cost = {k: v["ms"] - bare for k, v in cold.items()}
    cpu_cost = {k: v["cpu_ms"] - bare_cpu for k, v in cold.items()}
    lines = [
        "# Benchmarks: interoperability and scale",
        "",
        "Measured by `python benchmarks/growth.py --out docs/benchmarks-interop.md`, which",
        "runs every comparison side by side in one run. The page is generated; the numbers",
        "are from one run on the machine below and move by several percent between runs.",
        "",
        "## Machine",
        "",
        *machine(),
        "",
        "## Cold start",
        "",
        f"Fresh interpreter processes, {runs} rounds run round-robin after 3 warm-up rounds",
        "(so the operating system's file cache is warm and bytecode is compiled, as on a",
        "machine where pakru is in use). pakru is laid out as its wheel installs it, with",
        "the compiled data. The first query is the README's",
        f"`{FIRST_QUERY}`; it loads and validates the whole dataset. The floor reads the",
        "same records from a JSON file (a pakru `json` export) into plain frozen attrs",
        "classes, without validation, date parsing or indexes. Wall time is what a user",
        "waits; CPU time (user + system, from the kernel) is the work done, and moves less",
        "when other work shares the machine.",
        "",
        "| command | wall median ms | wall interquartile ms | CPU median ms | "
        "wall cost over `pass` ms | CPU cost over `pass` ms | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in cold.items():
        lines.append(
            f"| {name} | {row['ms']:.1f} | {row['q1']:.1f}–{row['q3']:.1f} | "
            f"{row['cpu_ms']:.1f} | {cost[name]:.1f} | {cpu_cost[name]:.1f} | "
            f"{row['rss_mb']:.1f} |"
        )

    def ratio(a: str, b: str) -> tuple[float, float]:
        return cost[a] / cost[b], cpu_cost[a] / cpu_cost[b]

    pakru_import = ratio("import pakru", "import attrs")
    vs_pycountry = ratio("import pakru + first query", "pycountry cold lookup")
    vs_floor = ratio("import pakru + first query", "JSON into attrs (floor)")
    lines += [
        "",
        "Ratios of costs over a bare `python -c pass` (wall; CPU):",
        "",
        f"- `import pakru` / `import attrs`: **{pakru_import[0]:.2f}×**; {pakru_import[1]:.2f}×",
        f"- pakru import + first query / pycountry cold lookup: **{vs_pycountry[0]:.2f}×**; "
        f"{vs_pycountry[1]:.2f}×",
        f"- pakru import + first query / JSON-into-attrs floor: **{vs_floor[0]:.2f}×**; "
        f"{vs_floor[1]:.2f}×",
        "",
        "## Warm queries",
        "",
        "In one process after the data is loaded; each call timed on its own, many calls",
        "per query. µs = microseconds; hits = records returned.",
        "",
    ]
    scales = sorted(growth)
    header = "| query | " + " | ".join(f"{s}× median / p99 µs (hits)" for s in scales) + " |"
    lines += [header, "| --- |" + " ---: |" * len(scales)]
    for spec in specs:
        cells = []
        for s in scales:
            q = growth[s]["queries"][spec["name"]]
            cells.append(f"{q['median_us']:.1f} / {q['p99_us']:.1f} ({q['hits']})")
        mark = " (indexed)" if spec["indexed"] else ""
        lines.append(f"| `{spec['name']}`{mark} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "The first call of a query that names one actor, type, tag or source builds its",
        "result and keeps it (results are immutable, so every caller can share one); the",
        "calls after it return the kept result. The first calls, in µs:",
        "",
        "| query | " + " | ".join(f"{s}× first call µs" for s in scales) + " |",
        "| --- |" + " ---: |" * len(scales),
    ]
    for spec in specs:
        cells = [f"{growth[s]['queries'][spec['name']]['first_us']:.1f}" for s in scales]
        lines.append(f"| `{spec['name']}` | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Growth",
        "",
        "Synthetic datasets: the shipped events, actors and sources copied N times with",
        "suffixed ids (every reference suffixed too), so each copy is a valid dataset over",
        "the same years. Filters by actor, tag and source therefore keep their result",
        "size as the data grows, while filters by type, date or text return N times as",
        "many events. Load = `load_tree` of the folder with its compiled data (manifest",
        "check with SHA-256 of every data file, compiled JSON read, every record built and",
        "validated, references checked, indexes built), the fastest of several loads below",
        "1000×. Memory held = resident memory the loaded dataset keeps; peak = the",
        "process's peak resident memory.",
        "",
        "| size | events | evidence | data files MB | load s | load CPU s | "
        "CPU µs per event | YAML parse instead s | memory held MiB | peak RSS MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for s in scales:
        g = growth[s]
        yaml_s = f"{g['yaml_load_s']:.2f}" if "yaml_load_s" in g else "–"
        lines.append(
            f"| {s}× | {g['events']:,} | {g['evidence']:,} | {g['yaml_bytes'] / 1e6:.1f} | "
            f"{g['load_s']:.3f} | {g['load_cpu_s']:.3f} | "
            f"{g['load_cpu_s'] / g['events'] * 1e6:.1f} | {yaml_s} | "
            f"{g['held_bytes'] / 2**20:.0f} | {g['peak_bytes'] / 2**20:.0f} |"
        )
    # Growth exponents of load CPU time between neighbouring sizes (1.00 is linear); CPU
    # time rather than wall time, so other work on the machine disturbs it less.
    steps = [
        (lo, hi, math.log(growth[hi]["load_cpu_s"] / growth[lo]["load_cpu_s"]) / math.log(hi / lo))
        for lo, hi in itertools.pairwise(scales)
    ]
    slope = max((k for *_, k in steps), default=None)
    if steps:
        lines += [
            "",
            "Load CPU time grows as size^k, with k between neighbouring sizes (1.00 is "
            "linear): " + ", ".join(f"{lo}×→{hi}×: {k:.2f}" for lo, hi, k in steps) + ".",
        ]
    # targets
    indexed = [s["name"] for s in specs if s["indexed"]]

    def worst(scale: int) -> tuple[str, float]:
        if scale not in growth:
            return ("not measured", math.nan)
        name = max(indexed, key=lambda n: growth[scale]["queries"][n]["median_us"])
        return name, growth[scale]["queries"][name]["median_us"]

    w1, w1_us = worst(1)
    w100, w100_us = worst(100)
    linear = slope is not None and 0.85 <= slope <= 1.15
    lines += [
        "",
        "## Targets",
        "",
        "| target | measured | verdict (met only when every measure meets it) |",
        "| --- | --- | --- |",
        f"| `import pakru` costs at most 1.2× `import attrs` | wall {pakru_import[0]:.2f}×, "
        f"CPU {pakru_import[1]:.2f}× | {_verdict(max(pakru_import) <= 1.2)} |",
        f"| cold import + first query faster than pycountry's cold lookup | wall "
        f"{vs_pycountry[0]:.2f}×, CPU {vs_pycountry[1]:.2f}× | "
        f"{_verdict(max(vs_pycountry) < 1)} |",
        f"| cold import + first query within 1.5× of the JSON-into-attrs floor | wall "
        f"{vs_floor[0]:.2f}×, CPU {vs_floor[1]:.2f}× | {_verdict(max(vs_floor) <= 1.5)} |",
        f"| warm indexed queries under 20 µs at 1× (median) | slowest `{w1}` "
        f"{w1_us:.1f} µs | {_verdict(w1_us < 20)} |",
        f"| warm indexed queries under 200 µs at 100× (median) | slowest `{w100}` "
        f"{w100_us:.1f} µs | {_verdict(w100_us < 200)} |",
        f"| load time grows linearly | largest exponent "
        f"{'–' if slope is None else f'{slope:.2f}'} (1.00 is linear) | {_verdict(linear)} |",
        "",
        NOTES,
    ]
    return "\n".join(lines)


NOTES = """\
## What the numbers come from

- **Compiled data.** Wheels carry the records as validated JSON (`compiled.json`, made
  at build time and used only while the files it was made from are those the manifest
  lists, with the same SHA-256); the
  "YAML parse instead" column shows what reading the YAML at run time would cost.
  `tests/test_compiled.py` checks that the compiled records always equal the YAML ones.
- **The first query** loads the dataset: it imports the loader (with `hashlib` and
  `json`), checks every data file against the manifest's SHA-256, reads the compiled
  JSON, checks its digest and that it was made from those files, builds every record
  (records checked at build time are set field by field without re-running their
  validators; each EDTF date is still parsed), checks every reference between records
  and builds the indexes. The floor does only the JSON reading and the object building;
  pycountry does not validate its data on load. An installed package's data folder is
  read with `os` directly; `importlib.resources` is used only for a zip import.
- **`import pakru`** imports only the facade: every name is imported on first use
  (PEP 562), so attrs, the record classes, the EDTF parser and the vocabularies are
  imported by the first query or the first use of a class.
- **Warm queries** that name one actor, type, tag or source return a result built on
  their first call and kept (an `EventList` is immutable), so their cost does not grow
  with the data; their first calls, and queries by date or text, still grow with the
  number of events they return or scan.
- **Loading** pauses Python's cyclic garbage collector while records are built (they
  hold no reference cycles); with it running, loading took about twice as long at
  100× and grew faster than the data. Every load step is linear in the records it
  handles; at 1000× each record costs more CPU time than at 100× because decoding the
  JSON, checking references and building indexes work on a heap of several GiB.
"""


def main() -> int:
    """Run every measurement and print or write the report."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, help="write the Markdown report here")
    parser.add_argument("--runs", type=int, default=25, help="cold rounds (default 25)")
    parser.add_argument(
        "--scales",
        default="1,10,100,1000",
        help="comma-separated dataset sizes, in multiples of the shipped one",
    )
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",")]
    base = pakru.dataset()
    with tempfile.TemporaryDirectory(prefix="pakru-bench-") as tmp:
        work = Path(tmp)
        site = make_site(work)
        pakru.export(base, "json", work / "floor")
        print("cold start ...", file=sys.stderr)
        cold = measure_cold(site, work / "floor" / "pakru.json", args.runs)
        print("growth ...", file=sys.stderr)
        growth = measure_growth(base, scales, work, site)
    text = report(cold, growth, args.runs, query_specs(base))
    if args.out:
        args.out.write_text(text, encoding="utf-8")
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
