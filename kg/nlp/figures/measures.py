"""3. What is measured, by the words around the number: counts (a model name, people), money and prices,
outputs (年产…), dimensions (厚达…), crops planted or harvested, and a topic before 方面.
"""
from __future__ import annotations

import re

_MASS_UNITS = frozenset({"千克", "吨", "斤", "担"})
#: a harvest verb and its crop at the end of a phrase before a weight (收各种粮食, 增产粮食)
_HARVEST = re.compile(r"(?:收获|收回|收|增产|减产|减收|产)了?(?:各种|各类)?([\u4e00-\u9fff]{2,4})$")

#: a model name right before a Chinese noun: Latin letters and digits (C-130运输机), or a short Chinese
#: name, a dash and a number (某某－27战斗机, 某某-2000型客机)
_MODEL_NAME = re.compile(r"(?:[A-Za-z][A-Za-z0-9\-－.·]{0,15}|[\u4e00-\u9fff]{1,4}[－\-][0-9０-９][0-9０-９A-Za-z]{0,5}型?)"
                         r"(?=[\u4e00-\u9fff])")

_TOPIC = re.compile(r"(?:^|[，,；;。：:\s])([\u4e00-\u9fff]{1,6})方面[，,：:]")
_NOT_TOPIC = ("一", "另", "各", "这", "那", "多", "其他", "其它", "两", "诸", "等")

#: 厚达|4000米的冰层: a dimension reaching a length, of the noun after
_DIMENSION_REACH = re.compile(r"([长高深宽厚])达$")

_PER_END = re.compile(r"每[\u4e00-\u9fff]$")

#: a phrase that ends in a verb of having: 国家有|140亿美元的黄金外汇储备 measures the noun after
_HAVE_END = re.compile(r"(?:(?:有|拥有|共有|已有|还有|只有)了?|(?:长|高|重|宽|深|远)达)$")

#: 以 before an amount (以425万元成交), 每股/约 between them: a price said by the verb after it
_BY_PRICE = re.compile(r"以(?:每[\u4e00-\u9fff]{1,2})?(?:约|大约|近|超过|高达|仅|总价)?$")

#: a currency written after 元 (元人民币, 元新币, 元港币): part of the unit, not the noun measured
_CURRENCY_AFTER = re.compile(r"(?:人民币|新币|港币|美金|新台币|台币|日币|韩币|澳币|加币)")

#: an amount, 的 and a noun that names a measure (3米的积雪量, 500亿元人民币的授信额度, 50元的管理费)
_MEASURE_DE = re.compile(r"(?:人民币|新币|港币|美金|新台币|台币)?(?:以上|以下|左右|上下|多)?的(?=[\u4e00-\u9fff]{2})")

#: a verb of planting right before an area (种了|6000多亩, 种植的|5.95万亩)
_PLANT_END = re.compile(r"(?:种植|播种|种)了?的?$")

#: verbs of putting up money at the end of a clause before an amount (拿出, 筹集, 出资)
_SPEND_END = re.compile(r"(?:拿出|筹集|筹措|出资|拨出|掏出)了?$")

_MODIFIER_END = re.compile(r"(?:的|每[\u4e00-\u9fff]?)\s*$")
#: an approximation and 的 between an amount and its noun (400万左右的|流动人口)
_APPROX_DE = re.compile(r"(?:左右|以上|以下|上下|多)?的")

#: verbs that are also the names of measures (亩产400公斤，收入1万元: 收入 is measured, not a verb going on)
_MEASURE_VERBS = frozenset({"收入", "投资", "支出", "开支", "出口", "进口", "消费", "贷款", "捐款", "存款", "投入", "出资",
                            "捐资", "创收", "盈利", "亏损", "纳税", "融资", "集资", "筹资"})

#: nouns of people counted by 个 (100多个学生, 8个助理): a count of people, in 人数
_PERSON_NOUNS = ("学生", "助理", "工人", "职工", "干部", "教师", "农民", "代表", "委员", "队员", "选手", "会员", "成员", "党员",
                 "孩子", "儿童", "指导", "老人")

#: heads of nouns that name a sum of money (奖金, 补助款, 管理费, 销售额)
_MONEY_HEADS = ("金", "款", "费", "额", "资")

#: a yearly or daily output (年产优质石油|500万吨, 日产原油): the output of the thing
_OUTPUT_OF = re.compile(r"(?:年产|日产|月产)(?:优质)?([\u4e00-\u9fff]{1,4}?)(?:可达|达到|达|约|近|超过)?$")
#: a measure right before the number with the thing after it (价格|150万元|的汽车): the thing's measure
_MEASURE_OF_AFTER = re.compile(r"(价格|售价|总价|价值|面积|重量|容量|容积|排量|规模)(?:为|达|约|高达|仅)?$")
_OUTPUT_UNITS = frozenset({"吨", "千克", "公斤", "桶", "立方米", "升", "斤", "担", "辆", "台", "件", "套", "千瓦时", "度"})

#: a place in a contest or a prize (冠军, 一等奖, 金奖): money for it is its prize money (冠军2000元 -> 冠军奖金)
_PRIZE = re.compile(r"(?:冠军|亚军|季军|殿军|第[一二三四五六七八九十]名|[一二三四五六特头]等奖|头奖|金奖|银奖|铜奖|优秀奖|鼓励奖)")
