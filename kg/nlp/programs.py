"""Named programs: plans, campaigns, policy documents, projects, pilots, models, brands ...

The genre names a program in three ways, read here with regexes and data files:

1. **《…》**: a document when the title ends in a document head word
   (``program-documents.tsv``: 法 law, 条例 regulation, 规划 plan, 意见 / 通知 / 办法 …
   policy-document); the titles of books, films, songs, newspapers and reports are none.
2. **A short quotation** ("临江模式", “三品一标”), widened to the head noun that follows
   (“6293”工作思路, "微成长、小升高"…培育机制) and to a short modifier before it (新时代
   "枫桥经验"). Quoted speech (long, or with sentence punctuation) and quotations that
   name an event ("…"主题新闻发布会) are skipped.
3. **A head noun** (``ontology/vocab/program-heads.tsv``: 计划, 行动, 工程, 试点, 模式 …)
   with its name read leftwards to the verb that governs it
   (``program-boundaries.tsv``: 实施制造业提振两年行动计划 -> 制造业提振两年行动计划).
   Generic phrases are dropped (``program-generic.tsv``; 46个文保利用项目 counts projects,
   it names none; ``program-generic-endings.tsv``: 基层治理模式 says what, not which).
4. **A shape of its own** (``program-patterns.tsv``: 10分钟健身圈).

A program is linked to an agency when the clause says the agency leads, issues or funds it
(an agency mention, then a lead verb such as 出台 / 印发 / 实施 / 牵头, then the program).

**The decision policy.** A program is a named, intended course of action of an agency; a
candidate is kept on this evidence (the words in ``program-evidence.tsv``):

- *book-title marks*: 《…》 is a document when its title ends in a document head word (a
  law 《…法》, a regulation 《…条例》, a plan 《…规划》, a policy document 《…意见》; a draft:
  《…条例草案》); a book, film, song, newspaper or report (《红楼梦》, 《…报告》) is no program. A text
  that starts inside a title or a quotation (cut before its 《 or “: …保护法》实施情况) is read as
  if the mark were there.
- *quotes*: a quotation is a program only with more evidence: a program head after it
  ("“四下基层”制度", "“消费促进年”活动"), a head that ends it ("“放心消费行动”"), 改革
  after it ("“放管服”改革"), or a governing verb in its clause before it (实施, 开展, 推进,
  印发, 出台, 启动, 落实 …). A quotation without any of these (an idiom, a catchword, a
  nickname, a …式 adjective, "“城市病”", a noun counted by a measure word: 组建一支"…之师")
  is a **slogan** (kind ``slogan``, written as
  ``kg:Slogan``, never as a program); one the clause puts under a negative word
  (不能搞…“形象工程”) is dropped.
- *head word*: the name before a head noun is read leftwards to a boundary word. Heads that
  are common nouns need more: ``governed`` heads (政策, 活动) a governing verb before the
  name or a stance word (积极财政政策); ``plain`` heads (制度, 机制, 政策, 责任制) a name of
  at least 3 characters that is no list of common nouns (…监管、追溯、召回制度, 激励和约束机制)
  and not the object of a reform (…管理制度改革). Any head-noun name is dropped when it holds
  a negative word (违规新建…项目) or a quantity (一批投资项目), or when no boundary word
  starts it within the longest name (a clause fragment, not a name); when a determiner
  stands right before the head (本条例, 上述计划, 该项目: a reference, not a name); and
  when the head runs on into an organisation's name (…战略与国际问题研究中心, …工程大学).
  A body right before a weak verb is its subject (政府制定|…规划), and verbs of a decision
  on a plan (批准, 拒绝, 透露, 宣布 …) start the name after them.
- *parts of speech* (jieba's, read with rjieba): an unquoted name read leftwards into a
  clause is cut after its last preposition, pronoun, clause adverb, clause verb or time word
  (至此该公司向|希望工程, 曾多次考察|…制度, 去年上半年新上|…); a quantifier or determiner right
  before it makes a class or a reference, no name (许多体育项目, 这两项水利工程, 又一次…行动,
  不同社会制度, 具体实施方案); a head that starts a longer word is none (计划|生育, 战略|目标;
  试点|县 keeps the pilot); an operation of one named body or person is none (摩萨德行动); a
  project (工程, 项目) of common words only needs a governing verb or a fixed name of jieba's
  (最大的污水处理项目, 农副产品加工项目占… are descriptions; 希望工程 is a name). A lead verb
  right before the head leaves no name (设计制定|方案); a new way described is none (…新模式);
  a sport's events (…运动会项目) and a cup or prize (…杯, …奖) are none; a talent program
  (…学者, …人才) needs a place or a name in it (泰山学者) or a verb that selects it (入选), and
  no kind of person (与会学者, 专家学者). A one-character boundary that jieba reads as part
  of a word is none (等|级 of 等级, 以|色列): the name reads on leftwards.
- *quotations that name something else*: a work or a publication (“…丛书”), a cup or prize
  (“…”杯), a word quoted as a word (『工程』), a quotation that ends in a head but reads as a
  clause (“伴随具体行动”), a period before a noun (国家“九五”重点图书), a bare numeral (“五一”),
  a quotation after a class word or determiner (一些“形象工程”, 这个“红娘”, 所谓“…”), a head
  with one character before it (“土政策”), an event (“…画展”, “…高峰论坛”, “…交流赛”), a title
  (香港译为“…”, 资料片“…”, a quotation of Latin letters only), a product in apposition (新产品——“…”: a
  verb governs through no dash), a quotation that modifies a noun after it (“自营品牌”|家用电器,
  “…行动”|特色), a model or an alliance quoted with common words only (新增“…挑战模式”, “…战略联盟”,
  unless a verb founds it). A quotation is widened to a head across no count (“…”作为…一个|品牌活动),
  no organisation (“…”家具公司首席工程师), no word the head cuts (飞机|制造), and not to a contest's event
  (“…”项目进入个人赛). A governing verb inside an earlier quotation of
  the clause governs nothing (“积极探索”、“求真务实”). 『』 and ‘’ are quotes too.
  Whatever governs it, a quotation is a slogan when it is one idiom of jieba's (“偷梁换柱”),
  speech (a personal pronoun: “你办事我放心”) or a doctrine, attitude or craze by its ending
  (``slogan-end``: 实行“拿来主义”, “…论”, “…热”); one ending in a group's name (“…小组”) is an
  organisation; a quoted law its clause governs is a law (修改“…法”). A verb governs a
  quotation through no relative clause (创建卫生城市的示范|“样板”), and the widening of a
  quotation to a head stops at 和 / 与 / 及 (“三产”缺少资金和人才). A one-character modifier
  that ends a longer word is none (楼|市“降价风潮”; 列入|省“十四五”规划 keeps it).
- *kinds, not names* (an unquoted head-noun name of common words only, by jieba's parts of
  speech): heads flagged ``established`` (制度, 机制) need a govern or ``establish`` verb before
  them (建立…审计制度; 采取固定汇率制度, 山地轮作制度 are kinds of system); heads flagged
  ``named`` (模式, 经验) need a proper part (苏南模式, EOD模式; 大学教育模式, 先进经验 are kinds);
  heads flagged ``founded`` (联盟) need a govern or establish verb whatever their words (组建…
  创新联盟; 北方进步联盟, 加入货币联盟: a body or a party, no course of action);
  a plan or strategy needs a govern or ``decision`` verb before it (启动, 批准…计划), a
  governing verb after it (…方案的出台) or a recipient's frame (向…计划捐款, a preposition of its own:
  作为|… is none): 金融业规划 and 善后处理计划 are described by their field. A project is none when
  it is a site or an estate by its proper name (…公园项目, 某茂·某园项目), a class by size or grade
  (大型…, 重大…, 标杆…项目), a phase alone (二期工程), a predicate after the copula (该项目为|…项目) or
  the event of a contest its clause tells of (…项目冠军); a campaign when jieba reads it as one
  common noun (战斗行动); a plan, strategy or campaign whose name ends in a named body (某国海军第三
  舰队|战略); a policy of a body and a field (央行房贷政策). An activity with an edition (第二届…活动)
  is named. A place and a generic name (湖北省|重点建设项目),
  an activity named after the kind of group that holds it (``program-generic-endings.tsv``
  with a head column: 兴趣小组活动), a list of people (候选人名单) and a counted class
  (一系列…政策) are none.
- *clause fragments*: clause adverbs and verbs (尽快, 迅速, 引入, 加入 …) cut a name read
  leftwards; a clause that opens with a verb and its object (要保障…规划, 支持某市…工程) names
  nothing; 计划 / 规划 after a body or place and before a preposition, time word, adverb or
  verb is the verb (日本政府计划在明年…); a head that runs on into a company, an office, a
  delegation, a bureau or a post (…工程有限公司, …试点处处长, …战略发展部, …规划和国土局,
  …联盟代表团, …联盟总书记, …工程系, …监督站, …战略研究委员会, …规划顾问) is
  inside an organisation's name; a project's, a campaign's, a strategy's or a model's head right
  before a noun qualifies it (…行动小队, 即时战略游戏), where a plan's, a law's or a pilot's is its
  owner (…条例规定, …试点并网容量). A head inside a title (《…行动》, or a title the text cuts) is
  none; a name does not reach back across a byline in brackets (…讯（记者某某）), a range (从…到|项目)
  names nothing, nor does a head and its verb (其中制度延袭|…: the name starts after the verb). A verb
  governs a name only when no preposition opens a frame of its own in between (组织…在|村级
  科技活动中); 可 before a boundary verb makes an adjective (可持续发展战略), no boundary.
  A generic head before 的 is a name when a governing verb stands right before it or after
  it (实施菜篮子工程的过程, …方案的出台) or the name is one fixed word of jieba's; a coded
  plan of digits, or an amount, is a name when governed right before it (实施863计划, 推出4万亿…计划).
  计划 / 规划 before 了, 过, 着 is the verb; an auxiliary before the clause's verb (将继续|保留…项目) makes
  a predicate and its object.
- *laws*: …法 before punctuation or a conjunction is a law when its clause governs it
  (贯彻实施…法, 遵守…法) and the word is no method (办法, 做法, 依法, 锻炼法 …).
- *agency*: an agency before a lead verb in the clause leads the program (``agencies``).
  Where the sentence's subject is the article's own government written without a name
  (我市 / 本市 / 市政府 …, 我县 …) and a governing verb stands before the program, that
  government leads it: the one the article's agencies point to (an implicit mention or the
  parent of a named bureau: 某市科学技术局 -> 某市人民政府, the page context's city).

Names are normalised for the label (quotes, 《》 and ordinal prefixes such as 第二批 or 首批
dropped); the evidence stays the span as written. A full name followed by
（以下简称“X”） gets X as its abbreviation (``alt``), and later mentions of X are that program.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import AgencyMention, Article, Program
from .numbers import _read_tsv, alternation, required_literal

__all__ = ["ProgramSpan", "extract_programs", "find_program_spans", "program_label"]

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
    kind: str  # a kg:programKind, or "slogan" for a catchword that is no program
    alt: str = ""  # the abbreviation the text gives for it: （以下简称“X”）


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
def _weak_lead() -> tuple[str, ...]:
    """Weak lead verbs (制定, 编制, 发布 …): one right before the head leaves no name."""
    return tuple(sorted(row[0] for row in _read_tsv("program-boundaries.tsv")
                        if len(row) > 2 and row[1] == "lead" and row[2] == "weak"))


@lru_cache(maxsize=None)
def _generic() -> set[str]:
    return {row[0] for row in _read_tsv("program-generic.tsv")}


_GENERIC_ENDING_HEADS = "模式,机制,制度,政策"  # the heads a row of program-generic-endings.tsv applies to by default


@lru_cache(maxsize=None)
def _generic_ending_re(head: str) -> re.Pattern | None:
    """The endings of an unquoted name before ``head`` that say what it does, not which it is."""
    words = [r[0] for r in _read_tsv("program-generic-endings.tsv")
             if head in (r[1] if len(r) > 1 and r[1] else _GENERIC_ENDING_HEADS).split(",")]
    return re.compile(f"(?:{alternation(words)})$") if words else None


@lru_cache(maxsize=None)
def _evidence_words() -> dict[str, frozenset[str]]:
    """Role -> words of ``program-evidence.tsv`` (govern, law, stance, negative, quantity)."""
    out: dict[str, set[str]] = {}
    for row in _read_tsv("program-evidence.tsv"):
        out.setdefault(row[1], set()).add(row[0])
    return {k: frozenset(v) for k, v in out.items()}


@lru_cache(maxsize=None)
def _evidence_re(*roles: str) -> re.Pattern:
    words = _evidence_words()
    return re.compile(alternation(w for r in roles for w in words.get(r, ())))


def _clause_before(text: str, start: int, width: int = 16) -> str:
    """The text of the clause before ``start`` (at most ``width`` characters)."""
    lo = max(0, start - width)
    for i in range(start - 1, lo - 1, -1):
        if text[i] in _CLAUSE_END:
            return text[i + 1:start]
    return text[lo:start]


#: a preposition after the verb opens a frame of its own (组织…在|校园科技活动中): the verb governs
#: something else
_FRAME_AFTER_VERB = re.compile(r"[在于从向]")
#: ... or a relative clause (创建卫生城市的|示范“样板”: the verb's object is 卫生城市), or a dash
#: (推出…新产品——“…”: the verb's object is the noun the quotation is in apposition to)
_FRAME_OR_RELATIVE = re.compile(r"[在于从向的]|——")


def _last_verb_governs(before: str, rx: re.Pattern, stop: re.Pattern = _FRAME_AFTER_VERB) -> bool:
    """Whether the last match of ``rx`` in ``before`` governs what follows ``before``: no
    preposition (or other ``stop``) stands between them."""
    last = None
    for last in rx.finditer(before):
        pass
    return last is not None and not stop.search(before, last.end())


def _governed(text: str, start: int, roles: tuple[str, ...] = ("govern",), width: int = 16,
              stop: re.Pattern = _FRAME_AFTER_VERB) -> bool:
    """Whether a governing verb stands in the clause before a name starting at ``start``
    (and no preposition after it opens a frame of its own, nor ``stop`` stands between)."""
    return _last_verb_governs(_clause_before(text, start, width), _evidence_re(*roles), stop)


@lru_cache(maxsize=None)
def _evidence_end_re(role: str) -> re.Pattern:
    """Evidence of ``role`` that ends the searched text: a governing verb right before a
    name (govern), a quotation's ending that names a doctrine, an attitude or a craze
    (slogan-end: …主义, …论, …热)."""
    return re.compile(f"(?:{_evidence_re(role).pattern})$")


def _governed_right_before(text: str, start: int) -> bool:
    """Whether a governing verb ends right where a name starts (实施|菜篮子工程)."""
    return bool(_evidence_end_re("govern").search(text[max(0, start - 4):start]))


def _governed_after(text: str, he: int) -> bool:
    """Whether a governing verb follows the head (…计划的实施, …计划实施以来, …方案出台)."""
    i = he + 1 if text.startswith("的", he) else he
    return bool(_evidence_re("govern").match(text, i))


def _negated(text: str, start: int, core: str = "", width: int = 10) -> bool:
    """A negative word in the name or in (the last ``width`` characters of) its clause before it."""
    rx = _evidence_re("negative")
    return bool(rx.search(core) or rx.search(_clause_before(text, start, width)))


def _stance_before(text: str, s: int) -> int:
    """Where a stance word that ends at ``s`` (积极|财政政策, 稳健的|货币政策) starts, else ``s``."""
    for w in sorted(_evidence_words().get("stance", ())):
        for lead in (w, w + "的"):
            if s >= len(lead) and text.startswith(lead, s - len(lead)):
                return s - len(lead)
    return s


_ORDINAL = re.compile(r"^(?:第[一二三四五六七八九十百0-9０-９]+(?:批|次|届|期|轮)|首批|新一批|新一轮)")
_LABEL_DROP = re.compile(r"[\s“”\"「」『』‘’《》]")
_ABBREV_AFTER = re.compile(r"\s*[（(]\s*(?:以下)?简称\s*[“\"「]?([^“”\"「」（）()，,。；;]{1,16}?)[”\"」]?\s*[）)]")
_LAW_AT = re.compile(r"法(?=[，,。；;、和与及等）)》”\"的\s]|$)")
#: the last character of a word in …法 that is a way of doing, not a law (办法, 做法, 依法, 执法 …)
_METHOD_CHARS = frozenset("办方做手说想依执立司守违合非用看设无算疗技书写加减乘除打玩语兵章戏魔效取施大练炼拳剑功诀")
_HEAD_RUNS_ON = frozenset("力性者化")  # 行动力, 战略性: the head is part of a longer word


@lru_cache(maxsize=None)
def _document_heads() -> tuple[tuple[str, str], ...]:
    """(head word, kind) of ``program-documents.tsv``, longest first."""
    rows = [(r[0], r[1]) for r in _read_tsv("program-documents.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


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


def program_label(name: str) -> str:
    """The normalised label of a program name: no quotes, 《》, spaces or ordinal prefix.

    >>> program_label("第二批“乡村振兴”示范试点")
    '乡村振兴示范试点'
    >>> program_label("《某县国土空间总体规划》")
    '某县国土空间总体规划'
    """
    label = _LABEL_DROP.sub("", name)
    return _ORDINAL.sub("", label) or label


@lru_cache(maxsize=None)
def _patterns() -> list[tuple[re.Pattern, str, str]]:
    """(regex, kind, a string every match contains: 分钟 of 10分钟健身圈)."""
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
def _org_inside_re() -> re.Pattern:
    """An organisation's suffix anywhere (“某某”家具公司…: the quotation names the company)."""
    return re.compile(alternation(r[0] for r in _read_tsv('program-org-suffixes.tsv')))


