"""Documents: titles in 《》 that end in a document head word (``program-documents.tsv``), and laws
(…法) governed in their clause.
"""
from __future__ import annotations

import re

from .clause import _governed, _negated
from .edges import _left_edge
from .vocab import _document_heads

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


def read_laws(text: str, free, add) -> None:
    """Laws: …法 governed in its clause (贯彻实施公务员法), where ``free(start, end)`` holds no
    name yet; given to ``add(start, end, kind)``."""
    if "法" in text:
        for m in _LAW_AT.finditer(text):
            hs = m.start()
            if not free(hs, hs + 1):
                continue
            s = _left_edge(text, hs, 16)
            core = text[s:hs]
            if not core or core[-1] in _METHOD_CHARS or not _CJK_ONLY.fullmatch(core):
                continue
            if _governed(text, s, ("govern", "law")) and not _negated(text, s, core) and free(s, hs + 1):
                add(s, hs + 1, "law")
