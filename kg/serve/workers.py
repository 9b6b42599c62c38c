"""Query worker processes for ``kg serve``: each opens the store read-only and answers
framed queries on stdin, so a query past its timeout is stopped by killing its worker.

Run as ``python -m kg.serve.workers STORE_DIR [--in-memory] [--network]`` by the pool; without
``--network`` a worker cannot open a socket (see ``sandbox``).
"""
from __future__ import annotations

import threading
from pathlib import Path

from .protocol import ProtocolError, _safe_evaluate


def _send_frame(stream, obj) -> None:
    import pickle
    import struct

    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(struct.pack("!Q", len(data)) + data)
    stream.flush()


def _read_exact(stream, n: int) -> bytes:
    chunks, got = [], 0
    while got < n:
        chunk = stream.read(n - got)
        if not chunk:
            raise EOFError("query worker closed its pipe")
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _recv_frame(stream):
    import pickle
    import struct

    (length,) = struct.unpack("!Q", _read_exact(stream, 8))
    return pickle.loads(_read_exact(stream, length))


def worker_loop(store_dir: str, in_memory: bool = False, network: bool = False) -> None:
    """A query worker process: forbids itself the network (unless ``network``), opens the
    store read-only (copied into RAM with ``in_memory``), says it is ready and whether it is
    sandboxed, then answers framed queries on stdin with framed replies on stdout."""
    import sys

    from .sandbox import deny_network

    sandboxed = False if network else deny_network()  # first, before any thread starts
    import pyoxigraph as ox

    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    try:
        ox_store = ox.Store.read_only(store_dir)
        if in_memory:
            ram = ox.Store()  # no path: kept in memory
            ram.bulk_extend(ox_store)
            ox_store = ram
    except Exception as err:  # noqa: BLE001 - reported to the server, which names it
        _send_frame(stdout, ("failed", str(err)))
        return
    _send_frame(stdout, ("ready", sandboxed))
    while True:
        try:
            message = _recv_frame(stdin)
        except EOFError:
            return
        if message is None:
            return
        _send_frame(stdout, _safe_evaluate(ox_store, *message))


class _WorkerPool:
    """Query worker processes: a query that runs past the timeout is stopped by killing its
    worker (Oxigraph cannot cancel a running query), so it frees its CPU and memory."""

    def __init__(self, store_dir: str, size: int, in_memory: bool = False, start_timeout: float = 900.0,
                 network: bool = False):
        import queue

        self.store_dir = store_dir
        self.size = size
        self.in_memory = in_memory
        self.network = network
        self.sandboxed: bool | None = None  # whether the workers run without network (known once one started)
        self.start_timeout = start_timeout
        self.idle: queue.LifoQueue = queue.LifoQueue()
        self.started = 0
        self.lock = threading.Lock()
        self.all: list = []

    def _start(self):
        # a fresh interpreter (not fork: this server is threaded; not multiprocessing
        # spawn: it would re-import the caller's __main__)
        import select
        import subprocess
        import sys

        process = subprocess.Popen(
            [sys.executable, "-m", "kg.serve.workers", self.store_dir]
            + (["--in-memory"] if self.in_memory else []) + (["--network"] if self.network else []),
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            cwd=str(Path(__file__).resolve().parents[2]),
        )
        with self.lock:
            self.all.append(process)
        # wait until the worker has opened (or copied) the store: not part of any query's time
        ready, _, _ = select.select([process.stdout], [], [], self.start_timeout)
        try:
            hello = _recv_frame(process.stdout) if ready else ("failed", "no answer")
        except (EOFError, OSError) as err:
            hello = ("failed", str(err))
        if hello[0] != "ready":
            self.discard(process)
            raise ProtocolError(500, f"Query worker could not open the store {self.store_dir}: {hello[1]}")
        self.sandboxed = hello[1]
        return process

    def warm(self, count: int | None = None) -> None:
        """Start ``count`` workers (all by default) now, so the first queries do not wait."""
        with self.lock:
            target = self.size if count is None else min(self.size, self.started + count)
            missing = max(0, target - self.started)
            self.started += missing
        for _ in range(missing):
            self.idle.put(self._start())

    def acquire(self, timeout: float | None = None):
        """An idle worker (a new one while the pool is not full); waits at most ``timeout``
        seconds for one to come free. RAISES queue.Empty: none came free in time."""
        import queue

        with self.lock:
            try:
                return self.idle.get_nowait()
            except queue.Empty:
                start = self.started < self.size
                if start:
                    self.started += 1
        return self._start() if start else self.idle.get(timeout=timeout)

    def discard(self, process) -> None:
        process.kill()
        process.wait(5)
        for stream in (process.stdin, process.stdout):
            stream.close()
        with self.lock:
            if process in self.all:
                self.all.remove(process)
            self.started -= 1

    def close(self) -> None:
        with self.lock:
            processes = list(self.all)
            self.all.clear()
        for process in processes:
            process.kill()
            process.wait(5)
            for stream in (process.stdin, process.stdout):
                stream.close()

    def run(self, message: tuple, timeout: float) -> tuple:
        """A query's reply; the time limit counts the wait for a free worker too. A query
        still running after DEMOTE_AFTER seconds has its worker lowered to the least CPU
        priority (short queries keep answering beside it); such a worker is not reused."""
        import queue
        import select
        import time

        start = time.monotonic()
        try:
            process = self.acquire(timeout)
        except queue.Empty:
            return ("busy",)
        demoted = False
        try:
            _send_frame(process.stdin, message)
            left = timeout - (time.monotonic() - start)
            ready, _, _ = select.select([process.stdout], [], [], max(0.0, min(left, DEMOTE_AFTER)))
            if not ready and left > DEMOTE_AFTER:
                demoted = _lower_priority(process.pid)
                ready, _, _ = select.select([process.stdout], [], [], max(0.0, timeout - (time.monotonic() - start)))
            if not ready:
                self.discard(process)
                return ("timeout",)
            reply = _recv_frame(process.stdout)
        except (EOFError, OSError, ValueError) as err:
            self.discard(process)
            return ("err", 500, f"Query worker failed ({err}); the query may need more memory than is available")
        if demoted:  # its priority cannot be raised again: a fresh worker takes its place
            self.discard(process)
        else:
            self.idle.put(process)
        return reply


DEMOTE_AFTER = 0.25  # seconds: past this a query is long, and yields the CPU to short ones


def _lower_priority(pid: int) -> bool:
    import os

    try:
        os.setpriority(os.PRIO_PROCESS, pid, 19)
        return True
    except (AttributeError, OSError):  # not on this platform, or the process is gone
        return False


if __name__ == "__main__":  # a query worker of _WorkerPool
    import sys as _sys

    worker_loop(_sys.argv[1], in_memory="--in-memory" in _sys.argv[2:], network="--network" in _sys.argv[2:])
