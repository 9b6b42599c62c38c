"""Documents: titles in 《》 that end in a document head word (``program-documents.tsv``), laws
(…法) governed in their clause, and regulations named without marks that the clause issues or amends.
"""
from __future__ import annotations

import re

from ..numbers import compile_prefiltered
from .clause import _clause_before, _governed, _negated
from .edges import _edge_inside_word, _left_edge
from .pos import _clause_cut, _head_inside_word
from .tables import _ISSUE_WORDS
from .vocab import _document_head_words, _document_heads, _head_join_re, _heads

_LAW_AT = re.compile(r"法(?=[，,。；;、和与及等）)》”\"的\s]|$)")
#: the last character of a word in …法 that is a way of doing, not a law (办法, 做法, 依法, 执法 …)
_METHOD_CHARS = frozenset("办方做手说想依执立司守违合非用看设无算疗技书写加减乘除打玩语兵章戏魔效取施大练炼拳剑功诀")


_DOC_NOTE = re.compile(r"(?:[(（][\u4e00-\u9fff]{1,6}[)）]|(?<=[法例定则见知划案要])草案)$")  # (试行), （草案）, （修订稿）, …条例草案


def _document_kind(title: str) -> str:
    """The kind of a document named in 《》, or "" when the title is no policy document
    (a book, a film, a song, a newspaper, a report): only a title that ends in a document
    head word (``program-documents.tsv``: 法, 条例, 规定, 办法, 意见, 通知, 规划 …) names a
    course of action of an agency; …法 of a way of doing (兵法, 写法, 疗法) is none."""
    t = _DOC_NOTE.sub("", title.strip()).rstrip()
    if not t.endswith(_document_head_words()):
        return ""  # (most titles and quotations end in no head word: one test of them all)
    for head, kind in _document_heads():
        if t.endswith(head) and (len(t) > len(head) or kind == "law" and len(head) > 2):  # 《公司法》
            if head == "法" and t[-2] in _METHOD_CHARS:
                return ""
            return kind
    return ""


_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")
#: a text that starts inside a title or a quotation (cut before its opening mark): its closing
#: mark comes first, with no clause punctuation before it
_OPEN_BEFORE_BOOK = re.compile(r"([^《》\n，,。；;！？!?：:]{2,80})》")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def read_documents(text: str, add) -> None:
    """Documents: a title in 《》 that ends in a document's head word (法, 条例, 意见 …), given to
    ``add(start, end, kind)``; books, films, songs, newspapers and reports are none."""
    books = [(m.start(), m.end(), m.group(1)) for m in _BOOK_RE.finditer(text)]
    cut = _OPEN_BEFORE_BOOK.match(text)
    if cut:  # the text starts inside a title (a page or line cut before its 《): …保护法》实施情况
        books.insert(0, (0, cut.end(), cut.group(1)))
    for bs, be, title in books:
        kind = _document_kind(title)
        if kind:
            add(bs, be, kind)


_LAW_JOINS = frozenset(("和", "、", "及", "与", "以及"))


def read_laws(text: str, free, add) -> None:
    """Laws: …法 governed in its clause (贯彻实施公务员法), where ``free(start, end)`` holds no
    name yet; given to ``add(start, end, kind)``."""
    if "法" in text:
        last_end = -1
        for m in _LAW_AT.finditer(text):
            hs = m.start()
            if not free(hs, hs + 1):
                last_end = hs + 1  # a law another reading found (修订|…法, issued): a list may go on from it
                continue
            s = _left_edge(text, hs, 16)
            if 0 < s < hs:
                s = _edge_inside_word(text, s, hs)  # 的对|外贸易法: 对 of 对外 is no boundary
            if s < last_end < hs:  # the name reads back into the law before it: start after their join
                join = next((j for j in ("以及", "和", "、", "及", "与") if text.startswith(j, last_end)), None)
                if join is None:
                    continue
                s = last_end + len(join)
            core = text[s:hs]
            if not core or core[-1] in _METHOD_CHARS or not _CJK_ONLY.fullmatch(core):
                continue
            listed = last_end != -1 and text[last_end:s] in _LAW_JOINS  # 执行…许可法和|…复议法: a list governed
            if (listed or _governed(text, s, ("govern", "law"))) and not _negated(text, s, core) \
                    and free(s, hs + 1):
                add(s, hs + 1, "law")
                last_end = hs + 1


