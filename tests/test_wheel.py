"""The wheel installs and works outside the checkout: vocabularies, shapes, saved queries
and trained weights travel inside it, and the Python API survives a second call.

The wheel is built from this checkout and installed without dependencies into a fresh
venv outside it; the venv then reads the dependencies from this interpreter's
site-packages (a .pth line after its own), so no download is needed and the kg it
imports can only be the installed wheel's (asserted).
"""
import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "tests" / "fixtures" / "city-page-2024-05-21.txt"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    base = tmp_path_factory.mktemp("wheel")
    wheels = base / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
                    "-w", str(wheels), str(ROOT)], check=True, cwd=base, capture_output=True)
    (wheel,) = wheels.glob("*.whl")
    env_dir = base / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True)
    own = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                         check=True, capture_output=True, text=True).stdout.strip()
    (Path(own) / "_outer_site.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    work = base / "empty"
    work.mkdir()
    (work / "page.txt").write_bytes(PAGE.read_bytes())
    return env_dir, work


def _run(env_dir: Path, work: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    return subprocess.run(list(args), cwd=work, env=env, capture_output=True, text=True, timeout=300)


def test_wheel_carries_the_package_data(installed):
    env_dir, work = installed
    r = _run(env_dir, work, str(env_dir / "bin" / "python"), "-c",
             "import kg, kg.vocab.paths as p; print(kg.__file__); "
             "print(sorted(x.name for x in p.QUERIES_DIR.glob('*.rq'))); print((p.VOCAB_DIR / 'titles.tsv').is_file())")
    assert r.returncode == 0, r.stderr
    where, queries, titles = r.stdout.splitlines()
    assert str(env_dir) in where and str(ROOT) not in where  # the wheel's kg, not the checkout's
    assert "people-posts.rq" in queries and "careers.oxigraph.rq" in queries and titles == "True"


def test_wheel_cli_builds_and_queries_from_an_empty_folder(installed):
    env_dir, work = installed
    kg = str(env_dir / "bin" / "kg")
    r = _run(env_dir, work, kg, "build", "page.txt", "-o", "out", "-q", "--no-html")
    assert r.returncode == 0, r.stderr
    r = _run(env_dir, work, kg, "query", "out", "people-posts", "--format", "csv")
    assert r.returncode == 0, r.stderr
    assert "王立新" in r.stdout and "济宁市人民政府" in r.stdout
    r = _run(env_dir, work, kg, "query", "out", "list")
    assert "people-posts" in r.stdout


def test_wheel_python_api_twice(installed):
    env_dir, work = installed
    code = ("import json, kg\n"
            "r = kg.build(['page.txt'], 'o', progress=False, html=False)\n"
            "kg.build(['page.txt'], 'o2', progress=False, html=False)\n"
            "rows = kg.open('o').query('people-posts')\n"
            "print(json.dumps([len(rows), r.report['counts']['persons'], callable(kg.build), callable(kg.evaluate),\n"
            "                  callable(kg.explain), callable(kg.validate)]))\n")
    r = _run(env_dir, work, str(env_dir / "bin" / "python"), "-c", code)
    assert r.returncode == 0, r.stderr
    n_rows, persons, *callables = json.loads(r.stdout.splitlines()[-1])
    assert n_rows > 10 and persons > 10 and all(callables)
