"""Shared fixtures for the pakru test suite.

The suite runs against whatever ``pakru`` is importable: the source tree in a development
install, the installed wheel in CI. Nothing here adds ``src/`` to ``sys.path``; fixtures
find their files relative to this folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent

# ``strategies.py`` sits next to this file; with ``--import-mode=importlib`` the tests folder
# is not on sys.path, so make the helper module importable (the tests folder only).
if str(TESTS) not in sys.path:
    sys.path.append(str(TESTS))

settings.register_profile(
    "pakru",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("pakru")


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository (or unpacked sdist) the tests folder belongs to."""
    return REPO


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The source corpus named by $PAKRU_CORPUS; tests that need it skip without it."""
    value = os.environ.get("PAKRU_CORPUS")
    if not value:
        pytest.skip("PAKRU_CORPUS is not set")
    path = Path(value)
    if not path.is_dir():
        pytest.fail(f"PAKRU_CORPUS={value} is not a folder")
    return path


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONUTF8"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("PYTHONPATH", None)
    return env


@pytest.fixture(scope="session")
def child_env() -> dict[str, str]:
    """Environment for child interpreters: UTF-8 I/O, no PYTHONPATH leaking in."""
    return _child_env()


RunPython = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_python(tmp_path: Path) -> RunPython:
    """Run ``python -c CODE`` or ``python -m ...`` in a child, from an empty folder."""
    workdir = tmp_path / "cwd"
    workdir.mkdir()

    def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            cwd=workdir,
            env=_child_env(),
            timeout=timeout,
            check=False,
        )

    return run
