"""Title chains and the people they name.

The genre's grammar: ``[agency] title (、[agency] title)* name`` — 市委常委、宣传部部长、
统战部部长林海峰 — and its variants: name + title (某某总书记), name（title chain）, and
one chain shared by a list of names (副市长张三、李四). An agency named once covers the
titles after it (党组书记、主任 of one 委); a department without a place (宣传部) after a
Party committee (市委) is that committee's; a title with a body of its own (副市长) gets
that body implicitly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..records import Context
from ..vocab.lexicon import Lexicon, lexicon
from .agencies import FOREIGN_BODY, AgencyFinder, AgencyName, foreign_state_body, unplaced
from .names import in_title
from .words import tags

_HAN = re.compile(r"[\u4e00-\u9fff]")
NAME_JOINERS = frozenset("·•・-—")  # between the parts of a transliterated name (约翰·史密斯, 约翰—格伦)
JOINER_CLASS = "[" + re.escape("".join(sorted(NAME_JOINERS))) + "]"
_DOTTED_NAME = re.compile(rf"[\u4e00-\u9fff]{{1,6}}(?:{JOINER_CLASS}[\u4e00-\u9fff]{{1,8}})+")
_SENTENCE_END = "。！？!?；;\n"
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]+")
_DIGITS = set("0123456789０１２３４５６７８９")
_RANK = re.compile("[上中少大]将|元帅|将军")
_HOLDS_UNITS = frozenset({"School", "PublicInstitution", "Company", "StateOwnedEnterprise"})
_SHARED_SUFFIX = set("部局厅司署处")  # 财政部长, 公安局长: the body's last character opens the title


def _shares_suffix(role: str) -> bool:
    """部长, 局长, 司长…: a title whose first character can be its body's last (财政部|部长); not
    司令 (空军司令 is no 空军司's)."""
    return len(role) == 2 and role[0] in _SHARED_SUFFIX and role[1] == "长"
_CONJ_IN_RUN = "和与及同"
_CONJ_AFTER_NAME = "和与及"  # 甲和|乙: joins two persons, each with a chain of his own
_ASPECT = set("了过着")
# 甲和乙均表示: after names joined by 和/与/、 these adverbs say "both", no given name
_DISTRIBUTIVE = set("均都")
_NOT_IN_NAME = set("的了着过是在和与及等也都就")
VERB_TITLES = frozenset({"主管", "分管", "负责人"})  # verbs before a title when one follows (主管|零售副行长)
_NUMERALS = set("〇一二三四五六七八九十两")  # 瓦利|六日
_AFTER_NAME_CLAUSE = set("时即后派")  # 卡巴杰|时, 克林顿|即将: a clause goes on after a name
_DELIMS = "、,，兼"  # 副会长兼秘书长: 兼 joins two titles like 、
#: punctuation that opens a run of a body's name as a chain's delimiter does: a sentence's or a
#: clause's end, an opening bracket or quote (closing ones may end a name's part: 《某报》社长)
_RUN_OPENERS = frozenset("。!！?？;；:：\n(（“「『\"")
# what may follow a person's name (a cue that the name ended)
AFTER_NAME = re.compile(
    r"(?:介绍|表示|指出|强调|说|来说|现在|目前|如今|当时|随后|此前|时(?![间候期代刻常装尚光机效段空令节髦针])|"
    r"[一二三]?十?[一二三四五六七八九十]日|"
    r"主持|出席|参加|参会|讲话|致辞|致词|在|向|带领|率|通报|等|同志|一行|会见|会上|作|代表|陪同|"
    r"调研|督导|要求|对|就|和|与|及|为|以|将|是|也|还|分别|先后|宣读|宣布|发布|回答|答记者问|前往|来到|到|深入|走访|"
    r"检查|察看|听取|部署|解读|说明|传达|提出|希望|认为|同|共同|一起|参观|看望|慰问|颁发|授牌|揭牌|签署|签约|所|"
    r"访问|访华|抵达|称|正在|谈到|谈及|接受|被|于|已|曾|有|很|都|均|就|却|日前|近日|最近|近来|多日|今天|今日|昨天|昨日|上将|中将|少将|大将|元帅|将军|博士|教授|阁下|"
    r"告诉|透露|坦言|解释|撰文|提醒|建议|呼吁|补充|预计|估计|直言|笑称|说道|文/图|文／图|摄|又|再|仍|进行|举行|发表|出任|当选|谈|"
    r"[,，。、;；:：!！?？()（）“”\"《\s0-9０-９]|$)"
)
#: forms of address after a surname (王先生, 李女士): they refer to a person and name none
ADDRESS_WORDS = frozenset({"先生", "女士", "小姐", "老师", "师傅", "同志", "大爷", "大妈", "大娘", "阿姨", "大姐", "大哥",
                           "老板", "老总", "总", "老", "姐", "哥", "叔", "姨", "嫂", "婶", "氏"})

#: last characters of a building's or an estate's name (某某·某某宫, 某某·某某苑): no person ends so
_PLACE_ENDS = frozenset("宫苑园府馆楼阁轩居墅寓厦坊")


def names_a_place(name: str) -> bool:
    """A joined name that ends like a building or an estate (中奥·某某宫, 东亚·某某苑)."""
    return name[-1] in _PLACE_ENDS


def _firm_by_trade(text: str, left: int, head: int) -> int | None:
    """Where a firm named by its trade (某某证券, 某某投资) that runs from ``left`` ends, before
    the title at ``head`` and the modifiers of that title (高级, 首席, 行业 …), or None."""
    end = head - len(_TITLE_MODIFIERS.search(text, left, head).group())
    if 4 <= end - left <= 10 and _FIRM_TRADE_END.search(text, left, end) and _names_only(text[left:end]):
        return end
    return None


#: words before a firm's title that say its rank or field (某某证券|高级行业|分析师)
_TITLE_MODIFIERS = re.compile("(?:高级|资深|首席|行业|研究|市场)*$")


def _names_only(run: str) -> bool:
    """Whether a run is nouns and names only, as jieba reads it (汇石|投资, not 扩大|投资)."""
    return all(tag[:1] in ("n", "j", "e") or tag == "vn" for _, tag in tags(run))


def address_only(name: str, surnames) -> bool:
    """A surname and a form of address (王女士, 欧阳先生): a person the text does not name."""
    return name[1:] in ADDRESS_WORDS or name[:2] in surnames and name[2:] in ADDRESS_WORDS


#: the trade a firm is named by, ending its name (某某证券, 某某投资, 某某网): a firm only right before a firm's title
_FIRM_TRADE_END = re.compile("(?:证券|投资|资本|基金|期货|信托|保险|地产|置业|控股|传媒|咨询|网)$")
_FORMER = "原前"  # 原党组书记、院长 / 省委原书记 / 前任: the posts after it have ended
_NOT_FORMER_BEFORE_QIAN = set("之以此日年月天周目当提眼空向超跟生事从")  # 之前, 目前, 提前: time words


def former_mark(text: str, pos: int) -> int:
    """How many characters ending at ``pos`` mark a former post: 1 for 原/前 (not the end of a
    time word: 之前, 此前, 目前), 2 for 前任; 0 for none."""
    if text[pos] == "任" and pos > 0 and text[pos - 1] == "前":
        return 2  # 前任市长
    time_word = text[pos] == "前" and pos > 0 and text[pos - 1] in _NOT_FORMER_BEFORE_QIAN
    return int(text[pos] in _FORMER and not time_word)


_ACTING = "代"  # 韩国代总理: acting, between the country and its title
_ACTING_WORD = "代理"  # 某司代理司长: acting, between the body and its title
_TIME_WORD = re.compile("周[一二三四五六日末天]|[上下]午|晚上|[今昨明当][天日晚早春夏秋冬年]|[去前]年|[上下本]赛季|[上下本]周|[上下]半年")  # 若斯潘总理|周二晚
#: titles a leader is addressed by after the name (某某主席, 某某委员长): the name is a person's
_ADDRESSED = frozenset({"主席", "副主席", "委员长", "副委员长", "总统", "副总统", "首相", "总理", "副总理", "总书记",
                        "国王", "议长", "秘书长", "部长", "外长", "大使", "省长", "市长", "书记"})
_HOME = re.compile("中国|我国|中方|中华人民共和国|国务院|中共|全国|访华|来华|在华")  # China named in a sentence
#: bodies of a village, community or zone that the chain's earlier body places (村委会 of 某村)
_UNIT_BODIES = frozenset({"管理委员会", "村民委员会", "居民委员会", "办事处"})
_UNIT = re.compile(r"(?:中共)?([\u4e00-\u9fff]{0,10}?(?:村|社区|街道|开发区|新区|园区|高新区|试验区|保税区))")
_TOWN_COMMITTEE = re.compile(r"中共([\u4e00-\u9fff]{1,8}[镇乡])委员会")  # a town's Party committee
#: an organisation the grammar could not read ends right before the title (…进步联盟总书记)
_UNREAD_BODY = re.compile("(?:联盟|同盟|党|阵线|运动|组织|协会|联合会|大会|委员会|集团|公司|基金会|议会)$")
COMMON_WORD = {"w3", "w2"}  # frequency classes of the name model's word list (jieba's dictionary)
_FUNCTION_SURNAMES = set("于向")  # function words that are also common surnames
_NOT_NAME_START = set("的了在是和与及等各全本我该此其从向对为将把被由于所并或而但又亦有无不也都就")


def _joined_before(text: str, pos: int) -> bool:
    """Whether the clause before ``pos`` joins names (甲和|乙, 甲、|乙, 甲与|乙)."""
    start = max(text.rfind(c, 0, pos) for c in "，。；：！？,;:\n") + 1
    return any(c in text[start:pos] for c in "和与、及")


@dataclass(slots=True)
class TitleHit:
    role: str
    start: int  # span of the title in text
    end: int
    agency: AgencyName | None
    implicit: bool
    post_start: int  # span of the post text (agency + title)
    post_end: int
    former: bool = False  # 原/前 before it: the post has ended


@dataclass(slots=True)
class PersonHit:
    name: str
    start: int
    end: int
    titles: list[TitleHit] = field(default_factory=list)
    cue: str = "title"


#: canonical names that make a body China's own, and surfaces that say so themselves
_CHINA_NATIONAL = ("中华人民共和国", "中国共产党中央", "中共中央", "全国人民代表大会", "中国人民政治协商会议全国")
_SAYS_CHINA = ("中国", "中华", "中共", "国家", "全国")


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    return max(text.rfind(c, 0, pos) for c in _SENTENCE_END) + 1


def abroad(text: str, titles: list[TitleHit], lex: Lexicon) -> list[TitleHit]:
    """The posts of a person with a foreign name: a body the canonical names make China's
    own (财政部 -> 中华人民共和国财政部) is China's only when the text says so (中国, 国家…);
    else it is the body of the one foreign country the sentence names before it
    (美国财政部长甲和司法部长乙 -> 美国司法部), and with none the post is dropped."""
    out = []
    for t in titles:
        a = t.agency
        china = a is not None and (a.label.startswith(_CHINA_NATIONAL) or a.label == "人民政府")  # 政府总理某某
        if not china or a.surface.startswith(_SAYS_CHINA):
            out.append(t)
            continue
        if a.start < 0:
            continue  # a body the title implies (普罗迪总理 -> 国务院): never a foreigner's
        sentence = text[sentence_start(text, a.start):a.start]
        countries = {lex.countries[m.group()] for m in lex.country_re.finditer(sentence)}
        if len(countries) == 1:
            label = countries.pop() + a.surface
            out.append(TitleHit(t.role, t.start, t.end, AgencyName(a.start, a.end, a.surface, label, "Organization", None),
                                t.implicit, t.post_start, t.post_end, t.former))
    return out


@lru_cache(maxsize=1024)
def title_matches(lex: Lexicon, text: str) -> tuple[re.Match, ...]:
    """``lex.title_re.finditer(text)``, kept for the last texts read: the chain parser and
    the extractor's windows for the recogniser scan the same article (a match holds its
    text, and answers the same questions every time). ``Extractor.extract_many`` clears
    it for each call: a text read again later is scanned again."""
    return tuple(lex.title_re.finditer(text))


class ChainParser:
    """Find people with their titles and agencies in repaired text."""

    def __init__(self, finder: AgencyFinder | None = None, lex: Lexicon | None = None, names=None) -> None:
        self.lex = lex or lexicon()
        self.finder = finder or AgencyFinder(self.lex)
        self.names = names  # optional learned model with name_at(text, start)
        self._compound = tuple(s for s in self.lex.surnames if len(s) == 2)

    # -- names ---------------------------------------------------------------------

    def name_at(self, text: str, pos: int) -> int:
        """Length of the person name starting at ``pos`` (0 when there is none, or when it
        stands inside a 《》 title: 《县委书记某某》, 《某某-某某与…》 name a work, as in
        ``names.not_a_mention``, whichever reading found the name)."""
        n = self._name_len(text, pos)
        return 0 if n and in_title(text, pos, pos + n) else n

    def _name_len(self, text: str, pos: int) -> int:
        if pos >= len(text) or not _HAN.match(text[pos]) or _TIME_WORD.match(text, pos):
            return 0
        if text[pos] in _NOT_NAME_START:
            return self._surname_or_word(text, pos)
        dotted = _DOTTED_NAME.match(text, pos)
        if dotted and (not any(d in dotted.group() for d in "-—")
                       or self.lex.reads_foreign(re.sub("[-—]", "", dotted.group()))):
            # 艾伦·史密斯, 戴维-布朗: a transliterated name is read whole, its last part up to
            # the first cue or common word after it (史密斯|表示, 布朗|举行会谈)
            last = max(dotted.group().rfind(c) for c in NAME_JOINERS) + pos + 1
            end = next((e for e in range(last + 1, dotted.end())
                        if not (text.startswith("多日前", e) and text[e + 3:e + 4] != "往") and (
                AFTER_NAME.match(text, e) or text[e] in _NOT_IN_NAME
                        or self._title_starts(text, e) or _TIME_WORD.match(text, e) or (
                self.names is not None and self.names.lex.get(text[e:e + 2]) in COMMON_WORD
                and max(self.lex.foreignness.get(ch, 0.0) for ch in text[e:e + 2]) <= 0))), dotted.end())
            # 布朗|举行, not 莱|万多; 某某·圭尼贡多|日前: 日前 is the time word, 多 the name's
            return end - pos
        compound = text.startswith(self._compound, pos)
        if not compound and text[pos] not in self.lex.surnames:
            return 0
        lengths = (3, 4) if compound else (2, 3)
        ok = [n for n in lengths if pos + n <= len(text) and all(_HAN.match(c) for c in text[pos:pos + n])
              and text[pos + n - 1] not in _ASPECT]  # 主任|商量过: a verb with its aspect, no name
        if (3 in ok and not compound and text[pos + 2] in _DISTRIBUTIVE and AFTER_NAME.match(text, pos + 3)
                and 2 in ok and _joined_before(text, pos)):
            return 2  # 甲和李某均透露: 均 is the clause's "both"
        if not ok:
            return 0
        cued = [n for n in ok if AFTER_NAME.match(text, pos + n) and not self._title_starts(text, pos + n - 1)]
        # 王某|正在: a cue word that opens right after the shorter name takes the longer one's
        # last character (王某正|在 is no name)
        cued = [n for n in cued if not (n - 1 in cued and len(AFTER_NAME.match(text, pos + n - 1).group()) > 1)]
        ranked = [n for n in cued if _RANK.match(text, pos + n) or text[pos + n:pos + n + 1] in _DIGITS]
        if ranked:  # 傅全有|上将, 李长和|9日: a rank or a date follows the name itself (有, 和 are no cues here)
            return ranked[-1]
        if self.names is not None:
            # the learned model decides; a cue after the name settles a length it also accepts
            best = self.names.name_at(text, pos)
            # jieba's lexicon lists some forms of address as names (某女士): no given name, no name
            known = [n for n in ok if self.names.lex.get(text[pos:pos + n]) == "nr"
                     and not address_only(text[pos:pos + n], self.lex.surnames)]
            if best is None:
                return known[-1] if known else 0  # 强调说 after 总理 is no name; 习近平 is one
            if self.names.lex.get(text[pos:pos + best[0]]) in COMMON_WORD:
                return 0  # 毛主席常常告诉: a frequent word, not a name
            if best[0] in ok and (not cued or best[0] in cued):
                return best[0]
            agreed = [n for n in cued if self.names.prob(text, pos, pos + n) >= self.names.at_threshold]
            return agreed[-1] if agreed else (best[0] if best[0] in ok else 0)
        if cued:
            # 李强主持 (2) vs 林海峰主持 (3): a cue right after the name decides; the
            # longer name wins only when the shorter one's cue is not a cue word itself
            return 3 if 3 in cued and not compound else cued[0] if len(cued) == 1 else max(cued)
        return 0

    def _surname_or_word(self, text: str, pos: int) -> int:
        """于 and 向 open function words (于今日, 向记者) and names (署长于友先): a name only
        of three characters the name model is sure of, no word or time after the surname,
        and a cue after it."""
        if text[pos] not in _FUNCTION_SURNAMES or self.names is None or _TIME_WORD.match(text, pos + 1):
            return 0
        best = self.names.name_at(text, pos)
        if (not best or best[0] != 3 or best[1] < 0.8 or not AFTER_NAME.match(text, pos + 3)
                or self.names.lex.get(text[pos + 1:pos + 3]) in COMMON_WORD):
            return 0
        return 3

    def _former_inside(self, agency: AgencyName, ctx: Context) -> AgencyName | None:
        """The agency without the 原/前 written between its place and its body (齐齐哈尔市原市委
        -> 齐齐哈尔市委), or None."""
        surface = agency.surface
        for i in range(2, len(surface) - 1):
            if surface[i] in _FORMER and surface[i - 1] in "省市县区州" and self.finder.is_place_or_agency(surface[:i]):
                # 齐齐哈尔市原市委: the level is written twice around 原
                name = surface[:i - 1 if surface[i + 1] == surface[i - 1] else i] + surface[i + 1:]
                canon = self.finder.canonical(name, ctx)
                if canon:
                    return AgencyName(agency.start, agency.end, name, *canon)
        return None

    def _body_follows(self, text: str, pos: int) -> bool:
        return any(text[pos:pos + k] in self.lex.suffixes for k in (3, 2)) and not AFTER_NAME.match(text, pos)

    def _transliterated(self, text: str, start: int, n: int) -> int:
        """The length of a transliterated name read on past ``n`` over characters likelier in
        foreign names than in Chinese ones (普里|马科夫)."""
        if "·" in text[start:start + n]:
            return n
        end = start + n
        fr = self.lex.foreignness
        while (end < len(text) and end - start < 10 and not AFTER_NAME.match(text, end) and not _TIME_WORD.match(text, end)
               and not (self.names is not None and self.names.lex.get(text[end:end + 2]) in COMMON_WORD)):  # 某某|钦点
            here, after = fr.get(text[end]), fr.get(text[end + 1:end + 2])
            # a character likelier foreign; or one seen in names at all that a foreign one
            # follows (麦克德|莫|特), or that ends the name (斯捷帕|申|是)
            if here is None or here <= 0 and not ((after or 0.0) > 0 or here > -2 and after is None):
                break
            end += 1
        if end - start > n and end < len(text):
            cut = self._before_straddling_word(text, start + n, end)
            if all(fr.get(c, 0.0) <= 0 for c in text[cut:end]):
                end = cut  # what the word takes reads Chinese (钦 of 钦点), not foreign (科 of 鲁奇科|前)
        return end - start

    @staticmethod
    def _before_straddling_word(text: str, floor: int, end: int) -> int:
        """``end``, or the start of a word that is no name and that ``end`` cuts in two, as
        jieba reads the text around it (范马尔韦克|钦点: 钦 is the verb's, not the name's);
        never before ``floor``."""
        at = floor
        for word, tag in tags(text[floor:end + 3]):
            e = at + len(word)
            if at < end < e:
                return at if not tag.startswith("nr") else end
            at = e
        return end

    def _foreign_name_at(self, text: str, ts: int, te: int) -> int:
        """A foreign name after a title that a foreign country's name stands shortly
        before: transliterated (英国外交大臣|库克, 美国加州州长|施瓦辛格), or written with
        Chinese characters up to the cue after it (日本首相|岸田文雄|在, 韩国外交部长官|朴振|在):
        its length, or 0."""
        window = text[max(0, ts - 12):ts]
        if not self.lex.country_re.search(window):
            return 0
        if te >= len(text) or not _HAN.match(text[te]) or text[te] in _NOT_NAME_START:
            return 0
        n = self._transliterated(text, te, 1)
        name = text[te:te + n]
        if n < 2 or not self.lex.reads_foreign(name) or name in self.lex.country_heads:
            return self._run_to_cue(text, te, 4)  # 美国驻|黎巴嫩: a country, no name
        if not AFTER_NAME.match(text, te + n):  # 奥尔布|赖特21日: read on to the cue
            k = self._run_to_cue(text, te, 6)
            # what is read on must read foreign itself (贝尼蒂斯|光荣当选: a word, no part of the name)
            if k > n and self.lex.reads_foreign(text[te:te + k]) and self.lex.reads_foreign(text[te + n:te + k]):
                n = k
        # a name of two characters only before a cue (总统|提名的 is no name)
        return n if n >= 3 or AFTER_NAME.match(text, te + n) else 0

    def _foreign_name_to_cue(self, text: str, te: int, n: int) -> int:
        """A name with no surname after a title, read up to the cue after it, when the
        whole run reads as transliterated (扎西|才让在, 洛桑江村会见: a surname reading cut
        it short, or found none): its length, else ``n``."""
        if n and (AFTER_NAME.match(text, te + n) or n != 3 or not self.lex.reads_foreign(text[te:te + n])):
            return n  # 克林顿|派: a foreign name read in full is not read on to a cue
        k = self._run_to_cue(text, te, 7)
        if k <= n or not self.lex.reads_foreign(text[te:te + k]):
            return n
        # past a transliteration read in full, a word of the dictionary that does not read
        # foreign is no part of the name (贝尼蒂斯|光荣当选; 扎西才|让 reads on)
        t = self._transliterated(text, te, 1)
        rest = text[te + t:te + k]
        word = len(rest) >= 2 and self.names is not None and self.names.lex.get(rest) is not None
        return n if t >= 3 and word and not self.lex.reads_foreign(rest) else k

    def _run_to_cue(self, text: str, te: int, longest: int) -> int:
        """The length of the run of 2..``longest`` characters at ``te`` that a cue ends
        and that can be a name (no word, place, country, number, time or title in it), or 0."""
        k = next((k for k in range(2, longest + 1) if AFTER_NAME.match(text, te + k)), 0)
        name = text[te:te + k]
        if (not k or not _HAN_RUN.fullmatch(name) or text[te] in _NOT_NAME_START or text[te] == "府"  # 总统府
                or any(c in _NOT_IN_NAME for c in name[1:])  # 马科斯|的
                or AFTER_NAME.match(text, te + 1)
                or name[-1] in _AFTER_NAME_CLAUSE or any(c in _NUMERALS for c in name)
                or any(_TIME_WORD.match(text, te + i) for i in range(k))
                or self.lex.title_at_end(text[max(0, te - 6):te + 1])
                or self.lex.country_re.search(name) or self.finder.is_place_or_agency(name)
                or any(self._title_starts(text, te + i) for i in range(k))
                or self.names is not None and any(self.names.lex.get(name[i:i + 2]) in COMMON_WORD for i in range(k - 1))):
            return 0
        return k

    def _foreign_before(self, text: str, pos: int) -> bool:
        """Whether the sentence before ``pos`` names a foreign country."""
        return bool(self.lex.country_re.search(text, sentence_start(text, pos), pos))

    def _longer_title(self, text: str, m: re.Match) -> tuple[int, int, str]:
        """A title match, or the title that overlaps its last character and reaches further
        (外交部长官: 部长 gives way to 长官)."""
        alt = self.lex.title_re.match(text, m.end() - 1)
        if alt and alt.end() > m.end():
            return alt.start(), alt.end(), alt.group()
        return m.start(), m.end(), m.group()

    def _title_starts(self, text: str, pos: int) -> bool:
        return bool(self.lex.title_re.match(text, pos))

    # -- chains --------------------------------------------------------------------

    def parse(self, text: str, ctx: Context, agencies: list[AgencyName]) -> list[PersonHit]:
        """People named with a title chain in ``text`` (half-width normalised)."""
        by_end = {a.end: a for a in agencies}
        titles = [self._longer_title(text, m) for m in title_matches(self.lex, text)]
        # 主管零售副行长: 主管/分管 before another title within a few characters is a verb
        titles = [t for i, t in enumerate(titles) if not (t[2] in VERB_TITLES and i + 1 < len(titles)
                  and titles[i + 1][0] - t[1] <= 6 and not any(ch in _DELIMS for ch in text[t[1]:titles[i + 1][0]]))]
        hits: list[PersonHit] = []
        taken_until = -1
        for i, (ts, te, role) in enumerate(titles):
            if ts < taken_until:
                continue
            if self.lex.titles[role].family == "press" and not self._medium_before(text, ts, by_end):
                continue  # reporters come from bylines, unless the text names their medium (新华社记者)
            n = self.name_at(text, te) or self._foreign_name_at(text, ts, te)
            n = self._foreign_name_to_cue(text, te, n)
            if not n or self._body_follows(text, te + n) or in_title(text, te, te + n):
                continue  # 总统|廉政委员会: the "name" begins an agency's name; 《美国总统某某》: a work
            chain = self._chain_back(text, titles, i, by_end, ctx, floor=max(taken_until, 0))
            if chain is None:
                continue
            resolved = self._assign(text, chain, ctx, by_end)
            if any(t.agency is not None and t.agency.kind == "Organization" and t.agency.label.endswith("政府")
                   for t in resolved):
                n = self._transliterated(text, te, n)  # 俄罗斯外长普里马科夫: read the whole name
            else:
                longer = self._transliterated(text, te, n)  # 内务部长斯捷|帕申是: a foreign name read short
                if longer > n and not AFTER_NAME.match(text, te + n) and (
                        self.lex.reads_foreign(text[te:te + longer]) or AFTER_NAME.match(text, te + longer)):
                    n = longer
            if self.lex.reads_foreign(text[te:te + n]):
                resolved = abroad(text, resolved, self.lex)
            prev = hits[-1] if hits else None
            if prev and resolved and resolved[0].agency is None and 0 < chain[0][4] - prev.end <= 1 and text[prev.end] in _DELIMS:
                # 发展改革委主任甲、副主任乙: the next official of a list shares the agency
                last = next((t.agency for t in reversed(prev.titles) if t.agency and not t.implicit), None)
                for t in resolved:
                    title = self.lex.titles.get(t.role)
                    if t.agency is None and last is not None and not (title and title.implicit):
                        t.agency = self._shared(last, t.role, title, ctx)
            if prev and resolved and resolved[0].agency is None:
                self._same_state(text, prev, resolved)
            hit = PersonHit(text[te:te + n], te, te + n, resolved)
            hits.append(hit)
            taken_until = te + n
            hits.extend(self._list_continuation(text, te + n, resolved))
        hits.extend(self._name_then_title(text, titles, hits, ctx))
        hits.extend(self._parenthesised(text, ctx, agencies))
        return hits

    @staticmethod
    def _same_state(text: str, prev: PersonHit, resolved: list[TitleHit]) -> None:
        """众议院少数党领袖甲和|参议院多数党领袖乙: a foreign state's body written without its
        country right after the previous person's name and 和/与/及 is a body of the state
        whose body that person holds (美国众议院 -> 美国参议院)."""
        first = resolved[0]
        if not (prev.end < len(text) and text[prev.end] in _CONJ_AFTER_NAME):
            return
        at = prev.end + 1
        if not FOREIGN_BODY.fullmatch(text, at, first.start):
            return
        held = next((t.agency for t in reversed(prev.titles) if t.agency is not None and foreign_state_body(t.agency)), None)
        body = FOREIGN_BODY.search(held.label) if held is not None else None
        if body is None or body.end() != len(held.label) or body.start() == 0:
            return
        surface = text[at:first.start]
        first.agency = AgencyName(at, first.start, surface, held.label[:body.start()] + surface, held.kind, None)
        first.post_start = at

    def _chain_back(self, text: str, titles, i: int, by_end, ctx: Context, floor: int = 0) -> list[tuple]:
        """Walk left from title i over 、-joined segments that end with a title, never
        before ``floor`` (the end of the previous person's name: 甲会见了由副主席乙… does not
        give 乙 甲's chain).

        A 原 or 前 before a segment's titles or before its agency marks a former post
        (最高人民法院原党组书记、院长; 原省委书记): it is read past, never into a name.

        RETURNS (list[tuple]): (start, end, role, agency | None, segment start, bare prefix,
            former mark) per title, left to right.
        """
        chain = []
        j = i
        seg_end_title = titles[i]
        while True:
            ts, te, role = seg_end_title
            # titles written back to back in one segment (党组书记 + 局长 is rare; 常委 + 副市长 never)
            k = j
            seg_titles = [(ts, te, role)]
            while k > 0 and titles[k - 1][1] == seg_titles[0][0]:
                k -= 1
                seg_titles.insert(0, titles[k])
            head = seg_titles[0][0]
            if text[max(0, head - 2):head] == _ACTING_WORD:
                head -= 2  # 新闻司代理|司长: acting, no part of the body
            mark = former_mark(text, head - 1) if head > 0 and not self._title_starts(text, head - 1) else 0
            former = bool(mark)
            head -= mark  # 省委原书记: the agency ends before 原
            agency = by_end.get(head) or self.finder.ending_at(text, head, ctx)
            shared = by_end.get(head + 1) if agency is None and not former and _shares_suffix(role) else None
            if shared is not None and shared.surface[-1] == role[0] and len(role) > 1:
                agency = shared  # 美国财政部长: the body's last character opens the title (财政部|部长)
            if agency is not None and not former:
                inside = self._former_inside(agency, ctx)
                if inside is not None:
                    agency, former = inside, True  # 某市原市委书记: 原 is no part of the name
            outer = by_end.get(agency.start) if agency is not None and agency.start > 0 else None
            if outer is not None and outer.kind in _HOLDS_UNITS:
                # 某大学|某研究中心主任: a unit of the university or firm written right before it
                agency = AgencyName(outer.start, agency.end, outer.surface + agency.surface,
                                    outer.label + agency.surface, agency.kind, outer.label)
            seg_start = agency.start if agency else head
            mark = former_mark(text, seg_start - 1) if agency and seg_start > 0 else 0
            if mark:
                former, seg_start = True, seg_start - mark  # 原省委书记, 前任某国驻某国大使
            prefix = ""
            if not agency:
                # a bare department inside a chain (宣传部部长), or nothing (副市长)
                left = head
                while left > 0 and _HAN.match(text[left - 1]) and text[left - 1] not in _DELIMS and head - left < 12:
                    left -= 1
                # a chain's delimiter, or what opens a sentence, a clause or a bracket (。某医院院长…,
                # (某医院院长): the run is the whole of the body's name
                at_boundary = left == 0 or text[left - 1] in _DELIMS or text[left - 1] in _RUN_OPENERS
                if 0 < floor < head and left <= floor and text[floor] in _CONJ_AFTER_NAME:
                    # 市长甲和|市政府办公室主任乙: after the previous person's name and 和/与/及
                    # a new chain starts, its body written as it stands
                    left, at_boundary = floor + 1, True
                cut = self.finder.after_lead_verb(text[left:head])  # 接下来有请|某集团董事长
                if not cut and head - left > 3 and text[left] in "而据":
                    cut = 1  # 而|某银行某分行…部副总经理: a clause word opens no name
                left += cut
                lead = self.finder.clause_lead(text[left:head])  # 我们要高度重视|某医院院长: a clause's words
                left, cut = left + lead, cut or lead
                # 宣传部长: the department's last character opens the title (宣传部|部长)
                end = head + 1 if (_shares_suffix(role) and not self.lex.suffix_end_re.search(text[left:head])
                                   and self.lex.suffix_end_re.search(text[left:head + 1])) else head
                conj = max(text.rfind(c, left, end) for c in _CONJ_IN_RUN)
                if conj > left and (self.name_at(text, left) == conj - left or self.lex.country_re.match(text, conj + 1)
                                    or self.lex.reads_foreign(text[left:conj]) and not self.lex.country_re.match(text, left)):
                    left = conj + 1  # 甲与|某国计划合作部长: a person and a conjunction are no part of the name
                if (at_boundary or cut) and head - left >= 2 and self.lex.suffix_end_re.search(text[left:end]):
                    if not self.finder.reads_as_clause(text[left:end], verbs=False):  # 除了绿城集团
                        seg_start = left
                        if text[left] in _FORMER and end - left > 3 and not former:
                            left, former = left + 1, True  # 原建设部|总工程师: 原 marks the post, no part of the name
                        prefix = text[left:end]
                elif (at_boundary or cut or left > 0 and not _HAN.match(text[left - 1])) \
                        and self._firm_title(seg_titles[0][2]) and (firm := _firm_by_trade(text, left, head)):
                    # 某某投资|合伙人, 某某证券|高级行业|分析师: a firm named by its trade, right before
                    # a firm's title (and the title's modifiers)
                    agency = AgencyName(left, firm, text[left:firm], text[left:firm], "Company", None)
                    seg_start = left
            if not agency and not prefix and not former and not (seg_start > 0 and text[seg_start - 1] in _DELIMS):
                # a link not read (国务院…部际联席会议总召集人): it keeps no agency of its own,
                # and the links before it are kept
                skipped = self._unread_link(text, seg_start, floor)
                seg_start = skipped + 1 if skipped is not None else seg_start
            for s, e, r in reversed(seg_titles):
                chain.insert(0, (s, e, r, agency, seg_start, prefix, former))
            if seg_start == 0 or text[seg_start - 1] not in _DELIMS:
                break
            # previous segment must end with a title right before the delimiter
            prev_end = seg_start - 1
            prev = next((idx for idx in range(k - 1, -1, -1) if titles[idx][1] == prev_end), None)
            if prev is None:
                break
            j = prev
            seg_end_title = titles[prev]
            if len(chain) > 12:
                break
        return chain

    def _shared(self, last: AgencyName, role: str, title, ctx: Context) -> AgencyName | None:
        """The agency the next official of a list shares: the same one, except that a
        government title after a place's Party committee is the place's government
        (王庄镇党委书记甲、镇长乙 -> 王庄镇人民政府)."""
        if not (last.kind == "PartyOrgan" and title and title.family == "gov"):
            return last
        place = last.label[2:-3] if last.label.startswith("中共") and last.label.endswith("委员会") else None
        if place and role.endswith(place[-1] + "长"):
            return AgencyName(-1, -1, "", f"{place}人民政府", "GovernmentAgency", None)
        return None

    def _medium_before(self, text: str, end: int, by_end) -> bool:
        """Whether a medium (新华社, 某某日报) is named right before ``end``."""
        agency = by_end.get(end)
        return agency is not None and agency.kind == "Newspaper"

    def _unread_link(self, text: str, head: int, floor: int = 0) -> int | None:
        """The delimiter that opens an unread link of a chain ending at ``head``: a 、 at
        most 30 characters back with only name characters between, right after a title
        (国务委员、某部部长、国务院打击…工作部际联席会议总召集人)."""
        floor = max(floor, head - 30)
        j = head - 1
        while j >= floor and _HAN.match(text[j]):
            j -= 1
        if j < floor or j == head - 1 or text[j] != "、" or not self._title_ends(text, j):
            return None
        return j

    def _firm_title(self, role: str) -> bool:
        title = self.lex.titles.get(role)
        return title is not None and title.family == "company"

    def _title_ends(self, text: str, end: int) -> bool:
        return bool(self.lex.title_at_end(text[max(0, end - 7):end]))

    def _assign(self, text: str, chain, ctx: Context, by_end) -> list[TitleHit]:
        out: list[TitleHit] = []
        current: AgencyName | None = None
        committee: AgencyName | None = None  # the last Party committee named (市委)
        ended = False  # 原党组书记、院长: 原 reaches the titles after it
        for s, e, role, agency, seg_start, prefix, former in chain:
            ended = ended or former
            implicit = False
            target = agency
            post_start = seg_start
            if target is None and prefix:
                # 宣传部 after 市委常委 belongs to the 市委
                parent = committee or current
                canon = self.finder.resolve_department(prefix, parent, ctx) if parent else self.finder.canonical(prefix, ctx)
                if canon:
                    # where the prefix stands: right before the title, or before its 原/前
                    # (内务部|部长: the prefix may end one character into the title it shares it with)
                    at = text.rfind(prefix, max(0, s - len(prefix) - 2), s + 1)
                    at = at if at >= 0 else max(0, s - len(prefix))
                    target = AgencyName(at, at + len(prefix), prefix, canon[0], canon[1], canon[2])
                    post_start = at
            named_place = self.finder.place_before(text, s) if target is None else None
            if target is None and not named_place and role.startswith("自治区"):
                # 宁夏回族|自治区主席: the title holds the end of the region's name
                inside = self.finder.place_before(text, s + 3)
                named_place = inside if inside and inside[0] < s else None
            title = self.lex.titles.get(role)
            before = s - 1 if s > 0 and text[s - 1] in _FORMER + _ACTING else s  # 印度前总理, 韩国代总理
            country = (self.finder.country_before(text, before)
                       if target is None and not named_place and title and title.family in ("gov", "party") else None)
            in_china = (self.finder.country_before(text, s - 2)
                        if target is None and text[max(0, s - 2):s] == "驻华" else None)
            if in_china and title and title.family == "gov":
                # 美国驻华大使: that country's embassy in China
                target = AgencyName(in_china[0], s, text[in_china[0]:s], f"{in_china[1]}驻华大使馆", "Organization", None)
                post_start = in_china[0]
            elif country and country[0] > 0 and text[country[0] - 1] == "驻":
                # 中国驻奥地利大使: the sender's embassy in that country, not the host's government
                at = country[0] - 1
                sender = self.finder.country_before(text, at)
                home = sender[1] if sender else "中华人民共和国"
                start = sender[0] if sender else (at - 2 if text[max(0, at - 2):at] in ("中国", "我国") else at)
                target = AgencyName(start, s, text[start:s], f"{home}驻{country[1]}大使馆", "Organization", None)
                post_start = start
            elif country:
                # 法国总理 / 美国总统: a foreign official holds a post of his own country's
                # government, never of China's (国务院 is 总理's body only at home)
                label = f"{country[1]}政府"
                target = AgencyName(country[0], s, text[country[0]:s], label, "Organization", None)
                post_start = country[0]
            elif target is None:
                title = self.lex.titles.get(role)
                template = title.implicit if title else None
                # 某某进步联盟总书记: the title is that body's, which the grammar did not read
                unread_body = template and "{" not in template and _UNREAD_BODY.search(text, max(0, s - 4), s)
                # 印度……前总理某某: a national body the title implies is China's only where the
                # sentence does not speak of a foreign country, or speaks of China too
                abroad = (template and "{" not in template and self._foreign_before(text, s)
                          and not _HOME.search(text, sentence_start(text, s), s))
                if template and not unread_body and not abroad and role not in ("记者", "通讯员"):
                    place = self._place_for(template, named_place, committee or current, ctx,
                                            "区" if "区" in role else "县")
                    if place:
                        body = self._body_of(template, place, ctx)
                        if named_place:  # 浙江省省长: the text names the place
                            target = AgencyName(named_place[0], s, text[named_place[0]:s], body.label, body.kind, body.parent)
                            post_start = named_place[0]
                        else:
                            target, implicit = body, True
                elif named_place and title and (title.family == "party" or role.endswith(named_place[1][-1] + "长")
                                                 or named_place[1].endswith("自治区") and role.endswith("主席")):
                    # 温店镇党委书记 / 商店镇镇长: the place's own Party committee or government;
                    # a place in a sentence that names a foreign country is that country's (某州州长)
                    abroad_place = title.family != "party" and self._foreign_before(text, named_place[0])
                    label = (f"中共{named_place[1]}委员会" if title.family == "party"
                             else f"{named_place[1]}政府" if abroad_place else f"{named_place[1]}人民政府")
                    kind = "PartyOrgan" if title.family == "party" else "Organization" if abroad_place else "GovernmentAgency"
                    target = AgencyName(named_place[0], s, text[named_place[0]:s], label, kind, None)
                    post_start = named_place[0]
                elif current is not None and seg_start == s:
                    # 党组书记、主任: the agency covers the titles after it; 镇党委副书记、镇长: the
                    # head of a town's (township's) government, not of its Party committee
                    town = _TOWN_COMMITTEE.fullmatch(current.label)
                    if town and re.fullmatch(rf"(?:常务)?副?{town.group(1)[-1]}长", role):
                        target, implicit = AgencyName(-1, -1, "", f"{town.group(1)}人民政府", "GovernmentAgency", None), True
                    else:
                        target = current
            if target is not None and target.label in _UNIT_BODIES and current is not None:
                # 某村党支部书记、村委会主任: the committee is the chain's own village's (zone's, community's)
                unit = _UNIT.match(current.label)
                if unit and len(unit.group(1)) >= 3:
                    target = replace(target, label=unit.group(1) + target.label)
            if (target is not None and target.start > 0 and target is not agency
                    and former_mark(text, target.start - 1)):
                ended = True  # 前任美国驻某国大使, 前法国总理: the mark stands before the country
            if target is not None and not implicit:
                current = target
                if target.label.startswith("中共") and target.label.endswith("委员会"):
                    committee = target
            out.append(TitleHit(role, s, e, target, implicit, post_start, e, ended))
        return out

    def _body_of(self, template: str, place: str, ctx: Context) -> AgencyName:
        """The body a title implies (副市长 -> 济宁市人民政府), with no span in the text."""
        label = template.format(city=place, province=place, county=place)
        canon = self.finder.canonical(label, ctx) or (label, "GovernmentAgency", None)
        return AgencyName(-1, -1, "", canon[0], canon[1], canon[2])

    def _place_for(self, template: str, named, anchor: AgencyName | None, ctx: Context, bare: str = "县") -> str | None:
        """The place an implicit body belongs to: named before the title, else the
        chain's own place (深圳市委常委、常务副市长), else the page's."""
        if "{" not in template:
            return "-"
        if named:
            return named[1]
        if anchor is not None:
            from ..vocab.lexicon import places_of

            level = "city" if "{city}" in template else "province" if "{province}" in template else "county"
            ends = {"province": ("省", "自治区"), "city": ("市",), "county": ("县", "区")}[level]
            # the chain's place of the title's level: 济宁市兖州区委副书记、区长 -> 兖州区
            p = next((p for p in reversed(places_of(anchor.label)) if p.endswith(ends)), None)
            if p:
                return p
        # the page's place; else, in a chain whose body names no place either (市委副书记、市长
        # on a page that names no city), the level alone: 市人民政府, known within its article
        # only, as 市委 gives 中共市委员会
        own = anchor is not None and unplaced(anchor.label)
        if "{city}" in template:
            return ctx.city or ("市" if own else None)
        if "{province}" in template:
            return ctx.province or ("省" if own else None)
        return ctx.county or (bare if own else None)

    def _list_continuation(self, text: str, pos: int, titles: list[TitleHit]) -> list[PersonHit]:
        """副市长张三、李四: more names after the first share its chain."""
        out = []
        while pos < len(text) and text[pos] == "、":
            n = self.name_at(text, pos + 1) or self._listed_name(text, pos + 1)
            if not n or self._title_starts(text, pos + 1) or not AFTER_NAME.match(text, pos + 1 + n):
                break  # 、邹城市委副书记: a new chain, not another name of this one
            out.append(PersonHit(text[pos + 1:pos + 1 + n], pos + 1, pos + 1 + n, list(titles), cue="list"))
            pos = pos + 1 + n
        return out

    def _listed_name(self, text: str, pos: int) -> int:
        """A name of a list that the name model does not know (a rare given character: 某飚):
        two or three characters from a surname to the next 、, with another name after it."""
        for n in (2, 3):
            end = pos + n
            if (text[end:end + 1] == "、" and text[pos] in self.lex.surnames and all(_HAN.match(c) for c in text[pos:end])
                    and not (self.names and self.names.lex.get(text[pos:end]) in COMMON_WORD)
                    and self.name_at(text, end + 1)):
                return n
        return 0

    def _name_then_title(self, text: str, titles, hits: list[PersonHit], ctx: Context) -> list[PersonHit]:
        """某某总书记 / 某某市长: a name right before a title that has a body of its own; before
        a title a leader is addressed by that has none (某某主席, 某某委员长), the person alone."""
        out = []
        covered = {(h.start, h.end) for h in hits}
        for ts, te, role in titles:
            title = self.lex.titles.get(role)
            if not title or not (title.implicit or role in _ADDRESSED) or title.family == "press":
                continue
            for n in (3, 2):
                s = ts - n
                if s < 0 or (s, ts) in covered or any(h.start < ts and s < h.end for h in hits):
                    continue  # 书记张三和|副市长: a name already read takes no 和 into another
                if text[s] not in self.lex.surnames or not all(_HAN.match(c) for c in text[s:ts]):
                    continue
                if (self.finder.is_place_or_agency(text[s:ts]) or self.lex.reads_foreign(text[s:ts])
                        or in_title(text, s, ts)):
                    continue  # 国务院总理, 上海市市长: an agency or place; 普罗迪总理: not China's; 《某某市长》: a work
                country = self.finder.country_before(text, ts)
                if country and country[0] <= s:
                    continue  # 俄罗斯|总理: 罗斯 is the end of a country's name; 黎巴嫩|大使: a country
                if self.names is not None:
                    best = self.names.name_at(text, s)
                    known = self.names.lex.get(text[s:ts]) == "nr"  # a well-known name (jieba's nr words)
                    if not known and (not best or best[0] != n):
                        continue
                elif s > 0 and _HAN.match(text[s - 1]) and text[s - 1] not in "会见同和与及":
                    continue
                place = self._place_for(title.implicit, None, None, ctx) if title.implicit else None
                if place:
                    ag = self._body_of(title.implicit, place, ctx)
                    out.append(PersonHit(text[s:ts], s, ts, [TitleHit(role, ts, te, ag, True, ts, te)], cue="name-title"))
                elif role in _ADDRESSED:
                    out.append(PersonHit(text[s:ts], s, ts, [], cue="name-title"))
                else:
                    continue
                break
        return out

    def _parenthesised(self, text: str, ctx: Context, agencies) -> list[PersonHit]:
        """某某（市委常委、常务副市长）: a chain in brackets after a name."""
        out = []
        for m in re.finditer(r"[(（]([^()（）]{2,40})[)）]", text):
            if not self.lex.title_at_end(m.group(1)):
                continue
            end = m.start()
            n = next((n for n in (3, 2, 4) if end - n >= 0 and self.name_at(text, end - n) == n), 0)
            if n:
                titles = self._inner_titles(text, m.start(1), m.end(1), ctx, agencies)
                if titles:
                    out.append(PersonHit(text[end - n:end], end - n, end, titles, cue="paren"))
        return out

    def _inner_titles(self, text: str, s: int, e: int, ctx: Context, agencies) -> list[TitleHit]:
        titles = [(m.start() + s, m.end() + s, m.group()) for m in self.lex.title_re.finditer(text[s:e])]
        if not titles or titles[-1][1] != e:
            return []
        by_end = {a.end: a for a in agencies if s <= a.start and a.end <= e}
        chain = self._chain_back(text, titles, len(titles) - 1, by_end, ctx)
        return self._assign(text, chain, ctx, by_end) if chain else []
