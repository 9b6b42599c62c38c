"""Domain vocabularies loaded once from ontology/vocab/*.tsv (titles, agency grammar ...).

Knowledge of the genre lives in those data files, not in code branches: a user can add
a title or an abbreviation without touching Python.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .paths import VOCAB_DIR
from .tables import alternation, read_rows


def read_tsv(name: str, vocab_dir: Path = VOCAB_DIR) -> list[list[str]]:
    """Rows of a TSV vocabulary, without comments and the header row."""
    return read_rows(name, vocab_dir, header=True)


FOREIGN_SCORE = 0.9  # e^0.9: a name 2.5 times likelier foreign than Chinese


@dataclass(frozen=True)
class Title:
    title: str
    family: str
    implicit: str | None


@dataclass(frozen=True)
class KnownAgency:
    canonical: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class PlaceBody:
    template: str
    kind: str
    parent_body: str | None


class Lexicon:
    """All vocabularies, with compiled matchers."""

    def __init__(self, vocab_dir: Path = VOCAB_DIR) -> None:
        self.titles = {r[0]: Title(r[0], r[1], None if r[2] == "-" else r[2]) for r in read_tsv("titles.tsv", vocab_dir)}
        self.suffixes = {r[0]: r[1] for r in read_tsv("agency-suffixes.tsv", vocab_dir)}
        self.abbreviations = {r[0]: r[1] for r in read_tsv("agency-abbreviations.tsv", vocab_dir)}
        self.place_bodies = {
            r[0]: PlaceBody(r[1], r[2], None if r[3] == "-" else r[3]) for r in read_tsv("agency-places.tsv", vocab_dir)
        }
        self.known = {r[0]: KnownAgency(r[1], r[2], None if r[3] == "-" else r[3]) for r in read_tsv("agency-known.tsv", vocab_dir)}
        self.prefix_words = {r[0] for r in read_tsv("agency-prefix-words.tsv", vocab_dir)}
        self.suffix_words = {r[0] for r in read_tsv("agency-suffix-words.tsv", vocab_dir)}
        self.standalone = {r[0]: r[1] for r in read_tsv("agency-standalone.tsv", vocab_dir)}
        self.bare = {r[0]: (r[1], r[2]) for r in read_tsv("agency-bare.tsv", vocab_dir)}
        self.armed_forces = frozenset(r[0] for r in read_tsv("agency-armed-forces.tsv", vocab_dir)) if (
            Path(vocab_dir) / "agency-armed-forces.tsv").is_file() else frozenset()
        # China's services, military regions and sub-districts, by the word that names them
        # after a command or a place (陆军: service, 军区: region, 军分区: subregion)
        self.armed_commands = {r[0]: r[1] for r in read_tsv("agency-armed-commands.tsv", vocab_dir)} if (
            Path(vocab_dir) / "agency-armed-commands.tsv").is_file() else {}
        self.provinces: dict[str, str] = {}
        for full, short in read_tsv("provinces.tsv", vocab_dir):
            self.provinces[full] = full
            for s in short.split(","):
                if len(s) >= 2:
                    self.provinces[s] = full
        self.cities: dict[str, str] = {}  # short city name -> province
        for province, names in read_tsv("cities.tsv", vocab_dir):
            for name in names.split(","):
                self.cities[name] = province
        self.surnames = _load_surnames(vocab_dir)
        self.countries: dict[str, str] = {}  # a foreign country as written -> its name
        if (Path(vocab_dir) / "countries.tsv").is_file():
            for row in read_tsv("countries.tsv", vocab_dir):
                self.countries[row[0]] = row[0]
                for short in (row[1].split(",") if len(row) > 1 and row[1] != "-" else ()):
                    if len(short) >= 2:
                        self.countries[short] = row[0]
        # a foreign country anywhere in a text, and every country with its beginnings (埃塞 of
        # 埃塞俄比亚): a span among these is no person's name
        named = [c for c in self.countries if len(c) >= 2]
        self.country_re = re.compile(alternation(named) if named else "(?!)")
        self.country_heads = frozenset(c[:k] for c in named for k in range(2, len(c) + 1))
        # how much likelier each character is in a transliterated foreign name than in a
        # Chinese one (log-ratio; scripts/translit_chars.py learns it), and the characters
        # at least four times likelier: the transliteration alphabet
        self.foreignness: dict[str, float] = {
            row[0]: float(row[3]) for row in read_tsv("translit-chars.tsv", vocab_dir)} if (
            Path(vocab_dir) / "translit-chars.tsv").is_file() else {}
        self.translit = frozenset(c for c, lr in self.foreignness.items() if lr >= math.log(4))
        # 泰国|王储 is no 国王 (储 after any other title is a surname: 市长储某)
        self.title_re = re.compile(f"(?:{alternation(self.titles)})(?!会|台|团)(?!(?<=国王)储)")
        self.suffix_alt = alternation(self.suffixes)
        self.suffix_end_re = re.compile(f"(?:{self.suffix_alt})$")

    def reads_foreign(self, name: str) -> bool:
        """Whether a name reads as a transliterated foreign one (约翰·史密斯, 普罗迪, 哈西娜): dotted,
        or its characters' log-ratios (translit-chars.tsv) sum past ``FOREIGN_SCORE``.
        Dictionaries know many such names as names, so they cannot tell."""
        return "·" in name or sum(self.foreignness.get(c, 0.0) for c in name) > FOREIGN_SCORE

    def opens_with_surname(self, name: str) -> bool:
        """Whether a name opens with a surname of one or two characters (王…, 欧阳…)."""
        return name[:1] in self.surnames or name[:2] in self.surnames

    def title_at_end(self, text: str) -> str | None:
        """The longest title that ``text`` ends with."""
        for n in range(min(7, len(text)), 1, -1):
            if text[-n:] in self.titles:
                return text[-n:]
        return None


_FALLBACK_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施"
    "文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷"
    "盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷"
    "晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆"
    "乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平"
    "计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公"
    "哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由"
)
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒", "令狐", "夏侯", "端木", "独孤", "南宫", "西门", "万俟", "轩辕")


def _load_surnames(vocab_dir: Path) -> dict[str, float]:
    """Surname -> prior; from surnames.tsv when present, else a built-in common list."""
    path = vocab_dir / "surnames.tsv"
    if path.is_file():
        out: dict[str, float] = {}
        for row in read_tsv("surnames.tsv", vocab_dir):
            try:
                out[row[0]] = float(row[1]) if len(row) > 1 and row[1] else 1.0
            except ValueError:
                out[row[0]] = 1.0
        if out:
            return out
    out = {c: 1.0 for c in _FALLBACK_SURNAMES}
    out.update({c: 1.0 for c in _COMPOUND_SURNAMES})
    return out


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The shared, loaded-once lexicon."""
    return Lexicon()


