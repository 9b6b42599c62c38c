"""The learned decision, tried and not wired in (kg decides with the rules: the package policy says
why). Every candidate name (the rules' own spans, their slogans, and head-noun names the rules
dropped) is described by its evidence as features, and a logistic regression
(``benchmarks/data/program_model.json``, trained by ``scripts/train_programs.py``) decides which are programs.
"""
from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from kg.nlp.programs.clause import _clause_before, _governed, _governed_after, _governed_right_before, _negated
from kg.nlp.programs.edges import _left_edge, _modal_edge
from kg.nlp.programs.find import ProgramSpan, find_program_spans, program_label
from kg.nlp.programs.pos import _PROPER_TAGS, _clause_cut, _one_word, _tags
from kg.nlp.programs.tables import _DIGIT, _LATIN, _NAME_MAX
from kg.nlp.programs.vocab import _evidence_re, _head_lengths, _head_re, _heads, _kind_of

MODEL_PATH = Path(__file__).resolve().parent / "data" / "program_model.json"


@dataclass(slots=True)
class Candidate:
    """A candidate program name [start, end): where it comes from (``rule``: a program of the rules,
    ``slogan``: a quotation the rules call a slogan, ``head``: a head-noun name the rules dropped)."""

    start: int
    end: int
    kind: str
    source: str
    alt: str = ""


_QUOTES = "“”\"「」『』‘’"
_AGENCY_IN = re.compile(r"政府|部门|委员会|人大|国务院|中央|党委|省委|市委|县委|[部委局厅署办](?![分署位件门])")
_MEDIA_WORDS = re.compile(r"游戏|玩家|网游|影片|电影|票房|小说|专辑|歌曲|漫画|资料片|导演|主演")
_FIRM_WORDS = re.compile(r"银行|信用卡|楼盘|开发商|公司|集团|品牌|房价")
_STYLE_END = re.compile(r"(?:式|型|论|热|主义|化|风|潮|病)$")
_EDITION = re.compile(r"(?:第[一二三四五六七八九十百0-9０-９]+|首)届")
_CLASS_BEFORE = re.compile(r"(?:一些|某些|这些|那些|各种|各类|这个|那个|这种|那种|所谓的?|许多|不少|一批|一系列"
                           r"|该|此|其|本)$")


def _head_of(name: str) -> str:
    """The longest program head ``name`` ends with (quotes and 》 read through), else ''."""
    heads = _heads()
    name = name.rstrip(_QUOTES + "》")
    for k in _head_lengths():
        if k <= len(name) and name[len(name) - k:] in heads:
            return name[len(name) - k:]
    return ""


def candidates(text: str) -> list[Candidate]:
    """The rules' spans (programs and slogans) and, where no rule span lies, the head-noun names the
    rules dropped: read leftwards to the boundary word, and cut after the clause's words."""
    out = [Candidate(p.start, p.end, p.kind, "slogan" if p.kind == "slogan" else "rule", p.alt)
           for p in find_program_spans(text)]
    mask = bytearray(len(text) + 1)
    for c in out:
        mask[c.start:c.end] = b"\x01" * (c.end - c.start)
    heads = _heads()
    head_re = _head_re()
    for m in head_re.finditer(text):
        hs, he = m.start(), m.end()
        if mask.find(1, hs, he) != -1 or head_re.match(text, he):
            continue
        s = _modal_edge(text, _left_edge(text, hs, _NAME_MAX), hs)
        last = mask.rfind(1, 0, hs)
        if last != -1 and last + 1 > s:
            s = last + 1
        starts = {s}
        cut = _clause_cut(text, s, hs, he)
        if cut is not None:
            starts.add(cut)
        tags = _tags(text[max(s, hs - 8):hs])
        if tags:
            starts.add(hs - len(tags[-1][0]))  # the last word before the head
        kind = heads[m.group(0)][0]
        for st in sorted(starts):
            if hs - st >= 2 and text[st] not in "，,。；;、的和与及":
                out.append(Candidate(st, he, kind, "head"))
    out.sort(key=lambda c: (c.start, c.end))
    return out


def _tag_before(text: str, i: int) -> str:
    tags = _tags(text[max(0, i - 4):i])
    return tags[-1][1] if tags else "^"


def _tag_after(text: str, i: int) -> str:
    tags = _tags(text[i:i + 4])
    return tags[0][1] if tags else "$"


def _bucket(n: int) -> str:
    return str(n) if n <= 4 else "5-6" if n <= 6 else "7-10" if n <= 10 else "11+"


