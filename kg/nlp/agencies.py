"""Agency names: find them by their grammar, and give each a canonical full name.

Grammar: [place prefix] body suffix, e.g. 市 + 科技 + 局, 济宁市 + 技师 + 学院,
中国 + 石化销售 + 有限公司 (+ 河北保定石油 + 分公司). The place prefix resolves against
the page's context (市 -> 济宁市, 省 -> 山东省); the body expands its usual abbreviation
(科技局 -> 科学技术局); Party bodies take their 中共… form (市委 -> 中共济宁市委员会).

Here: the grammar (``AgencyFinder``: recognition, canonical names, departments), the places
a page is about (``infer_context``, ``infer_county``) and ``unplaced``/``foreign_state_body``.
The precision checks that say a candidate is no one body (a clause, a concept, a group of
bodies, a venue) are pure predicates over a string in ``agency_checks``, which this imports.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..records import Context
from ..vocab.lexicon import KnownAgency, Lexicon, alternation, lexicon, place_of
from .agency_checks import (
    _CONJ,
    _HAN,
    _LOCATIVE,
    _NATIONWIDE,
    _NOT_A_NAME,
    _NUMBER_CHARS,
    _PLACE_CLASSES,
    _SPEECH_IN_BODY,
    _STOP_IN_BODY,
    _VENUE,
    _adverb_in,
    _aspect_verb_end,
    _clause_place,
    _clause_words,
    _level_office,
    _numbered_concept,
    _places_group,
    _stop_word_in,
)
from .scan import anchored_finditer
from .words import tags

_NEGATION = set("未不没")  # 银监会未禁止银行: a clause goes on, no longer name
_SHORT_SUFFIX_MAX_BODY = 7  # 局/委/部/办 end many ordinary words: keep such bodies short
_LEFT_BOUNDARY = set("在由从与和及暨了、的对向为经到据,，;；:：。!！?？(（)）】“”\"《 \n") | {""}
_FREE_PREFIXES = ("中共", "中国", "国家", "全国", "全市", "全省")  # distinctive: any left context
MAX_BODY = 16
MAX_NAME = 48  # characters an agency's name may chain to (中国人民政治协商会议…委员会…办公室 is far shorter)
_VERB_IN_BODY = re.compile(
    "联合|组建|参与|成立|建设|推进|开展|实施|召开|举办|获批|签署|打造|培育|支持|引导|加快|推动|完成|实现|创建|列入|入选|纳入|"
    "提升|发展了|举行|参观|出席|主持|介绍|表示|通过|依托|围绕|聚焦|积极|大力|深入|全面|共同|探索|构建|拥有|成为|位于|新增|"
    "解决|开放|建成|狠抓|提供|形成|带来|获得|取得|发挥|加强|有效|可以|能够|进行|组织|落实|按照|根据|"
    "建立|扩大|配合|提醒"
)
_HAN_CHAR = re.compile(f"[{_HAN}]")
#: persons' pronouns that open a clause (我们要…, 他们认为…); 我, 他 alone may open a firm's
#: name (我爱我家), and open a clause only with the speech after them (他说|…)
_PERSONAL_PRONOUNS = frozenset({"我们", "你们", "他们", "她们", "它们", "咱们", "大家"})
_SPEECH_VERB = re.compile("要|应当|应该|必须|重视|认为|表示|指出|强调|说|希望|需要")  # modal and speech verbs
# verbs that open a clause before an organisation's name (接下来有请|某集团, 访|某集团, 还有|某公司):
# the name starts after them; 访 of 信访 and 有 of 有色金属 are a name's own
_LEAD_VERB = re.compile(
    "^有(?![色限机线关])|有请|请出|任命|(?:承办|主办|协办|赞助|参展|参赛)(?:方|单位)|曾任|历任|现任|担任|出任|兼任|邀请|(?<!申)请|"
    "(?<!信)访|会见|接见|会晤|欢迎|感谢|派遣|陪同|拜访|走访|看望|慰问|致电|致信|采访|专访|还有|包括|诸如|例如|比如|譬如")
# a firm's words: a body holding one is a company's unit, whatever its suffix (…期货农产品部)
_COMMERCIAL = re.compile("期货|证券|银行|保险|集团|公司|股份|控股|地产|置业|物业|基金|信托|传媒")
_REGULATOR = re.compile("监督|监管|管理")  # 银行业监督管理委员会 is a government body
#: an association named inside a body's name: the body is the association's organ, whatever
#: its suffix (某足协裁判委员会, 某作协办公室)
_ASSOCIATION_IN = re.compile("协会|学会|商会|联合会|[足作科记]协|文联|侨联|工商联|妇联")
# a canonical name whose place the text never gave (市委 on a page of no known city ->
# 中共市委员会): the level word stands where the place's name would
_UNPLACED = re.compile("^(?:中共|共青团|中国人民政治协商会议)?(?:[市省县区镇乡](?!场|域|级|属|直|长)"
                       # 州委, 旗人民政府, 盟委: an autonomous prefecture's, a banner's, a league's
                       "|(?:自治[州县]|[州旗盟])(?=委|人民政府|政府|人大|人民代表大会|政协|中级人民法院|人民法院|人民检察院))"
                       "|^政治协商会议委员会$")
#: a name that opens with these is a nation's body (国家统计局, 最高人民法院) or another
#: country's, never one place's among many
_NATIONAL_HEAD = ("中国", "中华", "国家", "国务院", "全国", "中央", "最高", "国际")
#: bodies every place has, named by their kind alone (财政局, 人民法院, 人民医院, 第一中学,
#: 村党支部, 经济开发区管理委员会): with no place written, one such name is many bodies
_KIND_ONLY = re.compile(
    f"[{_HAN}]{{1,12}}(?<!总)局"
    "|(?:中级|高级)?人民法院|人民检察院|人民政府(?:办公室)?|人民代表大会常务委员会|纪律检查委员会|监察委员会"
    "|(?:第[一二三四五六七八九十]+)?(?:人民|中西医结合|妇幼保健|妇女儿童|中心)?医院|中医院|妇幼保健院|卫生院"
    "|(?:第[一二三四五六七八九十]+|实验|职业)(?:高级中学|初级中学|中学|小学|学校)"
    "|(?:街道|社区|村|镇|乡)?(?:党工委|党委|党支部|党总支|街道办事处|办事处|村民委员会|居民委员会)"
    "|(?:(?:经济技术|经济|高新技术产业|高新技术)开发区|高新区|开发区|新区|园区)?(?:管理委员会|党工委|工作委员会)")
_PLACE_IN_PARENS = re.compile(f"[（(]([{_HAN}]{{2,4}})[)）]$")
#: bodies only a place has: after one, a two-character 区/县 is a place's name, whatever precedes it
_PLACE_ONLY_BODIES = ("人民政府", "人民法院", "人民检察院", "人大常委会", "政协", "中级人民法院", "纪委", "公安局")
_ANY_PLACE = re.compile(f"[{_HAN}]{{2,3}}?(?:市|县|区|镇|乡)")
#: a county-level city (no prefecture: the city list lacks it) is a place before a body only a
#: place has, or its Party committee or government (某某市公安局, 某某市委): see _county_city
_COUNTY_CITY = re.compile(f"[{_HAN}]{{2}}市(?=" + "|".join(_PLACE_ONLY_BODIES + ("委(?!员)", "政府", "法院", "检察院")) + ")")
_ZONE = re.compile("(?:经济技术|经济|高新技术产业|高新技术)开发区")  # a zone by its kind alone (经济开发区管委会)
_NAMED_ZONE = re.compile(f"[{_HAN}]{{2,4}}?(?:{_ZONE.pattern})")  # a zone by its place and kind (东湖|高新技术产业开发区)
_HAN_RUN = re.compile(f"[{_HAN}]*")
#: bodies only another country has (China has no 参议院, 警察局 or 地方法院), or a country's
#: police, courts and missions as a whole (英国|警方, 某国|法庭, 美国|使领馆): after a country
#: (美国|国会众议院, 日本|外务省) or a foreign city (洛杉矶|警察局) they are that place's own
_FOREIGN_LEGISLATURE = "参议院|众议院|上议院|下议院|国民议会|联邦议会"
FOREIGN_BODY = re.compile(
    rf"(?:(?:联邦|国会)?(?:{_FOREIGN_LEGISLATURE})|国会(?!议|员|见|谈|晤|会|期|山)|议会(?!员|议|期)"
    r"|(?:联邦|最高|地方|地区|州)?(?:法院|法庭|警察局|警察厅)|警方|使领馆"
    r"|(?:外务|防卫|财务|法务|总务|经济产业|厚生劳动|国土交通)省)")
_FOREIGN_BODY_END = re.compile(f"(?:{FOREIGN_BODY.pattern})$")


def _in_work_title(text: str, s: int) -> bool:
    """Whether ``s`` lies inside a work's title in 《》 (《某国陆军》 is a game, no body)."""
    opened = text.rfind("《", 0, s + 1)
    return opened >= 0 and text.find("》", opened) > s and text.rfind("》", 0, s) < opened


def foreign_state_body(agency) -> bool:
    """Whether an agency is a foreign state's body by a suffix China's bodies never have
    (美国国会众议院, 洛杉矶警察局, 日本外务省): kg types them Organization, as other foreign bodies."""
    return agency.kind == "Organization" and bool(_FOREIGN_BODY_END.search(agency.label))


