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
