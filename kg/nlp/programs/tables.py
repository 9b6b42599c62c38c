"""Fixed tables of kg.nlp.programs shared by more than one of its readings: the clause marks, the
longest names read, and the regexes and character sets several modules test.
"""
from __future__ import annotations

import re

_CLAUSE_END = "，,；;。！？!?\n：:"
_QUOTE_MAX = 24
_NAME_MAX = 26
_EXT_MAX = 14
_LEFT_MOD_MAX = 6
_DIGIT = re.compile(r"[0-9０-９]")
_LATIN = re.compile(r"[A-Za-zＡ-Ｚａ-ｚ]")
_QUOTE_MARK = re.compile(r"[“\"《]")


#: the end of a body's name: before a weak boundary verb it is the verb's subject (政府制定…)
_AGENT_END = re.compile(r"(?:政府|部门|委员会|人大|国务院|中央|当局|议会|内阁|企业|公司|集团)$")
#: verbs that issue or amend a document (印发, 发布, 出台, 制定, 修改 …): a body's act, never part of a name
_ISSUE_WORDS = ("印发", "颁布", "发布", "公布", "出台", "下发", "修订", "修正", "修改", "审议通过", "制定")
#: the last character of a body's name, its short forms too (证监会, 发改委, 人社部, 统计局, 海关总署,
#: 国办, 法院, 教育厅): before an issuing verb it ends the verb's subject
_BODY_LAST = frozenset("会委部局署办院厅")
#: words of a contest in a clause: a 项目 there is one of its events (…项目进入个人赛, …项目冠军)
_CONTEST_WORDS = re.compile(r"赛|冠军|亚军|季军|战队|选手|奖牌|晋级")


#: kinds whose head, right before a noun, qualifies that noun (…工程|系, …行动|小队, …战略|游戏,
#: a plan's, a policy's, a law's or a pilot's head before a noun is its owner (…条例|规定, …试点|并网容量)
_MODIFIER_KINDS = frozenset(("project", "campaign", "strategy", "model"))
