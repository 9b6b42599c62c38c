"""Read input files into ``Source`` records: detect the encoding, find the page date.

Readers never raise on bad input: every file ends up either as sources or as a
``Refusal`` that names the file and says what to do, so one bad file never stops a build.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Date, Source

TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
QUIET_SUFFIXES = {".md", ".rst"}  # documentation next to a corpus: skipped, noted
SIDECAR = ".meta.json"

_DATE_IN_PATH = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)[-_./]?(?P<m>0[1-9]|1[0-2])[-_./]?(?P<d>0[1-9]|[12]\d|3[01]))(?!\d)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CTRL = re.compile(r"[\x00-\x08\x0e-\x1f]")


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file (or record) kg could not read, and what the user can do about it."""

    path: str
    reason: str
    line: int | None = None

    def message(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.reason}"


class DecodeError(ValueError):
    """The bytes are not text in any encoding kg reads."""


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes as UTF-8 (with or without BOM), UTF-16 or GB18030.

    data (bytes): the file's content.
    RETURNS (tuple[str, str]): the text and the encoding name.
    Raises DecodeError for binary data or bytes no supported encoding decodes cleanly.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(data, "utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        guess = _utf16_without_bom(data)
        if guess:
            return guess
        raise DecodeError("binary data (NUL bytes), not a text file")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise DecodeError(
            f"not UTF-8, UTF-16 or GB18030 (bad byte at offset {exc.start}); convert it to UTF-8"
        ) from None
    # GB18030 decodes almost any byte string; accept it only if it reads as Chinese text.
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    if cjk < 0.2 * max(1, len(sample.strip())) or _CTRL.search(sample):
        raise DecodeError("not UTF-8, and as GB18030 it is not Chinese text; convert it to UTF-8")
    return text, "gb18030"


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"invalid {encoding} at byte {exc.start}; re-save the file as UTF-8") from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    head = data[:4096]
    even_nul = head[0::2].count(0)
    odd_nul = head[1::2].count(0)
    # CJK text in UTF-16 has few NULs; ASCII-heavy text has NULs on one side only.
    for enc, ok in (("utf-16-le", odd_nul > even_nul), ("utf-16-be", even_nul > odd_nul)):
        if ok:
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            if not _CTRL.search(text[:4096]):
                return text, enc
    return None


def date_from_path(path: str) -> str | None:
    """A date written in a path (20200102/…, 2023-12-29…), as ISO, or None."""
    for m in reversed(list(_DATE_IN_PATH.finditer(path))):
        try:
            return date(int(m["y"]), int(m["m"]), int(m["d"])).isoformat()
        except ValueError:
            continue
    return None


def read_sidecar(path: Path) -> dict:
    """Metadata from ``FILE.meta.json`` beside ``FILE`` (date, city, paper), or {}."""
    for p in (path.with_name(path.name + SIDECAR), path.with_name(path.stem + SIDECAR)):
        if p.is_file():
            try:
                meta = json.loads(p.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise ValueError(f"{p}: unreadable metadata ({exc}); fix the JSON or remove the file") from None
            return meta if isinstance(meta, dict) else {}
    return {}


def iter_files(inputs: Iterable[str | Path | tuple[Path, str]],
               exclude: Path | None = None) -> Iterator[tuple[Path | None, str, Refusal | None]]:
    """Expand files and folders (recursively, sorted) into (path, display, refusal).

    inputs: paths, or (path, name) pairs: read ``path``, name its files after ``name``
        (an earlier input of a build, found again from another folder).
    exclude (Path | None): a folder never read (the build's own output folder).
    """
    exclude = exclude.resolve() if exclude is not None else None
    for item in inputs:
        p, name = (Path(item[0]), str(item[1])) if isinstance(item, tuple) else (Path(item), str(item))
        if not p.exists():
            yield None, name, Refusal(name, "no such file or folder; check the path")
        elif exclude is not None and (p.resolve() == exclude or exclude in p.resolve().parents):
            yield None, name, Refusal(name, "this is the build's output folder, not an input; skipped")
        elif p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and not _hidden(f.relative_to(p)))
            for f in files:
                if f.name.endswith(SIDECAR) or (exclude is not None and exclude in f.resolve().parents):
                    continue
                yield f, str(Path(name) / f.relative_to(p)), None
        else:
            yield p, name, None


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def read_sources(
    inputs: Iterable[str | Path | tuple[Path, str]], page_date: str | None = None, exclude: Path | None = None
) -> tuple[list[Source], list[Refusal], list[Refusal]]:
    """Read every input into sources.

    inputs: files or folders, or (path, name) pairs (``iter_files``).
    page_date (str | None): --date; wins over sidecars and dates in paths.
    exclude (Path | None): a folder never read (the build's output folder).
    RETURNS: (sources, refused, skipped). ``refused`` are errors (bad files),
        ``skipped`` are files of formats kg does not read (documentation, images ...).
    """
    sources: list[Source] = []
    refused: list[Refusal] = []
    skipped: list[Refusal] = []
    for path, shown, refusal in iter_files(inputs, exclude):
        if refusal:
            refused.append(refusal)
            continue
        assert path is not None
        suffix = path.suffix.lower()
        if suffix in QUIET_SUFFIXES or (suffix not in TEXT_SUFFIXES | JSON_SUFFIXES):
            skipped.append(Refusal(shown, f"unknown format '{suffix or path.name}': kg reads .txt, .json and .jsonl"))
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            refused.append(Refusal(shown, f"cannot read ({exc.strerror}); check permissions"))
            continue
        if not data.strip():
            refused.append(Refusal(shown, "empty file; nothing to build"))
            continue
        try:
            text, encoding = decode(data)
        except DecodeError as exc:
            refused.append(Refusal(shown, str(exc)))
            continue
        try:
            meta = read_sidecar(path)
        except ValueError as exc:
            refused.append(Refusal(shown, str(exc)))
            meta = {}
        when = page_date or meta.get("date") or date_from_path(shown)
        try:
            when = Date.of(when)
        except ValueError as exc:
            refused.append(Refusal(shown, f"{exc} (in {path.name}.meta.json); fix the date there"))
            continue
        if suffix in JSON_SUFFIXES:
            recs, bad = read_records(text, shown, encoding, when)
            sources.extend(recs)
            refused.extend(bad)
        else:
            sources.append(
                Source(id=shown, path=shown, raw=text, encoding=encoding, date=when,
                       title=meta.get("title"), url=meta.get("url"),
                       layout=meta.get("layout", "page"), city=meta.get("city"), paper=meta.get("paper"))
            )
    return sources, refused, skipped


