"""Named programs: plans, campaigns, policy documents, projects, pilots, models, brands ...

The genre names a program in three ways, read here with regexes and data files:

1. **《…》**: a document (policy-document, or plan when it ends in 规划/计划).
2. **A short quotation** ("聊城模式", “三品一标”), widened to the head noun that follows
   (“6293”工作思路, "微成长、小升高"…培育机制) and to a short modifier before it (新时代
   "枫桥经验"). Quoted speech (long, or with sentence punctuation) and quotations that
   name an event ("…"主题新闻发布会) are skipped.
3. **A head noun** (``ontology/vocab/program-heads.tsv``: 计划, 行动, 工程, 试点, 模式 …)
   with its name read leftwards to the verb that governs it
   (``program-boundaries.tsv``: 实施产业振兴三年行动计划 -> 产业振兴三年行动计划).
   Generic phrases are dropped (``program-generic.tsv``; 46个文保利用项目 counts projects,
   it names none; ``program-generic-endings.tsv``: 现代环境治理模式 says what, not which).
4. **A shape of its own** (``program-patterns.tsv``: 15分钟阅读圈).

A program is linked to an agency when the clause says the agency leads, issues or funds it
(an agency mention, then a lead verb such as 出台 / 印发 / 实施 / 牵头, then the program).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import AgencyMention, Article, Program
from .numbers import _read_tsv, alternation, required_literal

__all__ = ["extract_programs", "find_program_spans", "ProgramSpan"]

_CLAUSE_END = "，,；;。！？!?\n：:"
_QUOTE_MAX = 24
_NAME_MAX = 26
_EXT_MAX = 14
_LEFT_MOD_MAX = 6


@dataclass(slots=True)
class ProgramSpan:
    """A program name found in text: [start, end) and its kind."""

    start: int
    end: int
    name: str
    kind: str


@lru_cache(maxsize=None)
def _heads() -> dict[str, tuple[str, set[str]]]:
    out = {}
    for row in _read_tsv("program-heads.tsv"):
        row += [""] * (3 - len(row))
        out[row[0]] = (row[1], set(filter(None, row[2].split(","))))
    return out


@lru_cache(maxsize=None)
def _boundaries() -> dict[str, str]:
    return {row[0]: row[1] for row in _read_tsv("program-boundaries.tsv")}


@lru_cache(maxsize=None)
def _weak() -> frozenset[str]:
    return frozenset(row[0] for row in _read_tsv("program-boundaries.tsv") if len(row) > 2 and row[2] == "weak")


@lru_cache(maxsize=None)
def _generic() -> set[str]:
    return {row[0] for row in _read_tsv("program-generic.tsv")}


@lru_cache(maxsize=None)
def _generic_ending_re() -> re.Pattern:
    return re.compile(f"(?:{alternation(r[0] for r in _read_tsv('program-generic-endings.tsv'))})$")


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern, str, str]]:
    """(regex, kind, a string every match contains: 分钟 of 15分钟阅读圈)."""
    return [(re.compile(r[0]), r[1], required_literal(r[0])) for r in _read_tsv("program-patterns.tsv")]


@lru_cache(maxsize=None)
def _modifier_re() -> re.Pattern:
    return re.compile("|".join(f"(?:{r[0]})" for r in _read_tsv("program-quote-modifiers.tsv")))


@lru_cache(maxsize=None)
def _modifier_end_re() -> re.Pattern:
    """A modifier that ends where the search window does (\\Z: not before a final newline)."""
    return re.compile(rf"(?:{_modifier_re().pattern})\Z")


@lru_cache(maxsize=None)
def _org_suffix_re() -> re.Pattern:
    return re.compile(f"(?:{alternation(r[0] for r in _read_tsv('program-org-suffixes.tsv'))})$")


@lru_cache(maxsize=None)
def _edge_any_re() -> re.Pattern:
    return re.compile(alternation(w for w in _boundaries() if len(w) > 1))


@lru_cache(maxsize=None)
def _head_re() -> re.Pattern:
    plain = [h for h, (_, flags) in _heads().items() if "quote" not in flags]
    return re.compile(alternation(plain))


@lru_cache(maxsize=None)
def _quote_ext_re() -> re.Pattern:
    # after a quotation: up to _EXT_MAX name characters, then any head (quote-only ones too)
    return re.compile(rf"[^，,；;。！？!?\n：:“”\"《》0-9０-９]{{0,{_EXT_MAX}}}?(?:{alternation(_heads())})")


@lru_cache(maxsize=None)
def _head_join_re() -> re.Pattern:
    # 碧水保卫战和净土保卫战: a coordinated earlier name ends at its own head
    return re.compile(rf"(?:{alternation(_heads())})(?:和|与|及|以及|、)")


@lru_cache(maxsize=None)
def _lead_re() -> re.Pattern:
    return re.compile(alternation(w for w, role in _boundaries().items() if role == "lead") + "|由")


_QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」")
_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")
_EVENT_AFTER = re.compile(r"(?:主题)?(?:新闻发布会|发布会|座谈会|推进会|对接会|论坛|大会|会议|仪式)")
_SPEECH = re.compile(r"[，,。？?；;：:]")
_NUM_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+(?:个|项|家|处|批|类|条|大)$")
_NUM_AFTER = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十百千两]+)(?:余|多)?(?:个|项|家|处|批|类|条|人|位)")
_COUNT_LEAD = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十两]+)(?:余|多)?(?:个|项|家|处|批|类|条)")
_AREA_LEAD = re.compile(r"^(?:全市|全县|全区|我市|我县|我区|本市)")  # the article's own area is implied
_STOP_CHARS = frozenset(_CLAUSE_END + "《》“”\"")
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?\n]")
_DIGIT = re.compile(r"[0-9０-９]")
_QUOTE_MARK = re.compile(r"[“\"《]")
_CLOSE_BRACKET = re.compile(r"[)）]")
_BRAND_AFTER = re.compile(r"(?:品牌|标识)")
_KEY_DROP = re.compile(r"[\s“”\"]")
_CJK_NAME = re.compile(r"[\u4e00-\u9fffA-Za-z0-9０-９()（）·+、“”\"]")
#: _CJK_NAME outside the CJK block, for a test of one character without a regex
_NAME_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789０１２３４５６７８９()（）·+、“”\"")


@lru_cache(maxsize=None)
def _later_head_re() -> re.Pattern:
    # 项目需求库: a longer head a few characters on ends the name instead
    return re.compile(rf".{{1,3}}?(?:{alternation(h for h in _heads() if len(h) > 2)})")


@lru_cache(maxsize=None)
def _head_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(h) for h in _heads()}, reverse=True))


def _kind_of(name: str, default: str = "work-approach") -> str:
    heads = _heads()
    name = name.rstrip("”\"》")
    n = len(name)
    for k in _head_lengths():  # the longest head the name ends with (one per length)
        if k <= n:
            h = heads.get(name[n - k:])
            if h is not None:
                return h[0]
    return default


@lru_cache(maxsize=None)
def _edge_end_sets() -> tuple[tuple[int, frozenset[str]], ...]:
    """Strong boundary words by length (at most 4: ``_left_edge`` looks 4 characters back)."""
    words = [w for w in _boundaries() if w not in _weak()]
    return tuple((k, frozenset(w for w in words if len(w) == k)) for k in range(1, 5)
                 if any(len(w) == k for w in words))


@lru_cache(maxsize=None)
def _weak_end_sets() -> tuple[tuple[int, frozenset[str]], ...]:
    """Weak boundary words by length, longest first (the leftmost match of a search)."""
    words = list(_weak())
    return tuple((k, frozenset(w for w in words if len(w) == k)) for k in range(4, 0, -1)
                 if any(len(w) == k for w in words))


@lru_cache(maxsize=None)
def _edge_last_chars() -> tuple[frozenset[str], frozenset[str]]:
    """Last characters of the strong and the weak boundary words: elsewhere none ends."""
    return (frozenset(w[-1] for _, ws in _edge_end_sets() for w in ws),
            frozenset(w[-1] for _, ws in _weak_end_sets() for w in ws))


@lru_cache(maxsize=None)
def _edge_tables():
    """What ``_left_edge`` looks up: the word sets, their last characters, and both together."""
    edge_last, weak_last = _edge_last_chars()
    return _edge_end_sets(), _weak_end_sets(), edge_last, weak_last, edge_last | weak_last


def _edge_ends_at(text: str, i: int, sets) -> bool:
    """Whether a strong boundary word (of the last 1..4 characters) ends at i."""
    for k, words in sets:
        if k <= i and text[i - k:i] in words:
            return True
    return False


def _weak_start(text: str, i: int, sets) -> int:
    """Start of the longest weak boundary word (of the last 1..4 characters) that ends at i, or -1."""
    for k, words in sets:
        if k <= i and text[i - k:i] in words:
            return i - k
    return -1


def _left_edge(text: str, end: int, limit: int, stop_at: int = 0) -> int:
    """Where a name ending at ``end`` starts: after the governing verb, punctuation, or
    ``limit`` characters back; balanced brackets are read through."""
    # boundary words are set look-ups of the last 1..4 characters (a newline stops first)
    edge_sets, weak_sets, edge_last, weak_last, special = _edge_tables()
    i = end
    depth = 0
    floor = max(stop_at, end - limit)
    while i > floor:
        c = text[i - 1]
        if depth == 0 and "\u4e00" <= c <= "\u9fff" and c not in special:
            i -= 1  # a plain name character: none of the tests below stops here
            continue
        if c in ")）":
            depth += 1
        elif c in "(（":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            if c in _STOP_CHARS:
                break
            if not ("\u4e00" <= c <= "\u9fff" or c in _NAME_CHARS):
                break  # _CJK_NAME
            if c in edge_last and _edge_ends_at(text, i, edge_sets):
                break
            before = _weak_start(text, i, weak_sets) if c in weak_last else -1
            if before != -1:
                if before <= 0 or text[before - 1] in _CLAUSE_END or _edge_ends_at(text, before, edge_sets) \
                        or _weak_start(text, before, weak_sets) != -1:
                    break
        i -= 1
    return i


def _generic_name(core: str, head: str) -> bool:
    gen = _generic()
    if core in gen or len(core) < 2:
        return True
    # 保障重点项目, 各类人才项目: a generic word right before the head
    # (a generic word g, len(g) >= 2, that ends the core with at most 2 characters before it)
    if core.rstrip("的") in gen:
        return True
    n = len(core)
    for k in range(max(2, n - 2), n + 1):
        if core[n - k:] in gen:
            return True
    return False


def find_program_spans(text: str) -> list[ProgramSpan]:
    """Program names in ``text`` (no overlaps, in order).

    text (str): repaired text.
    RETURNS (list[ProgramSpan]): name as written (quotes kept), kind from the head noun.
    """
    found: list[ProgramSpan] = []
    mask = bytearray(len(text) + 1)  # 1 where a program name already lies

    def free(s: int, e: int) -> bool:
        return mask.find(1, s, e) == -1

    def add(s: int, e: int, kind: str) -> None:
        found.append(ProgramSpan(s, e, text[s:e], kind))
        mask[s:e] = b"\x01" * (e - s)

    # 1. documents
    for m in _BOOK_RE.finditer(text):
        inner = m.group(1)
        kind = "plan" if inner.endswith(("规划", "计划")) else "policy-document"
        add(m.start(), m.end(), kind)
    # 2. quotations, widened to their head noun and a short modifier before them
    mod_end_re = _modifier_end_re()
    org_suffix_re, quote_ext_re, edge_any_re = _org_suffix_re(), _quote_ext_re(), _edge_any_re()
    for m in _QUOTE_RE.finditer(text):
        inner = m.group(1) or m.group(2) or m.group(3)
        s, e = m.start(), m.end()
        if len(inner) > _QUOTE_MAX or len(inner) < 2 or not free(s, e) or _SPEECH.search(inner):
            continue
        if _EVENT_AFTER.match(text, e) or org_suffix_re.search(inner):
            continue  # "…"主题新闻发布会 is part of an event's name; "…学院" an organisation
        if len(inner) > 6 and _DIGIT.search(inner):
            continue  # "到2025年建设不少于50家…": a quoted target, not a name
        end = e
        ext = quote_ext_re.match(text, e)
        if ext and not _QUOTE_RE.search(text, e, ext.end()) and not edge_any_re.match(text, e):
            end = ext.end()
        # the longest modifier that ends at the quotation (up to _LEFT_MOD_MAX characters):
        # the leftmost start of a match that ends there
        start = s
        mod = mod_end_re.search(text, s - min(_LEFT_MOD_MAX, s), s) if s else None
        if mod:
            start = mod.start()
        if inner.isdigit() and end == e:
            continue  # a bare code in quotes says nothing by itself
        kind = _kind_of(text[start:end], "brand" if _BRAND_AFTER.match(text, end) else "work-approach")
        add(start, end, kind)
    # 3. names with a shape of their own (15分钟阅读圈)
    for rx, kind, needed in _patterns():
        if needed and needed not in text:
            continue
        for m in rx.finditer(text):
            if free(m.start(), m.end()):
                add(m.start(), m.end(), kind)
    # 4. head nouns with their name read leftwards
    heads = _heads()
    head_re = _head_re()
    later_head_re = _later_head_re()
    head_join_re = _head_join_re()
    has_paren = "(" in text or "（" in text
    for m in head_re.finditer(text):
        hs, he = m.start(), m.end()
        head = m.group(0)
        kind, flags = heads[head]
        if not free(hs, he) or text[he:he + 1] == "性":
            continue  # 战略性新兴产业
        if head_re.match(text, he) or later_head_re.match(text[he:he + 6]):
            continue  # 项目需求库: the longer name ends at the later head
        lp = max(text.rfind("(", max(0, hs - 20), hs), text.rfind("（", max(0, hs - 20), hs)) if has_paren else -1
        if lp != -1 and not _CLOSE_BRACKET.search(text, lp, hs):
            continue  # inside brackets: EOD(生态环境导向的开发模式)模式
        s = _left_edge(text, hs, _NAME_MAX)
        # a name never starts inside an earlier program
        # (the latest end of a name before the head: names are never empty, and none
        # runs on past hs, which is free; so the last marked character before hs ends one)
        last = mask.rfind(1, 0, hs)
        if last != -1 and last + 1 > s:
            s = last + 1
        core = text[s:hs]
        # (a join needs 和 / 与 / 及 / 以及 / 、 after the earlier head)
        joins = list(head_join_re.finditer(core)) if ("和" in core or "与" in core or "及" in core or "、" in core) else ()
        if joins:
            s += joins[-1].end()
            core = core[joins[-1].end():]
        lead_count = _COUNT_LEAD.match(core)
        if lead_count:  # 7个整县屋顶光伏开发试点: the count is a figure, the rest the name
            s += lead_count.end()
            core = core[lead_count.end():]
        area = _AREA_LEAD.match(core)
        if area and len(core) - area.end() >= 3:
            s += area.end()
            core = core[area.end():]
        if _generic_name(core, head) or core[:1] in "、" or core[-1:] in "和与及、":
            continue
        if kind in ("model", "work-approach") and head in ("模式", "机制", "制度") and _generic_ending_re().search(core):
            continue  # 新能源发展模式, 现代环境治理模式: what it does, not a name
        if "generic" in flags and (_NUM_BEFORE.search(text, max(0, s - 6), s) or _NUM_AFTER.match(text[he:he + 6])):
            continue
        if "generic" in flags and _DIGIT.search(core) and not _QUOTE_MARK.search(core):
            continue
        while core and core[0] in "、等和与及":
            s += 1
            core = core[1:]
        if len(core) < 3 and len(head) < 3 and kind != "talent-program" or not free(s, he):
            continue
        if _DIGIT.search(core) and not _QUOTE_MARK.search(core):
            continue  # 6亿素指标调蓄库: digits in an unquoted name are text run together
        add(s, he, kind)
    found.sort(key=lambda p: p.start)
    return found


def extract_programs(article: Article, agencies: list[AgencyMention] = ()) -> list[Program]:
    """The programs an article names, each once, with the agencies that lead or fund them.

    article (Article): repaired text + offset map.
    agencies (list[AgencyMention]): agency mentions with spans in ``article.text``; a
        program is linked to an agency named earlier in the same clause with a lead verb
        (出台, 印发, 实施, 牵头, 主办 …) between them.
    RETURNS (list[Program]): first mention's evidence; name as written.
    """
    text = article.text
    spans = find_program_spans(text)
    if article.headline:
        # a name first given in the headline is still one program of the article
        spans_h = find_program_spans(article.headline)
    else:
        spans_h = []
    lead = _lead_re()
    located = [a for a in agencies if 0 <= a.start < a.end <= len(text)]
    out: list[Program] = []
    seen: set[str] = set()
    clause_marks: list[int] | None = None  # read when an agency first comes before a program
    for p in spans:
        key = _KEY_DROP.sub("", p.name)
        if key in seen:
            continue
        seen.add(key)
        keys = []
        c0 = -1
        for a in located:
            if a.end <= p.start:
                if c0 == -1:  # the clause start: after the last clause mark before p.start
                    if clause_marks is None:
                        clause_marks = [m.start() for m in _CLAUSE_MARK.finditer(text)]
                    ci = bisect.bisect_left(clause_marks, p.start)
                    c0 = clause_marks[ci - 1] + 1 if ci > 0 else 0
                if c0 <= a.start and lead.search(text, a.end, p.start):
                    if a.key not in keys:
                        keys.append(a.key)
        # 由市财政局牵头实施…: the agency after 由 leads what follows in the clause
        out.append(Program(p.name, p.kind, article.id, article.evidence(p.start, p.end), tuple(keys)))
    for p in spans_h:
        key = _KEY_DROP.sub("", p.name)
        if key in seen:
            continue
        seen.add(key)
        ev = article.evidence(0, 0)
        if article.headline_span:
            from ..records import Evidence
            s, e = article.headline_span
            ev = Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
        out.append(Program(p.name, p.kind, article.id, ev, ()))
    return out
