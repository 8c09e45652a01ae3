"""Cold start side by side: whole processes of pakru and of its peers, as ratios.

Run it by hand (it is never part of the test suite)::

    python benchmarks/cold.py                       # this source tree, 40 rounds
    python benchmarks/cold.py --runs 80
    python benchmarks/cold.py --src old/src          # add another pakru to the same run

Each command is a fresh interpreter process, timed from spawn to exit; the commands take
turns round-robin (after two unmeasured runs each, so the file and bytecode caches are
warm) and the medians are compared:

* ``import pakru`` + the first query against ``import pycountry`` +
  ``pycountry.countries.get(alpha_3="PAK")`` (target: at most 1.0x);
* ``import pakru`` against ``import attrs`` (target: at most 1.1x).

pakru is measured as a wheel installs it: the package folder with ``data/compiled.json``
made by the same functions the wheel build hook calls, first on ``PYTHONPATH``. With
``--src`` other pakru source trees (for example an earlier version) join the same run,
so their ratios can be compared with the current ones.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUERY = "pakru.events(between=('1965', '1972'), actor='ussr')"

#: Compiles a copied package's data as the wheel build hook does, for old and new layouts.
COMPILE = """\
import sys
from pathlib import Path
try:
    from pakru.loader.compiled import COMPILED, compile_dataset
    from pakru.loader.manifest import data_files, read_manifest
except ImportError:  # pakru before the loader package
    from pakru.compiled import COMPILED, compile_dataset
    from pakru.manifest import data_files, read_manifest
from pakru.loader import load_tree
data = Path(sys.argv[1])
dataset = load_tree(data, "build", compiled=False)
files = read_manifest(data, data_files(data), "build").files
(data / COMPILED).write_text(compile_dataset(dataset, files), encoding="utf-8")
"""


@dataclass
class Command:
    key: str
    label: str
    argv: tuple[str, ...]
    env: dict[str, str] = field(default_factory=dict)
    samples: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)


def environment(extra: dict[str, str], cache: Path) -> dict[str, str]:
    drop = ("PYTHONPATH", "PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")
    env = {k: v for k, v in os.environ.items() if k not in drop}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    env.update(extra)
    return env


def run_once(command: Command, cache: Path, cwd: Path) -> float:
    start = time.perf_counter_ns()
    done = subprocess.run(
        command.argv,
        cwd=cwd,
        env=environment(command.env, cache),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter_ns() - start
    if done.returncode != 0:
        msg = f"{command.label} failed: {done.stderr.decode(errors='replace')}"
        raise RuntimeError(msg)
    return elapsed / 1e6


def installed_copy(src: Path, site: Path, cache: Path) -> Path:
    """The package under ``src`` copied to ``site`` as a wheel installs it."""
    package = site / "pakru"
    shutil.copytree(
        src / "pakru", package, ignore=shutil.ignore_patterns("__pycache__", "compiled.json")
    )
    subprocess.run(
        [sys.executable, "-c", COMPILE, str(package / "data")],
        env=environment({"PYTHONPATH": str(site)}, cache),
        check=True,
    )
    probe = subprocess.run(
        [sys.executable, "-c", f"import pakru; {QUERY}; print(pakru.__file__)"],
        env=environment({"PYTHONPATH": str(site)}, cache),
        capture_output=True,
        text=True,
        check=True,
    )
    if not probe.stdout.strip().startswith(str(site)):
        msg = f"the copy in {site} was not the pakru imported ({probe.stdout.strip()})"
        raise RuntimeError(msg)
    return site


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=40, help="measured rounds (default 40)")
    parser.add_argument(
        "--src",
        action="append",
        default=[],
        metavar="DIR",
        help="another pakru source tree (its 'src' folder) to measure in the same run",
    )
    args = parser.parse_args()
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        cache = work / "pycache"
        cwd = work / "cwd"
        cwd.mkdir()
        trees = [("this", HERE.parent / "src")]
        trees += [(f"src{i + 1}", Path(s).resolve()) for i, s in enumerate(args.src)]
        commands = [
            Command("pass", "`python -c pass`", (py, "-c", "pass")),
            Command("attrs", "`import attrs`", (py, "-c", "import attrs")),
        ]
        if importlib.util.find_spec("pycountry") is None:
            sys.exit("pycountry is not installed in this interpreter; it is the yardstick")
        commands.append(
            Command(
                "pycountry",
                "`import pycountry` + `countries.get(alpha_3='PAK')`",
                (py, "-c", "import pycountry; pycountry.countries.get(alpha_3='PAK')"),
            )
        )
        for key, src in trees:
            site = installed_copy(src, work / f"site-{key}", cache)
            env = {"PYTHONPATH": str(site)}
            commands.append(
                Command(f"import-{key}", f"`import pakru` ({src})", (py, "-c", "import pakru"), env)
            )
            commands.append(
                Command(
                    f"query-{key}",
                    f"`import pakru` + first query ({src})",
                    (py, "-c", f"import pakru; {QUERY}"),
                    env,
                )
            )
        for command in commands:
            for _ in range(2):
                run_once(command, cache, cwd)
        for round_no in range(args.runs):
            shift = round_no % len(commands)
            for command in [*commands[shift:], *commands[:shift]]:
                command.samples.append(run_once(command, cache, cwd))
    by_key = {c.key: c for c in commands}
    print(f"Python {sys.version.split()[0]}, {args.runs} rounds, medians in ms\n")
    print("| Command | Median (ms) |")
    print("| --- | ---: |")
    for command in commands:
        print(f"| {command.label} | {command.median:.1f} |")
    print("\n| pakru | first query / pycountry (target <= 1.0) | import / attrs (target <= 1.1) |")
    print("| --- | ---: | ---: |")
    for key, src in trees:
        query = by_key[f"query-{key}"].median / by_key["pycountry"].median
        imported = by_key[f"import-{key}"].median / by_key["attrs"].median
        print(f"| {src} | {query:.2f}x | {imported:.2f}x |")


if __name__ == "__main__":
    main()
