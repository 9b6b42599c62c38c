"""The notebooks run top to bottom on the bundled corpus (nbclient, a fresh kernel each)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat", reason="notebook tests need the test extras (nbformat)")
nbclient = pytest.importorskip("nbclient", reason="notebook tests need the test extras (nbclient)")
pytest.importorskip("ipykernel", reason="notebook tests need the test extras (ipykernel)")
pytest.importorskip("pandas", reason="notebook tests need the test extras (pandas)")

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
NAMES = ["01_quick_start.ipynb", "02_officials_and_agencies.ipynb", "03_figures.ipynb"]


def _run(name: str, build_dir: Path, monkeypatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("KG_BUILD", str(build_dir))  # the kernel inherits it: no writes in the repo
    book = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(book, timeout=120, kernel_name="python3",
                                     resources={"metadata": {"path": str(NOTEBOOKS)}})
    client.execute()
    return book


def _outputs(book, mime: str) -> list[str]:
    found = []
    for cell in book.cells:
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if mime in data:
                found.append(data[mime])
    return found


def test_notebooks_hold_no_outputs_and_import_from_kg():
    for name in NAMES:
        book = nbformat.read(NOTEBOOKS / name, as_version=4)
        code = "\n".join(c.source for c in book.cells if c.cell_type == "code")
        assert all(not c.get("outputs") for c in book.cells if c.cell_type == "code"), name
        assert "import kg" in code and "class " not in code, name
        assert not re.search(r"^\s*(for|while) ", code, re.M), name  # no logic of their own
        assert "../build" not in code and '"build"' not in code, name  # never the user's build/


def test_notebook_quick_start(tmp_path, monkeypatch):
    book = _run("01_quick_start.ipynb", tmp_path / "build", monkeypatch)
    assert (tmp_path / "build" / "graph.ttl").exists()
    frames = _outputs(book, "text/html")
    assert any("<table" in f and "person" in f for f in frames)  # the people-posts DataFrame
    views = [f for f in frames if f.startswith("<iframe srcdoc=")]
    assert len(views) == 2 and all('sandbox="allow-scripts"' in v for v in views)
    assert "vis.Network" in views[0] and "http://" not in views[0].split("srcdoc=")[0]


def test_notebook_officials_and_agencies(tmp_path, monkeypatch):
    book = _run("02_officials_and_agencies.ipynb", tmp_path / "build", monkeypatch)
    frames = _outputs(book, "text/html")
    assert any("betweenness" in f for f in frames)  # centrality table
    assert any("members" in f for f in frames)  # communities
    assert any("parent" in f and "agency" in f for f in frames)  # hierarchy
    assert any(f.startswith("<iframe srcdoc=") for f in frames)


def test_notebook_figures(tmp_path, monkeypatch):
    book = _run("03_figures.ipynb", tmp_path / "build", monkeypatch)
    assert _outputs(book, "image/png"), "the chart was not drawn"
    frames = _outputs(book, "text/html")
    assert any("observations" in f for f in frames)
    assert any("千瓦" in f for f in frames)
    by_agency = next(f for f in frames if "kinds" in f and "（未写明）" in f)  # programs by agency
    assert "plan" in by_agency and "slogan" not in by_agency
    assert any("articles" in f and "slogan" in f for f in frames)  # the slogans, apart
    assert len(_outputs(book, "image/png")) == 2, "the series was not plotted"
    series = next(f for f in frames if "conflict" in f and "2023-12-31" in f)  # the series table
    assert series.count("True") == 2  # the two reports that disagree on 2023
