"""One bad file never stops a build: each is named with what to do, the good ones are built."""
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

GOOD = "会议召开\n\n济宁市统计局局长王立国介绍，全市增长5%。\n"


def _bad_folder(root: Path) -> Path:
    d = root / "in"
    d.mkdir()
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "s1.txt").write_text(GOOD, encoding="utf-8")
    (d / "s1.txt.meta.json").write_text('{"date": "2023-13-45"}', encoding="utf-8")
    (d / "s2.txt").write_text(GOOD, encoding="utf-8")
    (d / "s2.txt.meta.json").write_text('{"city": 5}', encoding="utf-8")
    (d / "deep.json").write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    (d / "sur.jsonl").write_text('{"text": "\\ud800会议"}\n', encoding="utf-8")
    (d / "u2028.jsonl").write_text(json.dumps({"text": "会议\u2028召开。济宁市统计局局长王立国介绍。"},
                                              ensure_ascii=False) + "\n", encoding="utf-8")
    (d / "years.jsonl").write_text("\n".join(json.dumps({"text": "济宁市统计局局长王立国介绍。", "year": y},
                                                        ensure_ascii=False) for y in (99999, True)) + "\n",
                                   encoding="utf-8")
    os.mkfifo(d / "fifo.txt")
    os.symlink("/dev/zero", d / "zero.txt")
    os.symlink(root / "nowhere", d / "broken.txt")
    with open(os.path.join(os.fsencode(d), b"bad\xff.txt"), "wb") as fh:
        fh.write(GOOD.encode())
    return d


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a POSIX file system")
def test_bad_inputs_are_named_and_the_rest_is_built(tmp_path):
    d = _bad_folder(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["build", str(d), "-o", str(out), "--no-html", "--no-model", "-q"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    refused = {Path(r["path"]).name: r["reason"] for r in report["refused"]}
    assert "not a date" in refused["s1.txt"] and "fix the date" in refused["s1.txt"]
    assert "city must be text" in refused["s2.txt"]
    assert "nested too deep" in refused["deep.json"]
    assert "surrogate" in refused["sur.jsonl"]
    assert "not a regular file" in refused["fifo.txt"] and "not a regular file" in refused["zero.txt"]
    assert "broken symlink" in refused["broken.txt"]
    assert any("not valid UTF-8" in reason for reason in refused.values())
    ids = {s["id"].rsplit("/", 1)[-1] for s in report["sources"]}
    assert {"good.txt", "u2028.jsonl#L1", "years.jsonl#L1", "years.jsonl#L2"} <= ids
    assert all(s["date"] is None for s in report["sources"] if "years" in s["id"])
    assert (out / "graph.ttl").is_file()


def test_bad_inputs_long_article_is_read_whole():
    from kg.nlp.pipeline import build_nlp

    assert build_nlp(use_name_model=False).max_length > 10_000_000