@lru_cache(maxsize=None)
def _edge_any_re() -> re.Pattern:
    return re.compile(alternation(w for w in _boundaries() if len(w) > 1))


@lru_cache(maxsize=None)
def _head_re() -> re.Pattern:
    plain = [h for h, (_, flags) in _heads().items() if "quote" not in flags]
    # …审查制 is a head, …审查制度 is 制度's: a head ending in 制 never runs on into 度
    return re.compile(f"(?:{alternation(plain)})(?!(?<=制)度)")


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


_QUOTE_RE = re.compile(r"“([^“”\n]{1,40})”|\"([^\"\n]{1,40})\"|「([^「」\n]{1,40})」|『([^『』\n]{1,40})』|‘([^‘’\n]{1,40})’")
_BOOK_RE = re.compile(r"《([^《》\n]{2,80})》")
#: a text that starts inside a title or a quotation (cut before its opening mark): its closing
#: mark comes first, with no clause punctuation before it
_OPEN_BEFORE_BOOK = re.compile(r"([^《》\n，,。；;！？!?：:]{2,80})》")
_OPEN_BEFORE_QUOTE = re.compile(r"([^“”\"\n，,。；;！？!?：:]{2,24})”")
_EVENT_AFTER = re.compile(r"(?:主题)?(?:新闻发布会|发布会|座谈会|推进会|对接会|论坛|大会|会议|仪式|杯|奖|研讨会|文化节|艺术节)")
#: a quotation that names an event (“首届…画展”, “…高峰论坛”, “…研讨会”): held, not pursued
_EVENT_INNER_END = re.compile(r"(?:(?<![发进拓扩开伸施舒])展|展览|展览会|博览会|交易会|展销会|研讨会|座谈会|论坛|峰会|年会|晚会|音乐会|演唱会"
                              r"|比赛|大赛|联赛|锦标赛|(?:交流|邀请|选拔|表演|对抗|友谊|公开|挑战|争霸|冠军|知识|技能)赛|文化节|艺术节|音乐节|电影节|仪式)$")
