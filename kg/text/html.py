"""Saved HTML article pages: title, date, author and body, with offsets into the file.

Parsed with the standard library's ``html.parser``, which tells where every tag, text run
and character reference stands, so the body is read into a view as long as the file
(``text.views``): its words stay where the file has them, tags become spaces (a block
element's tags, and ``<br>``, a line break), ``&ldquo;`` becomes ``“`` (7 characters
of the file, one of the view). Every evidence offset is an offset into the HTML file
itself, and ``kg validate`` checks it there like any page.

The heuristic (no network, no model):

- never text: ``script style noscript template svg iframe object canvas select button
  input textarea``, comments, anything ``hidden`` (attribute, ``display:none``,
  ``aria-hidden``), and elements whose class or id has a word for navigation, menus,
  comments, related links, ads, sharing, log-in, search or pagination;
- never body: the page frame, ``header footer nav aside`` and class/id words for
  header, footer, sidebar, breadcrumbs and copyright;
- the body is the element holding the most paragraph text, links not counted
  (``<p>`` text counts for its parent and half for the grandparent, text set directly in a
  ``<div>``/``<td>`` for that element and half for its parent); info lines in it
  (发布时间、来源、作者、字号、打印…) and the title are left out;
- the title: the first ``<h1>`` (in the body first), else ``og:title``/``ArticleTitle``,
  else ``<title>`` up to its site name (``标题_某某网``);
- the date: ``<meta>`` (PubDate, article:published_time, publishdate, date …), a
  ``<time datetime>``, an info line (发布时间：2024-05-21), in that order;
- the author: an info line or an element of class/id ``author`` (记者 X, 作者：X): it
  becomes the article's byline when the body opens with none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

from ..records import Article, Source
from .dates import date_in
from .views import Section, articles_of_view, line_of

_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
         "track", "wbr", "keygen"}
_BLOCK = {"address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
          "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
          "h4", "h5", "h6", "head", "header", "hr", "html", "li", "main", "menu", "nav", "ol", "p", "pre",
          "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "br"}
_NOISE_TAGS = {"script", "style", "noscript", "template", "svg", "iframe", "object", "canvas", "select",
               "button", "input", "textarea", "option", "map", "audio", "video"}
_FRAME_TAGS = {"header", "footer", "nav", "aside"}
_NOISE_WORDS = {"nav", "navbar", "navigation", "menu", "menubar", "submenu", "comment", "comments", "reply",
                "related", "relate", "relative", "recommend", "ad", "ads", "adv", "advert", "advertisement",
                "banner", "sponsor", "share", "sharing", "social", "login", "search", "pagination", "pager",
                "popular", "rank", "ranking", "subscribe", "qrcode", "gg", "guanggao", "xgxw", "xgwz",
                "tuijian", "pinglun", "fenxiang", "daohang"}
_FRAME_WORDS = {"header", "footer", "foot", "sidebar", "side", "breadcrumb", "breadcrumbs", "crumb", "crumbs",
                "copyright", "topbar", "toolbar", "bottom", "weizhi", "location", "position"}
_WORD_SPLIT = re.compile(r"[\s_\-]+|(?<=[a-z])(?=[A-Z])")
_MEASURED = re.compile(r"[\u4e00-\u9fff0-9A-Za-z]")
_INFO = re.compile(r"(?:发布时间|发布日期|更新时间|来源|信息来源|作者|责任编辑|编辑|浏览次数|点击数|阅读次数|字号|"
                   r"打印本页|关闭窗口|【打印】|【关闭】|分享到|时间|日期)\s*[:：]?")
_INFO_DATE = re.compile(r"(?:发布时间|发布日期|更新时间|时间|日期)\s*[:：]\s*")
_AUTHOR = re.compile(r"(?:(?:本报|特约|见习|实习)?记者|通讯员|作者|撰稿|文)\s*[:：/]?\s*"
                     r"[\u4e00-\u9fff·]{2,4}(?:[ \u3000、]+[\u4e00-\u9fff·]{2,4})*")
_DATE_METAS = ("pubdate", "publishdate", "publish_date", "publish-date", "article:published_time",
               "og:published_time", "published_time", "firstpublishedtime", "dc.date", "dc.date.issued",
               "dcterms.created", "dcterms.issued", "date", "datepublished", "sailingpubdate")
_TITLE_METAS = ("articletitle", "og:title", "title", "dc.title")
_SITE_SUFFIX = re.compile(r"[_|｜]|\s-\s|(?<=[\u4e00-\u9fff])-(?=\s?\S)")  # 标题_某某网, 标题 - 某某网


@dataclass(eq=False)
class _Node:
    tag: str
    attrs: dict[str, str]
    parent: _Node | None
    start: int  # raw offset of its start tag
    open_end: int  # raw offset after its start tag
    close: int = -1  # raw offset of its end tag (-1: none written)
    children: list = field(default_factory=list)  # _Node or _Text, in order


@dataclass(eq=False, slots=True)
class _Text:
    start: int  # raw offset
    text: str  # as read (a character reference decoded)
    width: int  # raw characters it stands for (== len(text) for plain text)
    parent: _Node


class _Tree(HTMLParser):
    """The element tree of a page, every node with its raw offsets."""

    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.lines = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.root = _Node("#document", {}, None, 0, 0)
        self.stack = [self.root]

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.lines[line - 1] + col

    def handle_starttag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        self._implied_close(tag, start)
        node = _Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1], start, start + len(text))
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        start = self._pos()
        text = self.get_starttag_text() or ""
        self._implied_close(tag, start)
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}, self.stack[-1], start,
                                             start + len(text), close=start))

    def handle_endtag(self, tag):
        pos = self._pos()
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                self.stack[k].close = pos
                del self.stack[k:]
                return
        if tag in ("br", "p"):  # </br> and a stray </p> read as a line break
            self.stack[-1].children.append(_Node("br", {}, self.stack[-1], pos, pos, close=pos))

    def _implied_close(self, tag: str, pos: int) -> None:
        """Elements a start tag closes (<p> before a block, <li> before <li>, <td> before <td>)."""
        closes = {"li": ("li",), "td": ("td", "th"), "th": ("td", "th"), "tr": ("tr", "td", "th"),
                  "dt": ("dt", "dd"), "dd": ("dt", "dd"), "option": ("option",)}.get(tag, ())
        if tag in _BLOCK:
            closes = closes + ("p",)
        while len(self.stack) > 1 and self.stack[-1].tag in closes:
            self.stack.pop()

    def handle_data(self, data):
        self.stack[-1].children.append(_Text(self._pos(), data, len(data), self.stack[-1]))

    def _reference(self, prefix: str, name: str) -> None:
        start = self._pos()
        end = start + len(prefix) + len(name)
        if self.raw.startswith(";", end):
            end += 1
        written = self.raw[start:end]
        text = unescape(written)
        self.stack[-1].children.append(_Text(start, text, end - start, self.stack[-1]))

    def handle_entityref(self, name):
        self._reference("&", name)

    def handle_charref(self, name):
        self._reference("&#", name)


def _words(node: _Node) -> set[str]:
    value = f'{node.attrs.get("class", "")} {node.attrs.get("id", "")}'
    return {w.lower() for w in _WORD_SPLIT.split(value) if w}


def _is_noise(node: _Node) -> bool:
    if node.tag in _NOISE_TAGS or "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    style = node.attrs.get("style", "").replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style or bool(_words(node) & _NOISE_WORDS)


def _is_frame(node: _Node) -> bool:
    return node.tag in _FRAME_TAGS or bool(_words(node) & _FRAME_WORDS)


@dataclass
class Page:
    """An HTML page read.

    view (str): the body's text where the file has it, the rest blank (as long as the file).
    widths (dict[int, int]): raw characters of each character written as a reference.
    title (str): the page's title ("" when none is found).
    title_span (tuple[int, int] | None): where the title stands in the file, when it is text.
    date (str | None): the page's own date (ISO).
    byline (tuple[str, list[int]] | None): an author line outside the body, with offsets.
    body (tuple[int, int]): the body's bounds in the file (start == end: no body).
    """

    view: str
    widths: dict[int, int]
    title: str = ""
    title_span: tuple[int, int] | None = None
    date: str | None = None
    byline: tuple | None = None
    body: tuple[int, int] = (0, 0)

    @property
    def has_text(self) -> bool:
        return self.body[0] < self.body[1]


def parse(raw: str) -> Page:
    """Read an HTML page: its body as a view, its title, date and author."""
    tree = _Tree(raw)
    tree.feed(raw)
    tree.close()
    nodes = list(_walk(tree.root))
    noise = _marked(tree.root, _is_noise)
    frame = _marked(tree.root, lambda n: _is_noise(n) or _is_frame(n))
    root = _content_root(nodes, frame)
    title_node, title, title_span = _title(nodes, noise, frame, root)
    infos = [n for n in nodes if id(n) not in noise and n.tag in _BLOCK and _is_info(n)]
    chars = [" "] * len(raw)
    widths: dict[int, int] = {}
    skip = set(frame) | {id(n) for n in infos} | ({id(title_node)} if title_node is not None else set())
    kept = _render(root, chars, widths, skip) if root is not None else []
    view = "".join(chars)
    page = Page(view, widths, title, title_span)
    page.body = (min(kept), max(kept) + 1) if kept else (0, 0)
    page.date = _date(nodes, noise, infos)
    page.byline = _byline(nodes, noise, infos)
    return page


def _walk(node: _Node):
    for child in node.children:
        if isinstance(child, _Node):
            yield child
            yield from _walk(child)


def _marked(root: _Node, test) -> set[int]:
    """ids of the nodes that pass ``test`` and of everything below them."""
    out: set[int] = set()

    def visit(node: _Node, inside: bool) -> None:
        for child in node.children:
            if isinstance(child, _Node):
                hit = inside or test(child)
                if hit:
                    out.add(id(child))
                visit(child, hit)

    visit(root, False)
    return out


def _texts(node: _Node, skip: set[int], links: bool = True):
    """The text pieces below ``node``, in order, leaving out ``skip`` (and links unless asked)."""
    for child in node.children:
        if isinstance(child, _Text):
            yield child
        elif id(child) not in skip and (links or child.tag != "a") and child.tag not in _NOISE_TAGS:
            yield from _texts(child, skip, links)


def _measure(pieces) -> int:
    return sum(len(_MEASURED.findall(p.text)) for p in pieces)


def _direct(node: _Node, skip: set[int]):
    """Text of ``node`` not inside a nested block, links left out."""
    for child in node.children:
        if isinstance(child, _Text):
            yield child
        elif id(child) not in skip and child.tag not in _BLOCK and child.tag != "a" and child.tag not in _NOISE_TAGS:
            yield from _direct(child, skip)


def _content_root(nodes: list[_Node], frame: set[int]) -> _Node | None:
    """The element holding the most paragraph text (links not counted)."""
    score: dict[int, float] = {}
    by_id = {id(n): n for n in nodes}
    for n in nodes:
        if id(n) in frame or n.tag not in _BLOCK or n.tag in ("html", "body", "head", "title"):
            continue
        size = _measure(_direct(n, frame))
        if size < 8:
            continue
        holder = n.parent if n.tag in ("p", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "br") else n
        if holder is None:
            continue
        score[id(holder)] = score.get(id(holder), 0) + size
        if holder.parent is not None and holder.parent.tag != "#document":
            score[id(holder.parent)] = score.get(id(holder.parent), 0) + size / 2
    candidates = [(s, -by_id[k].start) for k, s in score.items() if k in by_id and id(by_id[k]) not in frame]
    if not candidates:
        return None
    best = max(candidates)
    return next(n for n in nodes if -n.start == best[1] and score.get(id(n)) == best[0])


def _title(nodes: list[_Node], noise: set[int], frame: set[int], root: _Node | None):
    """(the title element or None, its text, its raw span or None): an ``<h1>`` in the
    body, else a heading (or class/id ``title``) that the ``<title>`` repeats, else an
    ``<h1>`` outside the page frame, else the metadata's and the ``<title>``'s own."""
    page_title = next((_line(n, noise)[0] for n in nodes if n.tag == "title"), "")
    cut = _SITE_SUFFIX.search(page_title)
    short = "".join(page_title[:cut.start() if cut and cut.start() else len(page_title)].split())
    heads = [n for n in nodes if n.tag == "h1" and id(n) not in noise]
    inside = [n for n in heads if root is not None and _within(n, root)]
    repeated = [n for n in nodes if id(n) not in frame and n.tag != "title" and len(short) >= 4
                and any("".join(c.text.split()) == short for c in n.children if isinstance(c, _Text))]
    for node in inside + repeated + [n for n in heads if id(n) not in frame]:
        text, offs, widths = _line(node, noise)
        if text:
            return node, text, (offs[0], offs[-1] + widths.get(offs[-1], 1))
    metas = {(n.attrs.get("name") or n.attrs.get("property") or "").lower(): n.attrs.get("content", "")
             for n in nodes if n.tag == "meta"}
    for key in _TITLE_METAS:
        if metas.get(key, "").strip():
            return None, " ".join(metas[key].split()), None
    for node in nodes:
        if node.tag == "title":
            text, offs, widths = _line(node, noise)
            cut = _SITE_SUFFIX.search(text)
            n = cut.start() if cut and cut.start() else len(text)
            if text[:n].strip():
                return None, text[:n], (offs[0], offs[n - 1] + widths.get(offs[n - 1], 1))
    return None, "", None


def _within(node: _Node, root: _Node) -> bool:
    while node is not None:
        if node is root:
            return True
        node = node.parent
    return False


def _line(node: _Node, skip: set[int]) -> tuple[str, list[int], dict[int, int]]:
    """The text below ``node`` as one line (whitespace runs as one space, none between
    CJK), the raw offset of each of its characters, and the widths of references."""
    pieces = list(_texts(node, skip))
    if not pieces:
        return "", [], {}
    lo = pieces[0].start
    hi = max(p.start + p.width for p in pieces)
    view = [" "] * (hi - lo)
    widths: dict[int, int] = {}
    for p in pieces:
        if p.width == len(p.text):
            view[p.start - lo:p.start - lo + p.width] = list(p.text)
        elif p.text:
            view[p.start - lo:p.start - lo + len(p.text)] = list(p.text)
            widths[p.start + len(p.text) - 1] = p.width - len(p.text) + 1
    text, offs = line_of("".join(view), 0, hi - lo)
    return text, [o + lo for o in offs], widths


def _is_info(node: _Node) -> bool:
    """A short line of page information (发布时间：…　来源：…), not text of the article."""
    text = "".join(p.text for p in _texts(node, set()))
    stripped = text.strip()
    return 0 < len(stripped) <= 160 and len(_INFO.findall(stripped)) >= 1 and bool(
        _INFO.match(stripped) or len(_INFO.findall(stripped)) >= 2)


def _render(root: _Node, chars: list[str], widths: dict[int, int], skip: set[int]) -> list[int]:
    """Write the text below ``root`` into ``chars`` where the file has it; RETURNS the raw
    offsets of the characters written (whitespace not counted)."""
    kept: list[int] = []

    def visit(node: _Node) -> None:
        block = node.tag in _BLOCK
        if block:
            chars[node.start] = "\n"
        for child in node.children:
            if isinstance(child, _Text):
                if child.width == len(child.text):
                    for k, ch in enumerate(child.text):
                        if ch.isspace():
                            continue  # the file's line breaks inside a paragraph are no breaks
                        chars[child.start + k] = ch
                        kept.append(child.start + k)
                elif child.text and not child.text.isspace():
                    for k, ch in enumerate(child.text):
                        chars[child.start + k] = ch
                    if child.width > 1:
                        widths[child.start + len(child.text) - 1] = child.width - len(child.text) + 1
                    kept.append(child.start)
            elif id(child) not in skip and child.tag not in _NOISE_TAGS:
                visit(child)
            elif child.tag in _BLOCK:
                chars[child.start] = "\n"
        if block and node.close >= 0:
            chars[node.close] = "\n"

    visit(root)
    return kept


def _date(nodes: list[_Node], noise: set[int], infos: list[_Node]) -> str | None:
    metas = {}
    for n in nodes:
        if n.tag == "meta":
            key = (n.attrs.get("name") or n.attrs.get("property") or n.attrs.get("itemprop") or "").lower()
            metas.setdefault(key, n.attrs.get("content", ""))
    for key in _DATE_METAS:
        when = date_in(metas.get(key, ""))
        if when:
            return when
    for n in nodes:
        if n.tag == "time" and id(n) not in noise:
            when = date_in(n.attrs.get("datetime", "")) or date_in("".join(p.text for p in _texts(n, noise)))
            if when:
                return when
    for n in infos:
        text = "".join(p.text for p in _texts(n, noise))
        m = _INFO_DATE.search(text)
        if m and (when := date_in(text[m.end():m.end() + 40])):
            return when
    return None


def _byline(nodes: list[_Node], noise: set[int], infos: list[_Node]):
    """An author line (记者 X, 作者：X) outside the body: (text, raw offsets) or None."""
    authored = [n for n in nodes if id(n) not in noise and "author" in _words(n)]
    for n in infos + authored:
        text, offs, _ = _line(n, noise)
        m = _AUTHOR.search(text)
        if m:
            return text[m.start():m.end()], offs[m.start():m.end()]
    return None


def articles(source: Source) -> list[Article]:
    """The article of an HTML page (``source.raw`` is the whole file)."""
    page = parse(source.raw)
    if not page.has_text:
        return []
    title = source.title or page.title
    section = Section(page.body[0], page.body[1], title, page.title_span if title == page.title else None,
                      byline=page.byline)
    return articles_of_view(source, page.view, [section], page.widths)
