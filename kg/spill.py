"""A build's extraction records on disk: written as each source's come, read back in order.

Resolution needs every article's records (names split by place or paper are known only
once all are read), but not all at once: it reads them in passes. ``RecordSpill`` keeps
them in a temporary file (pickled, one batch a source) instead of a list, so a build
holds one source's records at a time whatever the size of the corpus. Iterating it reads
the file again from the start: it is a sequence to ``resolve`` (``for ex in records``,
as many passes as it takes).
"""
from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator

from .records import Extraction


class RecordSpill:
    """Extractions in a temporary file, in the order written; removed by ``close``."""

    def __init__(self) -> None:
        fd, self.path = tempfile.mkstemp(prefix="kg-records-", suffix=".pickle")
        self._out = os.fdopen(fd, "wb")
        self._n = 0

    def write(self, extractions: Iterable[Extraction]) -> None:
        """One batch (a source's extractions), after the ones written before."""
        batch = list(extractions)
        if batch:
            pickle.dump(batch, self._out, protocol=pickle.HIGHEST_PROTOCOL)
            self._n += len(batch)

    def __len__(self) -> int:
        return self._n

    def __iter__(self) -> Iterator[Extraction]:
        self._out.flush()
        with open(self.path, "rb") as fh:
            while True:
                try:
                    batch = pickle.load(fh)
                except EOFError:
                    return
                yield from batch

    def close(self) -> None:
        if not self._out.closed:
            self._out.close()
        try:
            os.unlink(self.path)
        except FileNotFoundError:
            pass

    def __enter__(self) -> "RecordSpill":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