#: a quotation after these gives a title or a name of a work (香港译为“…”, 原名“…”), no program
_TITLE_BEFORE = re.compile(r"(?:译为|译作|译成|又译|译名|中文名|英文名|片名|书名|原名|剧名)$")
#: a work or a product right before a quotation: the quotation is its title (资料片“…”, 新产品“…”)
_WORK_BEFORE = re.compile(r"(?:资料片|新作|作品|新产品|新品|游戏|影片|电影|专辑|歌曲|小说|节目|栏目|剧集)$")
#: a quotation of Latin letters, digits and spaces only: a foreign title or a code, named by nothing
_LATIN_ONLY = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ0-9０-９ .'’\-]+")
#: a numeral and a measure word between a quotation and a head (“…论坛”作为…一个|品牌活动): the head
#: is a counted noun of the clause, no head of the quotation
_COUNTED_IN = re.compile(r"[一两几数][个项种支位名座场件批]")
#: a quotation that names a work or a publication (“…丛书”, “…报”): a title, no program
_WORK_END = re.compile(r"(?:丛书|图书|文库|杂志|周刊|画报|日报|晚报|电视剧|影片|歌曲|诗集|文集)$")
#: a locative after the head (行动上的一致, 制度上): "in action", no name
_LOCATIVE_AFTER = re.compile(r"上(?:[的，,。；;、]|$)")
_SPEECH = re.compile(r"[，,。？?；;：:]")
_NUM_BEFORE = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]+(?:个|项|家|处|批|类|条|大)$")
_NUM_AFTER = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十百千两]+)(?:余|多)?(?:个|项|家|处|批|类|条|人|位)")
_COUNT_LEAD = re.compile(r"^(?:[0-9０-９]+|[一二三四五六七八九十两]+)(?:余|多)?(?:个|项|家|处|批|类|条)")
_AREA_LEAD = re.compile(r"^(?:全市|全县|全区|我市|我县|我区|本市)")  # the article's own area is implied
_STOP_CHARS = frozenset(_CLAUSE_END + "《》“”\"")
_CLAUSE_MARK = re.compile(r"[，,；;。！？!?\n]")
_DIGIT = re.compile(r"[0-9０-９]")
_RECIPIENT_BEFORE = frozenset("向为给")
_JOIN_CHARS = re.compile(r"[和与及]")  # “三产”缺少资金和人才: a clause of nouns joined, no head of the quotation
_DIGITS_ONLY = re.compile(r"[0-9０-９]{2,6}")
_AMOUNT_LEAD = re.compile(r"[0-9０-９]+(?:[.．][0-9０-９]+)?[万亿]+元?(?![0-9０-９])[\u4e00-\u9fff]{2,}$")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_QUOTE_MARK = re.compile(r"[“\"《]")
_CLOSE_BRACKET = re.compile(r"[)）]")
_BRAND_AFTER = re.compile(r"(?:品牌|标识)")
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
                        or _weak_start(text, before, weak_sets) != -1 or _AGENT_END.search(text, max(0, before - 3), before):
                    break  # (政府|制定…规划: a body right before the verb is its subject, not part of the name)
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


def _generic_after_place(core: str, head: str) -> bool:
    """Whether a name is a place and a generic name (广东省|重点建设项目, 全省|重点工程)."""
    tags = _tags(core)
    first = tags[0][0] if tags else ""
    if len(tags) < 2 or not (tags[0][1] == "ns" and len(first) > 2 and first[-1] in "省市县州" or first in _AREA_WORDS):
        return False  # a place with its level (湖北省, 某某县), not any word jieba takes for a place (老城区)
    return _generic_name(core[len(tags[0][0]):], head)


_AREA_WORDS = frozenset(("全国", "全省", "全市", "全县", "全区", "全镇", "本省", "本市", "本县", "我省", "我市", "我县", "我区"))


#: the end of a body's name: before a weak boundary verb it is the verb's subject (政府制定…)
_AGENT_END = re.compile(r"(?:政府|部门|委员会|人大|国务院|中央|当局|议会|内阁|企业|公司|集团)$")
#: a determiner right before the head: the text refers to a program, it does not name one
_DETERMINER_END = re.compile(r"(?:上述|前述|这一|这项|此项|该项|本项|这个|那个|这些|那些|该|此|其|这|那"
                             r"|(?<![资成基根样版日])本)$")
#: the head runs on into an organisation's name (…战略与国际问题研究中心, …工程大学)
_ORG_AFTER = re.compile(r"(?:[与和及][\u4e00-\u9fff]{1,10}?)?(?:研究中心|研究所|研究院|研究会|学会|协会|委员会"
                        r"|基金会|大学|学院|办公室|领导小组)|[\u4e00-\u9fff]{0,3}?部长|总书记|主席|秘书长|发言人|领导人"
                        r"|(?:有限)?(?:责任)?公司|[\u4e00-\u9fff]{0,2}?总站|监督站|主管|经理|负责人|总监|处(?![于理在置分])"
                        r"|[\u4e00-\u9fff]{0,2}?部(?![分署位件])|代表团|(?:和[\u4e00-\u9fff]{1,4}?)?[局厅]"
                        r"|[\u4e00-\u9fff]{0,6}?(?:监督站|管理站|检测站|指挥部|研究委员会)|系(?![统列数])|顾问")
