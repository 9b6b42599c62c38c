"""``kg build --update`` keeps every earlier input wherever it runs from, never reads its
own output folder, and stops, changing nothing, when an earlier input is gone."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

FIXTURES = Path(__file__).parent / "fixtures"


def _people(out: Path) -> set[str]:
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return {p for a in report["articles"] for p in a["people"]}


@pytest.fixture
def layout(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    (a / "pages").mkdir(parents=True)
    b.mkdir()
    (a / "pages" / "city-2024-05-21.txt").write_bytes((FIXTURES / "city-page-2024-05-21.txt").read_bytes())
    (b / "county-2024-07-02.txt").write_bytes((FIXTURES / "county-page-2024-07-02.txt").read_bytes())
    monkeypatch.chdir(a)
    result = CliRunner().invoke(cli, ["build", "pages", "-o", str(tmp_path / "out"), "-q", "--no-html",
                                      "--no-validate", "--no-model"])
    assert result.exit_code == 0, result.output
    return tmp_path, a, b


def test_update_from_another_folder_keeps_earlier_inputs(layout, monkeypatch):
    tmp, a, b = layout
    out = tmp / "out"
    before = _people(out)
    monkeypatch.chdir(b)
    result = CliRunner().invoke(cli, ["build", "--update", "county-2024-07-02.txt", "-o", str(out), "-q",
                                      "--no-html", "--no-validate", "--no-model"])
    assert result.exit_code == 0, result.output
    after = _people(out)
    assert before < after  # the city page's people stay, the county page's are added
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [m["input"] for m in report["manifest"]] == ["pages", "county-2024-07-02.txt"]
    assert {s["id"] for s in report["sources"]} == {"pages/city-2024-05-21.txt", "county-2024-07-02.txt"}


def test_update_stops_when_an_earlier_input_is_gone(layout):
    tmp, a, b = layout
    out = tmp / "out"
    graph = (out / "graph.ttl").read_bytes()
    (a / "pages" / "city-2024-05-21.txt").rename(tmp / "moved.txt")
    (a / "pages").rmdir()
    runner = CliRunner()
    result = runner.invoke(cli, ["build", "--update", str(b / "county-2024-07-02.txt"), "-o", str(out), "-q",
                                 "--no-html", "--no-validate", "--no-model"])
    assert result.exit_code != 0
    assert "pages" in result.output and "--drop-missing" in result.output
    assert (out / "graph.ttl").read_bytes() == graph  # nothing lost
    result = runner.invoke(cli, ["build", "--update", str(b / "county-2024-07-02.txt"), "-o", str(out), "-q",
                                 "--no-html", "--no-validate", "--no-model", "--drop-missing"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["sources"]] == [str(b / "county-2024-07-02.txt")]


def test_update_never_reads_the_output_folder(layout, monkeypatch):
    tmp, a, b = layout
    out = tmp / "out"
    monkeypatch.chdir(tmp)
    result = CliRunner().invoke(cli, ["build", "--update", "out", "-o", "out", "--no-html", "--no-validate",
                                      "--no-model"])
    assert result.exit_code == 0, result.output
    assert "output folder" in result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert not any(s["id"].startswith("out") for s in report["sources"])
    assert [m["input"] for m in report["manifest"]] == ["pages"]  # never recorded as an input


def test_build_of_a_folder_holding_its_output_skips_it(tmp_path, monkeypatch):
    (tmp_path / "city-2024-05-21.txt").write_bytes((FIXTURES / "city-page-2024-05-21.txt").read_bytes())
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    for _ in range(2):  # the second build sees build/report.json inside its input folder
        result = runner.invoke(cli, ["build", ".", "-o", "build", "-q", "--no-html", "--no-validate", "--no-model"])
        assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "build" / "report.json").read_text(encoding="utf-8"))
    assert [s["id"] for s in report["sources"]] == ["city-2024-05-21.txt"]


def test_update_report_keeps_each_inputs_content_hash(layout):
    import hashlib

    tmp, a, _ = layout
    report = json.loads((tmp / "out" / "report.json").read_text(encoding="utf-8"))
    (source,) = report["sources"]
    raw = (a / "pages" / "city-2024-05-21.txt").read_text(encoding="utf-8")
    assert source["sha256"] == hashlib.sha256(raw.encode("utf-8")).hexdigest()
