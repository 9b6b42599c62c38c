"""Read input files into ``Source`` records: detect the encoding, find the page date.

Readers never raise on bad input: every file ends up either as sources or as a
``Refusal`` that names the file and says what to do, so one bad file never stops a build.
"""
from __future__ import annotations

import errno
import json
import os
import re
import stat
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

from ..records import Date, Source
from .dates import CN_DATE

TEXT_SUFFIXES = {".txt", ".text"}
JSON_SUFFIXES = {".jsonl", ".json", ".ndjson"}
# the readers of marked-up formats (text.markdown, text.html, text.pdf) are imported for a
# file of theirs only: a build of plain text and JSON does not pay for their set-up
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
PDF_SUFFIXES = {".pdf"}
READ_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES
QUIET_SUFFIXES = {".rst"}  # documentation next to a corpus: skipped, noted (README.md etc. by name)
#: documentation kept beside a corpus, by its conventional name: never an archive
DOC_NAME = re.compile(r"(?i)^(?:readme|changelog|changes|history|license|licence|copying|contributing|"
                      r"code_of_conduct|security|authors|notice)(?:\.[^.]*)?\.(?:md|markdown)$")
SIDECAR = ".meta.json"

_DATE_IN_PATH = re.compile(
    r"(?<!\d)(?:(?P<y>(?:19|20)\d\d)[-_./]?(?P<m>0[1-9]|1[0-2])[-_./]?(?P<d>0[1-9]|[12]\d|3[01]))(?!\d)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
_CTRL = re.compile(r"[\x00-\x08\x0e-\x1f]")
_GB_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*(?:gb2312|gbk|gb18030|x-gbk)\b""", re.IGNORECASE)


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
    # GB18030 decodes almost any byte string; accept it only if it reads as Chinese text,
    # or if the file says it is GBK (an HTML page's <meta charset>: its markup is ASCII)
    sample = text[:20000]
    cjk = len(_CJK.findall(sample))
    declared = bool(_GB_CHARSET.search(data[:4096]))
    if (cjk < 0.2 * max(1, len(sample.strip())) and not (declared and cjk)) or _CTRL.search(sample):
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
            except RecursionError:
                raise ValueError(f"{p}: metadata nested too deep to be an object; fix the file") from None
            if not isinstance(meta, dict):
                raise ValueError(f"{p}: metadata must be a JSON object; fix the file or remove it")
            wrong = [k for k in _META_FIELDS if k in meta and not isinstance(meta[k], str)]
            if wrong:
                raise ValueError(f'{p}: {", ".join(wrong)} must be text (e.g. "city": "聊城市"); fix the file')
            if any(_SURROGATE.search(meta[k]) for k in _META_FIELDS if k in meta):
                raise ValueError(f"{p}: metadata holds a lone surrogate escape (\\ud800 …), not text; fix the file")
            if meta.get("layout", "page") not in ("page", "article"):
                raise ValueError(f'{p}: layout must be "page" or "article"; fix the file')
            return meta
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
            for f, problem in _walk(p):
                shown = str(Path(name) / f.relative_to(p))
                if problem:
                    yield None, shown, Refusal(shown, problem)
                elif not f.name.endswith(SIDECAR) and not (exclude is not None and exclude in f.resolve().parents):
                    yield f, shown, None
        else:
            yield p, name, None


def _walk(top: Path) -> list[tuple[Path, str]]:
    """Every file below ``top``, sorted, hidden ones left out, with what is wrong with the
    entries that are no files to read (a broken link, a pipe, a folder that cannot be
    opened): (path, "") for a file, (path, problem) otherwise.

    Links to files and folders are followed, after the folder's own files and folders: a
    file or folder reached both ways is read once, under its own name. A link back to a
    folder it stands in (a loop) is named and not followed.
    """
    found: list[tuple[Path, str]] = []
    folders: dict[tuple[int, int], Path] = {}
    files: dict[tuple[int, int], Path] = {}
    links: list[tuple[Path, os.stat_result, dict]] = []  # followed once the real tree is read

    def visit(folder: Path, chain: dict[tuple[int, int], Path]) -> None:
        try:
            with os.scandir(folder) as it:
                names = sorted(e.name for e in it)
        except OSError as err:
            found.append((folder, f"cannot open this folder ({err.strerror}); its files were not read"))
            return
        for name in names:
            if name.startswith("."):
                continue
            path = folder / name
            try:
                info = path.stat()  # through links
            except OSError as err:
                if err.errno == errno.ELOOP:
                    found.append((path, "a symlink loop (links that lead back to themselves); not followed"))
                elif path.is_symlink():
                    found.append((path, "a link to nothing (broken symlink); skipped"))
                else:
                    found.append((path, f"cannot read ({err.strerror}); check permissions"))
                continue
            if path.is_symlink():
                links.append((path, info, chain))
            else:
                take(path, info, chain)

    def take(path: Path, info: os.stat_result, chain: dict[tuple[int, int], Path]) -> None:
        key = (info.st_dev, info.st_ino)
        if stat.S_ISDIR(info.st_mode):
            if key in chain:
                found.append((path, (f"a symlink loop: links back to {chain[key]}, a folder it stands in; "
                                     "not followed")))
            elif key in folders:
                found.append((path, f"a link to a folder read already as {folders[key]}; not read twice"))
            else:
                folders[key] = path
                visit(path, {**chain, key: path})
        elif not stat.S_ISREG(info.st_mode):
            found.append((path, "not a regular file (a pipe, a device or a link to one); skipped"))
        elif key in files and not path.name.endswith(SIDECAR):
            found.append((path, f"the same file as {files[key]} (a link to it); read once"))
        else:
            files.setdefault(key, path)
            found.append((path, ""))

    try:
        info = top.stat()
        root = {(info.st_dev, info.st_ino): top}
    except OSError:
        root = {}
    folders.update(root)
    visit(top, root)
    while links:  # links found in linked folders join the queue
        batch = sorted(links, key=lambda item: item[0])
        links.clear()
        for path, info, chain in batch:
            take(path, info, chain)
    return sorted(found)


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
        if suffix in QUIET_SUFFIXES or suffix not in READ_SUFFIXES:
            skipped.append(Refusal(shown, f"unknown format '{suffix or path.name}': kg reads .txt, .json, .jsonl, "
                                          ".md, .html and .pdf"))
            continue
        if DOC_NAME.match(path.name):
            skipped.append(Refusal(shown, "documentation (README, CHANGELOG, LICENSE …), not an archive; skipped "
                                          "(rename the file to build it)"))
            continue
        try:  # one bad file never stops the others: whatever fails is named and skipped
            got, bad = _read_one(path, shown, suffix, page_date)
        except _Skip as why:
            skipped.append(Refusal(shown, str(why)))
            continue
        except Exception as exc:  # noqa: BLE001 - the message names the file and the error
            got, bad = [], [Refusal(shown, f"could not be read ({type(exc).__name__}: {exc}); the other files were built")]
        sources.extend(got)
        refused.extend(bad)
    return sources, refused, skipped


_META_FIELDS = ("date", "city", "paper", "title", "url", "layout")


class _Skip(Exception):
    """A file of a format kg reads that holds nothing to build (a Markdown file of headings only)."""
MAX_FILE_BYTES = 512 * 1024 * 1024  # a larger "page" is not a page (or a link to /dev/zero)


def _read_one(path: Path, shown: str, suffix: str, page_date: str | None) -> tuple[list[Source], list[Refusal]]:
    """The sources of one file, or why it was refused."""
    try:
        shown.encode("utf-8")
    except UnicodeEncodeError:
        return [], [Refusal(shown.encode("utf-8", "replace").decode("utf-8"),
                            "the file name is not valid UTF-8; rename the file")]
    info = path.stat()
    if not stat.S_ISREG(info.st_mode):
        return [], [Refusal(shown, "not a regular file (a pipe, a device or a link to one); skipped")]
    if info.st_size > MAX_FILE_BYTES:
        return [], [Refusal(shown, f"{info.st_size:,} bytes: larger than any page kg reads "
                                   f"({MAX_FILE_BYTES:,}); split it")]
    try:
        data = path.read_bytes()
    except OSError as exc:
        return [], [Refusal(shown, f"cannot read ({exc.strerror}); check permissions")]
    if not data.strip():
        return [], [Refusal(shown, "empty file; nothing to build")]
    pdf = None
    if suffix in PDF_SUFFIXES:  # its source text is its text layer, in reading order
        from . import pdf as pdf_pages

        try:
            pdf = pdf_pages.read(data)
        except pdf_pages.PdfError as exc:
            return [], [Refusal(shown, str(exc))]
        text, encoding = pdf.text, "pdf"
    else:
        try:
            text, encoding = decode(data)
        except DecodeError as exc:
            return [], [Refusal(shown, str(exc))]
    if not text or text.isspace():  # a byte-order mark alone, or only spaces (U+3000 too)
        return [], [Refusal(shown, "empty file; nothing to build")]
    try:
        meta = read_sidecar(path)
    except ValueError as exc:
        return [], [Refusal(shown, str(exc))]
    own, fmt = None, "pdf" if pdf else "text"  # a marked-up file's own date: front matter, <meta>, a date line
    if suffix in MARKDOWN_SUFFIXES:
        from . import markdown

        parsed = markdown.parse(text)
        if not parsed.has_text:
            raise _Skip("a Markdown file without text under its headings; nothing to build")
        own, fmt = parsed.date, "markdown"
    elif suffix in HTML_SUFFIXES:
        from . import html as html_pages

        page = html_pages.parse(text)
        if not page.has_text:
            return [], [Refusal(shown, "no article text found in this page (a page of links or a script-only "
                                       "page?); save the article page itself")]
        own, fmt = page.date, "html"
    try:
        when = Date.of(page_date or meta.get("date") or own or date_from_path(shown))
        if when and not when.isascii():  # Date's \d takes ٢٠٢٣-١٢-٢٨; the rest of kg reads 0-9
            raise ValueError(f"{when!r} is not a date: write it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    except ValueError as exc:
        return [], [Refusal(shown, f"{exc} (in {path.name}.meta.json); fix the date there")]
    if suffix in JSON_SUFFIXES:
        return read_records(text, shown, encoding, when, lines=suffix != ".json")
    return [Source(id=shown, path=shown, raw=text, encoding=encoding, date=when,
                   title=meta.get("title"), url=meta.get("url"), layout=meta.get("layout") or "page",
                   city=meta.get("city"), paper=meta.get("paper"), format=fmt, positions=pdf)], []


_TEXT_FIELDS = ("text", "content", "body")


def read_records(text: str, shown: str, encoding: str, page_date: str | None,
                 lines: bool = False) -> tuple[list[Source], list[Refusal]]:
    """JSON Lines (or one JSON array/object) records with title/text|content/date/url/source.

    lines (bool): the file is JSON Lines (.jsonl, .ndjson): a text opening on ``[`` that is
        no one JSON array is read a line at a time (its first record is an array), not refused whole.
    """
    out: list[Source] = []
    bad: list[Refusal] = []
    stripped = text.lstrip()
    items: Iterable[tuple[int, object]]
    whole: object = None
    if stripped.startswith("["):
        try:
            whole = json.loads(text)
        except RecursionError:
            if not lines:
                return [], [Refusal(shown, "JSON nested too deep to be records; write one record per line (.jsonl)")]
        except ValueError as exc:
            if not lines:
                return [], [Refusal(shown, f"invalid JSON ({exc}); fix it or write one record per line (.jsonl)")]
    if isinstance(whole, list):
        items = enumerate(whole, start=1)
        numbered = False
    else:
        items = _json_lines(text, shown, bad)
        numbered = True
    for n, rec in items:
        line = n if numbered else None
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
        kept = (body, title, rec.get("url"), rec.get("city"))  # the text fields a Source keeps
        if any(isinstance(v, str) and _SURROGATE.search(v) for v in kept):
            bad.append(Refusal(shown, "record holds a lone surrogate escape (\\ud800 …), not text; fix it", line))
            continue
        try:
            out.append(
                Source(id=f"{shown}#L{n}" if numbered else f"{shown}#{n}", path=shown, raw=body,
                       encoding=encoding, date=when, title=title,
                       url=rec.get("url") if isinstance(rec.get("url"), str) else None,
                       layout="article", city=rec.get("city") if isinstance(rec.get("city"), str) else None,
                       format="json")
            )
        except ValueError as exc:  # a date that is none
            bad.append(Refusal(shown, f"{exc}; the record was skipped", line))
    if not out and not bad:  # [], or lines of spaces only
        bad.append(Refusal(shown, "no records in this file; nothing to build"))
    return out, bad


def _json_lines(text: str, shown: str, bad: list[Refusal]) -> Iterator[tuple[int, object]]:
    for n, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may stand in a string
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except RecursionError:
            bad.append(Refusal(shown, "JSON nested too deep to be a record; the other lines were read", n))
        except ValueError as exc:
            bad.append(Refusal(shown, f"broken JSON line ({exc.msg}); the other lines were read", n))


_SURROGATE = re.compile("[\ud800-\udfff]")


_NPC_SESSION = re.compile(r"第([一二三四五六七八九十]{1,3})届全国人民代表大会第([一二三四五六七八九十]{1,2})次会议")


def _npc_session_year(text: str) -> str | None:
    """The year of an NPC session named in a title (第十二届全国人民代表大会第一次会议 -> 2013)."""
    m = _NPC_SESSION.search(text or "")
    if not m:
        return None
    from ..vocab.lexicon import read_tsv

    starts = {int(t): int(y) for t, y in read_tsv("npc-terms.tsv")}
    try:
        term, session = _ordinal(m[1]), _ordinal(m[2])
    except ValueError:  # not a numeral (十十, 一二三)
        return None
    return f"{starts[term] + session - 1:04d}" if term in starts else None


_CN_DIGITS = {c: i for i, c in enumerate("一二三四五六七八九", 1)}


def _ordinal(numeral: str) -> int:
    """A Chinese numeral under a hundred, as _NPC_SESSION admits it (三, 十, 十二, 二十, 二十三);
    ValueError for other strings of its characters (十十, 一二). (cn2an reads the same; its
    import costs a build's start-up about 0.4 s.)"""
    tens, ten, units = numeral.rpartition("十")
    try:
        if not ten:
            return _CN_DIGITS[units]
        return (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[units] if units else 0)
    except KeyError:
        raise ValueError(f"Not a Chinese numeral under a hundred: {numeral!r}") from None


def _first_full_date(body: str) -> str | None:
    """A document's own date near its start (（2025年3月11日…通过）)."""
    m = CN_DATE.search(body[:400])
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _year_of(title: str | None) -> str | None:
    m = re.match(r"^((?:19|20)[0-9]{2})年", title or "")
    return m.group(1) if m else None


def _record_date(rec: dict) -> str | None:
    value = rec.get("date")
    if isinstance(value, str):
        found = date_from_path(value)
        if found:
            return found
    year = rec.get("year")
    if isinstance(year, bool) or not str(year).isdecimal() or not 1000 <= int(year) <= 9999:  # ² isdigit()
        return None  # true, 99999: no year a date can hold
    if isinstance(year, int) or (isinstance(year, str) and len(year) == 4):
        return f"{int(year):04d}"  # year precision (xsd:gYear): a year is not a day
    return None
