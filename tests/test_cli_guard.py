"""The command line ends every failure in one line and an exit status, never a traceback."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pakru import cli


def _raise(exc: BaseException) -> object:
    def handler(_args: object) -> str:
        raise exc

    return handler


@pytest.mark.parametrize(
    ("exc", "status"),
    [
        (KeyboardInterrupt(), 130),
        (OSError(errno.ENOSPC, "No space left on device"), 74),
        (PermissionError(errno.EACCES, "Permission denied"), 74),
        (RecursionError("maximum recursion depth exceeded"), 2),
        (ValueError("Exceeds the limit (4300 digits) for integer string conversion"), 2),
    ],
)
def test_each_class_has_its_status_and_one_line(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    exc: BaseException,
    status: int,
) -> None:
    monkeypatch.setattr(cli, "_info", _raise(exc))
    assert cli.main(["info"]) == status
    err = capsys.readouterr().err
    assert err.startswith("pakru: ")
    assert err.count("\n") == 1
    assert "Traceback" not in err


def test_a_huge_message_is_bounded(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "_info", _raise(OSError("x" * 10_000_000)))
    assert cli.main(["info"]) == 74
    assert len(capsys.readouterr().err) < 3000


def _run(args: list[str], encoding: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": encoding}
    return subprocess.run(
        [sys.executable, "-m", "pakru", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_an_ascii_stdout_gets_escaped_text(tmp_path: Path) -> None:
    bad = tmp_path / "данные.yaml"
    bad.write_text("events: 3\n", encoding="utf-8")
    done = _run(["validate", str(bad)], "ascii:strict", tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "\\u0434" in done.stdout


def test_a_file_name_that_is_not_utf8_prints(tmp_path: Path) -> None:
    if sys.platform == "darwin":
        pytest.skip("file names are UTF-8 on macOS")
    name = os.fsdecode(b"bad-\xff.yaml")
    (tmp_path / name).write_text("events: 3\n", encoding="utf-8")
    done = _run(["validate", name], "utf-8:strict", tmp_path)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "bad-\\udcff.yaml" in done.stdout


@pytest.mark.parametrize("document", ["../../etc/passwd", "*", "a[b", "x\x1b[2J", ".hidden", ""])
def test_odd_document_ids_are_refused_without_reading(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document: str
) -> None:
    (tmp_path / "seeds").mkdir()
    outside = tmp_path / "secret.txt"
    outside.write_text("a secret phrase\n", encoding="utf-8")
    status = cli.main(["locate", "--corpus", str(tmp_path / "seeds"), document, "secret"])
    err = capsys.readouterr().err
    assert status == 2
    assert err.count("\n") == 1
    assert "\x1b" not in err
    assert "not a document id" in err


def test_a_huge_id_gives_a_short_error() -> None:
    import pakru  # noqa: PLC0415

    with pytest.raises(pakru.UnknownIdError) as info:
        pakru.event("x" * 1_000_000)
    assert len(str(info.value)) < 400
    assert info.value.suggestions == ()