def features(text: str, c: Candidate) -> list[str]:
    """The evidence of a candidate as feature names (binary)."""
    s, e = c.start, c.end
    name = text[s:e]
    head = _head_of(name)
    core = name[:len(name.rstrip(_QUOTES + "》")) - len(head)] if head else name
    bare = program_label(core)
    quoted = any(q in name for q in "“\"「『‘")
    title = name.startswith("《")
    src = c.source
    f = ["bias", f"src={src}", f"kind={c.kind}", f"src*kind={src}*{c.kind}", f"head={head or '-'}",
         f"len={_bucket(len(bare))}", f"src*len={src}*{_bucket(len(bare))}"]
    if head:
        f += [f"hflag={fl}" for fl in sorted(_heads()[head][1])]
    if title:
        f.append("title")
    if quoted:
        f.append("quoted")
        f.append("quoted*head" if head else "quoted*nohead")
        if not head and len(bare) == 4:
            f.append("quote4")
    ctags = _tags(bare) if bare else ()
    if len(ctags) == 1:
        f.append(f"oneword={ctags[0][1]}")
    if ctags:
        f.append(f"first={ctags[0][1]}")
        f.append(f"last={ctags[-1][1]}")
        if any(t in _PROPER_TAGS for _, t in ctags):
            f.append("proper")
        elif not quoted and not title:
            f.append("common_only")
    if _one_word(text, s, e):
        f.append("fixed_word")
    before = _tag_before(text, s)
    f += [f"before={before}", f"after={_tag_after(text, e)}", f"src*before={src}*{before}"]
    prev = text[s - 1:s]
    if prev in "，,。；;：:、（(“”《\n" or not prev:
        f.append("after_mark")
    elif prev in "的在对为是向":
        f.append(f"prev={prev}")
    if _governed(text, s):
        f += ["gov", f"gov*src={src}"]
    if _governed(text, s, ("govern", "establish", "decision"), width=30):
        f.append("gov_any")
    if _governed_right_before(text, s):
        f.append("gov_right")
    if _governed_after(text, e):
        f.append("gov_after")
    if _negated(text, s, core):
        f.append("negated")
    if _evidence_re("stance").search(core):
        f.append("stance")
    clause = _clause_before(text, s, 16)
    if _AGENCY_IN.search(clause):
        f.append("agency_before")
    if _CLASS_BEFORE.search(clause):
        f.append("class_before")
    if _STYLE_END.search(bare):
        f.append("style_end")
    if _EDITION.search(core):
        f.append("edition")
    if _DIGIT.search(bare):
        f.append("digit")
    if _LATIN.search(bare):
        f.append("latin")
    if any(ch in bare for ch in "、和与及"):
        f.append("list")
    if _MEDIA_WORDS.search(text):
        f.append("media_text")
    if _FIRM_WORDS.search(text):
        f.append("firm_text")
    return f


@lru_cache(maxsize=1)
def load_model() -> dict:
    """The weights and the decision threshold (``kg/data/program_model.json``)."""
    if not MODEL_PATH.exists():
        raise FileNotFoundError(f"{MODEL_PATH} is missing: rebuild it with `python scripts/train_programs.py`")
    return json.loads(MODEL_PATH.read_text(encoding="utf-8"))


def probability(feats: list[str], weights: dict[str, float]) -> float:
    z = sum(weights.get(x, 0.0) for x in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def decide(text: str, cands: list[Candidate], probs: list[float], threshold: float) -> list[ProgramSpan]:
    """Programs and slogans from scored candidates: the likeliest first, no overlaps; a rejected
    quotation of the rules stays a slogan, any other rejected candidate is dropped."""
    order = sorted(range(len(cands)), key=lambda i: (-probs[i], cands[i].start, cands[i].end))
    mask = bytearray(len(text) + 1)
    kept: list[ProgramSpan] = []
    for i in order:
        c = cands[i]
        if mask.find(1, c.start, c.end) != -1:
            continue
        name = text[c.start:c.end]
        if probs[i] >= threshold:
            kind = _kind_of(name) if c.kind == "slogan" else c.kind
        elif c.source in ("rule", "slogan") and any(q in name for q in "“\"「『‘") and not name.startswith("《"):
            kind = "slogan"
        else:
            continue
        kept.append(ProgramSpan(c.start, c.end, name, kind, c.alt if kind != "slogan" else ""))
        mask[c.start:c.end] = b"\x01" * (c.end - c.start)
    kept.sort(key=lambda p: p.start)
    return kept


def model_spans(text: str) -> list[ProgramSpan]:
    """Program names in ``text`` (no overlaps, in order), decided by the learned model over the
    rules' evidence (``find_program_spans``'s spans among the candidates).

    text (str): repaired text.
    RETURNS (list[ProgramSpan]): name as written (quotes kept), kind from the head noun
        (``slogan`` for a quoted catchword that is no program).
    """
    model = load_model()
    weights = model["weights"]
    cands = candidates(text)
    probs = [probability(features(text, c), weights) for c in cands]
    return decide(text, cands, probs, model["threshold"])