#: words of a contest in a clause: a 项目 there is one of its events (…项目进入个人赛, …项目冠军)
_CONTEST_WORDS = re.compile(r"赛|冠军|亚军|季军|战队|选手|奖牌|晋级")


def _clause_at(text: str, i: int) -> str:
    """The clause around ``i`` (between clause marks)."""
    lo = max(text.rfind(c, 0, i) for c in _CLAUSE_END) + 1
    his = [j for j in (text.find(c, i) for c in _CLAUSE_END) if j != -1]
    return text[lo:min(his) if his else len(text)]


#: an edition in a name (第二届, 首届): a recurring activity, named
_EDITION = re.compile(r"(?:第[一二三四五六七八九十百0-9０-９]+|首)届")
#: a phase alone before the head (二期工程, 第三期项目): a part of a project named elsewhere
_PHASE_ONLY = re.compile(r"^第?[一二三四五六七八九十0-9０-９]+期$")
#: a body at the end of a plan's, a strategy's or a campaign's name (美国海军第六舰队|战略): the
#: body's own course, no name
_BODY_END = re.compile(rf"(?:{_AGENT_END.pattern[3:-2]}|舰队|部队|军队|银行)$")
#: a byline in brackets (…讯（记者某某 通讯员某某）): a name read leftwards starts after it
_BYLINE_BRACKET = re.compile(r"[（(][^（()）]*(?:记者|通讯员|摄影|编辑)[^（()）]*[)）]")
#: a numeral and a measure word before a quotation: a noun of a thing (组织一支"精锐之师"), no program
_ONE_THING = re.compile(r"[一两几数][支个种位名座场件股批](?:[\u4e00-\u9fff]{0,6}的)?$")
_YEAR_LEAD = re.compile(r"^[0-9０-９]{4}年(?:底|末|初)?")  # 2007年城镇职工…: a date, not the name
_LIST_JOINS = ("", "、", "和", "与", "及", "以及", "，", ",")
_CJK_ONLY = re.compile(r"[\u4e00-\u9fff]+")


#: parts of speech (jieba's) that end a clause fragment read leftwards into a name: a
#: preposition (向|希望工程, 按|…制度) or a pronoun (该公司|…)
_CUT_TAGS = frozenset({"p", "r"})
#: prepositions a name may hold (随迁子女在流入地接受义务教育政策)
_NAME_PREPOSITIONS = frozenset({"在"})
#: adverbs and verbs of the clause (曾多次|考察…, 不打算|采取…, 使|全县…, 推翻|…制度); 再 of
#: 再就业工程 and 一期 of …一期工程 are no such adverbs
_CUT_ADVERB = re.compile(r"^(?:[不没也都又还就曾已将正才均仍亦便要使让令有]|曾多次|多次|至此|彻底|完全|一直|已经|正在|曾经"
                         r"|继续|同时|分别|打算|准备|考察|推翻|研究|使得|采取|大搞|不打算|做出|作出|进行|加以|新上"
                         r"|尽快|尽早|迅速|早日|及时|立即|马上|逐步|逐渐|重新|首先|先后|相继|日益|引入|引进|通过"
                         r"|加入|结成|照搬|没有|负责|标志着|一致|是)$")
_CUT_TIME = re.compile(r"^(?:(?:今|明|去|前|上|下|本|同)(?:年|月|周|天)|[上下]半年|年初|年底|目前|现在|当前|近日|日前|最近|此前|原)$")
#: a quantifier or determiner right before the name: a class of things (许多体育项目, 不同社会
#: 制度) or a reference (这两项水利工程, 又一次…行动), not a name
_CLASS_WORD = re.compile(r"^(?:许多|不少|大批|一些|一批|一系列|诸多|众多|各种|各类|不同|有关|相关|相应|多项|各项|每|具体"
                         r"|(?:这|那|该|此|各|每)?[一二两三四五六七八九十几数]+[个项批些类种次条架艘辆台座])$")


@lru_cache(maxsize=4096)
def _tags(phrase: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) of a short phrase (rjieba, deterministic)."""
    import rjieba

    return tuple((w, t) for w, t in rjieba.tag(phrase))


def _clause_cut(text: str, s: int, hs: int, he: int) -> int | None:
    """Where an unquoted head-noun name [s, he) really starts, by the parts of speech of its
    words: after the last preposition, pronoun, clause adverb or time word (至此该公司向|希望工程);
    None when a quantifier or determiner stands right before the name (a class or a reference)."""
    pos, cut, cls = s, s, False
    for w, t in _tags(text[s:he]):
        end = pos + len(w)
        if end > hs:
            break
        if _CLASS_WORD.match(w):
            cut, cls = end, True
        elif t in _CUT_TAGS and w not in _NAME_PREPOSITIONS or (t[:1] in "dvf" or t == "ad") and _CUT_ADVERB.match(w) \
                or t == "t" and _CUT_TIME.match(w):
            cut, cls = end, False
        pos = end
    return None if cls else cut


def _one_word(text: str, s: int, he: int) -> bool:
    """Whether the name [s, he) is one fixed word of jieba's (希望工程: l, 三峡工程: nz)."""
    tags = _tags(text[s:he])
    return len(tags) == 1 and tags[0][1] in ("l", "nz")


def _clause_words(text: str, s: int, e: int) -> bool:
    """Whether [s, e) holds a word of a clause rather than of a name (a preposition, pronoun,
    clause adverb or time word: “夏利”现在|中心)."""
    for w, t in _tags(text[s:e]):
        if t in _CUT_TAGS or t[:1] in "dvf" and _CUT_ADVERB.match(w) or t == "t" and _CUT_TIME.match(w):
            return True
    return False


_PERSON_NOUN_END = frozenset("家级者和与及、")
_HEAD_BEFORE_PRIZE = frozenset("性杯奖")  # 战略性; 欧洲联盟杯, …工程奖: a cup or a prize
_EVENT_END = re.compile(r"(?:会|赛|杯|运动)$")
_PERSONS_COUNTED = re.compile(r"[一二两三四五六七八九十几数0-9０-９]+[位名]$")  # 两位|…学者: persons counted
_PERSON_END = re.compile(r"(?:人|者|员|代表)$")
_NEW_END = re.compile(r"(?<!创)新$")
#: a class word or determiner before a quotation (一些“形象工程”, 这个“红娘”, 所谓“…”)
_QUOTE_CLASS_BEFORE = re.compile(r"(?:一些|某些|这些|那些|各种|这个|那个|这种|那种|这样的|所谓的?)$")
_CN_NUMERAL = re.compile(r"[一二三四五六七八九十〇零百]+")


def _head_core_len(inner: str) -> int:
    """Characters of a quotation before the longest head it ends with (“土政策” -> 1)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            return len(inner) - k
    return len(inner)


_PERSONAL = re.compile(r"[你我他她咱]")  # a personal pronoun: a quotation of speech, no name


def _idiom(inner: str) -> bool:
    """Whether a quotation is one idiom of jieba's (tag i: 偷梁换柱, 悔过自新)."""
    tags = _tags(inner)
    return len(tags) == 1 and tags[0][1] == "i"


_QUOTED = re.compile(r"“[^“”]*”|\"[^\"]*\"|「[^「」]*」|『[^『』]*』")


def _governed_outside_quotes(text: str, start: int) -> bool:
    """Whether a governing verb stands in the clause before ``start``, quotations left out
    (“积极探索”、“求真务实”: the verb inside a quotation governs nothing)."""
    before = _QUOTED.sub("", _clause_before(text, start, 30))
    return _last_verb_governs(before, _evidence_re("govern"), _FRAME_OR_RELATIVE)


def _proper_only(core: str) -> bool:
    """Whether ``core`` is one proper name and nothing else (jieba: a person, place or body)."""
    tags = _tags(core)
    return len(tags) == 1 and tags[0][1] in ("nr", "nrt", "nrfg", "ns", "nt")


_PLACE_LEVEL = frozenset("县市区镇乡村省")


def _noun_follows(text: str, i: int) -> bool:
    """Whether a compound noun starts at ``i`` (two nouns, jieba's n…: “九五”|重点图书), not a
    particle or a verb (“…”|颁发奖牌, which jieba takes for one noun)."""
    if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff":
        return False
    tags = _tags(text[i:i + 6])
    return len(tags) > 1 and tags[0][1].startswith("n") and tags[1][1].startswith("n")


