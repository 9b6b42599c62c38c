"""``kg build --dask``: extraction on a real Dask cluster (a scheduler and two workers, each
its own process on loopback) gives the same graph.ttl bytes as a local build."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from _procs import free_port, stop
from click.testing import CliRunner

from kg.cli import cli

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
PAGE = next(CORPUS.glob("*.txt"))
QUIET = ["-q", "--no-html", "--no-validate"]


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The address of a running scheduler with two single-threaded workers; stopped afterwards."""
    pytest.importorskip("distributed")
    scratch = tmp_path_factory.mktemp("dask")
    address = f"tcp://127.0.0.1:{free_port()}"
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "SOURCE_DATE_EPOCH": "1700000000"}
    with open(scratch / "log", "wb") as log:  # the cluster's messages, for a failing run
        yield from _run_cluster(address, scratch, {"cwd": ROOT, "env": env, "stdout": subprocess.DEVNULL, "stderr": log})


def _run_cluster(address: str, scratch: Path, common: dict):
    from distributed import Client

    procs = [subprocess.Popen([sys.executable, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1",
                               "--port", address.rsplit(":", 1)[1], "--no-dashboard"], **common)]
    try:
        for i in range(2):
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", address, "--host", "127.0.0.1",
                 "--nthreads", "1", "--nworkers", "1", "--no-dashboard", "--local-directory", str(scratch / f"w{i}"),
                 "--name", f"w{i}"], **common))
        with Client(address, timeout=60, set_as_default=False) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        stop(procs[1:])
        stop(procs[:1])


@pytest.fixture()
def epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def _build(args: list[str]) -> None:
    result = CliRunner().invoke(cli, ["build", *args, *QUIET])
    assert result.exit_code == 0, result.output + repr(result.exception)


def test_bundled_corpus_on_the_cluster_is_byte_identical(cluster, tmp_path, epoch):
    _build([str(CORPUS), "-o", str(tmp_path / "local")])
    _build([str(CORPUS), "-o", str(tmp_path / "dask"), "--dask", cluster])
    local = (tmp_path / "local" / "graph.ttl").read_bytes()
    assert len(local) > 10_000
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == local


def test_batches_spread_over_both_workers_one_pipeline_each(cluster, tmp_path, epoch, monkeypatch):
    from distributed import Client

    import kg.builder
    import kg.distributed

    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(4):  # four sources, one batch each
        shutil.copy(PAGE, pages / f"copy{i}-{PAGE.name}")
    monkeypatch.setattr(kg.distributed, "BATCH_CHARS", 1)
    monkeypatch.setattr(kg.builder, "GROUP_CHARS", 1)  # a group a source
    monkeypatch.setattr(kg.builder, "PARALLEL_MIN_TRIPLES", 0)  # and the outputs forked after the cluster's client
    with Client(cluster, set_as_default=False) as client:
        before = client.run(lambda dask_worker: dask_worker.state.executed_count)
        _build([str(pages), "-o", str(tmp_path / "dask"), "--dask", cluster, "-j", "2"])
        after = client.run(lambda dask_worker: dask_worker.state.executed_count)

        def pipelines():
            from kg.builder import _extractor

            info = _extractor.cache_info()
            return info.currsize, info.misses

        loaded = client.run(pipelines)
    ran = [after[w] - before.get(w, 0) for w in after]
    assert sum(ran) == 4 and min(ran) >= 1, ran  # four batches, both workers ran some
    assert all(currsize == 1 and misses == 1 for currsize, misses in loaded.values()), loaded  # loaded once each
    _build([str(pages), "-o", str(tmp_path / "local")])
    assert (tmp_path / "dask" / "graph.ttl").read_bytes() == (tmp_path / "local" / "graph.ttl").read_bytes()


def test_unreachable_scheduler_is_a_clear_error(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    import kg.distributed

    monkeypatch.setattr(kg.distributed, "CONNECT_TIMEOUT_S", 1.0)
    address = f"tcp://127.0.0.1:{free_port()}"  # nothing listens there
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(tmp_path / "out"), "--dask", address, *QUIET])
    assert result.exit_code == 1
    assert f"cannot reach the Dask scheduler at {address}" in result.output
    assert not (tmp_path / "out" / "graph.ttl").exists()


def test_without_dask_installed_the_error_says_how_to_install(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    result = CliRunner().invoke(cli, ["build", str(CORPUS), "-o", str(tmp_path / "out"),
                                      "--dask", "tcp://127.0.0.1:1", *QUIET])
    assert result.exit_code == 1
    assert "pip install 'kg-gov-news[dask]'" in result.output