_INTERNATIONAL_UNIT = re.compile("秘书处|总部|理事会|委员会|大会")
#: a city's own bodies of that kind (洛杉矶警察局, 卡迪夫地方法院, 伦敦市议会)
_FOREIGN_CITY_BODY = re.compile(r"(?:警察局|警察厅|地方法院|地区法院|高等法院|地区法庭|议会(?!员|议|期))")  # a 市 before it is the body's
#: a country in one character before its legislature (美参议院, 英下议院): the country's
_ONE_CHAR_COUNTRY = {"美": "美国", "英": "英国", "日": "日本", "法": "法国", "德": "德国", "俄": "俄罗斯", "韩": "韩国"}
#: a state in one character before its armed forces (美军, 俄海军, 日军方): the state's own
_ONE_CHAR_STATE = {**_ONE_CHAR_COUNTRY, "苏": "苏联", "印": "印度"}
#: 军 after a one-character state that goes on as another word (美|军舰, 美|军事, 俄|军人): no army
_ARMY_WORD_ON = "事区人官衔训备费械工用港舰营民团长医校机火旗歌号服政演售购"
#: a one-character state may stand after one of these (纳粹|德军 reads as a word of its own: no)
_ARMED_LEFT = set("的在与和及对向被让将了是把为从时由等同跟给令称即") | set("名位批支架艘个")  # and measure words (一名|美军士兵)
_ONE_CHAR_LEGISLATURE = re.compile(f"[美英日法德俄韩](?:(?:国会)?(?:{_FOREIGN_LEGISLATURE})|政府|央行)")  # no Han before it
# (the two scans run on every text: a pattern that opens with a literal or a class is found fast,
# one that opens with a lookbehind or an optional character is tried at every position)
_STANDALONE_LEFT = set("的与和及了为由在")  # a name with no prefix starts right after one of these
#: what ends a department of a Party committee (宣传部, 政法委, 党校); a 管委会 after a 党工委 is none
_PARTY_DEPARTMENT = ("部", "政法委", "委办公室", "办公室", "办", "党校", "纪委", "监委", "研究室", "编办")
_FORMER_MARK = set("原前")
ARMED_FORCE = "ArmedForce"  # the kind of China's armed forces and their commands (agency-known.tsv)
_PLA = "中国人民解放军"  # a military region's or a sub-district's name opens with the PLA's
_CMC = "中央军委"  # the Central Military Commission, as agency-known.tsv names it: a region's parent
#: a unit's suffix after a known force (解放军|总政治部, 某战区|联勤保障中心)
_ARMED_UNIT = re.compile("(?:部|委员会|办公室|中心|局|处)$")
_CLAUSE_OPENER = set("而但")  # a conjunction that opens a clause, never a name's character
_CLAUSE_WORD = _STOP_IN_BODY | set("而但之据")  # opens a clause, never a name (而|广州市…, 之前|…)
#: words that end in a place's level character: 城乡规划局 is no 乡 + 规划局
_LEVEL_WORDS = frozenset({"城乡", "城镇", "乡镇", "市县", "省市", "区县", "县区", "城区", "市区", "社区", "园区", "新区", "郊区"})
#: titles that never open a body's name after its place (某县常委|政法委, not 某县常委政法委)
_TITLE_OPENING_BODY = ("常委", "书记", "副书记")
_STANDING_MEMBER_INSIDE = re.compile("(?<=[县区市州省旗])常委(?!会)")
_DEPARTMENT_END = set("司处科室")  # 领事|司, 秘书|处: a title's word that names a department with them
_BRANCH = re.compile("(?:总部|营业部|分公司|分行|支行|办事处|代表处|分店)$")
_FIRM_BRANCH_INSIDE = re.compile("分公司|分行|支行")  # 某行|深圳分行银行卡部: a branch's own unit
_LEVELLED_PLACE = re.compile(f"[{_HAN}]{{2,4}}[省市县区州][省市县区州]?(?:委|政府|人大|政协)")  # 原|巢湖市市委
_NAME_OPENERS = ("中国", "中共", "全国", "国家", "国务院", "省", "市", "县", "区", "自治区")
_NOT_NAME_LEAD = set("本该此这各每其届全我以令而之")  # 本届全国委员会: a determiner; 以全国政协…: a preposition
#: bodies every county or district has, after its name written without its level (海淀|法院,
#: 某某|人民检察院, 某某|公安分局): the place reads as one place name of jieba's (ns)
_PLACE_WORD_BODY = re.compile("(?:中级人民法院|人民法院|法院|人民检察院|检察院|人民政府|政府|公安分局|公安局|派出所|看守所|车管所)"
                              "(?![长院网])")
#: jieba's place words that name a class or a level, no one place (自治区|政府, 中国|法院: a country's)
_NO_PLACE_WORDS = frozenset({"中国", "全国", "国家", "自治区", "特区", "地方", "当地", "中央", "基层", "本地", "外地", "内地",
                             "城乡", "联合", "国民"})
_PLACE_WORD_LEVEL_BODY = re.compile("(?:派出所)$")  # a station named after its street, road or village (某某街|派出所)
_STREET_END = set("街路村镇乡")
_POLICE_UNIT = re.compile(f"[{_HAN}]{{1,6}}(?:派出所|支队|大队|中队)")
_TIME_CHAR = re.compile("[天日年月时前后今昨明]")  # a time word of jieba's (昨天, 今年, 目前), not a place it tags so (东四)
#: verbs of an act between two names (某局|指导|某协会), never inside one body's name
_ACT_VERB = re.compile("援引|告上|起诉|状告|指导|配合|推动|建立|宣布|批准|发布|召开|通报|委托")
_POST_LEADS = ("时任", "现任", "曾任", "历任", "兼任")  # 时任|某市检察院…: a post's lead, no name's
_DATE_UNIT = set("年月日号时")  # after a number: a date's unit (13|日), never a name's first character
_BUILDING_AFTER = re.compile("会议[厅室]|大楼|大院|门口|门前|广场|礼堂|办公楼")
_KEEP_SURFACE = {"School", "Company", "StateOwnedEnterprise", "PublicInstitution", "Association", "Newspaper",
                 "Organization"}


@lru_cache(maxsize=8192)
def unplaced(label: str) -> bool:
    """Whether a canonical name lacks its place (中共市委员会, 区人民政府, and a body every
    place has named by its kind alone: 财政局, 人民医院, 州委): such a body is only known
    within its article, never the same as another article's. (A function of the label and
    the shared lexicon: kept per label.)"""
    return bool(_UNPLACED.match(label)) or _kind_only(label)


def _kind_only(label: str) -> bool:
    """Whether a canonical name is a local body's kind with no place, nation or country in
    it (公安局, 中级人民法院, 卫生健康委员会): a known body (agency-known.tsv) is one body."""
    body = label.removeprefix("中共")
    if body.startswith(_NATIONAL_HEAD) or label in _known_labels():
        return False
    if body in _vocab_kinds():
        return _placeless(body)
    return bool(_KIND_ONLY.fullmatch(body)) and _placeless(body)


def _placeless(body: str) -> bool:
    """No place (济宁市…, 潍坊…, 山东…) and no country (美国…) opens a body's name."""
    lex = lexicon()
    return (place_of(body) is None and not lex.country_re.match(body)  # 经济开发区管理委员会: none
            and not any(body[:k] in lex.cities or body[:k] in lex.provinces for k in (2, 3, 4)))


@lru_cache(maxsize=1)
def _known_labels() -> frozenset[str]:
    lex = lexicon()
    return frozenset(lex.known) | frozenset(k.canonical for k in lex.known.values())


@lru_cache(maxsize=1)
def _vocab_kinds() -> frozenset[str]:
    """The local bodies' names the vocabularies give, place left out (卫生健康委员会,
    发展和改革委员会, 妇女联合会, 中级人民法院), less those of a nation (…部)."""
    lex = lexicon()
    names = set(lex.abbreviations.values())
    names |= {pb.template.replace("{place}", "").removeprefix("中共") for pb in lex.place_bodies.values()}
    names |= {tpl.replace("{place}", "").removeprefix("中共").removeprefix("共青团") for tpl, _ in lex.bare.values()}
    return frozenset(n for n in names if len(n) >= 2 and not n.endswith(("部", "总局")) and not n.startswith("委"))


#: the Communist Youth League's bodies: 共青团 before a place's committee (共青团某县委), 团 before
#: a level's committee or the centre (团县委, 团省委, 团中央): the League's committee of that place,
#: never the Party's; 团 glued into another word (集团, 代表团) marks nothing
_LEAGUE_MARK = re.compile("共青团|团(?=中央|[省市县区旗]委)")
_LEAGUE_LEVELS = "省市县区旗"
_LEAGUE_CENTRE = "共青团中央"  # its canonical name is agency-known.tsv's

_NO_PLACE_HEAD = set("全各本该两每我此邻外某省市县区州副一二三四五六七八九十")  # 全县, 该区, 两县, 某县, 副县长: no county


@dataclass(frozen=True, slots=True)
class AgencyName:
    """A recognised agency: span in the text, canonical name, type, parent."""

    start: int
    end: int
    surface: str
    label: str
    kind: str
    parent: str | None


def _three_character_place(text: str, s: int, prefix: str) -> bool:
    """Whether a county or district prefix of two characters (头沟区) is the end of one of three
    that jieba reads as one place name (门头沟区, 东西湖区)."""
    if s == 0 or len(prefix) != 3 or prefix[-1] not in "县区旗" or not _HAN_CHAR.match(text[s - 1]):
        return False
    words = tags(text[s - 1:s + 3])
    return len(words) == 1 and words[0][1] == "ns"


#: deictic places (我市, 本县, 全省, 该区): a word of jieba's whose level character opens the name
_DEICTIC_LEAD = set("我本该全此这其各每")


def _starts_inside_word(text: str, s: int) -> bool:
    """Whether a name at ``s`` would start inside a word jieba reads across ``s`` that no
    name's place is cut from: a verb (推进|新区), a place's own name (桐乡|经济开发区, 大城市|
    人民政府), a class of places (地级市|市委) or a count (两区|一园, 三区|两带). A deictic place
    (我市, 该县) is the name's place all the same, and a character glued to a level by damage
    to the text (压市|生态环境局, jieba's noun) leaves the name after it."""
    if s == 0 or not _HAN_CHAR.match(text[s - 1]) or text[s - 1] in _LEFT_BOUNDARY:
        return False
    if text[s - 1] in _NUMBER_CHARS and text[s] in "省市县区镇乡":
        return True  # 两区|一园: a count of places, no place
    w0 = s - 1
    while w0 > max(0, s - 4) and _HAN_CHAR.match(text[w0 - 1]):
        w0 -= 1
    pos = w0
    for word, tag in tags(text[w0:s + 4]):
        if pos < s < pos + len(word):
            if len(word) == 2 and word[0] in _DEICTIC_LEAD:
                return False
            return tag[:1] == "v" or tag == "ns" or word.endswith("城市") or word in _PLACE_CLASSES
        pos += len(word)
        if pos >= s:
            break
    return False


def _inside_word(text: str, s: int) -> bool:
    """Whether jieba reads a word that starts before ``s`` and goes on past it (集|团, 代表|团)."""
    if s == 0 or not _HAN_CHAR.match(text[s - 1]):
        return False
    pos = max(0, s - 3)
    for word, _ in tags(text[pos:s + 3]):
        if pos < s < pos + len(word):
            return True
        pos += len(word)
        if pos > s:
            break
    return False


def _surname_before(text: str, s: int) -> bool:
    """Whether jieba reads the character before ``s`` as a word of its own, a name (王|志愿军):
    a surname, and what follows it a given name."""
    pos = max(0, s - 3)
    for word, tag in tags(text[pos:s + 3]):
        if pos + len(word) == s:
            return len(word) == 1 and tag == "nr"
        pos += len(word)
        if pos > s:
            break
    return False