def _quote_only_head(inner: str) -> bool:
    """Whether a quotation ends in a head that names a program only after a quotation (品牌, 平台)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            return "quote" in heads[inner[len(inner) - k:]][1]
    return False


#: kinds whose head, right before a noun, qualifies that noun (…工程|系, …行动|小队, …战略|游戏,
#: a plan's, a policy's, a law's or a pilot's head before a noun is its owner (…条例|规定, …试点|并网容量)
_MODIFIER_KINDS = frozenset(("project", "campaign", "strategy", "model"))
_NOUN_AFTER_CHARS = frozenset("系师队站组")


def _noun_after_head(text: str, he: int) -> bool:
    """Whether a noun follows the head right away (jieba's n of two characters or more, or a
    one-character noun of a body or a person: 系, 师, 队 …), not a place's level (试点县)."""
    c = text[he:he + 1]
    if not c or not "\u4e00" <= c <= "\u9fff" or c in _PLACE_LEVEL:
        return False
    if c in _NOUN_AFTER_CHARS:
        return True
    tags = _tags(text[he:he + 6])
    return bool(tags) and tags[0][1] in ("n", "ng", "nr") and len(tags[0][0]) > 1


def _named_head_without_name(inner: str) -> bool:
    """Whether a quotation ends in a head flagged ``named`` (模式, 经验) with common words only
    before it (“某某挑战模式”; “某城模式” has a place), or in one flagged ``founded`` (联盟)."""
    heads = _heads()
    for k in _head_lengths():
        if k <= len(inner) and inner[len(inner) - k:] in heads:
            core = inner[:len(inner) - k]
            flags = heads[inner[len(inner) - k:]][1]
            if "founded" in flags:
                return True  # “中东战略联盟”: an alliance, a body, unless a verb founds it
            return "named" in flags and not _LATIN.search(core) \
                and not any(t in _PROPER_TAGS for _, t in _tags(core))
    return False


def _a_noun_follows(text: str, i: int) -> bool:
    """Whether a noun of two characters or more (jieba's n, nz) starts at ``i``: “…品牌”|家电产品."""
    if i >= len(text) or not "\u4e00" <= text[i] <= "\u9fff":
        return False
    tags = _tags(text[i:i + 6])
    return bool(tags) and tags[0][1] in ("n", "nz") and len(tags[0][0]) > 1 and not (len(tags) == 1 and len(tags[0][0]) < 6)


_PROPER_TAGS = frozenset(("ns", "nr", "nrt", "nrfg", "nt", "nz", "l"))  # a place, person, body or fixed name


def _copula_before(text: str, s: int) -> bool:
    """Whether the copula stands right before ``s``: 是 as a word of its own, or 为 after a head
    (该项目为|…项目; 为|希望工程捐款 is a recipient's frame)."""
    c = text[s - 1:s]
    if c == "为":
        return any(text.endswith(h, 0, s - 1) for h in _heads())
    if c != "是":
        return False
    tags = _tags(text[max(0, s - 4):s])
    return bool(tags) and len(tags[-1][0]) == 1


def _body_and_field(core: str) -> bool:
    """Whether a policy's name is a body (jieba's nt or abbreviation j: 央行) and common words."""
    tags = _tags(core)
    return len(tags) > 1 and tags[0][1] in ("nt", "j") and not any(t in _PROPER_TAGS for _, t in tags[1:])


def _inside_title(text: str, i: int) -> bool:
    """Whether ``i`` lies inside 《…》 (a title, its 》 cut off by the text's end, or its 《 cut off
    before the text's start: the first mark is a 》)."""
    before = max(text.rfind("《", 0, i), text.rfind("》", 0, i))
    if before != -1:
        return text[before] == "《"
    after = text.find("》", i)
    return after != -1 and "《" not in text[i:after]


def _recipient_before(text: str, s: int) -> bool:
    """Whether a preposition of a recipient (向, 为, 给) stands right before ``s`` as a word of its
    own (向|春苗助学计划捐款; 作为|…规划 is no recipient's frame)."""
    if text[s - 1:s] not in _RECIPIENT_BEFORE:
        return False
    tags = _tags(text[max(0, s - 3):s])
    return bool(tags) and len(tags[-1][0]) == 1


def _common_only(core: str, text: str, s: int, he: int) -> bool:
    """Whether a name holds no proper noun (no place, person, body or fixed name of jieba's)."""
    if _one_word(text, s, he):
        return False
    return not any(t in _PROPER_TAGS for _, t in _tags(core))


def _common_noun_action(core: str) -> bool:
    """Whether jieba reads the end of the name and 行动 as one common noun (战斗行动, 军事行动)."""
    tags = _tags(core + "行动")
    return bool(tags) and len(tags[-1][0]) > 2 and tags[-1][1] == "n"


_SITE_TAGS = frozenset(("nr", "nrt", "nrfg", "ns", "nz", "x"))
#: a common noun of a site or an estate after its proper name (某某|公园, 某某|花园)
_SITE_NOUNS = frozenset(("公园", "花园", "广场", "大厦", "小区", "家园", "公寓", "新城", "新村", "花苑", "山庄", "别墅"))


def _site_name(core: str) -> bool:
    """Whether a project's name is a site's: proper names only (a park, a village, an estate:
    某某公园, 某某村) or a brand and its estate joined by · (某茂·某园)."""
    if "·" in core:
        return True
    tags = _tags(core)
    if len(tags) > 1 and tags[-1][0] in _SITE_NOUNS:
        tags = tags[:-1]
    return bool(tags) and all(t in _SITE_TAGS for _, t in tags) and not _LATIN.search(core)


def _edge_inside_word(text: str, s: int, hs: int) -> int:
    """Where a name starts when the one-character boundary before ``s`` is part of a word
    (全国田径业余锻炼等级标准活动: 等 of 等级, 对外开放: 对 of 对外): read on leftwards."""
    lo = max(0, s - 3)
    pos = lo
    for w, _ in _tags(text[lo:hs]):
        end = pos + len(w)
        if pos <= s - 1 < end and end > s:
            return _left_edge(text, pos, max(1, _NAME_MAX - (hs - pos)))
        if end >= s:
            break
        pos = end
    return s


_CONTINUE = ("继续", "坚持")  # 将继续|保留传统…项目: an auxiliary before the clause's own verb
_CLAUSE_OPENERS = frozenset(("", "要", "应", "须", "需", "需要", "必须", "应该", "并", "又", "还", "也", "就", "将", "才"))


def _modifier_inside_word(text: str, ms: int, s: int) -> bool:
    """Whether a modifier before a quotation ends a longer word (楼|市“降价风潮”, 东北地|区“扩军”):
    jieba does not read it as a word of its own (列入|省“十四五”规划 is one)."""
    lo = max(0, ms - 4)
    tags = _tags(text[lo:s])
    pos = lo
    for w, _ in tags:
        if pos < ms < pos + len(w):
            return True
        pos += len(w)
    return False


def _subject_head_end(core: str) -> int:
    """Where a name read leftwards really starts when it holds a word ending in a head followed by a
    verb (其中制度|延袭|英国教育制度: the subject and its verb): after that verb; else 0."""
    heads = _heads()
    tags = _tags(core)
    pos, out = 0, 0
    for i, (w, t) in enumerate(tags[:-1]):
        pos += len(w)
        nxt = tags[i + 1]
        if nxt[1] == "v" and any(w.endswith(h) for h in heads if len(h) > 1):
            out = pos + len(nxt[0])
    return out if out < len(core) else 0


def _predicate_at_clause_start(text: str, s: int, hs: int) -> bool:
    """Whether the name [s, hs) opens its clause (after at most a modal or an adverb: 要, 并) with a
    verb and a noun after it: the clause's predicate and object, not a name (扶贫接力计划, of
    verbs only, is one)."""
    before = _clause_before(text, s, 6)
    if before[-4:] not in _CLAUSE_OPENERS and not before.endswith(_CONTINUE):
        return False
    tags = _tags(text[s:hs])
    return len(tags) > 1 and tags[0][1] == "v" and any(t[:1] == "n" and t != "vn" for _, t in tags[1:])


_VERB_HEADS = frozenset(("计划", "规划"))  # heads that are verbs too (政府计划在…: plans to)
_ASPECT = frozenset("了过着")  # 计划了, 规划过: the verb
#: a size, weight or grade before a kind of project (大型城市综合体|项目, 重大公共投资|项目, 区域标杆|项目):
#: a class, described
_SIZE_CLASS = re.compile(r"(?:重大|大型|中型|小型|特大型|超大型|标杆|高端|高档|标志性|顶级|豪华)")


