"""3. The indicator read back from the number to the clause start: trimmed of periods, link and lead words
(``figure-indicator-trim.tsv``), then cut to the noun phrase at its end with parts of speech.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..numbers import compile_prefiltered
from .pos import _CONTENT, _MODAL_END, _NOT_NP, _PRONOUN_CHARS, _SPEECH_WORD, _TRAIL, _clause_word, _tags
from .tables import _CJK
from .vocab import _drop_re, _per_unit_end_re, _trim_res

_ASPECT = re.compile(r"^[^，,；;：:]*?方面")

_ADVERB_SHARE = re.compile(r"(?:只|仅|约|才|已|共|均|竟)占了?|占了")
_FROM_WHEN = compile_prefiltered(r"(?<=[\u4e00-\u9fff]{2})(?:由[\u4e00-\u9fff]{1,6}(?:前|后|时)|[由从](?:每[\u4e00-\u9fff]){1,3})$")
_DE_END = re.compile(r"(?:的|之)$")
#: the start of a change said by a time and 的 (由过去的, 从去年的), left when the base of the unit went
_FROM_THEN = compile_prefiltered(r"(?<=[\u4e00-\u9fff]{2})[由从](?:过去|原来|最初|以前|之前|当初|去年|前年|上年|上月|年初|月初)的$")


def _indicator_before(pre: str, periods_in: list[str]) -> str:
    lead, link, _ = _trim_res()
    if "…" in pre and len(pre) - pre.rfind("…") > 3:
        pre = pre[pre.rfind("…") + 1:]  # 甲村的果园、乙乡的花海……全区景点有|300多处: a list broken off ends before the clause
    for p in periods_in:
        pre = pre.replace(p, "")
    pre = _ADVERB_SHARE.sub("占", pre)  # 科技产业只占生产总值的7%: the adverb is no clause
    if pre.endswith("等") and (em := _HAVE_EXAMPLES.search(pre)):
        pre = em.group(1)  # 合作伙伴有甲公司、乙公司等|6家: the class before 有 is counted, not its examples
    m = _FROM_WHEN.search(pre)
    if m:
        pre = pre[:m.start()]  # 每张处方均值由医改前|10元提高到…: the start of a change, said by when
    pre = _drop_re().sub("", pre)
    if "每" in pre[-5:] and (pu := _per_unit_end_re().search(pre)) and pu.start() >= 2:
        pre = pre[:pu.start()]  # 预售价格为每平方米|2556元: the base of a price, said by its unit
    if ("由" in pre or "从" in pre) and (m := _FROM_THEN.search(pre)):
        pre = pre[:m.start()]  # 价格也由过去的|每公斤150元…: the start of a change, said by when
    if "比" in pre and (m := _CMP_BASE.search(pre)):
        pre = pre[:m.start()]  # 清单管理措施比制度建立之初|减少64%: the base of a comparison goes
    said_share = pre.rstrip().endswith("占比")  # 税收收入占比72%: the text's own word for the share
    prev = None
    while prev != pre:
        prev = pre
        pre = lead.sub("", pre)
        pre = link.sub("", pre)
        if "方面" in pre:  # (the regex needs it)
            pre = _ASPECT.sub("", pre)  # 储能方面，…
        pre = pre.strip(" 、，,；;：:“”")
        if pre.count('"') % 2:  # an ASCII quote without its pair goes at the ends; a pair stays
            pre = pre.strip('"')  # (开放某馆等"微型展馆"|30处, "某某"标识企业|112家: what is counted is quoted)
        if pre.endswith(("的", "之", "的\n", "之\n")):  # where the regex can match ($: before a final \n too)
            pre = _DE_END.sub("", pre)
        # brackets: keep a balanced (不含农户), drop a dangling one
        if pre[:1] in ")）" or pre[-1:] in "(（":
            pre = pre.strip("()（）")
        if (cb := max(pre.rfind("）"), pre.rfind(")"))) > 0 and "（" not in pre[:cb] and "(" not in pre[:cb]:
            pre = pre[cb + 1:]  # 9月1日起）|大豆净出口销售量: the end of a note opened before the clause
        if pre.count("（") + pre.count("(") > pre.count("）") + pre.count(")"):
            pre += "）" if "（" in pre else ")"
        if pre.count("“") > pre.count("”"):
            pre = pre.replace("“", "")  # 领取“下岗证”|1万份: the quote closed before the number
        if pre.count('"') % 2:
            pre = pre.replace('"', "")  # the ASCII quote likewise
    if said_share and pre.endswith("占"):
        pre += "比"  # (比 is a link word before a number elsewhere: 比上年|增长)
    m = None
    for m in _HAVE_IN.finditer(pre):
        pass
    if m and len(pre) - m.end() >= 2 and "每" not in pre[:m.start()]:
        pre = pre[m.end():]  # 北京图书大厦现有|上架图书11万种: what is had is measured (not 每百户拥有…)
    return pre


#: a class, 有 or 包括 (主要有：), and a list of examples of it before 等 and the count (赞助商有甲、乙等|6家;
#: the examples may hold notes in brackets and Latin names: 赞助商有甲（球衣赞助商）、abc（通信赞助商）等|6家)
_HAVE_EXAMPLES = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:主要)?(?:有|包括)[：:]?[^，,；;。有：:]{1,60}等$")
#: the base of a comparison at the end of a phrase (…比五年前, …比“六五”期间), not 比例 / 比重
_CMP_BASE = compile_prefiltered(r"(?<=[\u4e00-\u9fff]{2})比(?![例重率较赛如照拟分特值])[^比，,；;。]{1,12}$")
#: a verb of having or including inside a phrase before a number: what follows it is measured (作品包括|油画)
_HAVE_IN = compile_prefiltered(r"(?:现有|拥有|共有|已有|尚有|仍有|还有|另有|现存|保有|(?<=[\u4e00-\u9fff]{2})(?:其中)?包括"
                      r"|(?<=^全[线村乡镇县市省区厂校])有)(?=[\u4e00-\u9fff]{2})")

#: heads that name a measure but not of what (总额 of what?): the word before says it
_BARE_HEADS = frozenset({"总额", "总量", "总数", "金额", "数额", "总值", "规模", "数量", "人数", "总计"})


@lru_cache(maxsize=8192)
def _noun_phrase_before(ind: str) -> tuple[str, int]:
    """The noun phrase of what is measured at the end of a phrase before a number, and
    whether the phrase ended in its verb (then the noun after the number is the measure):
    0 no, 1 a clause ending in its verb, 2 verbs alone (扩大到…: the figure before's measure).

    Trailing adverbs, conjunctions, modals and particles go (海拔才不过 -> 海拔); a clause, a
    phrase with a pronoun, preposition, adverb or conjunction, or a verb before nouns, keeps
    its last noun phrase (司法部门已建立劳教戒毒场所 -> 劳教戒毒场所); names of statistics
    written with verbs (城镇新增就业, 居民人均可支配收入) have none of these and stay whole.
    """
    if ind in _PRONOUN_CHARS:
        return "", 0  # 这|50米的路
    if len(ind) == 1 and _CJK.match(ind) and _tags(ind)[:1] and _tags(ind)[0][1] == "v":
        return ind, 2  # 拉了|4000多米高压线: a verb alone, the noun after is measured
    if len(ind) < 2 or not _CJK.search(ind) or _SPEECH_WORD.search(ind):
        return ind, 0  # 代表们介绍了经验做法: what someone said is no indicator (left to _tidy_indicator)
    if ind[-1] in "）)" and (o := max(ind.rfind("（"), ind.rfind("("))) > 1:
        core, v = _noun_phrase_before(ind[:o])
        return (core + ind[o:], v) if core else (ind, 0)  # 化肥（按有效成份计算）: the note stays
    if ind.endswith("占比") and len(ind) >= 4:
        core, v = _noun_phrase_before(ind[:-2])
        return (core + "占比", v) if len(core) >= 2 else ("", 0)  # 税收收入占比: the text's word for the share
    tags = list(_tags(ind))
    if not tags:
        return ind, 0
    while tags and (tags[-1][1] in _TRAIL or _MODAL_END.fullmatch(tags[-1][0]) and len(tags) > 1):
        tags.pop()
    if not tags:
        return "", 0
    # a clause: a preposition, adverb, conjunction, pronoun or particle inside the phrase
    # (a verb before nouns is no sign: 中央财政安排资金, 实际使用外资 name statistics)
    if all(t == "r" for _, t in tags):
        return "", 0  # 这|50米的路, 其余|3000人: a pronoun names nothing
    clause = any(_clause_word(w, t) for w, t in tags)
    # 要看, 扩大: no noun of its own (启用率, 发卡量 end on a measure: jieba's verbs name it)
    verbs_only = all(t in ("v", "d") for _, t in tags) and not ind.endswith(("率", "量", "额", "值"))
    if tags[-1][1] == "v" and (clause or verbs_only):
        head = tags[:-1]
        while head and (head[-1][1] in _TRAIL or _MODAL_END.fullmatch(head[-1][0])):
            head.pop()
        # (used when no noun follows the number: the verb stays, 向灾区捐款 -> 灾区捐款)
        before = "".join(w for w, _ in _np_tail(head)) if head else ""
        if len(before) >= 2 or verbs_only or not any(_clause_word(w, t) and t != "p" for w, t in tags):
            # (中央对地方转移支付: a preposition alone makes no clause of a statistic's name)
            return (before + tags[-1][0] if len(before) >= 2 else "".join(w for w, _ in tags)), 2 if verbs_only else 1
        # 两队在联赛历史上只交战过|46场: a clause without a noun phrase before its verb keeps the
        # words after its last function word (交战), not the clause
        i = len(tags)
        while i > 0 and tags[i - 1][1] in _CONTENT:
            i -= 1
        out = "".join(w for w, _ in tags[i:])
        return out if len(out) >= 2 else "", 1
    if clause:
        tail = _np_tail(tags)
        if len(tail) == 1 and tail[0][0] in _BARE_HEADS and len(tail) < len(tags) and tags[-2][1] in ("v", "vn"):
            tail = tags[-2:]  # 该公司向希望工程捐款总额: a bare head keeps the verb it totals (捐款总额)
        out = "".join(w for w, _ in tail)
        if len(out) >= 2:
            return out, 0
        i = len(tags) - len(tail)
        while i > 0 and tags[i - 1][1] in ("v", "vn"):
            i -= 1  # 该局从…部门领取下岗证: the verb and its object (证 alone names nothing)
        out = "".join(w for w, _ in tags[i:])
        if i < len(tags) - len(tail) and len(out) >= 2:
            return out, 0
        if sum(len(w) for w, _ in tags) > 10:
            return "", 0  # a clause-long phrase that names nothing measured: no indicator, not the clause
    return "".join(w for w, _ in tags), 0


def _np_tail(tags: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The nominal words at the end of a tagged phrase (after its last verb, preposition …)."""
    i = len(tags)
    while i > 0 and (tags[i - 1][1] not in _NOT_NP or tags[i - 1][0] == "占" and i < len(tags)):
        i -= 1  # (a share reads through 占: 财政性教育经费支出占国内生产总值)
    return tags[i:]
