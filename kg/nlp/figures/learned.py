"""3. The learned indicator selector: candidate spans of a figure's clause, scored by a linear model.

The rules (before, after, driver) read one label; this module offers that label and the word-boundary spans of
the clause around the number (the phrase before it, cut at its last words; the noun after it), each also as the
rules' tidy pass words it (…数量, …人数, …比例), and scores them with the weights of
``kg/data/indicator_model.json`` (an averaged perceptron trained by ``scripts/train_indicators.py`` on the
annotated tuning sets of ``benchmarks/data``). The rule's label is kept unless a candidate beats it by the
model's margin and the policy of ``_may_replace`` allows it (see the package docstring): an empty label takes
only a short phrase ending in a noun (no clause is borrowed), noun modifiers are never cut. Without the weights
file the rule's label is kept. ``choose_indicator`` makes the choice of ``select(candidates(site), …)`` without
reading the candidates where none the policy accepts could win (most figures), and reads none for a figure
whose label the driver takes from the figure before.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from itertools import repeat
from typing import NamedTuple

from ...vocab.paths import DATA_DIR
from .pos import _SPEECH_WORD, _clause_word, _tags
from .tidy import _tidy_indicator

MODEL = DATA_DIR / "indicator_model.json"
MAX_LEN = 16  # a candidate longer than this is a clause
_PEOPLE = frozenset("人名位")
_POST_END = re.compile(r"[、（(“\"《]")
#: what the tidy pass adds to a count, a share or an output (the phrase before it says what is measured)
_ADDED = ("数量", "人数", "户数", "次数", "人次", "比例", "产量")
#: a candidate opens and ends with a word character, its brackets closed (not （1美元, not ）)
_WORD = "\u4e00-\u9fffA-Za-zＡ-Ｚａ-ｚ"
_WELL_FORMED = re.compile(rf"^(?=.{{2}})(?!.*[（(][^）)]*$)(?![^（(]*[）)])[{_WORD}].*[{_WORD}）)]$")


class Site(NamedTuple):
    """Where a figure stands: its text, clause [c0, c1), number [start, end), unit, category, kind, rule label."""

    text: str
    c0: int
    c1: int
    start: int
    end: int
    unit: str
    category: str
    kind: str
    rule: str
    kept: bool = False  # the figure keeps the label chosen for the one before (the driver's; its rule label too)


def _unit_class(site: Site) -> str:
    if site.unit == "%":
        return "pct"
    if site.unit in _PEOPLE:
        return "ppl"
    return site.category if site.category in ("count", "money", "mass", "area", "length") else "meas"


def _bucket(n: int) -> str:
    return str(n) if n <= 4 else "5-6" if n <= 6 else "7-8" if n <= 8 else "9-12" if n <= 12 else "13+"


def _cf1(a: str, b: str) -> float:
    if not a or not b:
        return 1.0 if a == b else 0.0
    common, rest = 0, list(b)
    for ch in a:
        if ch in rest:
            rest.remove(ch)
            common += 1
    return 2 * common / (len(a) + len(b))


@lru_cache(maxsize=1)
def _terms() -> frozenset[str]:
    from ...vocab.indicators import indicator_concepts

    return frozenset(w for c in indicator_concepts() for w in (c.label, *c.alt_labels) if len(w) >= 2)


_tidy = lru_cache(maxsize=16384)(_tidy_indicator)  # (the same spans recur: the tidy pass of each, once)


def _ends_in_term(label: str, terms: frozenset[str]) -> bool:
    return any(label[k:] in terms for k in range(len(label) - 1))


def _sources(site: Site, pre: bool = True) -> dict[str, list[str]]:
    """Each candidate label (the rule's first) with the features of the span it was first read from."""
    uc = _unit_class(site)
    out: dict[str, list[str]] = {site.rule: []}
    for base, src, feats in (*(_pre_spans(site) if pre else ()), *_post_spans(site)):
        for label, sfx in ((base, "raw"), (_tidy(base, site.kind, site.unit), "tidy")):
            if _WELL_FORMED.match(label) and len(label) <= MAX_LEN + 4 \
                    and (label not in out or label == site.rule and not out[label]):
                out[label] = _read_from(label, base, sfx, src, feats, uc)
    return out


def _read_from(label: str, base: str, sfx: str, src: str, feats: list[str], uc: str) -> list[str]:
    """The features of a label read from a span (``base``, its ``src`` features): as it is, or as tidied."""
    tidy_add = label[len(base):] if sfx == "tidy" and label.startswith(base) else ""
    return feats + [f"{src}|{sfx}", f"add:{tidy_add or sfx}|{uc}", f"{src}|{uc}"]


def _pre_spans(site: Site):
    """The phrase before the number, less 0–3 of its last words (达到, 为, 共有), cut at its words."""
    pre = site.text[site.c0:site.start]
    words = _tags(pre) if pre else ()
    uc, n = _unit_class(site), len(words)
    for drop in range(min(4, n)):
        end = n - drop
        gap = "".join(w for w, _ in words[end:])
        chars = 0
        for i in range(end - 1, -1, -1):
            chars += len(words[i][0])
            if chars > MAX_LEN:
                break
            span = words[i:end]
            prev = words[i - 1] if i > 0 else ("^", "^")
            yield "".join(w for w, _ in span), "pre", [
                f"drop:{drop}", f"gap:{gap}" if len(gap) <= 3 else "gap:long",
                f"gaplast:{words[end][1] if drop else '-'}",
                f"nw:{_bucket(end - i)}", f"prevpos:{prev[1]}", f"prevw:{prev[0]}", f"fpos:{span[0][1]}",
                f"lpos:{span[-1][1]}|{uc}", f"fw:{span[0][0]}", f"lw:{span[-1][0]}", f"start:{i == 0}",
            ]


def _post_spans(site: Site):
    """The noun after the number, or after 的 (5亿元港币的|发展基金), up to a 、 or a bracket (1家、|院士工作站)."""
    post = _POST_END.split(site.text[site.end:site.c1], 1)[0]
    if not post:
        return
    uc, pw = _unit_class(site), _tags(post[:14])
    starts = [0] + [k + 1 for k, (w, _) in enumerate(pw[:3]) if w == "的"]
    for i in starts:
        chars = 0
        for j in range(i, min(i + 4, len(pw))):
            chars += len(pw[j][0])
            if chars > 10 or pw[j][0] == "的":
                break
            span = pw[i:j + 1]
            yield "".join(w for w, _ in span), "post", [
                f"de:{i > 0}", f"nw:{j + 1 - i}", f"fpos:{span[0][1]}", f"lpos:{span[-1][1]}|{uc}",
                f"fw:{span[0][0]}", f"lw:{span[-1][0]}",
            ]


def _nosay(site: Site) -> str:
    return "nosay" if not _SPEECH_WORD.search(site.text, site.c0, site.start) else "say"


@lru_cache(maxsize=4096)
def _rule_features(rule: str) -> tuple[str, ...]:
    rule_words = _tags(rule) if rule else ()
    return (f"rnw:{_bucket(len(rule_words))}", f"rlpos:{rule_words[-1][1] if rule_words else '-'}",
            f"rclause:{any(_clause_word(w, t) or t in ('d', 'r') for w, t in rule_words)}",
            f"rverb:{sum(t == 'v' for _, t in rule_words)}", f"rterm:{_ends_in_term(rule, _terms())}")


def _features(site: Site, label: str, feats: list[str], nosay: str) -> list[str]:
    """All the features of a candidate: of its span (``feats``), of the label itself and of the rule's label."""
    terms, rule, rule_feats = _terms(), site.rule, _rule_features(site.rule)
    is_rule = label == rule
    sim = _cf1(label, rule)
    if not is_rule and rule:
        rel = _relation(label, rule)
        feats = feats + [f"rel:{rel}"] + [f"rel:{rel}|{f}" for f in rule_feats]
        if rel == "suffix":
            dropped = _tags(rule[:rule.index(label)])
            feats += [f"drop:{'-'.join(t for _, t in dropped[:2])}", f"droplen:{_bucket(len(dropped))}",
                      f"dropw:{dropped[0][0]}" if dropped else "dropw:-"]
    lt = _tags(label)
    f = feats + [nosay, f"pat:{'-'.join(t for _, t in lt) if len(lt) <= 4 else 'long'}",
                 f"nv:{sum(t == 'v' for _, t in lt)}",
                 f"cw:{any(_clause_word(w, t) or t in ('d', 'r', 'p') for w, t in lt)}",
                 f"lw2:{lt[-1][0] if lt else '-'}|{_unit_class(site)}", f"len:{_bucket(len(label))}",
                 f"lc:{label[-1:]}", f"lc:{label[-1:]}|{_unit_class(site)}", f"kind:{site.kind}",
                 f"sim:{round(sim * 4)}", f"inrule:{label in rule}", f"rulein:{rule in label}",
                 f"term:{_ends_in_term(label, terms)}", f"isterm:{label in terms}"]
    if is_rule:
        f += ["rule", f"rule|{_unit_class(site)}", f"rulelen:{_bucket(len(label))}", f"rulesrc:{bool(feats)}",
              *rule_feats]
    return f


def candidates(site: Site) -> list[tuple[str, list[str]]]:
    """(label, features) of each candidate of a figure, the rule's label first; labels are distinct."""
    nosay = _nosay(site)
    return [(label, _features(site, label, feats, nosay)) for label, feats in _sources(site).items()]


def _relation(label: str, rule: str) -> str:
    if rule.endswith(label):
        return "suffix"
    if rule.startswith(label):
        return "prefix"
    if label in rule:
        return "inside"
    return "super" if rule in label else "other"


@lru_cache(maxsize=1)
def _model() -> tuple[dict[str, float], float] | None:
    if not MODEL.exists():
        return None
    data = json.loads(MODEL.read_text(encoding="utf-8"))
    return data["weights"], float(data["margin"])


def score(feats: list[str], weights: dict[str, float]) -> float:
    return sum(map(weights.get, feats, repeat(0.0)))


def select(cands: list[tuple[str, list[str]]], weights: dict[str, float], margin: float) -> str:
    """The rule's label (first) unless the best-scored candidate beats it by ``margin`` and may replace it."""
    rule, rule_feats = cands[0]
    best, best_feats, best_score = rule, rule_feats, score(rule_feats, weights)
    top = best_score
    for label, feats in cands[1:]:
        s = score(feats, weights)
        if s > top:
            best, best_feats, top = label, feats, s
    if best != rule and top - best_score > margin and _may_replace(rule, best, best_feats):
        return best
    return rule


def _may_replace(rule: str, best: str, feats: list[str]) -> bool:
    """Whether the model may put ``best`` for the rule's label (the policy; see the package docstring)."""
    if not rule:  # an empty label takes a short noun phrase, not a clause's verb (增长了) or a speaker's words
        return len(best) <= 10 and "nosay" in feats and _names_a_thing(best, feats)
    rel = _relation(best, rule)
    if rel == "suffix":
        return _may_drop(rule[:len(rule) - len(best)])
    # another phrase: only the noun after the number, sharing a character with the label, not the label less
    # its middle (优质苹果种植面积 stays)
    return rel == "other" and any(f.startswith("post|") for f in feats) and bool(set(best) & set(rule)) \
        and not _subsequence(best, rule) and _names_a_thing(best, feats)


@lru_cache(maxsize=16384)  # (the heads of labels recur: 全市, 其中)
def _may_drop(head: str) -> bool:
    """Whether a label may be cut after ``head``: where a clause word (clause adverb, pronoun, aspect particle)
    ends what it drops, keeping the noun modifiers right before what is kept (各类业态|活化项目 stays) and the
    examples of a class (…等各类)."""
    dropped = [wt for wt in _tags(head) if wt[0] not in ("的", "之")]
    return bool(dropped) and not any(w == "等" for w, _ in dropped) and not _NOMINAL.match(dropped[-1][1]) \
        and any(_clause_word(w, t) and t != "p" or t == "r" for w, t in dropped)


def _names_a_thing(label: str, feats: list[str]) -> bool:
    """Whether a candidate, less what the tidy pass added (…数量, …面积), ends in a noun (not 争取|数量, 扩大|面积)."""
    added = next((f[4:f.index("|")] for f in feats if f.startswith("add:")), "")
    if added in ("", "raw", "tidy") or not label.endswith(added) or len(label) <= len(added):
        added = next((a for a in _ADDED if label.endswith(a) and len(label) > len(a)), "")
    base = label[:len(label) - len(added)]
    tags = _tags(base)
    return bool(tags) and (tags[-1][1].startswith("n") or tags[-1][1] == "vn")


_NOMINAL = re.compile(r"^(?:n|vn|an|a|b|j|l)")


def _subsequence(a: str, b: str) -> bool:
    it = iter(b)
    return all(ch in it for ch in a)


@lru_cache(maxsize=4096)
def _cuts(rule: str) -> frozenset[str]:
    """The suffixes of a rule's label that the policy would let the model cut it to (candidates or not)."""
    return frozenset(rule[k:] for k in range(max(1, len(rule) - MAX_LEN - 4), len(rule) - 1)
                     if _WELL_FORMED.match(rule[k:]) and _may_drop(rule[:k]))


_SLACK = 1e-6  # (a bound is a sum in another order than the score it bounds)


def choose_indicator(site: Site) -> str:
    """The indicator of a figure: the rule's label, or the model's candidate where it is clearly better.

    The same choice as ``select(candidates(site), …)``, made cheaply. Only a candidate the policy accepts can
    replace the rule's label, by beating it by the margin: a label stands when it has no cut the policy allows
    and no noun after the number the policy accepts, or when none of those could beat it (``_could_win``, with
    little of the tidy pass of the phrase before the number, the costly part); all the candidates are scored
    only where an accepted one beats the rule's label. (The policy reads of a candidate's features only
    "nosay" and those of its span, so those are all it is given here.)
    """
    model = _model()
    rule, nosay = site.rule, _nosay(site)
    if model is None or site.kept or not rule and nosay == "say":
        return rule
    weights, margin = model
    if rule:
        cuts = _cuts(rule)
        post = _sources(site, pre=False) if _POST_END.split(site.text[site.end:site.c1], 1)[0] else {rule: []}
        nouns = [label for label, feats in post.items()
                 if label != rule and _may_replace(rule, label, feats + [nosay])]
        if not cuts and not nouns or not _could_win(site, nosay, weights, margin, cuts, nouns, post):
            return rule
    out = _sources(site)
    able = [label for label, feats in out.items() if label != rule and _may_replace(rule, label, feats + [nosay])]
    if not able:
        return rule
    feats = {label: _features(site, label, out[label], nosay) for label in (rule, *able)}
    least = score(feats[rule], weights)
    if all(not score(feats[label], weights) - least > margin for label in able):
        return rule
    return select([(label, feats.get(label) or _features(site, label, f, nosay)) for label, f in out.items()],
                  weights, margin)


def _could_win(site: Site, nosay: str, weights: dict[str, float], margin: float, cuts: frozenset[str],
               nouns: list[str], post: dict[str, list[str]]) -> bool:
    """Whether a cut of the rule's label or a noun after the number (``post``: the candidates read from it) may
    beat the label by the margin. The label is scored as ``_sources`` reads it (the tidy pass of the spans up to
    the one it is read from), a noun as read after the number, a cut with the best features it could be read
    with: from a span that is the cut, or whose tidy pass is not known to differ from it."""
    uc, rule, tidied = _unit_class(site), site.rule, {}
    spans = list(_pre_spans(site))

    def reads(label: str, first: bool):  # the features a label may be read with (``first``: from the first)
        if _WELL_FORMED.match(label) and len(label) <= MAX_LEN + 4:
            for base, src, feats in spans:
                if base == label:
                    yield _read_from(label, base, "raw", src, feats, uc)
                    if first:
                        return
                if tidied.get(base, label) == label:
                    yield _read_from(label, base, "tidy", src, feats, uc)
                    if first:
                        return
        if first or post.get(label):
            yield post.get(label, [])  # (from after the number, or the rule's label from nowhere)

    if _WELL_FORMED.match(rule) and len(rule) <= MAX_LEN + 4:
        for base, _, _ in spans:  # the tidy pass of the spans up to the one the label is read from
            tidied[base] = _tidy(base, site.kind, site.unit)
            if base == rule or tidied[base] == rule:
                break
    rule_score = score(_features(site, rule, next(reads(rule, True)), nosay), weights)  # (as _sources reads it)
    best = max([score(_features(site, label, post[label], nosay), weights) for label in nouns] + [
        score(_features(site, label, [], nosay), weights) + max(score(f, weights) for f in read)
        for label in cuts if (read := list(reads(label, False)))], default=float("-inf"))
    return best - rule_score > margin - _SLACK