def _plans_to(text: str, s: int, hs: int, he: int) -> bool:
    """Whether the head after a body or a place is the verb (日本政府|计划|在明年…, 美国计划今年…):
    the name ends in a body, a place or a person, and a preposition, a time word, an adverb or
    a verb follows the head."""
    core_tags = _tags(text[s:hs])
    if not core_tags or not (_AGENT_END.search(text, s, hs) or core_tags[-1][1] in ("ns", "nt", "nr", "nrt", "nrfg")):
        return False
    after = _tags(text[he:he + 4])
    return bool(after) and after[0][1][:1] in ("p", "t", "d", "v") and after[0][1] != "vn"


def _modal_edge(text: str, s: int, hs: int) -> int:
    """Where a name starts when the boundary verb before ``s`` follows 可 (可|持续发展战略: 可持续
    is an adjective, not the verb 持续): read on leftwards from before 可."""
    for k in (4, 3, 2):
        if s - k > 0 and text[s - k:s] in _boundaries() and text[s - k - 1] == "可":
            return _left_edge(text, s - k - 1, max(1, _NAME_MAX - (hs - s + k + 1)))
    return s


def _head_inside_word(text: str, s: int, he: int) -> bool:
    """Whether the head is the start of a longer word (计划|生育, 战略|目标, 战略|眼光, 计划|经济)."""
    end = he - s
    pos = 0
    if text[he:he + 1] in _PLACE_LEVEL:
        return False  # 试点县, 示范市: a place designated by the program
    for w, _ in _tags(text[s:min(len(text), he + 3)]):
        pos += len(w)
        if pos == end:
            return False
        if pos > end:
            return True
    return False


def _quote_ext_head_at(text: str, i: int) -> bool:
    """Whether a program head follows at ``i`` (示范区 after 黄河流域生态保护和高质量发展)."""
    return bool(_head_re().match(text, i))


