"""pakru's citation outputs, on every source, read by the programs that consume them.

- Biber checks the BibLaTeX output against biblatex's data model, and LaTeX with
  biblatex's ``authoryear`` style prints every entry;
- BibTeX with natbib and ``plainnat`` compiles the classic BibTeX output;
- pandoc (3.x, from the pinned pypandoc-binary package) takes the CSL-JSON array of
  chosen ids as its bibliography.

Each program is skipped when it is missing on a developer's machine; in CI (``CI`` set)
a missing program fails the test, since ``.ci/run`` installs them all.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import pakru


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{name} is required in CI (.ci/run installs it)")
        pytest.skip(f"{name} is not installed")
    return found


def _pandoc() -> str:
    """The pandoc 3.x of the pinned pypandoc-binary package."""
    try:
        import pypandoc  # noqa: PLC0415
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("pypandoc-binary (the test extra) is required in CI")
        pytest.skip("pypandoc-binary is not installed")
    return str(pypandoc.get_pandoc_path())


def _run(argv: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        argv,
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        timeout=300,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def _everything(style: str) -> str:
    return pakru.cite(pakru.sources(), style) + "\n" + pakru.cite(pakru.dataset(), style)


def _latex_available() -> None:
    _tool("pdflatex")
    kpsewhich = _tool("kpsewhich")
    for package in ("biblatex.sty", "natbib.sty", "plainnat.bst", "url.sty"):
        if not _run([kpsewhich, package], Path.cwd()).stdout.strip():
            if os.environ.get("CI"):
                pytest.fail(f"{package} is required in CI (.ci/run installs TeX Live)")
            pytest.skip(f"{package} is not installed")


# -- BibLaTeX and Biber -------------------------------------------------------------------


def test_biber_finds_no_field_on_a_wrong_entry_type(tmp_path: Path) -> None:
    biber = _tool("biber")
    (tmp_path / "pakru.bib").write_text(_everything("biblatex"), encoding="utf-8")
    done = _run([biber, "--tool", "--validate-datamodel", "pakru.bib"], tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    log = done.stdout + done.stderr
    warnings = [line for line in log.splitlines() if "WARN" in line]
    wrong = [w for w in warnings if "Invalid field" in w or "invalid" in w.casefold()]
    assert not wrong
    # what is left is what the records lack (an author, a date), never a misplaced field
    assert all("Missing mandatory field" in w or "WARNINGS:" in w for w in warnings), warnings
    # every entry survived the check
    tool_bib = (tmp_path / "pakru_bibertool.bib").read_text(encoding="utf-8")
    assert tool_bib.count("@") >= len(pakru.sources()) + 1


_BIBLATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[style=authoryear,backend=biber]{biblatex}
\usepackage{hyperref}
\addbibresource{pakru.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


def test_biblatex_authoryear_prints_every_entry(tmp_path: Path) -> None:
    _latex_available()
    biber = _tool("biber")
    (tmp_path / "pakru.bib").write_text(_everything("biblatex"), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(_BIBLATEX_DOCUMENT, encoding="utf-8")
    latex = [_tool("pdflatex"), "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    first = _run(latex, tmp_path)
    assert first.returncode == 0, first.stdout[-3000:]
    done = _run([biber, "doc"], tmp_path)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "WARN" not in done.stdout, done.stdout
    for _ in range(2):
        last = _run(latex, tmp_path)
        assert last.returncode == 0, last.stdout[-3000:]
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert not re.search(r"(?m)^! ", log)
    assert "Warning" not in log.replace("Package rerunfilecheck Warning", "")
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\entry{") == len(pakru.sources()) + 1
    # the reference work's name is printed, and a name in a title keeps its capitals
    entry = bbl.split("\\entry{w-wikipedia-tashkent-declaration}")[1].split("\\endentry")[0]
    assert "\\field{booktitle}{{Wikipedia}}" in entry
    assert "{Tashkent Declaration}" in entry


# -- classic BibTeX and natbib ------------------------------------------------------------

_NATBIB_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\usepackage[round]{natbib}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plainnat}
\bibliography{pakru}
\end{document}
"""


def test_classic_bibtex_compiles_with_natbib_and_plainnat_without_warnings(
    tmp_path: Path,
) -> None:
    _latex_available()
    bibtex = _tool("bibtex")
    (tmp_path / "pakru.bib").write_text(_everything("bibtex"), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(_NATBIB_DOCUMENT, encoding="utf-8")
    latex = [_tool("pdflatex"), "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    assert _run(latex, tmp_path).returncode == 0
    done = _run([bibtex, "doc"], tmp_path)
    assert done.returncode == 0, done.stdout
    assert "Warning" not in done.stdout, done.stdout
    for _ in range(2):
        last = _run(latex, tmp_path)
        assert last.returncode == 0, last.stdout[-3000:]
    log = (tmp_path / "doc.log").read_text(encoding="utf-8", errors="replace")
    assert "Warning" not in log, [line for line in log.splitlines() if "Warning" in line]
    bbl = (tmp_path / "doc.bbl").read_text(encoding="utf-8")
    assert bbl.count("\\bibitem[") == len(pakru.sources()) + 1
    entry = bbl.split("{w-wikipedia-tashkent-declaration}")[1].split("\\bibitem")[0]
    assert "{Tashkent Declaration}" in entry


# -- CSL-JSON as pandoc's bibliography ------------------------------------------------------


def test_csl_json_of_chosen_ids_is_a_pandoc_bibliography(tmp_path: Path) -> None:
    chosen = ["w-wikipedia-tashkent-declaration", "1966-01-10-tashkent-declaration"]
    items = json.loads(pakru.cite(chosen, "csl-json"))
    assert isinstance(items, list)
    expected = {s for e in [pakru.event(chosen[1])] for s in e.sources} | {chosen[0]}
    assert {i["id"] for i in items} == expected
    (tmp_path / "items.json").write_text(json.dumps(items), encoding="utf-8")
    text = "".join(f"[@{i['id']}]\n\n" for i in items)
    done = subprocess.run(
        [_pandoc(), "--citeproc", "--bibliography=items.json", "--to=plain", "--wrap=none"],
        cwd=tmp_path,
        input=text,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "not found" not in done.stderr, done.stderr
    assert "???" not in done.stdout
    assert "Tashkent Declaration" in done.stdout
