"""Progress on stderr for long work: a bar over items, or over the named stages of a
command (tqdm; off with -q and whenever stderr is not a terminal).

Imports nothing of kg: every stage of the pipeline may report through it.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager


def items(iterable: Iterable, desc: str, unit: str, enabled: bool = True, total: int | None = None) -> Iterable:
    """``iterable`` with a bar counting its items (the iterable itself when disabled);
    ``total``: how many there are, where the iterable cannot tell."""
    if not enabled:
        return iterable
    from tqdm import tqdm

    return tqdm(iterable, desc=desc, unit=unit, file=sys.stderr, leave=False, disable=None, total=total)


class Stages:
    """One bar over the named stages of a command: ``with stages.stage("store"): …``.

    desc (str): the command, e.g. "kg build".
    total (int): how many stages there are.
    enabled (bool): False for none at all (-q).
    """

    def __init__(self, desc: str, total: int, enabled: bool = True) -> None:
        self.desc = desc
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, desc=desc, unit="stage", file=sys.stderr, leave=False, disable=None,
                            bar_format="{desc}: {n_fmt}/{total_fmt} stages [{elapsed}]")

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self.bar is not None:
            self.bar.set_description_str(f"{self.desc}: {name}")
        try:
            yield
        finally:
            if self.bar is not None:
                self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()

    def __enter__(self) -> Stages:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
