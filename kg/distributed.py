"""Extraction on an existing Dask cluster (``kg build --dask tcp://HOST:8786``).

One more way to map extraction over sources (beside one process and ``-j N`` worker
processes): sources go to the cluster's workers in batches, every worker loads kg's
pipeline once (a worker plugin, before the first batch arrives), and the records come
back to this process, in source order, to be resolved and written here. The graph is the
same as a local build's. Workers need the same kg version installed (checked when the
plugin is registered); start them with ``--nthreads 1`` (extraction holds the GIL, so
threads of one worker run one batch at a time anyway).

Imported only when ``--dask`` is given (it imports dask.distributed when there is one).
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence

#: characters per batch: big enough that a task outweighs its scheduling, small enough to
#: spread a corpus over the workers
BATCH_CHARS = 300_000
CONNECT_TIMEOUT_S = 10.0

_LOCK = threading.Lock()  # on a worker: one batch at a time through its one pipeline

try:  # this module is imported only for --dask; without dask, _client says how to install it
    from distributed import WorkerPlugin as _WorkerPlugin
except ImportError:  # pragma: no cover - exercised by test_dask's missing-dask check
    _WorkerPlugin = object


class ClusterError(RuntimeError):
    """The cluster cannot be used: dask missing, scheduler unreachable, no workers, or
    workers without (this version of) kg."""


def _client(address: str, timeout: float):
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError("--dask needs dask.distributed, which is not installed: "
                           "pip install 'kg-gov-news[dask]' (on this machine and on every worker)") from None
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except Exception as exc:  # OSError/TimeoutError when unreachable, ValueError for a bad address
        raise ClusterError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
    try:
        client.wait_for_workers(1, timeout=timeout)
    except Exception:
        client.close()
        raise ClusterError(f"the Dask scheduler at {address} has no workers (waited {timeout:g} s); "
                           "start some with: dask worker " + address + " --nthreads 1") from None
    return client


class PipelinePlugin(_WorkerPlugin):
    """Loads the pipeline once per worker (``warm()``), on every worker, also those that
    join later, after checking that the worker runs the same kg version as this process."""

    def __init__(self, warm: Callable[[], object]) -> None:
        from ._version import __version__

        self.version = __version__
        self.warm = warm

    def setup(self, worker) -> None:
        from ._version import __version__ as theirs

        if theirs != self.version:
            raise RuntimeError(f"worker {worker.address} runs kg {theirs}, this build kg {self.version}")
        with _LOCK:
            self.warm()


def _batches(items: Sequence, sizes: Sequence[int], batch_chars: int) -> list[list]:
    """``items`` cut, in order, into runs of about ``batch_chars`` characters (one item at least)."""
    batches: list[list] = []
    run: list = []
    chars = 0
    for item, size in zip(items, sizes):
        if run and chars + size > batch_chars:
            batches.append(run)
            run, chars = [], 0
        run.append(item)
        chars += size
    if run:
        batches.append(run)
    return batches


def _run_batch(fn: Callable, batch: list) -> list:
    """On a worker: ``fn`` over one batch, in order."""
    with _LOCK:
        return [fn(item) for item in batch]


def cluster_map(address: str, fn: Callable, items: Sequence, sizes: Sequence[int],
                warm: Callable[[], object] | None = None, batch_chars: int | None = None,
                timeout: float | None = None) -> Iterator:
    """``fn`` over ``items`` on the Dask cluster at ``address``; yields the results in order.

    fn (Callable): a module-level function (or a partial of one) that workers can import.
    sizes (Sequence[int]): each item's size in characters, to cut batches.
    warm (Callable | None): run once per worker before any batch (loads the pipeline).
    batch_chars (int | None): characters per batch (BATCH_CHARS); timeout (float | None):
        seconds to wait for the scheduler and for a first worker (CONNECT_TIMEOUT_S).
    RAISES ClusterError: dask missing, scheduler unreachable, no workers, kg not loadable there.
    """
    batch_chars = batch_chars or BATCH_CHARS
    client = _client(address, timeout or CONNECT_TIMEOUT_S)
    try:
        if warm is not None:
            try:
                client.register_plugin(PipelinePlugin(warm), name="kg-pipeline")
            except Exception as exc:
                raise ClusterError(f"the workers of {address} could not load kg's pipeline: {exc} "
                                   "(install this kg version on every worker)") from None
        batches = _batches(items, sizes, batch_chars)
        data = client.scatter(batches, hash=False)
        futures = [client.submit(_run_batch, fn, batch, key=f"kg-extract-{batch.key}") for batch in data]
        del data
        for i, future in enumerate(futures):
            yield from future.result()
            futures[i] = None  # the worker may drop the result now
    finally:
        client.close()