#: the head words of a regulation's name (…许可办法, …管理规定, …实施细则), before punctuation, a
#: conjunction or a bracket, and a law's 法 before anything but a word it starts (…保护法|列入; 法|律)
#: or a document of the law (…法实施条例 is the regulation's name): the kind is the one
#: ``program-documents.tsv`` gives them; 条例 only as a law's or a plan's 实施条例 (…法实施条例)
_RULES_AT = compile_prefiltered(r"(?:办法|规定|细则|规则|准则|通则|(?<=实施)条例)(?=[，,。；;、和与及等）)（(》”\"\s]|$)|法(?![\u4e00-\u9fff]{0,4}(?:条例|细则|办法|规定|意见|方案))")
#: a verb of issuing or amending a regulation (发布, 印发, 颁布, 修订 …), with 了 and a second verb of
#: amending (发布修正|…办法, 印发了修订后的|…规定): the name starts after it
_ISSUE_VERB = re.compile(rf"(?:{'|'.join(_ISSUE_WORDS)})了?"
                         r"(?:(?:重新)?(?:修订|修正|修改)(?:后的)?)?")
_NAME_CJK = re.compile(r"[\u4e00-\u9fff]{4,24}")
#: a bank or a firm right before the verb (某银行出台, 某行或修改, 某公司发布), an adverb between
_FIRM_BEFORE = re.compile(r"(?:银行|公司|集团|(?:^|[^\u4e00-\u9fff])[\u4e00-\u9fff]行)"
                          r"(?:[或将已也还又再]|正式|近日|日前|昨日|今日|昨天|今天)?$")


def _issued_from(text: str, hs: int) -> int:
    """Where a name before ``hs`` starts when the last verb of issuing or amending in its clause
    governs it (…十五日发布修正|两岸…许可办法), else -1; -1 too when a bank or a firm issues it
    (某银行出台|…细则: its own rules, a product of the firm, no program)."""
    before = _clause_before(text, hs, 32)
    last = None
    for last in _ISSUE_VERB.finditer(before):
        pass
    if last is None or _FIRM_BEFORE.search(before, 0, last.start()):
        return -1
    return hs - len(before) + last.end()


#: a document of how a named plan, law or regulation is carried out (…计划实施办法, …条例实施细则,
#: …法实施条例): 实施 right before the head belongs to the name
_CARRY_OUT = "实施"


def _carried_out_end(text: str, s: int, hs: int) -> int:
    """Where the named plan, law or regulation ends when the head at ``hs`` follows 实施 and the
    text from ``s`` before 实施 ends in a program's head word (行动计划, 条例, 法 …): the document
    is one name (印发|城市更新行动计划实施办法); else ``hs``. Without such a name before it,
    实施 is a verb of the clause (…实施|办法 is no name of its own)."""
    ce = hs - len(_CARRY_OUT)
    if ce - s < 2 or not text.startswith(_CARRY_OUT, ce):
        return hs
    named = text[s:ce]
    if _document_kind(named):
        return ce
    heads = _heads()
    for k in range(min(len(named) - 1, 6), 1, -1):
        head = named[-k:]
        if head in heads and "generic" not in heads[head][1]:
            return ce
    return hs


def read_unmarked_rules(text: str, free, add) -> None:
    """Regulations and laws named without 《》: a name of 4-24 characters that ends in 办法, 规定, 细则,
    规则, 准则, 通则 or a law's 法 right after a verb that issues or amends it (某局发布修正|…许可办法,
    印发|…管理规定, 修改|…保护法列入…), no
    boundary word, clause word, class word or 的 inside it; given to ``add(start, end, kind)``.
    An agency issues a document: the verb says so. Where no such verb governs, 办法 and 规定 are
    ways and rules in general (想办法, 按规定, 公司管理规定), no name."""
    if not ("法" in text or "规" in text or "细则" in text or "准则" in text or "通则" in text):
        return
    kinds = dict(_document_heads())
    for m in _RULES_AT.finditer(text):
        hs, he = m.start(), m.end()
        if not free(hs, he):
            continue
        s = _issued_from(text, hs)
        if s == -1:
            continue
        for k in range(hs - 1, s, -1):  # 发布…管理办法和|…监管规定: a list the verb issues
            if not free(k - 1, k) and text[k] in "和与及、":
                s = k + 1
                break
        for join in _head_join_re().finditer(text, s, hs):  # 出台…行动计划和|…实施细则: the earlier
            s = join.end()  # name of the list ends at its own head (read as a head noun later)
        if not _NAME_CJK.fullmatch(text, s, hs) or "的" in text[s:hs]:
            continue
        if m.group(0) == "法" and (text[hs - 1] in _METHOD_CHARS or _head_inside_word(text, s, he)):
            continue  # …办法, …做法: a way of doing; 法|律, 法|规: 法 starts a longer word
        ne = _carried_out_end(text, s, hs)  # …行动计划|实施办法: 实施 is part of the name
        edge = _left_edge(text, ne, ne - s, stop_at=s)
        if edge > s:
            edge = _edge_inside_word(text, edge, ne)  # 对|象 of 对象 is no boundary
        if edge > s or _clause_cut(text, s, hs, he) != s or _negated(text, s, text[s:hs]) or not free(s, he):
            continue  # a boundary, a clause word or a class word inside: a clause, no name
        add(s, he, kinds.get(m.group(0), "policy-document"))