def _head_evidence(text: str, s: int, hs: int, he: int, core: str, flags: set[str], kind: str) -> bool:
    """The evidence a head-noun name [s, he) needs besides its head (the module's policy)."""
    if s == hs - _NAME_MAX and s > 0 and text[s - 1] not in _CLAUSE_END:
        return False  # no boundary word starts it: a clause fragment ending in a head
    if _evidence_re("quantity").search(core):
        return False  # 一批投资项目
    if kind != "campaign" and _negated(text, s, core):
        return False  # 违规新建钢铁项目, 破除以药补医机制 (a campaign is against something: 打击…专项行动)
    common = flags & {"generic", "plain", "governed"}  # a head that is also a common noun
    if common and "、" in core and not _QUOTE_MARK.search(core):
        return False  # 今年政府投资力度大、新上项目: a list or a clause, not a name
    if "generic" in flags and text.startswith("的", he) and not (
            _governed_right_before(text, s) or _governed_after(text, he) or _one_word(text, s, he)):
        return False  # 参与中央企业投资项目的办法: the head word only qualifies another noun
        # (实施菜篮子工程的过程, …方案的出台: the verb governs the program itself)
    if "plain" in flags:
        if len(core.lstrip("的")) < 3 or any(c in core for c in "、和与及") or text.startswith(("改革", "建设"), he):
            return False  # 基础制度, 激励和约束机制, …管理制度改革, 长期制度建设
    if "named" in flags and not _QUOTE_MARK.search(core) and not _LATIN.search(core) \
            and not any(t in _PROPER_TAGS for _, t in _tags(core)):
        return False  # 大学教育模式, 先进经验: a kind of model, not one named (苏南模式, EOD模式)
    if "founded" in flags and not _QUOTE_MARK.search(core) and not _governed(text, s, ("govern", "establish")):
        return False  # 北方进步联盟, 加入货币联盟: a body or a party; 组建…产业创新联盟 names an alliance
    if "established" in flags and not _QUOTE_MARK.search(core) and not _LATIN.search(core) \
            and _common_only(core, text, s, he) \
            and not _governed(text, s, ("govern", "establish"), width=30):
        return False  # 采取固定汇率制度, 山地轮作制度: a kind of system, not one an agency sets up
    if "governed" in flags and not (_governed(text, s) or _evidence_re("stance").search(core)
                                    or _QUOTE_MARK.search(core) or _EDITION.search(core)):
        return False  # 完善消费政策, 犯罪活动 (某省第二届…调查活动: an edition names a recurring one)
    return True


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

    # 1. documents: a title in 《》 that ends in a document's head word (法, 条例, 意见 …);
    # books, films, songs, newspapers and reports (《红楼梦》, 《人民日报》) are none
    books = [(m.start(), m.end(), m.group(1)) for m in _BOOK_RE.finditer(text)]
    cut = _OPEN_BEFORE_BOOK.match(text)
    if cut:  # the text starts inside a title (a page or line cut before its 《): …保护法》实施情况
        books.insert(0, (0, cut.end(), cut.group(1)))
    for bs, be, title in books:
        kind = _document_kind(title)
        if kind:
            add(bs, be, kind)
    # 2. quotations, widened to their head noun and a short modifier before them
    mod_end_re = _modifier_end_re()
    org_suffix_re, quote_ext_re, edge_any_re = _org_suffix_re(), _quote_ext_re(), _edge_any_re()
    slogan_after = _evidence_re("slogan-after")
    slogan_end = _evidence_end_re("slogan-end")
    slogan_before = re.compile(f"(?:{_evidence_re('slogan-before').pattern})$")
    last_end, last_named = -1, False  # the quotation before: a list of them shares one verb
    quotes = [(m.start(), m.end(), m.group(1) or m.group(2) or m.group(3) or m.group(4) or m.group(5))
              for m in _QUOTE_RE.finditer(text)]
    cut = _OPEN_BEFORE_QUOTE.match(text)
    if cut and not (quotes and quotes[0][0] < cut.end()):
        quotes.insert(0, (0, cut.end(), cut.group(1)))  # the text starts inside a quotation: …安置区”项目
    for s, e, inner in quotes:
        if len(inner) > _QUOTE_MAX or len(inner) < 2 or not free(s, e) or _SPEECH.search(inner):
            continue
        if _EVENT_AFTER.match(text, e) or org_suffix_re.search(inner) or _WORK_END.search(inner) \
                or _EVENT_INNER_END.search(inner):
            continue  # "…"主题新闻发布会 is part of an event's name; "…学院" an organisation; "…画展" an event
        if len(inner) > 6 and _DIGIT.search(inner) and not _kind_of(inner, ""):
            continue  # "到2025年建设不少于50家…": a quoted target, not a name (“9000亿…投资计划” ends in a head)
        if _TITLE_BEFORE.search(text, max(0, s - 3), s) or _WORK_BEFORE.search(text, max(0, s - 3), s):
            continue  # 影片…（香港译为“…行动”）, 推出资料片“…”: a title of a work, no program
        end = e
        ext = quote_ext_re.match(text, e)
        if ext and not _QUOTE_RE.search(text, e, ext.end()) and not edge_any_re.match(text, e) \
                and "的" not in text[e:ext.end() - 1] and "等" not in text[e:ext.end()] \
                and not _JOIN_CHARS.search(text, e, ext.end()) and not _COUNTED_IN.search(text, e, ext.end()) \
                and text[ext.end():ext.end() + 1] not in _HEAD_RUNS_ON and not _clause_words(text, e, ext.end()) \
                and not _org_inside_re().search(text, e, ext.end() - 2) and not _head_inside_word(text, e, ext.end()) \
                and not (_kind_of(ext.group(0), "") in _MODIFIER_KINDS and _noun_after_head(text, ext.end())) \
                and not (ext.group(0).endswith("项目") and _CONTEST_WORDS.search(_clause_at(text, e))
                         and not _governed_outside_quotes(text, s)):
            end = ext.end()  # "…"的行动力 is no "…"行动; “某某”家具公司首席工程|师 no “某某”…工程;
            # “某某”项目进入个人赛: a contest's event
        # the longest modifier that ends at the quotation (up to _LEFT_MOD_MAX characters):
        # the leftmost start of a match that ends there
        start = s
        mod = mod_end_re.search(text, s - min(_LEFT_MOD_MAX, s), s) if s else None
        if mod and not _modifier_inside_word(text, mod.start(), s):
            start = mod.start()
        if inner.isdigit() and end == e:
            continue  # a bare code in quotes says nothing by itself
        if inner in _heads() and end == e:
            continue  # 『工程』的原意: a word quoted as a word
        # the decision: a quotation is a program only with a head, 改革 after it, or a governing verb
        # (a modifier before it, 省"十四五", 2023年度"最美…", names it too)
        # a modifier names the quotation only when no noun follows it (国家“九五”|重点图书: a period)
        by_modifier = start < s and not (end == e and _noun_follows(text, e))
        # a quotation that only ends in a head is named unless it is a clause (“伴随具体行动”)
        # (and, when its head is a common noun named only after a quotation (品牌, 平台), is no
        # modifier of a noun after it: “自营品牌”|家用电器)
        head_ended = _kind_of(inner, "") != "" and _head_core_len(inner) >= 2 \
            and (end > e or _clause_cut(inner, 0, len(inner) - 1, len(inner)) == 0
                 and not (_quote_only_head(inner) and _a_noun_follows(text, e)))
        if head_ended and end == e and not by_modifier and (
                _named_head_without_name(inner) and not (_kind_of(inner, "") == "alliance"
                                                         and _governed(text, start, ("govern", "establish")))
                or _kind_of(inner, "") in _MODIFIER_KINDS and _noun_after_head(text, e)):
            head_ended = False  # 新增“指挥官挑战模式”: a kind of model, named by common words only;
            # 原作的“某某行动”特色: the quotation qualifies the noun after it
        named = end > e or by_modifier or head_ended or text.startswith("改革", end) \
            or _governed_outside_quotes(text, start) and not _ONE_THING.search(text, max(0, start - 14), start)
        if not named and last_end >= 0 and text[last_end:start] in _LIST_JOINS:
            named = last_named  # 打造"甲""乙"、"丙": the verb governs the whole list
        if _QUOTE_CLASS_BEFORE.search(text, max(0, start - 4), start) or end == e and _CN_NUMERAL.fullmatch(inner):
            named = False  # 一些“形象工程”, 这个“红娘”, 所谓“…”: a catchword; “五一”, “九五”: a date or period
        doc_kind = _document_kind(inner) if end == e and "的" not in inner else ""
        doc_kind = doc_kind if doc_kind in ("law", "regulation") and _governed(text, start, ("govern", "law"), 30) else ""
        if doc_kind:
            named = True  # 修改刚通过的“财政健全化法”: a law governed in its clause, named in quotes
        if end == e and (_idiom(inner) or _PERSONAL.search(inner) or slogan_end.search(inner)
                         or _LATIN_ONLY.fullmatch(inner)):
            named = False  # “偷梁换柱”: an idiom; “你办事我放心”: speech; 实行“拿来主义”: a doctrine or
            # a catchword by its ending (…主义, …论, …热), whatever governs it; “Tales of …”: a foreign title
        if end == e and (slogan_after.match(text, e) and not _kind_of(inner, "")
                         or slogan_before.search(_clause_before(text, start, 4))):
            named = False  # "三农"问题, "…"的要求, 是"放水养鱼": a catchword, whatever governs it
        last_end, last_named = end, named
        if _negated(text, start, width=24):
            continue  # 绝不能搞劳民伤财的"形象工程"和…"政绩工程": what is fenced off is neither
        if not named:
            add(start, end, "slogan")
            continue
        kind = doc_kind or _kind_of(text[start:end], "brand" if _BRAND_AFTER.match(text, end) else "work-approach")
        add(start, end, kind)
    # 3. names with a shape of their own (10分钟健身圈)
    for rx, kind, needed in _patterns():
        if needed and needed not in text:
            continue
        for m in rx.finditer(text):
            if free(m.start(), m.end()) and not _quote_ext_head_at(text, m.end()):
                add(m.start(), m.end(), kind)
    # 4. head nouns with their name read leftwards
    heads = _heads()
    head_re = _head_re()
    later_head_re = _later_head_re()
    head_join_re = _head_join_re()
    has_paren = "(" in text or "（" in text
    has_title = "《" in text or "》" in text
    for m in head_re.finditer(text):
        hs, he = m.start(), m.end()
        head = m.group(0)
        kind, flags = heads[head]
        if not free(hs, he) or text[he:he + 1] in _HEAD_BEFORE_PRIZE or _LOCATIVE_AFTER.match(text, he):
            continue  # 战略性新兴产业
        if head_re.match(text, he) or later_head_re.match(text[he:he + 6]):
            continue  # 项目需求库: the longer name ends at the later head
        if has_title and _inside_title(text, hs):
            continue  # 《某某蓝色行动》, 《关于…规划房屋…(cut): part of a title, no name of its own
        lp = max(text.rfind("(", max(0, hs - 20), hs), text.rfind("（", max(0, hs - 20), hs)) if has_paren else -1
        if lp != -1 and not _CLOSE_BRACKET.search(text, lp, hs):
            continue  # inside brackets: TOD(公共交通导向的开发模式)模式
        s = _left_edge(text, hs, _NAME_MAX)
        if 0 < s < hs and text[s - 1] in _boundaries():
            s = _edge_inside_word(text, s, hs)  # 等|级标准: 等 of 等级 is no boundary
        s = _modal_edge(text, s, hs)  # 可|持续发展战略: 可 + verb is an adjective, no boundary
        if has_paren:
            for byline in _BYLINE_BRACKET.finditer(text, s, hs):
                s = byline.end()  # 本报讯（记者某某）|全省…工程: the name starts after the byline
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
        if lead_count:  # 5个整村光伏储能试点: the count is a figure, the rest the name
            s += lead_count.end()
            core = core[lead_count.end():]
        if not _QUOTE_MARK.search(core):
            cut = _clause_cut(text, s, hs, he)
            if cut is None or _head_inside_word(text, cut, he):
                continue  # 许多体育项目, 这两项水利工程; 计划生育, 战略目标
            s, core = cut, text[cut:hs]
            subject = _subject_head_end(core)
            if subject:  # 其中制度延袭|英国教育制度: a head and its verb, the clause's subject and predicate
                s, core = s + subject, core[subject:]
                if len(core) < 2:
                    continue
        if not _QUOTE_MARK.search(core) and _predicate_at_clause_start(text, s, hs):
            continue  # (要)保障新区建设配套规划, 支持某市…工程: a verb and its object, no name
        area = _AREA_LEAD.match(core) or _YEAR_LEAD.match(core)
        if area and len(core) - area.end() >= 3:
            s += area.end()
            core = core[area.end():]
        if "governed" in flags or "plain" in flags:
            st = _stance_before(text, s)  # 积极 is a boundary word, yet part of 积极财政政策
            if st < s and (last == -1 or last < st):
                s, core = st, text[st:hs]
        if _generic_name(core, head) or core[:1] in "、" or core[-1:] in "和与及、" \
                or not _QUOTE_MARK.search(core) and _generic_after_place(core, head):
            continue  # (广东省)重点建设项目: a place's generic projects, no name
        if _DETERMINER_END.search(core) or _PHASE_ONLY.match(core):
            continue  # 本条例, 上述计划, 该项目, 二期工程: a reference to a program named elsewhere
        if not _QUOTE_MARK.search(core) and "到" in core and "从" in _clause_before(text, s, 8) + core[:core.rfind("到")]:
            continue  # 从某桥到|项目: a range (from … to), no name
        if _ORG_AFTER.match(text, he):
            continue  # 战略与国际问题研究中心, 工程大学: the head is inside an organisation's name
        if kind in _MODIFIER_KINDS and _noun_after_head(text, he):
            continue  # 某某工程系, 某某行动小队, 即时战略游戏, 试点街道: the head qualifies a noun after it
        if kind == "campaign" and _proper_only(core):
            continue  # 摩萨德行动: an operation of a named body or person, not a named campaign
        if "generic" in flags and not _QUOTE_MARK.search(core) and _copula_before(text, s):
            continue  # 该项目为|技术演示验证暨公益发射项目: the predicate classifies, it names nothing
        if head == "政策" and not _QUOTE_MARK.search(core) and _body_and_field(core):
            continue  # (执行)央行房贷政策: a body's policy of a field, no name
        if kind in ("campaign", "plan", "strategy") and not _QUOTE_MARK.search(core) and _BODY_END.search(core) \
                and any(t in ("ns", "nr", "nt", "nz") for _, t in _tags(core)):
            continue  # 某国海军第六舰队|战略: the course of a body, named by no name of its own (a named
            # body: 大公司战略 is a strategy about big companies)
        if head == "行动" and not _QUOTE_MARK.search(core) and _common_noun_action(core) and not _governed(text, s):
            continue  # (海军)战斗行动, 军事行动: a common noun of jieba's, a kind of action
        if head == "项目" and not _QUOTE_MARK.search(core) and _site_name(core) and not _governed(text, s):
            continue  # 某某公园项目, 某茂·某园项目: a site or an estate by its proper name, no course of action
        if kind == "talent-program" and (core[-1] in _PERSON_NOUN_END or len(core) < 2
                                         or _PERSONS_COUNTED.search(text, max(0, s - 4), s)
                                         or not _QUOTE_MARK.search(core) and not _governed(text, s)
                                         and not any(t in ("ns", "nr", "nz") for _, t in _tags(core))):
            continue  # 大师级学者, 与会学者, 旅芬学者, 两位…学者: a kind of person; 泰山学者 names a program
        if head in _VERB_HEADS and text[he:he + 1] in _ASPECT:
            continue  # 今年某市共计划了…: the verb, with its aspect particle
        if head in _VERB_HEADS and not _QUOTE_MARK.search(core) and _plans_to(text, s, hs, he):
            continue  # 日本政府计划在明年…, 美国计划今年…: a body that plans to, no plan named
        if head == "名单" and _PERSON_END.search(core):
            continue  # 候选人名单, 获奖者名单: a list of people, no program
        if head in ("项目", "名单") and _EVENT_END.search(core):
            continue  # 奥运会和全运会项目: a sport's events; 世预赛名单: a team's
        if head == "项目" and not _governed(text, s) and _CONTEST_WORDS.search(_clause_at(text, hs)):
            continue  # 某某项目进入个人赛, …项目冠军: a contest's event
        if any(core.endswith(w) for w in _weak_lead()) and not _QUOTE_MARK.search(core):
            continue  # 设计制定|方案: the verb's object, no name before the head
        if head in ("模式", "机制") and _NEW_END.search(core):
            continue  # 物种相互作用新模式: a new way, described, not named
        ending = _generic_ending_re(head)
        if ending is not None and not _QUOTE_MARK.search(core) and ending.search(core):
            continue  # 绿色发展模式, 基层治理模式: what it does, not a name; 兴趣小组活动: who holds it
        if "generic" in flags and (_NUM_BEFORE.search(text, max(0, s - 6), s) or _NUM_AFTER.match(text[he:he + 6])):
            continue
        if "generic" in flags and _DIGIT.search(core) and not _QUOTE_MARK.search(core):
            continue
        if kind == "project" and "generic" in flags and not _QUOTE_MARK.search(core) and not _governed(text, s):
            if _SIZE_CLASS.search(core):
                continue  # 某区域大型城市综合体项目, 中央政府重大公共投资项目: a class of projects
        if "generic" in flags and text[s - 1:s] == "的" and not _QUOTE_MARK.search(core) and _common_only(core, text, s, he):
            continue  # 最大的|污水处理项目: a description of the thing, no name
        if kind == "project" and "generic" in flags and not _QUOTE_MARK.search(core) and not _governed(text, s) \
                and _common_only(core, text, s, he):
            continue  # 农副产品加工项目占…: a kind of project as a statistic's subject, no name
        if kind in ("plan", "strategy") and not _QUOTE_MARK.search(core) and _common_only(core, text, s, he) \
                and not (_governed(text, s, ("govern", "establish", "decision")) or _governed_after(text, he)
                         or _recipient_before(text, s)):
            continue  # 金融业规划, 善后处理计划: a plan described by its field, no name, unless governed
            # (or the recipient of a gift: 向|春苗助学计划捐款)
        while core and core[0] in "、等和与及":
            s += 1
            core = core[1:]
        if len(core) < 3 and len(head) < 3 and kind != "talent-program" and not _one_word(text, s, he) \
                or not free(s, he):
            continue
        if _DIGIT.search(core) and not _QUOTE_MARK.search(core) \
                and not ((_DIGITS_ONLY.fullmatch(core) or _AMOUNT_LEAD.match(core)) and _governed_right_before(text, s)):
            continue  # 6亿素指标调蓄库: digits in an unquoted name are text run together (实施863计划: a code;
            # 推出4万亿…计划: an amount that names the plan it governs)
        if not _head_evidence(text, s, hs, he, core, flags, kind):
            continue
        add(s, he, kind)
    # 5. laws: …法 governed in its clause (贯彻实施公务员法)
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
    found.sort(key=lambda p: p.start)
    return _abbreviations(text, found)


