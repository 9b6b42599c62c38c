"""Figures (qb:Observation) from an article: value, unit, kind, indicator, area, period.

The grammar of the genre, in four steps, all on the repaired text with regexes:

1. **Find** quantities: a numeral (Arabic, Chinese or mixed), an optional 万/亿 multiplier,
   余/多, a unit or measure word (``ontology/vocab/units.tsv``) and qualifiers
   (``figure-qualifiers.tsv``). A number without a unit is not a figure (dates, years,
   codes, phone numbers), nor is one inside a short quotation ("6293", "9+3"), inside
   《…》 (20条措施 of a document name), glued to letters or ``+`` (5G, 9+3), or a bare
   一/十/百/千 (一个, 千家万户).
2. **Kind** (``figure-cues.tsv``): change (同比增长 right before the number, direction
   kept), target (力争, 目标, 明年, a future year), share (占, 比重 with a %), count (a
   measure word), else level.
3. **Indicator**: the noun phrase measured, read back from the number to the clause start
   (trimming area, time and link words, ``figure-indicator-trim.tsv``), or forward from a
   measure word (为243家高新技术企业 -> 高新技术企业); a change with no phrase of its own
   shares the indicator of the figure before it (装机容量…，同比增长30%). The phrase is
   then cut to a noun phrase with jieba's parts of speech (rjieba): adverbs, modals and
   particles at its end go (海拔才不过 -> 海拔); a clause (a preposition, clause adverb,
   pronoun or conjunction in it) keeps its last noun phrase (司法部门已建立了…场所 ->
   …场所); a clause that ends in its verb, or a relative clause (…的), measures the noun
   after the number (只付给1200元住院费, 国家有140亿美元的黄金外汇储备); X比Y低30%
   measures X. Names of statistics written with verbs (城镇新增就业) have no clause mark
   and stay whole. News grammar on top (issue 15): a named place or body opening the
   phrase goes (成都市每年新增教师 -> 新增教师), so does a scope (全村) or an extreme (最多的);
   people or times counted by what they do keep the verb and its object (近300人出席了招待会
   -> 出席招待会人数); a share names X占Y…比例, or the group and what it does (70%的农户使用了…);
   households, visits and times say 户数, 人次, 次数; a harvest or planting verb gives the
   crop's 产量 or 种植面积; N万人口 is a population; a clause that names nothing measured is
   no indicator, not the clause. Sina news on top (issue 15, blind batches of CLUENER): an
   ordinal (第三期, 中第一个) picks which and goes, so do a year in digits (19年), a bare
   number ending another statement (出场次数42|命中率), who forecast or reported it
   (某机构预测, 统计显示), hearsay adverbs (据称, 即) and a span of time alone (5年|增长8倍);
   a noun after 的 that names a measure is measured (3米的积雪量, 50元的管理费), so is the
   object after 的 of a clause ending in its verb, and the noun after money received (领取了|
   80万元年终奖金); a count followed by a verb counts the noun before it (物业公司共35家|签署了…);
   a count already named as a measure (…峰值, …余额) takes no 数量; a Latin model name before
   the noun counted is skipped (两架C-130运输机); a share that lost its holder says 占Y比例; a
   comparison with the same period before (低于上年同期的) measures the figure before; a
   price said by 以…V is the price of the deal (以860万元成交 -> 成交价, ``figure-price-verbs.tsv``);
   a percentage right before a verb is its rate (100%覆盖 -> 覆盖率); a currency after 元
   (元港币) is part of the unit; a named body or a named place that opens the phrase is the
   measure's owner and goes (长河银行净利润 -> 净利润, 青石岛陆地面积 -> 陆地面积), a class of
   bodies stays (商业银行不良贷款率; ``figure-owners.tsv``); a class with examples (赞助商有
   甲、乙等|9家) counts the class; a length after a verb of going is a distance (步行8公里),
   of a peak its altitude, of a tower its height; after a count, a light verb (进行, 组成, 是)
   ends the counted noun and a modifier the tagger reads as an adverb (特约商户) stays in it;
   an auction verb before the amount is a price too (拍出了|800万港元), N公斤重的X is X's weight,
   and in X是Y, Y is measured; a base of a rate (每亩, 每平方米) is said by the unit, a claim
   (辩称) goes with who made it, and a bare 长 or a distance between two places (A距离B) is a
   长度 or a 距离. Issue 15 item 2, the kinds left: a counted noun of one character (30幅画, 5个村的) is
   counted, so is the noun after a named owner or a topic and 的 (某国外交部的|秘密档案, 园林方面的|专著)
   and after a model name of Chinese, a dash and a number (歼－10战斗机); a count that 在/由/将 governs
   ends at its verb or localizer (在1200家影院内|上映 -> 影院); a photo mark (（图）) or an alias (（下称…）)
   is no part of a label, nor is a verb of inclusion (作品包括|油画); money paid, bid or taken by one
   person measures the act (一位买家出价 -> 出价; classes such as 农民 stay); and people counted at an
   event they attend (参加了座谈) are counted by it, whoever they are.
   Issue 15, the kinds of the next round: X占N% is X比例 (the text's own 占比 stays); games and shows are
   counted in 场 (交战场数); a sum of money said by the act that paid, took or kept it is named by the act
   (取|1200元 -> 取款金额, 存入 -> 存款, 收取 -> 收费; ``figure-money-acts.tsv``), loses the body or place that
   holds it (某国政府贷款 -> 贷款; a class or level of government stays), and a place in a contest is paid
   its prize (冠军奖金); items said one after another share the measure of the first when a later one is
   only whose or where (甲村…预售价格为…，乙村为…) or an extreme (最低, 最高); a name before a colon is
   what the value after it measures (单位净值：0.83元); the dead are counted as 死亡人数; a measure of two
   characters keeps its own change (出口增长…，进口增长…); who set a figure (核定) and an example
   introduced by 如 go.
   Issue 15, the news-train-8 round: a tally in 票 names how the votes were cast (赞成票数); X含Y is Y's
   content (钙含量); a list broken off by …… ends before the clause; a long counted phrase that holds a clause
   keeps what was counted (研讨会收到|学术报告, 各校报送的|论文; people keep theirs); a place said by a localizer
   (公园内, 银行中) is where, not what is counted; connectives (结果, 就是), a date after 今年, a subject with an
   adverb before the act (某公司首先|开价), where people come from (来自某国的) and the delivery month of a
   contract (1月交货的) go; the start of a change said by a time (由过去的|每公斤…, 降到现在的|…) is the period;
   a rate per head is 人均 (平均每人交纳保险费 -> 人均保险费); the parts of what is divided are counted
   (…分甲、乙|两部分 -> …部分数量); the noun counted after a measure word ends before a quantifier or a 所
   clause (文物|绝大部分…); head words are cut where they leave no piece of a word (世界杯 stays whole); a
   modal opens no label (能|收入); a change said by its period alone (…：1996年增长了|19%) measures the
   subject of the sentence.
   Issue 15, the page's long labels (second indicator round): a rank (列全省第1位) is a figure of what is
   ranked, where and 排名 (…成绩全省排名, the seed gold's kind rank); a pair of ASCII quotes stays in a label
   (…"微型展馆"数量); a class named before 有： counts the list after the colon (主要领域有：|A、B等11个方面 ->
   主要领域数量); where people went goes from a count of what they did there (村民到镇政府|上访 -> 村民上访人数);
   "so far" (迄今为止, 到目前为止) is the period.
   A learned selector of the indicator span (the rules' label among the clause's word-boundary
   spans, an averaged perceptron; commit d45535a) was tried and is not wired in: +0.01 mean
   character F1 under cross-validation, +0.00 to +0.02 on unseen sets, for about 1.5x the
   extraction time of a figure-dense page.
4. **Period** (``figure-periods.tsv``): the last period phrase before the figure in its
   sentence, resolved against the page date (今年以来 -> Jan 1 .. page date).
"""
from __future__ import annotations

# The package reads figures in one direction (each module imports only the ones above it):
#   tables      fixed characters, regexes and endings shared by the readings
#   vocab       the vocabularies of the data files (figure-*.tsv), and the regexes built from them
#   pos         parts of speech (jieba's, via rjieba) and the word classes tested with them
#   quantities  1. quantities: numeral, multiplier, unit, qualifiers (find_quantities)
#   context     4. the sentence and clause of a figure, its period and its area
#   owners      the owner (a named body or place) and the time words that open an indicator
#   tidy        3. the last pass over an indicator phrase
#   before      3. the indicator read back from the number
#   after       3. the noun read forward from the number or its measure word
#   lists       lists and ranges, examples of a class, things said one by one (分别)
#   shares      2. the patterns of targets, changes, shares and comparisons
#   measures    3. the patterns of what is measured: counts, money, prices, outputs, dimensions
#   driver      each quantity of a text read into a Figure (kind, indicator, period, area, evidence)
#   extract     the figures of an article: its text and its headline (extract_figures)
from ...records import observation_key
from .extract import extract_figures
from .quantities import Quantity, find_quantities

__all__ = ["Quantity", "extract_figures", "find_quantities", "observation_key"]