_TEXT_FIELDS = ("text", "content", "body")


def read_records(text: str, shown: str, encoding: str, page_date: str | None) -> tuple[list[Source], list[Refusal]]:
    """JSON Lines (or one JSON array/object) records with title/text|content/date/url/source."""
    out: list[Source] = []
    bad: list[Refusal] = []
    stripped = text.lstrip()
    items: Iterable[tuple[int, object]]
    if stripped.startswith("["):
        try:
            items = enumerate(json.loads(text), start=1)
        except ValueError as exc:
            return [], [Refusal(shown, f"invalid JSON ({exc}); fix it or write one record per line (.jsonl)")]
        numbered = False
    else:
        items = _json_lines(text, shown, bad)
        numbered = True
    for n, rec in items:
        if not isinstance(rec, dict):
            bad.append(Refusal(shown, "record is not a JSON object; skipped", n if numbered else None))
            continue
        body = next((rec[k] for k in _TEXT_FIELDS if isinstance(rec.get(k), str)), None)
        if not body or not body.strip():
            bad.append(Refusal(shown, "record has no text/content field; skipped", n if numbered else None))
            continue
        title = rec.get("title") if isinstance(rec.get("title"), str) else None
        when = (page_date or _record_date(rec) or (date_from_path(title) if title else None)
                or _year_of(title) or _first_full_date(body) or _npc_session_year(title or "")
                or _npc_session_year(body[:200]))
        out.append(
            Source(id=f"{shown}#L{n}" if numbered else f"{shown}#{n}", path=shown, raw=body,
                   encoding=encoding, date=when, title=title,
                   url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                   layout="article", city=rec.get("city") if isinstance(rec.get("city"), str) else None)
        )
    return out, bad


def _json_lines(text: str, shown: str, bad: list[Refusal]) -> Iterator[tuple[int, object]]:
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except ValueError as exc:
            bad.append(Refusal(shown, f"broken JSON line ({exc.msg}); the other lines were read", n))


_FULL_DATE = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


_NPC_SESSION = re.compile(r"第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议")


def _npc_session_year(text: str) -> str | None:
    """The year of an NPC session named in a title (第十二届全国人民代表大会第一次会议 -> 2013)."""
    m = _NPC_SESSION.search(text or "")
    if not m:
        return None
    import cn2an

    from ..vocab.lexicon import read_tsv

    starts = {int(t): int(y) for t, y in read_tsv("npc-terms.tsv")}
    term, session = int(cn2an.cn2an(m[1], "smart")), int(cn2an.cn2an(m[2], "smart"))
    return f"{starts[term] + session - 1:04d}" if term in starts else None


def _first_full_date(body: str) -> str | None:
    """A document's own date near its start (（2025年3月11日…通过）)."""
    m = _FULL_DATE.search(body[:400])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _year_of(title: str | None) -> str | None:
    m = re.match(r"^((?:19|20)\d\d)年", title or "")
    return m.group(1) if m else None


def _record_date(rec: dict) -> str | None:
    value = rec.get("date")
    if isinstance(value, str):
        found = date_from_path(value)
        if found:
            return found
    year = rec.get("year")
    if isinstance(year, int) or (isinstance(year, str) and str(year).isdigit() and len(str(year)) == 4):
        return f"{int(year):04d}"  # year precision (xsd:gYear): a year is not a day
    return None