def _abbreviations(text: str, found: list[ProgramSpan]) -> list[ProgramSpan]:
    """A full name followed by （以下简称“X”） takes X as ``alt``; the X inside the brackets
    and every later mention of X are that program, not names of their own."""
    out: list[ProgramSpan] = []
    short: set[str] = set()  # the abbreviations given so far
    skip_to = -1
    for p in found:
        if p.start < skip_to:
            continue  # the abbreviation in the brackets
        label = program_label(p.name)
        if label in short:
            continue  # a later "X": the program already named in full
        if p.kind != "slogan":
            m = _ABBREV_AFTER.match(text, p.end)
            if m and m.group(1) != label:
                p.alt = m.group(1)
                short.add(m.group(1))
                skip_to = m.end()
        out.append(p)
    return out


#: the article's own government written as the subject of a clause (我市积极探索…“…模式”):
#: the level it names, to be read as the page's government of that level
_IMPLIED_SUBJECT = re.compile(r"(?:我|本)(市|县|区|省)(?:委|政府)?|(市|县|区|省)(?:政府|里)(?![\u4e00-\u9fff]*?(?:办公室|办|局|厅|委))")
_SENTENCE_END = "。！？!?\n"


def _own_governments(agencies) -> dict[str, str]:
    """Level (市, 县, 区, 省) -> the key of the article's own government of that level, read
    from the agencies the article names (an implicit one, or the parent of a named bureau:
    济宁市科学技术局 -> 济宁市人民政府); the most named one, ties by key."""
    counts: dict[str, dict[str, int]] = {}
    for a in agencies:
        for key in (a.key, a.parent):
            if key and key.endswith("人民政府") and len(key) > 5 and "@" not in key:
                level = key[-5]
                if level in "市县区省":
                    c = counts.setdefault(level, {})
                    c[key] = c.get(key, 0) + 1
    return {lv: min(c, key=lambda k: (-c[k], k)) for lv, c in counts.items()}


def _implied_leader(text: str, start: int, implied: dict[str, str], located) -> list[str]:
    """The article's own government when its sentence before ``start`` has it as the subject
    (我市 / 市政府 …, no agency named in between) and a governing verb stands in the program's
    clause (我市积极探索“…”模式 -> 济宁市人民政府)."""
    s0 = max(text.rfind(c, 0, start) for c in _SENTENCE_END) + 1
    hit = None
    for m in _IMPLIED_SUBJECT.finditer(text, s0, start):
        hit = m
    if hit is None or not _governed(text, start, ("govern",), width=40):
        return []
    if any(hit.end() <= a.start < start for a in located):
        return []  # an agency named after the subject leads, if anyone does
    key = implied.get(hit.group(1) or hit.group(2))
    return [key] if key else []


def extract_programs(article: Article, agencies: list[AgencyMention] = ()) -> list[Program]:
    """The programs an article names, each once, with the agencies that lead or fund them.

    article (Article): repaired text + offset map.
    agencies (list[AgencyMention]): agency mentions with spans in ``article.text``; a
        program is linked to an agency named earlier in the same clause with a lead verb
        (出台, 印发, 实施, 牵头, 主办 …) between them.
    RETURNS (list[Program]): first mention's evidence; the name normalised (``program_label``)
        and its abbreviation, if the text gives one, in ``alt_labels``; kind ``slogan`` for a
        quoted catchword that the decision policy does not take for a program.
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
    implied = _own_governments(agencies) if _IMPLIED_SUBJECT.search(text) else {}
    for p in spans:
        key = program_label(p.name)
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
        if not keys and implied:
            keys = _implied_leader(text, p.start, implied, located)
        if p.kind == "slogan":
            keys = []  # a catchword is led by no one
        out.append(Program(key, p.kind, article.id, article.evidence(p.start, p.end), tuple(keys),
                           (p.alt,) if p.alt else ()))
    for p in spans_h:
        key = program_label(p.name)
        if key in seen:
            continue
        seen.add(key)
        ev = article.evidence(0, 0)
        if article.headline_span:
            from ..records import Evidence
            s, e = article.headline_span
            ev = Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
        out.append(Program(key, p.kind, article.id, ev, (), (p.alt,) if p.alt else ()))
    return out
