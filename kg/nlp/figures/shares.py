"""2. Kinds and bases: the patterns the driver reads targets, changes, shares and comparisons with (X占Y的比重,
X比Y低30%, 是去年同期的…), and those after which a bare figure takes the measure of the figure before.
"""
from __future__ import annotations

import re

from ..numbers import compile_prefiltered

_PLAN_WORD = re.compile(r"要|将|拟|计划")

_RATE_WORDS = ("降幅", "增幅", "增速", "涨幅", "降速", "下降幅度", "增长幅度", "上涨幅度", "下跌幅度")

#: 90%以上的|个人电脑: a percentage of a group
_SHARE_OF = re.compile(r"(?:以上|以下|左右|多)?的(?=[\u4e00-\u9fff]{2})")

_CONVERTED = re.compile(r"^[（(]?(?:约|大约)?(?:折合|约合|合)")
_BARE_COMPARE = re.compile(r"^(?:要|还|约|大约)?(?:(?:低|高|多|少|贵|便宜)(?:了|出)?"
                           r"|[低高多少]于(?:上年|去年|上一年|前一年|上月|上季度|同期|上年同期|去年同期)的?)$")

_UP_WORDS = re.compile("提高|增长|上升|高于|增加")
_DOWN_WORDS = re.compile("下降|降低|减少|低于|回落")

#: X比Y低30%: X is measured (a comparison with a noun, not with a period: 比上年 is dropped before)
_COMPARED = re.compile(r"([\u4e00-\u9fff]{2,16}?)比[\u4e00-\u9fff]{2,10}?(?:低|高|多|少|大|小|长|短|快|慢)(?:了|出)?$")

#: verbs of a change or a link: a figure after one alone goes on with the figure before
_CHANGE_VERB = re.compile(r"扩大|增加|增长|增至|提高|达到|达|下降|减少|降低|降至|上升|升至|超过|突破|到|至|为|是|占|有")

_SUPERLATIVE = re.compile(r"最[多少高低大小长短早晚]的")
_EXTREME_IS = re.compile(r"([\u4e00-\u9fff]{2,12})最[多少高低大小长短快慢]的(?:是|为|要数|当属)[^，,；;。]{0,12}$")

#: a verb right after a percentage, then 的 or the end of the clause (100%成交的, 100%覆盖。)
_RATE_VERB = re.compile(r"([\u4e00-\u9fff]{2})(?=的|[，,。；;！!？?、]|$)")

#: a clause that only links a figure to what the clause before names (，共有|5个)
_LINK_ONLY = re.compile(r"\s*(?:其中|总共|一共|共计|总计|合计|累计|共|计|约|近|有|达|达到|为|已|已经|超过|多达|高达)*\s*")

#: the holder of a share before 将从/从/由 (债务将从占…): what is shared
_HOLDER_END = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:将|要|会)?(?:从|由)$")
#: a phrase of time words alone (收盘时, 上周末): no measure, the figure before's goes on
_TIME_ONLY = re.compile(r"^(?:今天|昨天|当天|当日|目前|现在|此前|上周末|周末|本周|上周|月底|月末|年底|年末|)"
                        r"(?:收盘|开盘|收市|开市)?时?$")
#: a share named in full before its number (X占Y的比重, X占其Y的比例仅占)
_SHARE_PHRASE = re.compile(r"([\u4e00-\u9fff]{2,10})占(?:其|该)?([\u4e00-\u9fff]{2,12}?)(的?)(比重|比例|份额)"
                           r"(?:仅|只|约|已|均)?占?$")

#: a clause that says a measure changed (登记量增长较快): its subject is the measure
_SUBJECT_CHANGE = re.compile(r"([^，,；;：:。]{2,16}?)(?:持续|继续|稳步|快速|大幅|逐年)?(?:增长|增加|下降|减少|提高|上升|回落|递增|递减)"
                             r"[^，,；;：:。]{0,4}$")
#: a clause of change words alone before the number (平均每年递增, 年均增长)
_CHANGE_ONLY = re.compile(r"(?:平均|年均|每年|逐年|同比|比上年|连续)+(?:递增|递减|增长|增加|下降|减少|提高|上升)?(?:了|达|为)?"
                          r"|(?:递增|递减|增长|增加|下降|减少|提高|上升)(?:了|达|为)?|(?:平均|年均|每年|逐年)*递")

#: the base of a comparison alone (是去年同期|1228万元): the figure before's measure
_BASE_ONLY = re.compile(r"^(?:是|为|只有|仅有|仅为|只是|相当于|只相当于|比)(?:去年|上年|前年|上一年|今年)?(?:同期)?的?$")
#: X只有Y的|60%, X是Y的|3倍: X is measured, Y is the base
_RATIO_OF = re.compile(r"(?:只有|仅有|仅为|只相当于|相当于|只是|是|为)([^，,；;。是为]{1,10})的$")

#: the base of a comparison before the number (高出全国平均水平|12个百分点, 是全国平均水平的|5.2倍):
#: what is compared is measured, not what it is compared with
_VS_BASE = compile_prefiltered(r"(?:略|稍|远远|大大|远)?(?:高出|高于|低于|低出|超过|超出|快于|慢于|好于|相当于|是)"
                      r"[^，,；;。]{0,14}?(?:平均水平|平均数|水平)的?$")
#: a comparison whose base holds the number (略高于上月每桶|12美元|的水平): the figure before's measure
_VS_BEFORE = re.compile(r"(?:高出|高于|低于|超过|超出|快于|慢于|好于|相当于|接近)[^，,；;。]{0,12}$")