#: how many canonical names an AgencyFinder keeps before it starts again
_CANONICAL_KEPT = 50_000


class AgencyFinder:
    """Recognise and canonicalise agency names in repaired text."""

    def __init__(self, lex: Lexicon | None = None) -> None:
        self.lex = lex or lexicon()
        sfx = self.lex.suffix_alt
        known = alternation(self.lex.known)
        places = alternation(self.lex.provinces)
        self._known_re = re.compile(f"(?:{known})(?!门|分|署)")  # 教育部分配, 商务部署: a word goes on
        self._province_re = re.compile(f"(?:{places})")
        # 市/省/县/区 bare prefix, 中共/中国/国家/全国, or a named place ending in 市/县/区/省
        cities = alternation(self.lex.cities)
        # a named city must be a known one (建设市级… is not a city); counties are too many to list
        prefix_parts = (r"中共|中国|国家|全国|全市|全省", rf"(?:{cities})市", rf"[{_HAN}]{{2}}(?:县|区|州|盟|旗)", r"[市省县区镇乡]")
        self._prefix_re = re.compile("(?:" + "|".join(prefix_parts) + ")")  # anchored use (match)
        # scanning: one regex per part is ~4x faster than their union (literal prefilters
        # work); a part whose matches end in a few characters, from where those stand
        # (``anchored_finditer``: a city's name before 市, two characters before 县 …)
        city_lengths = tuple(sorted({len(c) for c in self.lex.cities}))
        self._prefix_scans = [(re.compile(p), *anchored) for p, anchored in zip(prefix_parts, (
            (None, (), None), ("市", city_lengths, frozenset(self.lex.cities)), ("县区州盟旗", (2,), None), (None, (), None)))]
        self._prefix_scans.append((_COUNTY_CITY, "市", (2,), None))
        standalone = alternation(self.lex.standalone)
        # a name with no place prefix: 4+ body characters after a boundary, a strong suffix
        self._standalone_suffix = re.compile(f"(?:{standalone})")
        self._provinces_longest = sorted(self.lex.provinces.items(), key=lambda kv: -len(kv[0]))
        self._bare_re = re.compile(
            rf"(?<![{_HAN}])(?:{alternation(self.lex.bare)})(?!会)"
        )
        self._place_inside = re.compile(alternation(set(self.lex.provinces) | set(self.lex.cities)))
        self._suffix_re = re.compile(f"(?:{sfx})")
        armed = alternation(self.lex.armed_forces) if self.lex.armed_forces else "(?!)"
        self._armed_re = re.compile(f"(?:{armed})")  # after a country: its armed forces (美国|海军)
        self._one_char_armed_re = re.compile(
            f"[{''.join(_ONE_CHAR_STATE)}](?:{armed}|军(?![{_ARMY_WORD_ON}]))")
        commands = self.lex.armed_commands
        self._armed_service_re = re.compile(alternation({w for w, r in commands.items() if r == "service"}) or "(?!)")
        self._armed_region_re = re.compile(alternation({w for w, r in commands.items() if r != "service"}) or "(?!)")
        # a name that may be a body of China's armed forces: it holds a known one's or a command's word
        self._armed_in = re.compile(alternation(
            {n for n, k in self.lex.known.items() if k.kind == ARMED_FORCE} | set(commands)) or "(?!)")
        self._canonical_of: dict[tuple[str, Context], tuple[str, str, str | None] | None] = {}

    # -- recognition ---------------------------------------------------------------

    def find(self, text: str, ctx: Context) -> list[AgencyName]:
        """All agency names in ``text``, leftmost-longest, non-overlapping."""
        cands: list[tuple[int, int]] = []
        foreign: dict[tuple[int, int], tuple[str, str, None]] = {}
        for m in self._known_re.finditer(text):
            if text[m.end() - 2:m.end() + 1] in self.lex.suffix_words:
                continue  # 人民银|行家: the name's last characters open a longer word
            if m.group().endswith("党") and text[m.end():m.end() + 1] == "员":
                continue  # 中国共产党|员: a member, no body
            if self.lex.known[m.group()].kind == ARMED_FORCE and m.start() > 0 \
                    and text[m.start() - 1] in self.lex.surnames and _surname_before(text, m.start()):
                continue  # 王志愿军: a person's name ending in an army's
            short = m.end() - m.start() == 2
            if short and not self._short_form_stands(text, m.start(), m.end()):
                continue  # 中|央行|政机关: inside other words; 上海|工行, 沪|工行: the bank's branch there
            # 住房和城乡建设部 + 住房保障司: a known body can open a longer name; a verb after
            # a short form opens a clause (工行|收购…银行), no name of its unit
            verb = short and self._verb_at(text, m.end())
            span = (m.start(), (None if verb else self._extend(text, m.end(), continuation=True)) or m.end())
            if not verb and self.lex.known[m.group()].kind == ARMED_FORCE:
                span = (m.start(), self._armed_command_end(text, m.end()))  # 东部战区|陆军: the theatre's own service
            country = self.country_before(text, m.start())
            if country:  # 美国商务部: another country's body, never China's
                span = (country[0], span[1])
                own = self.lex.known[m.group()].canonical
                foreign[span] = (own if span[1] == m.end() and own.startswith(text[span[0]:m.start()]) else
                                 text[span[0]:span[1]], "Organization", None)  # 美国|五角大楼: 美国国防部
            elif m.start() > 0 and text[m.start()] == "国" and (home := self.lex.countries.get(text[m.start() - 1:m.start() + 1])):
                # 美国防部, 俄国防部: the country (美国, 俄国) and the body (国防部) share their 国
                span = (m.start() - 1, span[1])
                foreign[span] = (home + text[m.start():span[1]], "Organization", None)
            elif span[1] > m.end() and (k := self.lex.known[m.group()]).kind == "Organization" \
                    and not m.group().endswith("中央"):
                if _INTERNATIONAL_UNIT.fullmatch(text, m.end(), span[1]):
                    # 东盟|秘书处: an international organisation's unit, under its full name
                    foreign[span] = (k.canonical + text[m.end():span[1]], "Organization", None)
                elif home := self.lex.country_re.match(k.canonical):
                    if _clause_words(text[m.end():span[1]], verbs=True):
                        span = (m.start(), m.end())  # 某国央行|出面调停某银行: a clause after the body's name
                    else:  # 白宫|某委员会: another state's body's unit, as written after its state (never China's)
                        foreign[span] = (home.group() + text[span[0]:span[1]], "Organization", None)
                else:  # 欧佩克|成员国石油部长, 东盟|博览会秘书处: another body, named after it
                    continue
            cands.append(span)
        city_short = ctx.city[:-1] if ctx.city and len(ctx.city) > 2 else None
        for m in (m for r, anchors, back, words in self._prefix_scans
                  for m in (r.finditer(text) if anchors is None else anchored_finditer(r, text, anchors, back, words))):
            s = m.start()
            if text[s] in _CLAUSE_WORD:
                continue  # 而|广州…: a clause word opens no place
            if m.re is _COUNTY_CITY:
                if not self._county_city(text, s, m.group()):
                    continue
            elif _three_character_place(text, s, m.group()):
                s -= 1  # 门|头沟区: a county of three characters, which jieba reads as one place
                if not self._left_ok(text, s, text[s:m.end()]):
                    continue
            elif not (self._left_ok(text, s, m.group()) or self._distinctive(text, m)) or self._prefix_word(text, m):
                continue
            if len(m.group()) == 3 and m.group()[-1] in "县区州盟旗" and _clause_place(m.group()):
                continue  # 他说县|委: a clause, no county
            end = self._extend(text, m.end())
            if end:
                if m.group() in ("全国", "中国") and s > 0 and text[s - 1] not in _LEFT_BOUNDARY:
                    s = self._name_start(text, s)  # 美中贸易|全国委员会: the name began before
                cands.append((self._branch_start(text, s, end), end))
        # named places are distinctive: no left boundary needed (…联合浙江交通学院)
        for m in self._province_re.finditer(text):
            full = self.lex.provinces[m.group()]
            end = self._extend(text, m.end(), need_body=m.group() != full)
            if end:
                cands.append((self._branch_start(text, m.start(), end, text[m.end():end] in ("公司", "市公司")), end))
        if city_short:
            for m in re.finditer(re.escape(city_short) + "(?!市)", text):
                end = self._extend(text, m.end(), need_body=True)
                if end:
                    cands.append((self._branch_start(text, m.start(), end), end))
        for m in self.lex.country_re.finditer(text):
            # 意大利政府, 比利时电影局: a foreign country's body, named after the country (as written);
            # 美国前|商务部长: a former mark is no part of a body's name
            end = self._extend(text, m.end()) if text[m.end():m.end() + 1] not in _FORMER_MARK else None
            body = FOREIGN_BODY.match(text, m.end())
            if body and (not end or body.end() > end):
                end = body.end()  # 美国|国会众议院, 日本|外务省: a body only another country has
            armed = self._armed_re.match(text, m.end())
            if armed and (not end or armed.end() > end or text[armed.end():armed.end() + 1] in _CONJ) \
                    and not _in_work_title(text, m.start()):
                end = self._armed_end(text, armed.end())  # 美国|海军(和…), 日本|自卫队: the country's armed forces
            if end and text[m.start():end] in self.lex.known:
                continue  # 欧盟委员会: an international body by its known name
            if end and (m.start(), end) not in foreign and end - m.end() >= 2 \
                    and text[m.end()] not in "一二两三四五六七八九十几数每这该此" \
                    and not _NOT_A_NAME.search(text, m.end(), end) \
                    and not self._act_between_names(text[m.start():end]):  # 美国|一部小说: a count; 美国|建立|…: a clause
                foreign[(m.start(), end)] = (text[m.start():end], "Organization", None)
                cands.append((m.start(), end))
        for m in _ONE_CHAR_LEGISLATURE.finditer(text):
            if m.start() > 0 and _HAN_CHAR.match(text, m.start() - 1) and (
                    m.group()[1:] not in ("政府", "央行") or _inside_word(text, m.start())
                    or text[m.start() - 1] in _ONE_CHAR_STATE or text[m.start() - 1] in "中欧"  # 中美|政府间: two states
                    or text[m.start() - 1] in self.lex.surnames and text[m.start() - 1] not in _LEFT_BOUNDARY):
                continue  # 某美|参议院, 欧美|政府: the character is another word's (虽然|俄政府 stands)
            if m.start() > 0 and m.group()[0] == "日" and (text[m.start() - 1].isdigit() or text[m.start() - 1] in _NUMBER_CHARS):
                continue  # 5月13|日|央行: a date's unit, no Japan
            foreign[m.span()] = (_ONE_CHAR_COUNTRY[m.group()[0]] + m.group()[1:], "Organization", None)
            cands.append(m.span())
        for m in self._one_char_armed_re.finditer(text):
            if m.start() > 0 and _HAN_CHAR.match(text, m.start() - 1) and text[m.start() - 1] not in _ARMED_LEFT \
                    and (_inside_word(text, m.start()) or text[m.start() - 1] in self.lex.surnames):
                continue  # 抗日|军民, 次日|军方: another word's character, as jieba reads it; 王美军: a name
            if m.start() > 0 and m.group()[0] == "日" and text[m.start() - 1].isdigit():
                continue  # 13|日|军方: a date's unit, no Japan
            if _in_work_title(text, m.start()):
                continue  # 《某军总部》: a work's title, no body
            end = self._armed_end(text, m.end())
            branch = text[m.start() + 1:end]
            if branch.startswith("军") and branch != "军":
                branch = branch[1:] if branch[1:] in self.lex.armed_forces else branch  # 美军|特种部队: 美国特种部队
            foreign[(m.start(), end)] = (_ONE_CHAR_STATE[m.group()[0]] + ("军队" if branch == "军" else branch), "Organization", None)
            cands.append((m.start(), end))
        for m in _FOREIGN_CITY_BODY.finditer(text):
            body = m.start() - 1 if m.start() > 0 and text[m.start() - 1] == "市" else m.start()  # 伦敦|市议会
            if (city := self._foreign_city_before(text, body)) is not None:
                foreign[(city, m.end())] = (text[city:m.end()], "Organization", None)
                cands.append((city, m.end()))
        regions = set()  # preferred to a longer name from the same place (某市|军分区政|委: a title's 委)
        for m in self._armed_region_re.finditer(text):
            s = self._armed_place_start(text, m.start(), m.group(), ctx)
            if s is not None:  # 某省|军区(|空军), 某市|军分区: the PLA's military region there
                regions.add((s, self._armed_command_end(text, m.end(), self.lex.armed_commands[m.group()] == "region")))
        cands.extend(regions)
        cands.extend(self._standalone(text))
        cands.extend(self._place_word_bodies(text))
        for m in _LEAGUE_MARK.finditer(text):
            end = self._league_end(text, m.start())
            if end:
                cands.append((m.start(), end))
        bare = {}
        covered = None  # the characters inside a candidate, marked when a bare name is first met
        for m in self._bare_re.finditer(text):
            if covered is None:
                covered = bytearray(len(text))
                for s, e in cands:
                    covered[s:e] = b"\x01" * (e - s)
            if not covered[m.start()]:  # inside no candidate found before it
                covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
                template, kind = self.lex.bare[m.group()]
                bare[(m.start(), m.end())] = (template.format(place=ctx.city or "市"), kind, None)
                cands.append((m.start(), m.end()))
        cands.sort(key=lambda c: (c[0], c not in regions, -(c[1] - c[0])))
        out: list[AgencyName] = []
        last = -1
        for s, e in cands:
            if s < last:
                continue
            if text[s] in _FORMER_MARK and e - s > 3 and self._opens_name(text, s + 1):
                s += 1  # 原|中国足协…委员会, 原|市委: 原/前 marks a former post, never part of a name
            if _VENUE.search(text, s, e) and not self.lex.title_re.match(text, e):
                continue  # 某某国际会议中心: a venue, a place; 某某会议中心主任: a post of the body that runs it
            name = bare.get((s, e)) or foreign.get((s, e)) or self.canonical(text[s:e], ctx)
            if name:
                label, kind, parent = name
                out.append(AgencyName(s, e, text[s:e], label, kind, parent))
                last = e
        return out

    def _armed_end(self, text: str, end: int) -> int:
        """The end of a state's armed forces named up to ``end``, with the service or unit
        written after them (美军|特种部队, 美国海军|陆战队)."""
        unit = self._armed_re.match(text, end)
        return unit.end() if unit else end

    def _armed_command_end(self, text: str, end: int, service: bool = True) -> int:
        """The end of a body of China's armed forces whose command ends at ``end``: with the
        service written after it (东部战区|陆军, 某军区|空军) when ``service``, and a unit after
        them (某战区|政治工作部); a title's 委 is no unit's suffix (某军区空军|政委)."""
        if service and (m := self._armed_service_re.match(text, end)):
            end = m.end()
        return self._extend(text, end, continuation=True) or end

    def _armed_place_start(self, text: str, end: int, word: str, ctx: Context) -> int | None:
        """Where a province or a known city named right before ``end`` starts (某省|军区,
        某市|军分区), or None: a foreign place's military district (乌拉尔|军区) is none of China's.
        A page's own are named bare after a boundary (省|军区: its province's; 军分区: its
        city's), and only on a page whose place is known."""
        for n in range(min(8, end), 1, -1):
            place = text[end - n:end]
            if place in self.lex.provinces or place in self.lex.cities or place[-1] == "市" and place[:-1] in self.lex.cities:
                return end - n
        role = self.lex.armed_commands[word]
        if role == "region" and ctx.province and end and text[end - 1] == "省" and (end == 1 or text[end - 2] in _LEFT_BOUNDARY):
            return end - 1
        if role == "subregion" and ctx.city and (end == 0 or text[end - 1] in _LEFT_BOUNDARY):
            return end
        return None

    def _short_form_stands(self, text: str, s: int, e: int) -> bool:
        """Whether a short form of two characters at [s, e) names its body: jieba reads it as
        a word of its own there (not 中央|行政 across 央行), and no place stands right before
        it (上海|工行, 沪|工行: the bank's branch there, which no known name spells; 欧洲|央行)."""
        if self.country_before(text, s):
            return True  # 日本|央行: another country's body (``find`` reads it so)
        w0 = max(0, s - 3)
        edges, pos, before = {0}, 0, None
        for word, tag in tags(text[w0:e + 3]):
            if pos + len(word) == s - w0:
                before = (word, tag)
            pos += len(word)
            edges.add(pos)
        if s - w0 not in edges or e - w0 not in edges:
            return False
        if before and (before[1] == "ns" or len(before[0]) == 1 and before[1] == "j" or before[0] in self.lex.cities
                       or before[0] in self.lex.provinces):
            return False
        return True

    def _verb_at(self, text: str, pos: int) -> bool:
        """Whether jieba reads a verb that is no body's suffix at ``pos`` (收购, not 支行)."""
        words = tags(text[pos:pos + 4])
        return bool(words) and words[0][1][:1] == "v" and words[0][0] not in self.lex.suffixes

    def _second_name_in(self, body: str) -> bool:
        """Whether a body holds another place's name after a conjunction or a verb: two names
        (某农商行和|天津…银行) or a clause (某公司参股|深圳市…银行), never one body. A place
        that opens the body is the name's own (江苏省|南京市委)."""
        for m in self._place_inside.finditer(body, 1):
            lead = body[:m.start()]
            if lead[-1] in _CONJ or _clause_words(lead, verbs=True):
                return True
        return False

    def _county_city(self, text: str, s: int, prefix: str) -> bool:
        """Whether two characters and 市 at ``s`` (before a place's own body) are a
        county-level city: jieba reads them as one place name, apart from the character
        before them (是|某某市委), and they are not the word 城市 (大城市)."""
        if prefix[:-1] in self.lex.cities or prefix[1:] == "城市" or prefix[0] in _CLAUSE_WORD | _NOT_NAME_LEAD:
            return False  # a prefecture city has its own prefix (and 某某市 is found by it)
        words = tags(prefix)
        if len(words) != 1 or words[0][1] != "ns":
            return False
        return s == 0 or text[s - 1] in _LEFT_BOUNDARY or tags(text[s - 1:s + 3])[-1][0] == prefix

    def _opens_name(self, text: str, pos: int) -> bool:
        """Whether an agency's name can open at ``pos``: a known body, a place, or a
        national or level prefix (中国…, 国家…, 市委)."""
        return bool(text.startswith(_NAME_OPENERS, pos) or self._known_re.match(text, pos)
                    or self._place_inside.match(text, pos) or _LEVELLED_PLACE.match(text, pos))

    def _foreign_city_before(self, text: str, end: int) -> int | None:
        """Start of a foreign city's name that jieba reads as one place word right before
        ``end`` (洛杉矶|警察局, 卡迪夫|地方法院), or None: no Chinese place (which has no such body)."""
        words = tags(text[max(0, end - 6):end])
        if not words:
            return None
        word, tag = words[-1]
        start = end - len(word)
        if not (2 <= len(word) <= 5) or word in self.lex.provinces or word in self.lex.cities \
                or word[-1] in "省市县区" or self.country_before(text, end):
            return None
        if tag != "ns" and not (tag in ("nr", "nrt") and self.lex.reads_foreign(word)):
            return None
        return start

    def country_before(self, text: str, end: int) -> tuple[int, str] | None:
        """A foreign country named right before ``end`` (法国|总理, 美国|商务部), as (start, name)."""
        for n in range(min(8, end), 1, -1):
            name = self.lex.countries.get(text[end - n:end])
            if name:
                return end - n, name
        return None

    def place_before(self, text: str, end: int) -> tuple[int, str] | None:
        """A place name ending right at ``end`` (浙江省|省长, 济南市|市长), as (start, full name)."""
        for n in (7, 6, 5, 4, 3, 2):
            s = end - n
            if s < 0:
                continue
            cand = text[s:end]
            if cand in self.lex.provinces and (cand.endswith(("省", "市", "区")) or len(cand) >= 2):
                full = self.lex.provinces[cand]
                if cand == full or end < len(text) and not text.startswith(full[len(cand):], end):
                    return s, full
            if cand.endswith("市") and cand[:-1] in self.lex.cities:
                return s, cand
            if cand in self.lex.cities and text.startswith(("市", "副市", "常务副市"), end):
                return s, cand + "市"  # 深圳市长: the title's 市 closes the city's name
            if n == 2 and cand[1] in "县区" and text.startswith(cand[1], end) and cand[0] not in _NO_PLACE_HEAD and (
                    s == 0 or text[s - 1] in _LEFT_BOUNDARY):
                return s, cand  # 某县|县委, 某县|县长: a county of one character, then its own body
            if n == 3 and cand[1] == cand[2] and cand[2] in "县区":
                continue  # 某县县|委: the county is 某县, 县委 its committee
            if n in (3, 4) and cand.endswith(("县", "区", "州", "镇", "乡", "村")):
                if s == 0 or text[s - 1] in _LEFT_BOUNDARY:
                    return s, cand  # 兖州区|区长
                outer = self._place_ending_at(text, s) if cand[0] not in "省市县区州" else None
                if outer is None and cand.endswith(("镇", "乡")) and text[s - 1] in "县区旗":
                    outer = self._county_ending_at(text, s)  # 某市某区|某某镇|镇长: a town under its county
                if outer is not None:
                    return outer, cand  # 济宁市兖州区|副区长: the span holds the city too
            if n == 3 and cand.endswith("市") and s > 0 and self._place_ending_at(text, s) is not None:
                return s, cand  # 河北省辛集市 / 济宁市邹城市: a county-level city under its province or city
            if n == 3 and cand.endswith("市") and self._county_city(text, s, cand):
                return s, cand  # ，青州市|副市长: a county-level city named alone
            if n in (4, 5) and cand.endswith("街道") and (s == 0 or text[s - 1] in _LEFT_BOUNDARY):
                return s, cand
        return None

    def _branch_start(self, text: str, s: int, end: int, company: bool = False) -> int:
        """Where a body named from a place at ``s`` to ``end`` begins: before the place when
        it is a firm's branch or company there glued to the firm's name (某银行|杭州分行,
        某期货|北京某路营业部, 某集团|上海公司), else at ``s``."""
        if s > 0 and text[s - 1] not in _LEFT_BOUNDARY and (company or _BRANCH.search(text, s, end)
                                                            or _FIRM_BRANCH_INSIDE.search(text, s, end)):
            return self._name_start(text, s)
        return s

    def _name_start(self, text: str, s: int) -> int:
        """Where a name that reaches ``s`` with name characters begins: back over at most
        8 characters to a boundary, or to the verb that leads to it (有请|某某地产|北京公司),
        unless that run reads as a clause (召开全国…)."""
        p = s
        stops = _STOP_IN_BODY | _LEFT_BOUNDARY | _CLAUSE_OPENER  # 而|工行深圳分行…: 而 opens the clause
        while p > 0 and s - p < 12 and _HAN_CHAR.match(text[p - 1]) and text[p - 1] not in stops:
            p -= 1
        cut = self.after_lead_verb(text[p:s + 2])  # the place after the run is part of the name
        if cut:
            p = p + cut
        elif p == s or s - p > 8 or (p > 0 and _HAN_CHAR.match(text[p - 1]) and text[p - 1] not in _LEFT_BOUNDARY | _CLAUSE_OPENER):
            return s  # no boundary within reach: keep the name as found
        run = text[p:s]
        if p > 0 and text[p - 1].isdigit() and run[:1] in _DATE_UNIT:
            return s  # 5月13|日|中国人民银行: a date's unit, no name's start
        if (not run or self.reads_as_clause(run) or run[0] in _NOT_NAME_LEAD or self._place_inside.search(run)
                or _LEAD_VERB.search(run) or _clause_words(run, verbs=True)):
            return s  # …|欢迎|中国全国政协, 配合|中国人民银行: a verb leads to the name, no part of it
        return p

    def _county_ending_at(self, text: str, end: int) -> int | None:
        """Where a county or district of 2–3 characters and its level, named right before
        ``end`` after a boundary or under its city or province, starts (with the city), or None."""
        for n in (3, 4):
            s = end - n
            if s < 0 or text[s] in "省市县区州" or not all(_HAN_CHAR.match(c) for c in text[s:end]):
                continue
            if s == 0 or text[s - 1] in _LEFT_BOUNDARY:
                return s
            outer = self._place_ending_at(text, s)
            if outer is not None:
                return outer
        return None

    def _place_ending_at(self, text: str, end: int) -> int | None:
        """Where a province or a prefecture city named right before ``end`` starts, or None."""
        for n in (4, 3, 2):
            cand = text[max(0, end - n):end]
            if cand in self.lex.provinces or (cand.endswith("市") and cand[:-1] in self.lex.cities):
                return end - len(cand)
        return None

    def reads_as_clause(self, s: str, verbs: bool = True) -> bool:
        """Whether a run of characters reads as part of a clause, not an agency name.

        verbs (bool): also count verbs (组建, 参与 …); off where a title vouches for the
            name, since department names hold such words too (组织部).
        """
        return _stop_word_in(s) or (verbs and bool(_VERB_IN_BODY.search(s)))

    @staticmethod
    def after_lead_verb(run: str) -> int:
        """Where a name begins in a run that may open with a clause (接下来有请富龙集团 -> 6):
        after the last verb that leads to it, when at least 4 characters are left; else 0."""
        cut = 0
        for m in _LEAD_VERB.finditer(run):
            if len(run) - m.end() >= 4:
                cut = m.end()
        return cut

    @staticmethod
    def clause_lead(run: str) -> int:
        """Where a name begins in a run a clause opens (我们要高度重视|人民医院, 他们一致认为|
        长江大学, 积极推进|新区建设管委会), by jieba's words: after the last person's pronoun,
        speech or modal verb (认为, 表示, 要) or clause verb after an adverb (积极|推进, 切实|
        加强), and the verbs and adverbs that go on from it; 0 when no clause opens the run. An
        adverb alone (再|就业, 永久|基本农田), a verb alone (推动长江经济带发展领导小组) and a
        verbal noun (建设, 发展) are a name's words."""
        cut = pos = 0
        seen = False
        prev = ""
        for word, tag in tags(run):
            pos += len(word)
            speech = tag[:1] in ("v", "l") and bool(_SPEECH_VERB.search(word))
            if (word in _PERSONAL_PRONOUNS or speech or _SPEECH_VERB.fullmatch(word)
                    or tag == "v" and prev in ("d", "ad") and _VERB_IN_BODY.fullmatch(word)):
                seen, cut = True, pos
            elif seen and pos == cut + len(word) and (tag in ("v", "vd", "d", "ad") or tag == "l" and _VERB_IN_BODY.search(word)):
                cut = pos  # 要|切实加强, 认为|都: the clause goes on
            prev = tag
        return cut

    def is_place_or_agency(self, s: str) -> bool:
        """Whether a short string is a place or an agency rather than a person's name."""
        if s in self.lex.provinces or s in self.lex.known or s in self.lex.cities or s[:-1] in self.lex.cities:
            return True
        return bool(self.suffix_end(s)) or s.endswith(("省", "市", "县", "区"))

    def suffix_end(self, s: str) -> str | None:
        m = self.lex.suffix_end_re.search(s)
        return m.group() if m else None

    def _place_word_bodies(self, text: str) -> list[tuple[int, int]]:
        """A body every county or district has, after the place's name written without its
        level (海淀|法院, 某某|公安分局): the place must be one place name as jieba reads it
        (ns), one or two of them (北京|海淀|法院), no country, class of places or level word;
        a police station after its street, road or village too (某某街|派出所)."""
        out = []
        for m in _PLACE_WORD_BODY.finditer(text):
            q = m.start()
            if q < 2 or not _HAN_CHAR.match(text[q - 1]):
                continue
            w0 = max(0, q - 8)
            words, pos = [], w0
            for word, tag in tags(text[w0:m.end()]):
                words.append((pos, word, tag))
                pos += len(word)
            whole = next((w for w in words if w[0] < q and w[0] + len(w[1]) == m.end()), None)
            if whole is not None:  # 海淀法院: jieba reads the place and the body as one name
                if whole[2] in ("nt", "ns") and 2 <= q - whole[0] <= 4 and text[whole[0]:q] not in _NO_PLACE_WORDS \
                        and [t for _, t in tags(text[whole[0]:q])] == ["ns"]:
                    words = [w for w in words if w[0] < whole[0]] + [(whole[0], text[whole[0]:q], "ns")]
                else:
                    continue
            before = [w for w in words if w[0] + len(w[1]) <= q]
            if not before or before[-1][0] + len(before[-1][1]) != q:
                continue  # the body's first character is read into the word before it
            start = None
            for p0, word, tag in reversed(before):
                if tag == "ns" and 2 <= len(word) <= 4 and _HAN_RUN.fullmatch(word) and word not in _NO_PLACE_WORDS \
                        and word not in self.lex.countries and word[-1] not in "国":
                    start = p0
                    continue
                break
            if start is None and m.group() == "派出所":
                run = "".join(w[1] for w in before[-2:])
                if 3 <= len(run) <= 5 and run[-1] in _STREET_END and _HAN_RUN.fullmatch(run) \
                        and not _clause_words(run, verbs=True):
                    start = q - len(run)
            if start is None:
                continue
            if start > 0 and _HAN_CHAR.match(text[start - 1]) and text[start - 1] not in _LEFT_BOUNDARY \
                    and text[start - 1] not in "据至于":
                prev = next((w for w in words if w[0] + len(w[1]) == start), None)
                if prev is None or prev[2][:1] not in "pvt" and prev[1] not in ("记者", "日前", "近日", "昨日", "今日"):
                    continue  # the place's word follows a noun: part of a longer name
            if _BUILDING_AFTER.match(text, m.end()):
                continue  # 某市政府|会议厅: a building, a place
            end = self._extend(text, m.end(), continuation=True) or m.end()
            if not _POLICE_UNIT.fullmatch(text, m.end(), end) or _clause_words(text[m.end():end], verbs=True):
                end = m.end()  # 某某公安分局|某某街派出所: its own station; no clause after the body
            out.append((start, end))
        return out

    def _standalone(self, text: str) -> list[tuple[int, int]]:
        """Names with no place prefix that end in a strong suffix (…重点实验室, "…学院").

        The body runs left from the suffix to the nearest boundary (punctuation, 的, 与 …);
        it must be 4–16 characters and read as a name, not a clause.
        """
        out = []
        for m in self._standalone_suffix.finditer(text):
            if text[m.start():m.end() + 1] in self.lex.suffix_words:
                continue  # 某某大学|生: the suffix begins a longer word
            q = m.start()
            p = q
            while p > 0 and q - p < MAX_BODY and _HAN_CHAR.match(text[p - 1]) and text[p - 1] not in _STOP_IN_BODY:
                p -= 1
            if p > 0 and _HAN_CHAR.match(text[p - 1]) and text[p - 1] not in _STOP_IN_BODY | _STANDALONE_LEFT:
                # cut by the length limit: start after a conjunction inside, if any
                cut = next((i + 1 for i in range(p, q) if text[i] in _STANDALONE_LEFT), None)
                if cut is None:
                    continue
                p = cut
            paren = _PLACE_IN_PARENS.search(text, max(0, p - 6), p) if p > 0 else None
            if paren and (paren.group(1) in self.lex.provinces or paren.group(1).rstrip("市") in self.lex.cities):
                p = paren.start()  # 某某（北京）某某有限公司: a place in brackets inside the name
                while p > 0 and p - paren.start() > -MAX_BODY and _HAN_CHAR.match(text[p - 1]) and text[p - 1] not in _STOP_IN_BODY:
                    p -= 1
            p += self.after_lead_verb(text[p:m.end()])  # 接下来有请|某某集团
            p += _aspect_verb_end(text[p:q])  # 所有去过|某某博物馆, 看着|某某学院: the clause's verb ends before the name
            joint = next((k + 1 for k in range(q - 1, p, -1) if text[k] in _CONJ and self.suffix_end(text[p:k])), None)
            if joint is not None:
                p = joint  # 某大学与|某研究院: a body's name ends before the conjunction, the second begins after it
            known = next((k for k in self._known_re.finditer(text, p + 1, m.end()) if k.end() == m.end()), None)
            if known is not None:
                continue  # 配合|中国人民银行: a known body ends the run; what stands before it is the clause's
            body = text[p:q]
            if paren and p < paren.start():
                body = text[p:paren.start()] + text[paren.end():q]  # the bracketed place is no body
            if not 4 <= len(body) <= MAX_BODY:
                continue
            if (self.reads_as_clause(body) or _adverb_in(body) or _SPEECH_IN_BODY.search(body) or self._place_inside.search(body, 1)
                    or self.lex.country_re.search(body, 1) or body[0] in _NOT_NAME_LEAD):
                continue  # a clause (…联合浙江交通学院, 我们要高度重视医院), not a name
            out.append((p, m.end()))
        return out

    def ending_at(self, text: str, end: int, ctx: Context) -> AgencyName | None:
        """The longest agency that ends exactly at ``end``, whatever stands before it.

        Used inside title chains, where the title after it vouches for the name whatever
        stands before it, except a word it would start inside: jieba reads 推进|新区,
        大城市|人民政府, 两区|一园 as words across the edge (a clause's verb, a class of places,
        a numbered concept), which leave no name behind them.
        """
        for s in range(max(0, end - MAX_BODY - 4), end - 1):
            if text[s] in "共团" and self._league_end(text, s) == end:
                name = self._league(text[s:end], ctx)
                if name:
                    return AgencyName(s, end, text[s:end], *name)  # 团|县委: the League's, not the Party's
            if text[s] in _FORMER_MARK and self._opens_name(text, s + 1) or text[s] in _CLAUSE_WORD:
                continue  # 原|巢湖市市委: the name begins after the former mark; 而|广州市…: after a clause word
            if s > 0 and text[s - 1] in _LEFT_BOUNDARY and _HAN_CHAR.match(text[s - 1]) and len(tags(text[s - 1:s + 3])[0][0]) > 1:
                continue  # 经济|开发区: the boundary character is the first of a word the name would cut
            m = self._province_re.match(text, s) or self._prefix_re.match(text, s)
            if not m and (s == 0 or text[s - 1] in _LEFT_BOUNDARY or text[s - 1] in _FORMER_MARK):
                # after a boundary, any 2- or 3-character place with its level (邹城市委,
                # 雄安新区管委会)
                m = _ANY_PLACE.match(text, s)
                if m and (text[s] in _LEFT_BOUNDARY | _STOP_IN_BODY or self.reads_as_clause(m.group())):
                    m = None  # 推进新区|建设管委会: a verb opens no place's name
                m = m or _ZONE.match(text, s)
                if not m and (m := _NAMED_ZONE.match(text, s)) and (self.reads_as_clause(m.group()) or _clause_place(m.group())):
                    m = None  # 推进经济开发区…: a verb opens no zone's name
            if not m or m.end() >= end or self._prefix_word(text, m) or len(m.group()) > 2 and _clause_place(m.group()):
                continue  # 》中的县|委, 他说县|委: a place's name holds no clause's words
            if any(text.endswith(c, 0, s) for c in _PLACE_CLASSES) and self._prefix_re.match(text, s):
                continue  # 各地级市|市委: the body of each place of a class, no one body
            if _starts_inside_word(text, s) or any(z.start() < s for z in _ZONE.finditer(text, max(0, s - 8), s + 9)):
                continue  # 推进|新区…, 大城市|人民政府, 两区|一园…, 经济|开发区: a name never starts inside a word
            if len(m.group()) == 1 and text[s - 1:s + 1] in _LEVEL_WORDS:
                continue  # 住房和城|乡建设局: the level character ends a word before it
            if self._extend(text, m.end()) == end:
                s = self._branch_start(text, s, end)
                name = self.canonical(text[s:end], ctx)
                if name:
                    return AgencyName(s, end, text[s:end], *name)
        return None

    def _prefix_word(self, text: str, m: re.Match) -> bool:
        """A bare prefix that begins an ordinary word (市场, 区域) is no place."""
        return len(m.group()) == 1 and text[m.start():m.start() + 2] in self.lex.prefix_words

    def _distinctive(self, text: str, m: re.Match) -> bool:
        """A place prefix that needs no boundary on its left: a known city with its level
        (联合|湖州市政府), or a two-character county or district right before a body only
        a place has (虽然|越秀区人民法院)."""
        prefix = m.group()
        if prefix.endswith("市") and prefix[:-1] in self.lex.cities:
            return True
        return (len(prefix) == 3 and prefix[-1] in "区县" and text.startswith(_PLACE_ONLY_BODIES, m.end())
                and not (set(prefix[:2]) & (_STOP_IN_BODY | _LEFT_BOUNDARY | _NOT_NAME_LEAD)))

    def _left_ok(self, text: str, s: int, prefix: str) -> bool:
        prev = text[s - 1] if s else ""
        if prev in _LEFT_BOUNDARY or prefix in _FREE_PREFIXES:
            return True
        # 我市/本市 + body are fine: 我 and 本 are not part of the agency
        return prev in "我本" and prefix in "市省县区"

    def _extend(self, text: str, pos: int, need_body: bool = False, continuation: bool = False) -> int | None:
        """End of the agency that starts its body at ``pos`` (body + suffix, chained).

        continuation (bool): ``pos`` follows a complete name; only longer names count.
        """
        end = None
        first = not continuation
        start = pos
        while True:
            nxt = self._name_end(text, pos, first, need_body)
            if nxt is None or nxt - start > MAX_NAME:
                break  # past MAX_NAME a chain is a run of names, not one (and reading on is quadratic)
            end = pos = nxt
            first = False
        return end

    def _title_follows(self, text: str, pos: int) -> bool:
        """A title at ``pos`` that is no department's name (市委|常委; 外交部|领事司 is one)."""
        t = self.lex.title_re.match(text, pos)
        return bool(t) and not (text[t.end():t.end() + 1] in _DEPARTMENT_END and text[t.end() + 1:t.end() + 2] != "长")

    def _name_end(self, text: str, pos: int, first: bool, need_body: bool) -> int | None:
        """End of the shortest well-formed body + suffix starting at ``pos``, or None."""
        if not first and (text[pos:pos + 1] in _CONJ or text[pos:pos + 1] in _NEGATION or self._title_follows(text, pos)
                          or (m := self.lex.title_re.match(text, pos - 1)) and m.end() > pos):
            return None  # 技师学院 + 与市科技局: two agencies; 市委 + 常委 / 财政部 + 长: a title follows; 银监会未…
        if not first and text[pos:pos + 1] in _FORMER_MARK and self.lex.title_re.match(text, pos + 1):
            return None  # 某部|原副部长: a former post after the name, no department of it
        if text.startswith(_TITLE_OPENING_BODY, pos) and text[pos + 2:pos + 3] != "会":
            return None  # 某县|常委|政法委书记: a title after the place, then another body (常委会 is one)
        limit = min(len(text), pos + MAX_BODY + 12)
        for m in self._suffix_re.finditer(text, pos, limit):
            body = text[pos:m.start()]
            if not _HAN_RUN.fullmatch(body) or any(c in _STOP_IN_BODY for c in body) or "有关" in body or "部分" in body:
                return None
            short = m.end() - m.start() == 1
            if len(body) > MAX_BODY:
                return None
            if not first and (len(body) >= 3 and (self.reads_as_clause(body) or _clause_words(body))
                              or (verb := _VERB_IN_BODY.match(text, pos, m.end())) and verb.end() > m.start()):
                return None  # 某总局|就开始积极参与…大学, 央行|曾要求商业银行, 某会|扩大|学…: a clause after a name
            if not first and (self.lex.country_re.search(body) or any(tag == "t" and _TIME_CHAR.search(w) for w, tag in tags(body))):
                return None  # 新华社|电新加坡…管理局: another state's body; 某所|昨天…: a clause's time word
            if text[m.start():m.end() + 1] in self.lex.suffix_words or (
                    short and text[m.start() - 1:m.end()] in self.lex.suffix_words):
                continue  # 零部件, 部署: the suffix character is part of another word; look further
            if short and len(body) > _SHORT_SUFFIX_MAX_BODY:
                continue
            if not first and (not body and short or short and len(body) < 2):
                return None  # 委员会 + 部分 / 学院 + 签署: not a continuation of the name
            if first and need_body and not body and short:
                return None
            if first and (_LOCATIVE.search(body) or self._second_name_in(body)):
                return None  # 某区|地处…中心: the place's clause goes on; 某行和|天津…银行: two names
            return m.end()
        return None

    def _league_end(self, text: str, s: int) -> int | None:
        """End of a body of the Communist Youth League named from ``s`` (团县委, 团中央书记处,
        共青团某县委, with the departments after them: 团市委宣传部), or None: 团 must be a
        word's first character, as jieba reads it (代表团|中央 is no 团中央)."""
        m = _LEAGUE_MARK.match(text, s)
        if not m:
            return None
        if m.group() == "团" and _inside_word(text, s):
            return None  # 集团|县委…, 代表团|中央…: the 团 of another word
        pos = m.end()
        if text.startswith("中央", pos) or text[pos:pos + 1] in _LEAGUE_LEVELS and text[pos + 1:pos + 2] == "委":
            return self._extend(text, pos + 2, continuation=True) or pos + 2
        return self._extend(text, pos)  # 共青团|某县委

    def _league(self, surface: str, ctx: Context) -> tuple[str, str, str | None] | None:
        """(canonical, kind, parent) of a body of the Communist Youth League: the Party body
        the surface names without its mark (共青团 or 团), the League's instead: 团县委 (of the
        page's county), 某县团县委, 某县团委, 某地共青团市委, 共青团某县委(员会) -> 共青团某县委员会,
        团市委宣传部 -> 共青团某市委宣传部; 团中央(书记处) -> the League's Central Committee
        (and its secretariat). None when the surface names none (集团公司, 学校团委)."""
        i, k = surface.find("共青团"), 3
        if i < 0:
            i, k = surface.find("团"), 1
        lead, rest = surface[:i], surface[i + k:]
        if i < 0 or not rest:
            return None
        if rest.startswith("中央"):
            centre = self.lex.known[_LEAGUE_CENTRE].canonical if _LEAGUE_CENTRE in self.lex.known else None
            if lead or not centre:
                return None
            tail = rest[2:]
            tail = tail[3:] if tail.startswith("委员会") else tail.removeprefix("委")
            return (centre, "Association", None) if not tail else (centre + self._expand(tail), "Association", centre)
        committee = rest[0] == "委" or rest[0] in _LEAGUE_LEVELS and rest[1:2] == "委"
        if k == 1 and (not committee or _inside_word(surface, i)):
            return None  # 团结…, 团队…, 某集团|委员会: no League body
        if lead and rest[0] == lead[-1] and rest[0] in _LEAGUE_LEVELS:
            rest = rest[1:]  # 某县|团|县委: the level is written twice
        inner = lead + rest
        if inner.endswith("委员会") and len(inner) > 3:
            inner = inner[:-2]  # 共青团某县委员会: the committee, as 某县委 names it
        canon = self.canonical(inner, ctx) if inner != "委" else None
        if canon is None or not canon[0].startswith("中共") or canon[1] != "PartyOrgan":
            return None
        parent = canon[2]
        if parent and parent.startswith("中共"):
            parent = "共青团" + parent[2:]
        return "共青团" + canon[0][2:], "Association", parent

    # -- canonical names -------------------------------------------------------------

    def canonical(self, surface: str, ctx: Context) -> tuple[str, str, str | None] | None:
        """(canonical full name, kind, parent canonical name) for an agency surface.

        A function of the surface, the context and the lexicon alone: read once per
        (surface, context) and kept (a page names its bodies again and again)."""
        key = (surface, ctx)
        hit = self._canonical_of.get(key, self)
        if hit is self:
            if len(self._canonical_of) >= _CANONICAL_KEPT:
                self._canonical_of.clear()
            hit = self._canonical_of[key] = self._canonical(surface, ctx)
        return hit

    def _canonical(self, surface: str, ctx: Context) -> tuple[str, str, str | None] | None:
        lex = self.lex
        if surface in lex.known:
            k = lex.known[surface]
            return k.canonical, k.kind, k.parent
        home = next((h for h in ("中华人民共和国", "中国", "我国") if surface.startswith(h)), "")
        if home and surface[len(home):] in lex.known and lex.known[surface[len(home):]].canonical.startswith("中华人民共和国"):
            k = lex.known[surface[len(home):]]  # 中国外交部: China's own ministry, by its full name
            return k.canonical, k.kind, k.parent
        if self._armed_in.search(surface):
            armed = self._armed_command(surface, ctx)
            if armed is not None:
                return armed
        if (state := self._state_bank_unit(surface)) is not None:
            return surface, "GovernmentAgency", state.canonical  # the central bank's branch: a state body
        if (firm := self._firm_department(surface)) is not None:
            return surface, firm.kind, None  # 某行|现金管理部: a firm's department, its own name
        if "团" in surface and (league := self._league(surface, ctx)):
            return league
        if self._no_one_body(surface):
            return None  # 喻某与该医院, 所有去过某馆, 两轴两带多中心, 全国税务局: no one body's name
        inner = _STANDING_MEMBER_INSIDE.search(surface)
        if inner and inner.end() < len(surface):
            # 某县常委纪委: the place's standing member (another post) is no part of the body's name
            return self.canonical(surface[:inner.start()] + surface[inner.end():], ctx)
        title = lex.title_re.search(surface)
        if title and any(c in surface[title.end():] for c in "和与及"):
            return None  # 财政部长某某和司法部: a title, a name and a conjunction are no agency's name
        country = lex.country_re.match(surface)
        rest = surface[country.end():] if country else ""
        if (rest and self.suffix_end(surface) and len(rest) <= MAX_BODY and not lex.title_re.search(rest)
                and not any(c in _STOP_IN_BODY for c in rest)):
            return surface, "Organization", None  # 越南政府: a foreign country's body stays as written
        place, body = self._split_place(surface, ctx)
        if not body:
            return None
        if place and body in lex.place_bodies:
            pb = lex.place_bodies[body]
            parent = None
            if pb.parent_body:
                parent = lex.place_bodies[pb.parent_body].template.format(place=place)
            return pb.template.format(place=place), pb.kind, parent
        if place and body.startswith("委") and body[1:] and ("委" + body[1:]) not in lex.place_bodies:
            # 市委 + 某部: a department of the Party committee
            dept = self._expand(body[1:])
            return f"中共{place}委{dept}", "PartyOrgan", f"中共{place}委员会"
        full = self._expand(body)
        kind = self._kind(full)
        if kind is None:
            return None
        if kind in ("GovernmentAgency", "PartyOrgan") and _COMMERCIAL.search(body) and not _REGULATOR.search(body):
            return surface, "Company", None  # 某地某期货农产品部: a company's department, its own name
        if kind == "GovernmentAgency" and _ASSOCIATION_IN.search(body, 0, len(body) - 2):
            return surface, "Association", None  # 某足协裁判委员会: an association's committee
        parent = None
        if place and kind == "GovernmentAgency" and full != "人民政府":
            parent = f"{place}人民政府"
        if place and not surface.startswith((place, "市", "省", "县", "区", "我市", "本市", "全市")) and kind in _KEEP_SURFACE:
            return surface, kind, None  # 浙江交通学院, 济宁学院: a proper name, not 省+body
        return (place or "") + full, kind, parent

    def _no_one_body(self, surface: str) -> str | None:
        """Why a surface names no one body, whatever its suffix: ``clause`` (a determiner or
        a count, 佛罗伦萨一家医院; a verb with its aspect particle, 所有去过某馆), ``concept``
        (两轴两带多中心) or ``group`` (全国税务局, 大城市人民政府: a body in each place)."""
        if _NOT_A_NAME.search(surface) or _aspect_verb_end(surface) or self._act_between_names(surface):
            return "clause"
        if _numbered_concept(surface, self._place_inside):
            return "concept"
        return "group" if self._group_of_bodies(surface) else None

    def _act_between_names(self, surface: str) -> bool:
        """Whether a span holds a clause's act between two names: a verb of an act (援引, 指导,
        告上, 建立 …, as jieba reads it) after a name complete in itself (a body's suffix, a
        country, an adverb before the verb), 某局|指导|某协会, 某公司|告上|法院, 某国|建立|某司令部;
        or a post's lead opens it (时任|某市检察院). 就业|指导|中心 is one name."""
        if surface.startswith(_POST_LEADS):
            return True
        if len(surface) < 6 or not _ACT_VERB.search(surface, 2):
            return False
        pos = 0
        prev = None
        for word, tag in tags(surface):
            if pos >= 2 and tag[:1] in "vn" and _ACT_VERB.fullmatch(word):  # jieba may read 指导 a noun
                before = surface[:pos]
                if self.suffix_end(before) or before in self.lex.countries or (prev is not None and prev[1] == "d"):
                    return True
            prev = (word, tag)
            pos += len(word)
        return False

    def is_fragment(self, surface: str, titled: bool = False) -> str | None:
        """Why a span another reader proposes as an agency (the recogniser's) is none, by
        the grammar's own checks, or None when it may name a body, one the grammar does not
        know included (a foreign body, a company): ``clause`` (a determiner or a count, a
        verb with its aspect particle, a clause's function word, speech or a verb of
        location: 首家商业银行, 我们要高度重视某医院, 某县地处…), ``concept``, ``group``
        (``_no_one_body``), or ``venue`` (某会展中心), unless ``titled``: a title follows it
        in the text (会展中心|主任: a post of the body that runs it). A known body is never one."""
        if surface in self.lex.known:
            return None
        if _stop_word_in(surface) or _SPEECH_IN_BODY.search(surface) or _LOCATIVE.search(surface):
            return "clause"
        return self._no_one_body(surface) or ("venue" if not titled and _VENUE.search(surface) else None)

    def _group_of_bodies(self, surface: str) -> bool:
        """Whether a name is a group of bodies, one in each place: a class of places before a
        body only a place has, or schools of a kind (``agency_checks._places_group``), or
        全国/全省 before an office every place has (全国|税务局, 全省|中小企业局): a nationwide
        body is a committee, a congress or an association (全国人大, 全国妇联), and its first
        link says so (``agency_checks._level_office``)."""
        if _places_group(surface):
            return True
        first = self._name_end(surface, 2, True, False) if surface.startswith(_NATIONWIDE) else None
        if first and surface[2:] not in self.lex.known:
            return _level_office(surface[2:first], self.lex.suffixes)
        return False

    def _split_place(self, surface: str, ctx: Context) -> tuple[str | None, str]:
        for short, full in self._provinces_longest:
            if surface.startswith(short) and len(surface) > len(short):
                rest = surface[len(short):]
                tail = full[len(short):]  # 广东 + 省委, 北京 + 市委: the level word belongs to the place
                if rest[0] in "区县旗" and not rest.startswith(tail) or rest[0] == "市" and tail != "市" and short in self.lex.cities:
                    break  # 朝阳|区: a district named like a city is a place of its own; 吉林|市委: the city
                if tail and rest.startswith(tail) and len(rest) > len(tail):
                    rest = rest[len(tail):]
                city = re.match(rf"([{_HAN}]{{2,3}}?)市", rest)
                if city and city.group(1) in self.lex.cities and len(rest) > city.end():
                    return self._county_in(city.group(), rest[city.end():])  # 江苏省|南京市|委: the city's own
                return full, rest
        if ctx.city:
            short = ctx.city[:-1] if ctx.city.endswith("市") else ctx.city
            if surface.startswith(ctx.city):
                return self._county_in(ctx.city, surface[len(ctx.city):])
            if (surface.startswith(short) and not surface.startswith(short + "市")
                    and surface[len(short):len(short) + 1] not in ("区", "县", "旗")):
                return ctx.city, surface[len(short):]
        for lead in ("我市", "本市", "全市"):
            if surface.startswith(lead):
                return (ctx.city or "市"), surface[2:]
        if surface[0] == "市" and surface[:2] not in self.lex.prefix_words:  # 市场监管局: no 市 + 场…
            return (ctx.city or "市"), surface[1:]
        if surface[0] == "省":
            return (ctx.province or "省"), surface[1:]
        if surface[0] in "县区镇乡":
            return (ctx.county or surface[0]), surface[1:]
        m = re.match(rf"([{_HAN}]{{2,3}}?)市", surface)
        if m and (m.group(1) in self.lex.cities or len(m.group(1)) == 2) and len(surface) > m.end():
            rest = surface[m.end():]
            twice = rest.startswith("市") and rest[1:] in self.lex.place_bodies  # 巢湖市|市委: the level written twice
            return self._county_in(m.group(), rest[1:] if twice else rest)
        m = re.match(rf"[{_HAN}]([县区])\1", surface)
        if m and m.group()[0] not in _NO_PLACE_HEAD and len(surface) > m.end():
            return m.group()[:2], surface[m.end():]  # 某县|县|委: a county of one character, the level written twice
        for n in (2, 3):  # 某某区|委, then 某某某区|委
            m = re.match(rf"[{_HAN}]{{{n}}}(?:县|区|州|盟|旗|镇|乡)", surface)
            if m and len(surface) > m.end() and not _clause_place(m.group()):  # 中的|县委, 他说|县委: no place
                rest = surface[m.end():]
                if rest[0] == m.group()[-1] and rest[1:] in self.lex.place_bodies:
                    rest = rest[1:]  # 某某县|县委, 某某区|区政府: the level written twice
                return m.group(), rest
        return None, surface

    def _county_in(self, city: str, rest: str) -> tuple[str, str]:
        """(place, body) of a name after its city: the district or county when one follows
        with one of its own bodies (济宁市|兖州区|委 -> 兖州区, 委), else the city."""
        county = re.match(rf"[{_HAN}]{{2}}[县区旗]", rest)
        if county and rest[county.end():] in self.lex.place_bodies:
            return county.group(), rest[county.end():]
        return city, rest

    def _expand(self, body: str) -> str:
        """Expand the longest known abbreviation that ends the body (科技局 -> 科学技术局)."""
        for n in range(len(body), 0, -1):
            tail = body[-n:]
            if tail in self.lex.abbreviations:
                full = self.lex.abbreviations[tail]
                return body if body.endswith(full) else body[:-n] + full  # 人民政府 is no 人民 + 政府
        return body

    def _kind(self, full: str) -> str | None:
        m = None
        for n in range(min(12, len(full)), 0, -1):
            if full[-n:] in self.lex.suffixes:
                m = full[-n:]
                break
        if m is None:
            return None
        kind = self.lex.suffixes[m]
        if kind == "Company" and full.startswith("中国"):
            return "StateOwnedEnterprise"
        return kind

    def _armed_command(self, surface: str, ctx: Context) -> tuple[str, str, str | None] | None:
        """(canonical, kind, parent) of a body of China's armed forces (agency-known.tsv,
        agency-armed-commands.tsv), or None: a command (``_armed_head``), or a command's unit
        with a government body's suffix (解放军|总政治部, 某战区|政治工作部, 某军区|某部): the
        command's own, under it (a body of another kind, 解放军|报社, is its own)."""
        head = self._armed_head(surface, ctx)
        if head is not None:
            return head
        if not _ARMED_UNIT.search(surface):
            return None
        for n in range(len(surface) - 2, 1, -1):
            command = self._armed_head(surface[:n], ctx)
            if command is not None:
                unit = surface[n:]
                if self._kind(self._expand(unit)) != "GovernmentAgency" or self.reads_as_clause(unit):
                    return None
                return command[0] + unit, ARMED_FORCE, command[0]
        return None

    def _armed_head(self, surface: str, ctx: Context) -> tuple[str, str, str | None] | None:
        """(canonical, kind, parent) of a command of China's armed forces, or None: a known
        one; a service after a command (东部战区|陆军, 某军区|空军), under the command; a
        military region after a province or a known city (某省|军区, 某市|军区; 省|军区: the
        page's province's), under the Central Military Commission; a sub-district after a
        known city (某市|军分区; 军分区 alone: the page's city's), under its province's region."""
        lex = self.lex
        known = lex.known.get(surface)
        if known is not None:
            return (known.canonical, known.kind, known.parent) if known.kind == ARMED_FORCE else None
        for n in (3, 2):
            role = lex.armed_commands.get(surface[-n:])
            head = surface[:-n]
            if role is None or not head and role != "subregion":
                continue
            if role == "service":
                command = self._armed_head(head, ctx)
                if command is None or command[0] == _PLA or self._armed_service_re.search(command[0], len(command[0]) - 3):
                    return None  # the PLA's own services are known (解放军陆军); no service of a service
                return command[0] + surface[-n:], ARMED_FORCE, command[0]
            if role == "region":
                region = self._military_region(ctx.province if head == "省" and ctx.province else head)  # 省|军区: the page's
                return (region, ARMED_FORCE, self._cmc()) if region else None
            city = (head or ctx.city or "").removesuffix("市")  # 军分区 alone: the page's city's
            if city in lex.cities:  # role subregion
                return f"{_PLA}{city}{surface[-n:]}", ARMED_FORCE, self._military_region(lex.cities[city])
            return None
        return None

    def _military_region(self, place: str) -> str | None:
        """The canonical name of the PLA's military region of a province or a known city:
        a province's (山东|军区, 山东省|军区: 中国人民解放军山东省军区; an autonomous region's
        or a municipality's by its short name: 某某军区), or a city's (某市|军区)."""
        lex = self.lex
        if place in lex.provinces:
            full = lex.provinces[place]
            if full.endswith("省"):
                return f"{_PLA}{full}军区"
            short = next((k for k, v in lex.provinces.items() if v == full and k != full), full)
            return f"{_PLA}{short}军区"
        city = place.removesuffix("市")
        return f"{_PLA}{city}军区" if city in lex.cities else None

    def _cmc(self) -> str | None:
        """The Central Military Commission's canonical name (agency-known.tsv), or None."""
        known = self.lex.known.get(_CMC)
        return known.canonical if known else None

    def _firm_department(self, surface: str) -> KnownAgency | None:
        """The known firm whose name opens a department that a government body's suffix
        ends (招行|信贷管理部, 某银行|现金管理处): the firm's, no state body; or None."""
        if self.lex.suffixes.get(self.suffix_end(surface) or "") != "GovernmentAgency":
            return None
        for n in range(min(8, len(surface) - 2), 1, -1):
            known = self.lex.known.get(surface[:n])
            if known is not None:
                return known if known.kind in ("Company", "StateOwnedEnterprise") else None
        return None

    def _state_bank_unit(self, surface: str) -> KnownAgency | None:
        """The state body, a firm's word in its own name, whose known name opens a longer
        name (the central bank's branches and departments: 中国人民银行某市中心支行,
        人民银行某分行, 中国人民银行某研究局), or None: its firm's word makes no firm of them."""
        if self.lex.suffixes.get(self.suffix_end(surface) or "") not in ("Company", "GovernmentAgency"):
            return None
        for n in range(min(8, len(surface) - 1), 1, -1):
            known = self.lex.known.get(surface[:n])
            if known is not None:
                return known if known.kind == "GovernmentAgency" and _COMMERCIAL.search(surface[:n]) else None
        return None

    def resolve_department(self, surface: str, parent: AgencyName, ctx: Context) -> tuple[str, str, str | None] | None:
        """A department named without a place (宣传部) inside a chain after its parent (市委)."""
        party = parent.kind == "PartyOrgan" and parent.label.startswith("中共") and parent.label.endswith("委员会")
        if party and surface.endswith(_PARTY_DEPARTMENT):
            place = parent.label[2:-3]
            key = "委" + surface
            if key in self.lex.place_bodies:
                pb = self.lex.place_bodies[key]
                return pb.template.format(place=place), pb.kind, parent.label
            return f"中共{place}委{self._expand(surface)}", "PartyOrgan", parent.label
        if party and not self._split_place(surface, ctx)[0]:
            return self.canonical(parent.label[2:-3] + surface, ctx)  # 高新区党工委 + 管委会: the place's
        return self.canonical(surface, ctx)


