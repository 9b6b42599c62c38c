"""A killed build never leaves a broken one: outputs are written beside OUT and replace
it whole; the user's own files in OUT stay; a kill between the last two renames is
recovered on the next command."""
import json
import os
from pathlib import Path

import kg
from kg.atomic import publish_folder, staging_folder

PAGE = Path(__file__).parent / "fixtures" / "city-page-2024-05-21.txt"


def _build(out: Path) -> dict:
    kg.build([str(PAGE)], out, progress=False, model=False, validate=False)
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def test_crash_build_replaces_the_folder_whole_and_keeps_the_users_files(tmp_path):
    out = tmp_path / "out"
    _build(out)
    (out / "view.html").write_text("<p>mine</p>", encoding="utf-8")
    _build(out)
    assert sorted(p.name for p in out.iterdir()) == ["graph.html", "graph.ttl", "report.json", "store", "view.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # nothing left behind
    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o777 & ~mask


def test_crash_killed_while_writing_leaves_the_previous_build(tmp_path):
    out = tmp_path / "out"
    before = _build(out)["articles"]
    staging = staging_folder(out)  # a build killed while writing its outputs
    (staging / "graph.ttl").write_text("half", encoding="utf-8")
    assert json.loads((out / "report.json").read_text(encoding="utf-8"))["articles"] == before
    _build(out)  # the next build clears what the killed one left
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_crash_killed_between_the_renames_is_recovered(tmp_path):
    out = tmp_path / "out"
    _build(out)
    out.rename(tmp_path / ".out.old")  # the instant between the two renames of publish_folder
    assert kg.open(out).query("people-posts").rows  # recovered on open
    assert (out / "graph.ttl").is_file()


def test_crash_publish_folder_moves_in_whole(tmp_path):
    target = tmp_path / "t"
    target.mkdir()
    (target / "a").write_text("old", encoding="utf-8")
    staging = staging_folder(target)
    (staging / "a").write_text("new", encoding="utf-8")
    publish_folder(staging, target)
    assert (target / "a").read_text(encoding="utf-8") == "new"


def test_crash_kill_9_at_any_moment_leaves_a_whole_build(tmp_path):
    """A build killed with SIGKILL at several moments of its run: OUT is always the
    previous build or the new one, whole (graph.ttl, store and report agree)."""
    import signal
    import subprocess
    import sys
    import time

    out = tmp_path / "out"
    _build(out)
    before = (out / "graph.ttl").read_bytes()
    page2 = tmp_path / "county-2024-07-02.txt"
    page2.write_bytes((Path(__file__).parent / "fixtures" / "county-page-2024-07-02.txt").read_bytes())
    cmd = [sys.executable, "-m", "kg", "build", str(PAGE), str(page2), "-o", str(out), "-q", "--no-model",
           "--no-validate"]
    for delay in (0.5, 1.5, 2.5, 3.5):
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        g = kg.open(out)  # recovers a kill between the two renames
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        ttl = (out / "graph.ttl").read_bytes()
        sources = {Path(s["id"]).name for s in report["sources"]}
        assert sources in ({"city-page-2024-05-21.txt"}, {"city-page-2024-05-21.txt", "county-2024-07-02.txt"})
        assert (ttl == before) == (len(sources) == 1)  # graph.ttl and report.json from one build
        assert len(g.query("SELECT * WHERE { ?s ?p ?o } LIMIT 1")) == 1  # the store opens
