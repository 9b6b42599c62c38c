"""Fixed tables of kg.nlp.figures that more than one of its readings share: the sentence and clause marks,
the longest quotation that is a name, and the endings and characters several modules test.
"""
from __future__ import annotations

import re

_CLAUSE_END = "，,；;：:。！？!?\n"
_SENT_END = "。！？!?\n"
_QUOTE_MAX = 10  # a quotation this short is a name or code ("4817", 十四五), not a sentence

#: an indicator ending in one of these already names its measure (时速, 水位, 分辨率, 降水量)
_MEASURE_ENDS = ("速", "率", "位", "量", "度", "价", "值", "额", "温")

#: a length followed by one of these adjectives (8800多米高的) measures that dimension
_DIMENSION_ADJ = {"高": "高度", "长": "长度", "深": "深度", "宽": "宽度", "厚": "厚度"}

_SHARE_ENDS = ("率", "比", "比重", "比例", "占", "占比", "份额", "幅", "度")

_CJK = re.compile(r"[\u4e00-\u9fff]")

_ANY_DIGIT = re.compile(r"[0-9０-９]")