@lru_cache(maxsize=1)
def _city_re() -> re.Pattern:
    # a city's name before 区/县/旗 names a district of its own (北京|朝阳区), not the city
    return re.compile(f"(?:{alternation(lexicon().cities)})(?![区县旗])")


_COUNTY_RE = re.compile(f"(?<![{_HAN}])([{_HAN}]{{1,2}}(?:县|区))|(?<=[在和与、，,])([{_HAN}]{{1,2}}(?:县|区))")


def infer_county(text: str) -> str | None:
    """The county a county paper is about: a county named at least twice, when the text
    speaks of 全县/县委/县长 (a county's own paper)."""
    county_refs = len(re.findall("全县|我县|县委|县长|县政府|全区|我区|区委|区长|区政府", text))
    city_refs = len(re.findall("全市|我市|市委|市长|市政府", text))
    if county_refs <= city_refs:
        return None  # a city's paper: 县 bodies it names are not its own
    counts: dict[str, int] = {}
    for m in _COUNTY_RE.finditer(text):
        name = m.group(1) or m.group(2)
        if name[-2] in "全我本该各每任" or name[0] in _NO_PLACE_HEAD | _LEFT_BOUNDARY or _clause_place(name):
            continue  # 使全县, 在我县, 现任|县…, 经|县委, 》中的|县委: no county's name (沛县, 某某县: one)
        if name[0] == "团" and _LEAGUE_MARK.match(text, m.start(1) if m.group(1) else m.start(2)):
            continue  # 团|县委: the Youth League's committee of the county, no county named 团县
        counts[name] = counts.get(name, 0) + 1
    best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=None)
    return best[0] if best and (best[1] >= 2 or len(counts) == 1) else None


def infer_context(text: str, city: str | None = None, province: str | None = None) -> Context:
    """The city and province a page is about: metadata first, else the most named place."""
    lex = lexicon()
    if not city:
        counts: dict[str, int] = {}
        for name in _city_re().findall(text):
            counts[name] = counts.get(name, 0) + 1
        best = max(counts.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        # the most named city; one mention is enough when no other city is named
        if best and (best[1] >= 2 or len(counts) == 1):
            city = best[0] + "市"
            province = province or lex.cities[best[0]]
    if not province:
        pc: dict[str, int] = {}
        for short, full in lex.provinces.items():
            if len(short) >= 2 and full.endswith("省"):
                n = text.count(short)
                if n:
                    pc[full] = pc.get(full, 0) + n
        best_p = max(pc.items(), key=lambda kv: (kv[1], kv[0]), default=None)
        if best_p:
            province = best_p[0]
    return Context(city=city, province=province, county=infer_county(text))