_PLACE = re.compile(r"^([\u4e00-\u9fff]{1,8}?(?:省|市|县|区|自治区|自治州))")  # 沛县: a county of one character too


#: what ``_PLACE`` reads as a place where a body's name opens with a kind of zone and no name
#: of its own (经济开发区, 县高新技术产业开发区, 新区, 工业园区, 社区): no place
_ZONE_KIND = re.compile("[省市县区州旗]?(?:(?:经济技术|经济|高新技术产业|高新技术|高新|工业|产业|综合)?(?:开发区|园区)"
                        "|高新区|新区|(?:综合)?保税区)|社区")


def place_of(label: str) -> str | None:
    """The place an agency belongs to (中共济宁市委员会 -> 济宁市); None when its name gives
    none: 中共市委员会 (the page's city unknown), or a zone's kind alone (经济开发区管理委员会:
    a 经济开发区 of any place)."""
    m = _PLACE.match(label.removeprefix("中共"))
    return m.group(1) if m and not _ZONE_KIND.fullmatch(m.group(1)) else None


def places_of(label: str) -> list[str]:
    """The nested places an agency's name opens with, outermost first
    (济宁市兖州区委 -> [济宁市, 兖州区]; 中共山东省委员会 -> [山东省])."""
    rest = label.removeprefix("中共")
    out = []
    while (m := _PLACE.match(rest)) and len(m.group(1)) < len(rest):
        out.append(m.group(1))
        rest = rest[m.end():]
    return out
