"""Train kg's person-name model and rebuild the surname table.

Reads the labelled sets in ../shared/data (train splits only), writes

- ontology/vocab/surnames.tsv: surname, count among training names, prior, kind;
- kg/data/name_model.json: the log-linear span scorer used by ``kg.nlp.names.NameModel``
  (feature weights, the surname list, a word lexicon derived from jieba's dictionary,
  forms of address that are never given names, follower/ender buckets of characters,
  and the two thresholds tuned on the tuning slice).

Splits (fixed, by sentence index, so evaluation never sees training sentences):

- CLUENER2020 train.jsonl and People's Daily dev.bio: index % 10 == 0 is held out for
  evaluation (benchmarks/heldout_people.py), index % 10 == 5 is the tuning slice
  (thresholds), the rest trains.
- Resume NER: train.char.bmes trains (index % 10 == 5 tunes); dev.char.bmes is held out.
- Government work reports (no labels): candidate spans whose string is never a labelled
  name are extra negatives from the target genre (official prose).

Usage:
    .venv/bin/python scripts/train_names.py [--data ../shared/data] [--out kg/data/name_model.json]
        [--surnames ontology/vocab/surnames.tsv] [--limit N]

``--limit N`` trains on the first N sentences of each set (for the determinism test).
Output is deterministic: same inputs, same bytes.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp.names import (  # noqa: E402
    CHAR_TEMPLATES, T_END, UNKNOWN, candidates_at, features,
)

DEFAULT_DATA = ROOT.parent / "shared" / "data"

# General knowledge: common Chinese surnames (roughly by frequency), then rarer ones
# that still turn up in officials' names. Counts from the labelled data refine priors.
COMMON_SINGLE = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶"
    "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺"
    "顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧"
    "耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙"
    "鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫"
    "米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝"
    "官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅"
    "屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜"
    "羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於居揭干尉冶斯元束"
    "檀衣信展阴昝智幸奉植衡富尧闭由郗訾钮鄂蔚晏暴琚郦贲汝郦桓牧寿郏丘上习逄隗"
)
COMPOUND = (
    "欧阳 司马 上官 诸葛 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 钟离 端木 独孤 "
    "南宫 西门 百里 呼延 澹台 公冶 太史 申屠 赫连 万俟 闻人 濮阳 淳于 单于 仲孙 宗政 拓跋 东郭 "
    "第五 梁丘 左丘 颛孙 巫马 公西 漆雕 乐正 壤驷 公良 段干 司空 司寇 羊舌 微生 谷梁 鲜于 闾丘 "
    "亓官 子车 完颜 耶律 呼衍 乐毅"
).split()
COMPOUND = [c for c in COMPOUND if c != "乐毅"]  # a person, not a surname

# Forms of address and titles that follow a surname but are not a given name:
# 王先生, 李书记, 张总, 刘局 refer to a person; the graph wants names. (某 is kept:
# 王某, 王某某 stand for names in court and discipline news.)
NOT_GIVEN = (
    "先生 女士 小姐 老师 同志 师傅 大爷 大妈 大娘 阿姨 大姐 大哥 老板 老总 总理 主席 书记 主任 "
    "市长 县长 区长 省长 局长 部长 厅长 厂长 校长 院长 所长 处长 科长 村长 镇长 乡长 站长 社长 "
    "经理 董事 总裁 总监 教授 博士 医生 大夫 护士 律师 记者 委员 代表 队长 组长 警官 法官 "
    "总 老 姐 哥 叔 姨 嫂 婶 氏"
).split()

NAME = "name"
TITLE = "title"
ORG = "org"
_CLUENER_MAP = {"name": NAME, "position": TITLE, "government": ORG, "organization": ORG, "company": ORG}
_BIO_MAP = {"PER": NAME, "ORG": ORG, "NAME": NAME, "TITLE": TITLE}


# -- data ---------------------------------------------------------------------------
def load_cluener(path):
    """CLUENER jsonl -> list of (text, [(label, start, end_exclusive)])."""
    out = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            spans = []
            for lab, ents in d.get("label", {}).items():
                if lab not in _CLUENER_MAP:
                    continue
                for _surface, offs in ents.items():
                    for s, e in offs:
                        spans.append((_CLUENER_MAP[lab], s, e + 1))
            out.append((d["text"], sorted(spans, key=lambda x: (x[1], x[2], x[0]))))
    return out


def load_tagged(path):
    """Character-per-line BIO or BMES file -> list of (text, [(label, start, end)])."""
    out = []
    chars, tags = [], []

    def flush():
        if not chars:
            return
        spans, cur = [], None
        for i, t in enumerate(tags + ["O"]):
            pre, _, lab = t.partition("-")
            if cur is not None and pre in ("O", "B", "S") or (cur is not None and lab != cur[0]):
                spans.append(cur + (i,))
                cur = None
            if pre in ("B", "S") or (pre in ("I", "M", "E") and cur is None):
                cur = (lab, i)
            if pre in ("E", "S") and cur is not None:
                spans.append(cur + (i + 1,))
                cur = None
        spans = [(_BIO_MAP[lab], s, e) for lab, s, e in spans if lab in _BIO_MAP]
        out.append(("".join(chars), spans))
        chars.clear()
        tags.clear()

    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                flush()
                continue
            if len(parts) == 1:  # a space character token
                chars.append(" ")
                tags.append(parts[0])
                continue
            chars.append(parts[0][0])
            tags.append(parts[-1])
    flush()
    return out


def load_reports(path, limit=None):
    texts = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            d = json.loads(line)
            for para in d["content"].split("\n"):
                para = para.strip()
                if para:
                    texts.append(para)
    return texts[:limit] if limit else texts


def splits(data_dir):
    """{"train": [...], "tune": [...], "heldout": [...]} of (source, text, spans)."""
    data_dir = Path(data_dir)
    out = {"train": [], "tune": [], "heldout": []}

    def bucket(i):
        r = i % 10
        return "heldout" if r == 0 else "tune" if r == 5 else "train"

    for i, (t, sp) in enumerate(load_cluener(data_dir / "cluener2020" / "train.jsonl")):
        out[bucket(i)].append(("cluener", t, sp))
    for i, (t, sp) in enumerate(load_tagged(data_dir / "people_daily_ner" / "dev.bio")):
        out[bucket(i)].append(("people_daily", t, sp))
    for i, (t, sp) in enumerate(load_tagged(data_dir / "resume_ner" / "train.char.bmes")):
        out["tune" if i % 10 == 5 else "train"].append(("resume", t, sp))
    for t, sp in load_tagged(data_dir / "resume_ner" / "dev.char.bmes"):
        out["heldout"].append(("resume", t, sp))
    return out


# -- surnames -----------------------------------------------------------------------
def surname_table(train):
    singles = list(dict.fromkeys(COMMON_SINGLE))
    counts = Counter()
    for _src, text, spans in train:
        for lab, s, e in spans:
            if lab != NAME or not 2 <= e - s <= 4:
                continue
            if text[s:s + 2] in COMPOUND and e - s >= 3:
                counts[text[s:s + 2]] += 1
            elif text[s] in singles:
                counts[text[s]] += 1
    rows = [(s, counts[s], "single") for s in singles] + [(c, counts[c], "compound") for c in COMPOUND]
    total = sum(c for _, c, _ in rows)
    alpha = 0.5
    denom = total + alpha * len(rows)
    rows = [(s, c, (c + alpha) / denom, kind) for s, c, kind in rows]
    rows.sort(key=lambda r: (-r[1], r[3], r[0]))
    return rows


def write_surnames(rows, path):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("# Chinese surnames. count = full names (2-4 chars) with this surname in the\n")
        fh.write("# training splits of ../shared/data; prior = (count + 0.5) / (total + 0.5 * rows).\n")
        fh.write("# Rebuild: .venv/bin/python scripts/train_names.py\n")
        fh.write("surname\tcount\tprior\tkind\n")
        for s, c, p, kind in rows:
            fh.write(f"{s}\t{c}\t{p:.6f}\t{kind}\n")


# -- lexicon ------------------------------------------------------------------------
def build_lexicon(surnames):
    """Word -> class from jieba's dictionary (a derived lexicon, MIT-licensed source).

    Two-character words (any start) let the model see a span edge cutting a word;
    longer words that begin with a surname let it see a span that *is* a word.
    """
    import jieba

    starts = {s[0] for s in surnames}
    path = Path(jieba.__file__).resolve().parent / "dict.txt"
    lex = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) < 3:
                continue
            w, f, tag = parts[0], int(parts[1]), parts[2]
            if not 2 <= len(w) <= 4:
                continue
            if tag.startswith("nr"):
                cls = "nr"
                if f < 3:
                    continue
            elif tag.startswith("ns"):
                cls = "ns"
            elif f >= 1000:
                cls = "w3"
            elif f >= 100:
                cls = "w2"
            elif f >= 20:
                cls = "w1"
            else:
                continue
            if cls != "nr" and f < 20:
                continue
            if len(w) > 2 and w[0] not in starts:
                continue
            lex[w] = cls
    return lex


# -- follower / ender buckets ---------------------------------------------------------
def end_buckets(train, singles, compounds, not_given, alpha=0.5, lo=-4, hi=4):
    """char -> bucket of log P(c follows a name) - log P(c ends a name), from train names."""
    follow, end = Counter(), Counter()
    for _src, text, spans in train:
        for lab, s, e in spans:
            if lab != NAME:
                continue
            if not any(s + k + g == e for k, g in candidates_at(text, s, singles, compounds, 4, not_given)):
                continue
            end[text[e - 1]] += 1
            if e < len(text) and "\u3400" <= text[e] <= "\u9fff":
                follow[text[e]] += 1
    chars = sorted(set(follow) | set(end))
    V = len(chars) + 1
    F, E = sum(follow.values()), sum(end.values())
    by_bucket: dict[str, list[str]] = {}
    for c in chars:
        lr = math.log((follow[c] + alpha) / (F + alpha * V)) - math.log((end[c] + alpha) / (E + alpha * V))
        by_bucket.setdefault(str(max(lo, min(hi, int(round(lr))))), []).append(c)
    return {b: "".join(cs) for b, cs in sorted(by_bucket.items())}


# -- training -----------------------------------------------------------------------
def examples(texts_spans, singles, compounds, lex, negatives_only=False, name_strings=None, not_given=(),
             ends=None):
    """Yield (features, label) for every candidate span."""
    for text, spans in texts_spans:
        gold = {(s, e) for lab, s, e in spans if lab == NAME}
        for st in range(len(text)):
            for k, g in candidates_at(text, st, singles, compounds, 4, not_given):
                e = st + k + g
                y = 1 if (st, e) in gold else 0
                if negatives_only and name_strings is not None and text[st:e] in name_strings:
                    continue
                yield features(text, st, k, g, lex, ends), y


def train_lr(X, y, sw, dim, iters=300, l2=1.0, lr=0.1):
    """Weighted logistic regression, full-batch Adam. X: (n, F) int feature ids, 0 = pad."""
    w = np.zeros(dim)
    m = np.zeros(dim)
    v = np.zeros(dim)
    b1, b2, eps = 0.9, 0.999, 1e-8
    flat = X.ravel()
    F = X.shape[1]
    norm = sw.sum()
    for t in range(1, iters + 1):
        z = w[X].sum(axis=1)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) * sw
        grad = np.bincount(flat, weights=np.repeat(err, F), minlength=dim) / norm
        grad += l2 * w / norm
        grad[0] = 0.0
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        mh = m / (1 - b1 ** t)
        vh = v / (1 - b2 ** t)
        w -= lr * mh / (np.sqrt(vh) + eps)
        w[0] = 0.0
    return w


def fold(feats, counts, min_count):
    out = []
    for t, key in feats:
        if counts[(t, key)] >= min_count:
            out.append((t, key))
        elif t in CHAR_TEMPLATES:
            out.append((t, UNKNOWN))
        # rare bigram contexts (L, R) and other templates: dropped (weight 0)
    return out


def _check_scorer(model, sample, singles, compounds, lex, ends, vocab, w, counts):
    """Check NameModel.score_span against the trained logit on a sample of candidates."""
    worst = 0.0
    for _src, text, _spans in sample:
        for st in range(len(text)):
            for k, g in candidates_at(text, st, singles, compounds, 4, model.not_given):
                f = fold(features(text, st, k, g, lex, ends), counts, 3)
                z = sum(float(w[vocab[ft]]) for ft in f if ft in vocab)
                worst = max(worst, abs(z - model.score_span(text, st, k, g)))
    # weights are rounded to 3 decimals and small non-char weights pruned: a little drift
    if worst > 0.25:
        raise AssertionError(f"run-time scorer disagrees with training by {worst:.3f}")
    return worst


def tune_thresholds(model, tune):
    """name_at threshold: best F1 right after gold titles. find_names: best F0.5."""
    # name_at
    rows = []
    for _src, text, spans in tune:
        names = {s: e for lab, s, e in spans if lab == NAME}
        for lab, s, e in spans:
            if lab != TITLE:
                continue
            model.at_threshold = 0.0
            r = model.name_at(text, e)
            rows.append((r[1] if r else -1.0, r is not None and names.get(e) == e + r[0], e in names))
    n_gold = sum(1 for _, _, g in rows if g)
    best_at = (0.0, 0.5)
    for thr in [i / 100 for i in range(1, 96)]:
        pred = [(p, ok) for p, ok, _ in rows if p >= thr]
        tp = sum(1 for _, ok in pred if ok)
        prec = tp / len(pred) if pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        if f1 > best_at[0] + 1e-9:
            best_at = (f1, thr)
    # find_names
    allhits = []
    n_gold = 0
    for _src, text, spans in tune:
        gold = {(s, e) for lab, s, e in spans if lab == NAME}
        n_gold += len(gold)
        for s, e, p in model.find_names(text, threshold=0.05):
            allhits.append((p, (s, e) in gold))
    best_find = (0.0, 0.8)
    for thr in [i / 100 for i in range(5, 99)]:
        pred = [ok for p, ok in allhits if p >= thr]
        tp = sum(pred)
        prec = tp / len(pred) if pred else 0.0
        rec = tp / n_gold if n_gold else 0.0
        beta2 = 0.25
        f = (1 + beta2) * prec * rec / (beta2 * prec + rec) if prec + rec else 0.0
        if f > best_find[0] + 1e-9:
            best_find = (f, thr)
    return best_at[1], best_find[1], best_at[0], best_find[0]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(DEFAULT_DATA))
    ap.add_argument("--out", default=str(ROOT / "kg" / "data" / "name_model.json"))
    ap.add_argument("--surnames", default=str(ROOT / "ontology" / "vocab" / "surnames.tsv"))
    ap.add_argument("--limit", type=int, default=0, help="first N sentences per split (tests)")
    ap.add_argument("--iters", type=int, default=300)
    ap.add_argument("--l2", type=float, default=1.0, help="L2 penalty (per unit example weight)")
    ap.add_argument("--pos-ratio", type=float, default=8.0,
                    help="positives are up-weighted to 1/POS_RATIO of the negatives' total weight")
    args = ap.parse_args(argv)

    sp = splits(args.data)
    train, tune = sp["train"], sp["tune"]
    reports = load_reports(Path(args.data) / "gov_work_reports" / "government_work_reports.jsonl")
    if args.limit:
        train, tune, reports = train[: args.limit], tune[: args.limit], reports[: args.limit // 10]

    rows = surname_table(train)
    write_surnames(rows, args.surnames)
    surnames = [r[0] for r in rows]
    singles = frozenset(s for s in surnames if len(s) == 1)
    compounds = frozenset(s for s in surnames if len(s) == 2)
    lex = build_lexicon(surnames)

    name_strings = {t[s:e] for _src, t, spans in train for lab, s, e in spans if lab == NAME}
    end_data = end_buckets(train, singles, compounds, NOT_GIVEN)
    ends = {c: b for b, chars in end_data.items() for c in chars}
    data = [(f, y, 1.0) for f, y in examples([(t, s) for _src, t, s in train], singles, compounds, lex,
                                             not_given=NOT_GIVEN, ends=ends)]
    data += [(f, 0, 1.0) for f, _y in examples([(t, []) for t in reports], singles, compounds, lex,
                                                 negatives_only=True, name_strings=name_strings, not_given=NOT_GIVEN,
                                                 ends=ends)]
    counts = Counter(ft for f, _, _ in data for ft in f)
    data = [(fold(f, counts, 3), y, w) for f, y, w in data]
    vocab = {}
    for f, _, _ in data:
        for ft in f:
            if ft not in vocab:
                vocab[ft] = len(vocab) + 1
    width = max(len(f) for f, _, _ in data)
    X = np.zeros((len(data), width), dtype=np.int64)
    for i, (f, _, _) in enumerate(data):
        X[i, : len(f)] = [vocab[ft] for ft in f]
    y = np.array([d[1] for d in data], dtype=np.float64)
    sw = np.array([d[2] for d in data], dtype=np.float64)
    pos = y.sum()
    # balance the classes partly: names are ~1% of candidates
    sw = np.where(y > 0, sw * max(1.0, (len(y) - pos) / max(pos, 1.0) / args.pos_ratio), sw)
    print(f"candidates {len(y)}, positives {int(pos)}, features {len(vocab)}", file=sys.stderr)
    w = train_lr(X, y, sw, len(vocab) + 1, iters=args.iters, l2=args.l2)

    weights: dict[str, dict[str, float]] = {}
    for (t, key), idx in sorted(vocab.items()):
        val = round(float(w[idx]), 3)
        # char tables keep every key: a missing key falls back to the "?" weight
        if abs(val) < 0.02 and t not in CHAR_TEMPLATES:
            continue
        weights.setdefault(t, {})[key] = val
    for t in ("b", "S", "N", "A", "B", "C", "G", "l", "L", "r", "R", "X", "K", "J", "W", T_END):
        weights.setdefault(t, {})
    lexicon: dict[str, list[str]] = {}
    for word, cls in sorted(lex.items()):
        lexicon.setdefault(cls, []).append(word)
    model_data = {
        "format": "kg-name-model/1",
        "surnames": surnames,
        "weights": weights,
        "lexicon": {cls: " ".join(words) for cls, words in sorted(lexicon.items())},
        "not_given": " ".join(NOT_GIVEN),
        "end_buckets": end_data,
        "at_threshold": 0.2,
        "find_threshold": 0.8,
        "meta": {
            "trained_on": "cluener2020 train (i%10 not in {0,5}), people_daily dev.bio (same), "
                          "resume_ner train (i%10 != 5); negatives from gov_work_reports",
            "candidates": int(len(y)),
            "positives": int(pos),
            "iters": args.iters,
        },
    }
    from kg.nlp.names import NameModel

    model = NameModel.from_dict(model_data)
    worst = _check_scorer(model, train[:300], singles, compounds, lex, ends, vocab, w, counts)
    print(f"run-time scorer vs trained logits: max |diff| {worst:.3f}", file=sys.stderr)
    at_thr, find_thr, f_at, f_find = tune_thresholds(model, [(s, t, sp_) for s, t, sp_ in tune])
    model_data["at_threshold"] = at_thr
    model_data["find_threshold"] = find_thr
    model_data["meta"]["tune"] = {"name_at_f1": round(f_at, 4), "find_names_f0.5": round(f_find, 4)}
    print(f"tuned: name_at thr {at_thr} (F1 {f_at:.3f}), find_names thr {find_thr} (F0.5 {f_find:.3f})",
          file=sys.stderr)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        json.dump(model_data, fh, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        fh.write("\n")
    print(f"wrote {args.out} ({os.path.getsize(args.out)} bytes) and {args.surnames}", file=sys.stderr)


if __name__ == "__main__":
    main()
