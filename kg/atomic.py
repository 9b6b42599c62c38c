"""One way to write an output: to a temporary name beside it, then renamed into place,
so a reader sees the old version or the new one, never half of one (a file, or a whole
folder of outputs). Every output gets the same permissions: what the user's umask
gives a new file (0644 under 022).

Imports nothing of kg: every stage that writes a file may use it.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextmanager
def atomic_path(path: str | os.PathLike) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed onto ``path`` when the block
    ends without an error, removed when it raises.

    path (str | PathLike): the file to write.
    RETURNS (Iterator[Path]): the temporary path (the file may be written by any writer).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600 files; outputs are for sharing
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` as UTF-8 with ``\\n`` line ends, atomically.

    RETURNS (Path): the path written.
    """
    with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    return Path(path)


def publish_folder(staging: Path, target: Path) -> Path:
    """Put a folder written in full (``staging``) in place of ``target`` with renames only:
    readers and a killed process see the old folder or the new one, whole. The old one
    is kept as ``.NAME.old`` for the instant between the two renames; ``recover_folder``
    puts it back if a kill fell in that instant. Files of the old folder the new one does
    not have (a focused view, an export) move into the new one.

    RETURNS (Path): ``target``.
    """
    old = target.parent / f".{target.name}.old"
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        for entry in target.iterdir():  # the user's own files in the folder (view.html …) stay
            if not (staging / entry.name).exists():
                entry.rename(staging / entry.name)
        target.rename(old)
    staging.rename(target)
    shutil.rmtree(old, ignore_errors=True)
    return target


def staging_folder(target: Path) -> Path:
    """A fresh, empty folder beside ``target`` to write a new version of it into (its
    stale siblings of killed runs are removed first)."""
    recover_folder(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    for stale in target.parent.glob(f".{target.name}.building-*"):
        shutil.rmtree(stale, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    os.chmod(staging, 0o777 & ~_umask())  # mkdtemp makes 0700 folders; outputs are for sharing
    return staging


def recover_folder(target: Path) -> None:
    """After a kill between the two renames of ``publish_folder``: the last whole version
    back in place."""
    old = target.parent / f".{target.name}.old"
    if old.is_dir() and not target.exists():
        old.rename(target)
