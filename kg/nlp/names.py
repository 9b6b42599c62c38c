"""Chinese person names: a surname table and a small learned span scorer.

A name is a surname (one character, or two for 欧阳, 司马 …) followed by one or two
given-name characters. Every such candidate span is scored by a log-linear model
(logistic regression over sparse indicator features) trained by
``scripts/train_names.py`` on the labelled sets in ../shared/data:

- the surname itself (its prior as a name start),
- each given-name character, by slot (sole / first / second of two),
- the span shape (surname length x given length),
- the characters and bigrams just before and after the span (title endings such as
  长/记 before it, speech verbs such as 表示/指出/介绍 after it),
- whether the span is a common word (高原, 方面, 于是), whether its edges cut a
  common two-character word (刘元|朝向 cuts 朝向) and whether a word starts right after
  it (…|介绍), from a word lexicon derived from jieba's dictionary,
- how often the span's last character *follows* names rather than *ends* them (向, 与,
  在 follow names), bucketed, so a name is not stretched over the word after it.

Forms of address and titles after a surname (王先生, 李书记, 张总) are never candidates:
they refer to a person but are not names.

Where a name stands decides whether it mentions a person (``not_a_mention``), by the
rules of the genre:

- inside a 《》 title (《某某传》, 《某某的夏天》) a name is part of the title: a book or
  a film named after a person is a work, not a mention (both entry points);
- a name the span model would read inside a transliterated name joined by a hyphen or a
  dot (詹姆斯-奈|史密斯) is a cut of it (``find_names``);
- with no cue (``find_names``), a name followed by a team's, a club's or a memorial's
  suffix (某某队, 某某竞技, 某某纪念馆) or by a street's (某某路, 某某街, 某某大道,
  某某桥) names that thing; a surname and a street's suffix glued to a character
  before them that no name follows (西至某张路, not 由某路; not 某之路 of three, a
  name) are the end of a street's name; one that fills a pair of
  quotes with a word right after them (“某某”家具公司) is a brand. Names outside this shape (transliterated
foreign names, ethnic-minority names longer than four characters, names whose surname is
not in the table) are out of scope.

Thresholds are tuned on a slice of the training sets kept apart from both training and
evaluation: ``at_threshold`` for best F1 right after gold titles, ``find_threshold`` for
best F0.5 (precision first) on whole sentences.

The model is plain JSON (``kg/data/name_model.json``): per template a ``{key: weight}``
table, so scoring is a handful of dict lookups, with no numpy and no spaCy at run time.

``NameModel.person_span`` applies the same rules to a person span another reader
proposes (the statistical recogniser), and trims it to the name (李某|版, 某某|会, an
unclosed bracket, a joiner at its end); a last character is trimmed only where the text
bears its end bucket out (介|绍 yes, 某某介|今天 or 某某和|9日 no).

Two entry points:

- ``NameModel.name_at(text, start)`` for a position the caller already believes starts
  a name (right after a title chain): which length, and how sure.
- ``NameModel.find_names(text)`` for names without such a cue, tuned for precision.
"""
from __future__ import annotations

import json
import math
import re
from functools import lru_cache
from itertools import repeat
from operator import add
from pathlib import Path

import numpy

from ..vocab.lexicon import lexicon
from ..vocab.paths import DATA_DIR, VOCAB_DIR

DEFAULT_MODEL_PATH = DATA_DIR / "name_model.json"
SURNAMES_PATH = VOCAB_DIR / "surnames.tsv"

# Feature templates (each a table in the model file). Keep in step with features().
T_BIAS = "b"  # bias, key ""
T_SUR = "S"  # surname string
T_SHAPE = "N"  # f"{surname_len}{given_len}"
T_SOLE = "A"  # sole given character (given_len == 1)
T_FIRST = "B"  # first of two given characters
T_SECOND = "C"  # second of two given characters
T_GIVEN = "G"  # any given character (shared across slots)
T_LEFT = "l"  # character before the span ("^" at text start)
T_LEFT2 = "L"  # two characters before the span
T_RIGHT = "r"  # character after the span ("$" at text end)
T_RIGHT2 = "R"  # two characters after the span
T_WORD = "X"  # lexicon class of the span itself ("-" when not a word)
T_CUTR = "K"  # lexicon class of text[end-1:end+1] (the span's end cuts a word)
T_CUTL = "J"  # lexicon class of text[start-1:start+1]
T_NEXTW = "W"  # lexicon class of text[end:end+2] (a word starts right after the span)
# Bucket of log P(c follows a name) / P(c ends a name) for the span's last character:
# characters that typically *follow* names (向, 与, 在) rarely end one, so 韩冰|向大会 is
# not read as 韩冰向 although the labelled data rarely shows 向 after a name. At run time
# the bucket weight is folded into the sole (A) and second (C) given-character tables.
T_END = "E"
UNSEEN_BUCKET = "u"

# Templates whose unseen keys fall back to the template's "?" weight (rare characters
# are folded into "?" at training time, so the fallback is a learned weight).
CHAR_TEMPLATES = (T_SUR, T_SOLE, T_FIRST, T_SECOND, T_GIVEN, T_LEFT, T_RIGHT)
UNKNOWN = "?"
BOS = "^"
EOS = "$"
NO_WORD = "-"

_HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def is_han(ch: str) -> bool:
    """True when ``ch`` is a CJK ideograph (a possible name character)."""
    return bool(ch) and _HAN_RE.match(ch) is not None


def load_surnames(path: Path | str = SURNAMES_PATH) -> dict[str, float]:
    """Read ``surnames.tsv`` (surname, count, prior, kind) into ``{surname: prior}``.

    path (Path | str): the TSV file. Defaults to ontology/vocab/surnames.tsv.
    RETURNS (dict[str, float]): surname -> prior probability as a name's surname.
    """
    out: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#") or line.startswith("surname\t"):
                continue
            cols = line.rstrip("\n").split("\t")
            out[cols[0]] = float(cols[2])
    return out


def candidates_at(text: str, start: int, singles, compounds, max_len: int = 4, not_given=()):
    """Yield ``(surname_len, given_len)`` for every name shape that fits at ``start``.

    text (str): the text.
    start (int): where the surname would begin.
    singles (Container[str]): one-character surnames.
    compounds (Container[str]): two-character surnames.
    max_len (int): longest span considered. Defaults to 4.
    not_given (Container[str]): strings that are never a given name: forms of address
        and titles (王先生, 李书记, 张总 refer to a person but are not names).
    """
    n = len(text)
    if start < 0:
        return
    for k in (1, 2):
        if start + k > n:
            break
        if (text[start] if k == 1 else text[start:start + 2]) not in (singles if k == 1 else compounds):
            continue
        for g in (1, 2):
            e = start + k + g
            if e > n or k + g > max_len:
                break
            if not is_han(text[e - 1]):
                break
            if text[start + k:e] in not_given:
                continue
            yield k, g


def features(text: str, start: int, k: int, g: int, lex: dict[str, str],
             end_buckets: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """The ``(template, key)`` features of the candidate ``text[start:start+k+g]``.

    text (str): the text.
    start (int): span start.
    k (int): surname length (1 or 2).
    g (int): given-name length (1 or 2).
    lex (dict[str, str]): word -> lexicon class.
    end_buckets (dict[str, str] | None): char -> follower/ender bucket; given at training
        time only (the run-time model folds it into the A and C tables).
    RETURNS (list[tuple[str, str]]): raw keys (before rare-key folding).
    """
    n = len(text)
    e = start + k + g
    f = [(T_BIAS, ""), (T_SUR, text[start:start + k]), (T_SHAPE, f"{k}{g}")]
    if g == 1:
        f.append((T_SOLE, text[start + k]))
    else:
        f.append((T_FIRST, text[start + k]))
        f.append((T_SECOND, text[start + k + 1]))
    for c in text[start + k:e]:
        f.append((T_GIVEN, c))
    f.append((T_LEFT, text[start - 1] if start > 0 else BOS))
    f.append((T_LEFT2, text[start - 2:start] if start >= 2 else BOS + text[:start]))
    f.append((T_RIGHT, text[e] if e < n else EOS))
    f.append((T_RIGHT2, text[e:e + 2] if e + 2 <= n else text[e:] + EOS))
    f.append((T_WORD, lex.get(text[start:e], NO_WORD)))
    f.append((T_CUTR, lex.get(text[e - 1:e + 1], NO_WORD) if e < n else NO_WORD))
    f.append((T_CUTL, lex.get(text[start - 1:start + 1], NO_WORD) if start > 0 else NO_WORD))
    f.append((T_NEXTW, lex.get(text[e:e + 2], NO_WORD)))
    if end_buckets is not None:
        f.append((T_END, end_buckets.get(text[e - 1], UNSEEN_BUCKET)))
    return f


#: what may stand right after a name and a character that follows it: a work's title or a
#: quote opening (李某版《某片》), the colon after a verb of saying (某某称：)
_AFTER_FOLLOWER = "《“‘「『：:"
_QUOTES = {"“": "”", "「": "」", "『": "』", "\"": "\"", "‘": "’"}
#: joiners inside a transliterated name (詹姆斯-奈史密斯, 约翰·格林); not the dash —,
#: which also sets off a clause (——记者某某)
_NAME_JOINERS = "-·・•‧－"
#: after a name, the suffix of a thing named after it: a team (某某队, not 队长/队员), a
#: club (某某竞技), a memorial (某某纪念馆, 故居), a street or a bridge (某某路, not 路过/路上)
_NAMED_AFTER = re.compile(
    "(?:队(?![长员友伍])|竞技|纪念馆|故居|大街|大道|路(?![过上途旁边])|街(?![头上])|巷|胡同|桥(?![梁上头]))")
#: the last character of a street's or a bridge's name
_STREET_END = "路街巷桥"
#: characters a person's name often follows (function words, verbs of saying, the ends of
#: titles and person nouns): after them a name ending in 路 is a person (会议由某路主持)
_PERSON_LEFT = frozenset("的了在是和与及等同跟由向对为将把被让给请叫称说问派见据从或并"
                         "长记任员席理师授者家生士官手星")


def in_title(text: str, start: int, end: int, reach: int = 60) -> bool:
    """Whether ``text[start:end]`` stands inside a 《》 title: the nearest bracket after it
    (within ``reach``) closes a title, and the nearest before it opens one, or the text
    opens inside the title (no bracket before it at all)."""
    after = text[end:end + reach]
    close, reopen = after.find("》"), after.find("《")
    if close < 0 or 0 <= reopen < close:
        return False
    before = text[max(0, start - reach):start]
    opened, closed = before.rfind("《"), before.rfind("》")
    if opened > closed:
        return True
    return opened < 0 and closed < 0 and "《" not in text[:start] and "》" not in text[:start]


def joined_left(text: str, start: int, reach: int = 2) -> bool:
    """Whether a name read at ``start`` continues a transliterated name to its left: at
    most ``reach`` ideographs back to a joiner with an ideograph before it (詹姆斯-奈|史密斯;
    not 某某-大祭司|某某, where a title of three stands between)."""
    i = start
    while i > 0 and start - i < reach and is_han(text[i - 1]):
        i -= 1
    return i >= 2 and text[i - 1] in _NAME_JOINERS and is_han(text[i - 2])


def not_a_mention(text: str, start: int, end: int, cued: bool = False) -> str | None:
    """Why ``text[start:end]``, read as a name, mentions no person there (None when it may).

    text (str): the text.
    start (int): the name's start.
    end (int): the name's end.
    cued (bool): whether a cue (a title right before it, a speech verb after it) says a
        person is meant; then only the title rule applies.
    RETURNS (str | None): "title" (inside a 《》 title), "joined" (a cut of a joined
        transliterated name), "named" (a team, club, memorial or street named after it),
        "street" (the end of a street's name: a surname and a street's
        suffix glued to a character no name follows), "brand" (a quoted brand), or None.
    """
    if in_title(text, start, end):
        return "title"
    if cued:
        return None
    if joined_left(text, start) or text[end:end + 1] in _NAME_JOINERS and is_han(text[end + 1:end + 2]):
        return "joined"
    if _NAMED_AFTER.match(text, end):
        return "named"
    if (end - start == 2 and text[end - 1] in _STREET_END and start > 0 and is_han(text[start - 1])
            and text[start - 1] not in _PERSON_LEFT):
        return "street"
    q = text[start - 1:start]
    if q in _QUOTES and text[end:end + 1] == _QUOTES[q] and is_han(text[end + 1:end + 2]):
        return "brand"
    return None


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


class NameModel:
    """Scores candidate person-name spans in Chinese text.

    weights (dict[str, dict[str, float]]): template -> key -> weight.
    lex (dict[str, str]): word -> lexicon class (for the word / cut features).
    singles (set[str]): one-character surnames.
    compounds (set[str]): two-character surnames.
    at_threshold (float): least probability ``name_at`` accepts.
    find_threshold (float): least probability ``find_names`` accepts.
    """

    def __init__(self, weights, lex, singles, compounds, at_threshold=0.2, find_threshold=0.8, meta=None,
                 not_given=(), end_buckets=None):
        self.weights = weights
        self.lex = lex
        self.singles = frozenset(singles)
        self.compounds = frozenset(compounds)
        self.at_threshold = at_threshold
        self.find_threshold = find_threshold
        self.meta = meta or {}
        self.not_given = frozenset(not_given)
        self.end_buckets = end_buckets or {}
        self._bias = weights.get(T_BIAS, {}).get("", 0.0)
        self._unk = {t: weights.get(t, {}).get(UNKNOWN, 0.0) for t in CHAR_TEMPLATES}
        # Fold the end-bucket weight into the tables of the slots that end a name (A, C),
        # so scoring a given character stays one dict lookup.
        tables = dict(weights)
        we = weights.get(T_END, {})
        for t in (T_SOLE, T_SECOND):
            table = weights.get(t, {})
            unk = self._unk[t]
            merged = {c: table.get(c, unk) + we.get(self.end_buckets.get(c, UNSEEN_BUCKET), 0.0)
                      for c in set(table) | set(self.end_buckets) if c != UNKNOWN}
            self._unk[t] = unk + we.get(UNSEEN_BUCKET, 0.0)
            tables[t] = merged
        self._tables = tables
        self._by_template = tuple(tables.get(t, {}) for t in (
            T_SUR, T_SOLE, T_FIRST, T_SECOND, T_GIVEN, T_LEFT, T_LEFT2, T_RIGHT, T_RIGHT2, T_WORD, T_CUTR, T_CUTL, T_NEXTW))
        shape = tables.get(T_SHAPE, {})
        self._shape = {(k, g): shape.get(f"{k}{g}", 0.0) for k in (1, 2) for g in (1, 2)}
        # the largest weight each lexicon feature can add (its class's, NO_WORD's, or 0.0
        # for a class its table lacks): ``find_names`` bounds a score with these
        classes = set(lex.values())

        def most(template: str) -> float:
            table = tables.get(template, {})
            return max([table.get(NO_WORD, 0.0)] + [table.get(c, 0.0) for c in classes])

        most_x = most(T_WORD)
        self._most_j = most(T_CUTL)
        self._most_right = most(T_CUTR) + most(T_NEXTW) + most_x
        wK, wW = tables.get(T_CUTR, {}), tables.get(T_NEXTW, {})
        self._most_end = (tables.get(T_RIGHT, {}).get(EOS, self._unk.get(T_RIGHT, 0.0)) + tables.get(T_RIGHT2, {}).get(EOS, 0.0)
                          + wK.get(NO_WORD, 0.0) + wW.get(NO_WORD, 0.0) + most_x)
        # the most the character after a name and the two after it (r and R) can add, by that
        # character: R's weight of an unseen pair is 0.0, and every pair it has opens with one
        wr, wR, ur = tables.get(T_RIGHT, {}), tables.get(T_RIGHT2, {}), self._unk.get(T_RIGHT, 0.0)
        pair_most: dict[str, float] = {}
        for pair, v in wR.items():
            if pair:
                pair_most[pair[0]] = max(pair_most.get(pair[0], 0.0), v)
        self._most_after = {c: wr.get(c, ur) + pair_most.get(c, 0.0) for c in set(wr) | set(pair_most)}
        self._most_after_unknown = ur + 0.0  # a character neither table has: r's unknown weight, R's 0.0
        # all a candidate's features after its name at their most, by the character after it;
        # "\x00" pads the text past its end, so it bounds an end (most_end) as well
        self._right_most = {c: v + self._most_right for c, v in self._most_after.items()}
        self._right_most["\x00"] = max(self._right_most.get("\x00", self._most_after_unknown + self._most_right),
                                        self._most_end)
        self._right_unknown = self._most_after_unknown + self._most_right

    # -- loading ---------------------------------------------------------------------
    @classmethod
    def from_dict(cls, data: dict) -> "NameModel":
        """Build a model from the parsed JSON file."""
        lex: dict[str, str] = {}
        for cls_name, words in data["lexicon"].items():
            for word in words.split():
                lex[word] = cls_name
        return cls(
            weights=data["weights"],
            lex=lex,
            singles=[s for s in data["surnames"] if len(s) == 1],
            compounds=[s for s in data["surnames"] if len(s) == 2],
            at_threshold=data.get("at_threshold", 0.2),
            find_threshold=data.get("find_threshold", 0.8),
            meta=data.get("meta"),
            not_given=data.get("not_given", "").split(),
            end_buckets={c: b for b, chars in data.get("end_buckets", {}).items() for c in chars},
        )

    @classmethod
    def load(cls, path: Path | str | None = None) -> "NameModel":
        """Load the model (cached per path).

        path (Path | str | None): model JSON. Defaults to kg/data/name_model.json.
        RETURNS (NameModel): the shared instance.
        """
        return _load_cached(str(path or DEFAULT_MODEL_PATH))

    # -- scoring ---------------------------------------------------------------------
    def _get(self, template: str, key: str) -> float:
        table = self._tables.get(template)
        if table is None:
            return 0.0
        v = table.get(key)
        if v is None:
            return self._unk.get(template, 0.0)
        return v

    def score_span(self, text: str, start: int, k: int, g: int) -> float:
        """Raw log-odds that ``text[start:start+k+g]`` is a name with a k-char surname: the
        weights of ``features`` (each looked up as ``_get`` does), summed in its order."""
        tS, tA, tB, tC, tG, tl, tL, tr, tR, tX, tK, tJ, tW = self._by_template
        u, lex = self._unk, self.lex
        n, e = len(text), start + k + g
        uG = u[T_GIVEN]
        given = text[start + k:e]
        shape = self._shape.get((k, g))
        if g == 1:
            terms = [self._bias, tS.get(text[start:start + k], u[T_SUR]),
                     self._get(T_SHAPE, f"{k}{g}") if shape is None else shape, tA.get(given, u[T_SOLE])]
        else:
            terms = [self._bias, tS.get(text[start:start + k], u[T_SUR]),
                     self._get(T_SHAPE, f"{k}{g}") if shape is None else shape,
                     tB.get(given[0], u[T_FIRST]), tC.get(given[1], u[T_SECOND])]
        for c in given:
            terms.append(tG.get(c, uG))
        terms += (tl.get(text[start - 1] if start > 0 else BOS, u[T_LEFT]),
                  tL.get(text[start - 2:start] if start >= 2 else BOS + text[:start], 0.0),
                  tr.get(text[e] if e < n else EOS, u[T_RIGHT]),
                  tR.get(text[e:e + 2] if e + 2 <= n else text[e:] + EOS, 0.0),
                  tX.get(lex.get(text[start:e], NO_WORD), 0.0),
                  tK.get(lex.get(text[e - 1:e + 1], NO_WORD) if e < n else NO_WORD, 0.0),
                  tJ.get(lex.get(text[start - 1:start + 1], NO_WORD) if start > 0 else NO_WORD, 0.0),
                  tW.get(lex.get(text[e:e + 2], NO_WORD), 0.0))
        return sum(terms)

    def prob(self, text: str, start: int, end: int) -> float:
        """Probability that ``text[start:end]`` is a full person name (0 if no shape fits)."""
        best = 0.0
        for k, g in candidates_at(text, start, self.singles, self.compounds, end - start, self.not_given):
            if start + k + g == end:
                best = max(best, _sigmoid(self.score_span(text, start, k, g)))
        return best

    def name_at(self, text: str, start: int, max_len: int = 4) -> tuple[int, float] | None:
        """The most likely name starting at ``start``, e.g. right after a title chain.

        text (str): repaired text (spaces inside names already removed).
        start (int): where the name would begin.
        max_len (int): longest name considered. Defaults to 4.
        RETURNS (tuple[int, float] | None): (length, probability) of the best candidate,
            or None when no surname starts there or the best is below ``at_threshold``.
        """
        best: tuple[int, float] | None = None
        for k, g in candidates_at(text, start, self.singles, self.compounds, max_len, self.not_given):
            p = _sigmoid(self.score_span(text, start, k, g))
            if best is None or p > best[1]:
                best = (k + g, p)
        if best is None or best[1] < self.at_threshold or in_title(text, start, start + best[0]):
            return None  # 《某某传》: a name inside a title is part of the title
        return best

    def person_span(self, text: str, start: int, end: int, cued: bool = False) -> tuple[int, int] | None:
        """A person span another reader (the statistical recogniser) proposes, checked by
        where it stands and trimmed to the name: None when it mentions no person
        (``not_a_mention``), else ``(start, end)`` without

        - joiners and punctuation at its edges (迈克·| -> 迈克),
        - an opening bracket it does not close and what follows (某某（某队 -> 某某),
        - a last character that follows names far more often than it ends one (the
          end buckets of the model), where this text bears that out (``_trims_last``):
          never before a clause's punctuation, a digit or a title; where it starts a word with
          what follows (某某|会见, 某某|犯罪); else in a name of Chinese shape when the
          name model reads the span without it better (李某|版, 谭某某|犯), after a
          title only when the model would not take the whole; in a transliterated one
          of four or more characters (贝尼特斯|会), not in one of Japanese shape (某江要介).

        text (str): the text.
        start (int): the span's start.
        end (int): the span's end.
        cued (bool): whether a title or a post says a person is meant (see
            ``not_a_mention``).
        RETURNS (tuple[int, int] | None): the trimmed span, or None.
        """
        edge = _NAME_JOINERS + "—（）()[]【】“”‘’\"'、，,。：:；; "
        while start < end and text[start] in edge:
            start += 1
        while end > start and text[end - 1] in edge:
            end -= 1
        for bracket, closing in (("（", "）"), ("(", ")")):
            at = text.find(bracket, start, end)
            if at >= 0 and text.find(closing, at, end) < 0:
                end = at
        while end > start and text[end - 1] in edge:
            end -= 1
        if end - start >= 3 and self._trims_last(text, start, end, cued):
            end -= 1
        if end - start < 2 or not_a_mention(text, start, end, cued):
            return None
        return start, end

    def _trims_last(self, text: str, start: int, end: int, cued: bool) -> bool:
        """Whether the last character of the span ``text[start:end]`` (three or more
        characters) follows the name rather than ends it (``person_span``).

        The end buckets only say that a character is often seen right after names, not
        why: 介 mostly as the start of 介绍, 和 as a conjunction; both also end names
        (a Japanese given name in 介, 某长和). So the character is trimmed only where this
        text bears the bucket out:

        - never before punctuation that ends a clause, a digit or a title (某某和９日,
          某某介，, 某某和大使); a work's title, a quote or a colon may follow
          (李某版《某片》, 某某称：), and the text may end (a sentence cut before its colon);
        - where it starts a word with the characters after it (介|绍, 会|议, 版|本, 犯|罪),
          that is evidence enough in a name of Chinese shape the model does not read
          better whole, and in one of four or more characters with no such reading;
        - without that: in a name of Chinese shape when no title cues the person and the
          name model reads the span without it better (李某|版电影, 孙某|犯诈骗); in one of
          four or more characters with no Chinese reading only when its characters read
          as a transliteration (贝尼特斯|会在), never in a name of Japanese shape, made of
          the characters of Chinese names (某江要介 stays whole).
        """
        last = text[end - 1]
        bucket = self.end_buckets.get(last, UNSEEN_BUCKET)
        if bucket == UNSEEN_BUCKET or int(bucket) < 1:
            return False
        # never the last part of a joined name (某某·某某·李)
        tail = max(text.rfind(j, start, end) for j in _NAME_JOINERS)
        after = text[end:end + 1]
        if end - 1 - tail <= 2 or after and not (is_han(after) or after in _AFTER_FOLLOWER):
            return False
        lex = lexicon()
        if lex.title_re.match(text, end):
            return False
        whole = self.prob(text, start, end)
        if whole == 0.0 and last in self.singles:
            return False  # a surname closing a transliterated name
        cut = self.prob(text, start, end - 1)
        # a common word (w1-w3 of the lexicon; not a name, nr, nor a place, ns)
        word = any((self.lex.get(text[end - 1:end + k]) or "").startswith("w") for k in (1, 2))
        if whole > 0.0 or cut > 0.0:
            # cued, the model's own reading of the whole (``name_at``'s threshold) stands
            return cut >= self.at_threshold and cut > whole and (
                word or not cued or whole < self.at_threshold)
        return end - start >= 4 and (word or lex.reads_foreign(text[start:end - 1]))

    def find_names(self, text: str, threshold: float | None = None,
                   starts: set[int] | None = None) -> list[tuple[int, int, float]]:
        """Names found without a cue: non-overlapping spans, most probable first chosen,
        none where it mentions no person (``not_a_mention``).

        text (str): repaired text.
        threshold (float | None): least probability. Defaults to ``find_threshold``.
        starts (set[int] | None): only spans starting at these offsets (word starts from a
            segmenter, say). Defaults to every offset.
        RETURNS (list[tuple[int, int, float]]): (start, end, probability), by start.

        Nearly every candidate falls far short: its score is first bounded from above
        (the lexicon features J, K, W, X at their largest weights, the two characters after
        it at the most they can add after its next character), for all candidates of a
        one-character surname at once, and only a candidate whose bound reaches the
        threshold is checked and scored exactly (``_logit``: the same sums in the same
        order, so the same probabilities).
        """
        thr = self.find_threshold if threshold is None else threshold
        if thr <= 0.0:
            logit_thr = -1e9
        elif thr >= 1.0:
            return []
        else:
            logit_thr = math.log(thr / (1.0 - thr))
        cut = logit_thr - 1e-9  # a bound below this is below the threshold, rounding and all
        n = len(text)
        one, firsts = self._surname_starts(text, cut)  # one-character surnames (bounded), firsts of two
        hits = self._one_character_hits(text, one, cut, logit_thr)
        compounds = self.compounds
        two = [s for s in firsts if s + 2 < n and text[s:s + 2] in compounds]
        if two:
            hits += self._two_character_hits(text, two, cut, logit_thr)
        if starts is not None:
            # a candidate's hit depends on the text around it only: kept or dropped by its
            # start, after scoring (a lazy ``starts`` segments only around the few that reach the threshold)
            hits = [h for h in hits if h[1] in starts]
        if not hits:
            return []
        hits.sort(key=lambda h: (-h[0], h[1], h[2]))
        taken = bytearray(n)
        out = []
        for x, s, e in hits:
            if any(taken[s:e]) or not_a_mention(text, s, e):
                continue
            taken[s:e] = b"\x01" * (e - s)
            out.append((s, e, _sigmoid(x)))
        out.sort()
        return out

    def _surname_starts(self, text: str, cut: float) -> tuple[list[int], list[int]]:
        """(starts of a one-character surname whose candidates may reach ``cut``, starts of
        the first character of a two-character surname), in order.

        The first list is every s (s + 1 < len(text)) with a one-character surname at s that
        ``_one_character_hits``'s bound does not rule out, computed over the whole text at
        once with numpy (``_DenseTables``): first with the weight of the two characters
        before the name (L) at its largest, then, for the few left, with L looked up. The
        sums run in another order, so a slack keeps every candidate the exact bound keeps;
        ``_one_character_hits`` reads the rest as before (its bound, then the exact score)."""
        d = self._dense()
        n = len(text)
        if n < 2:
            return [], []
        # a row of weights a character: "^" (BOS) before the text, "\x00" padding after it, as the bound reads them
        cps = numpy.frombuffer(("^" + text + "\x00\x00\x00").encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
        w = d.rows.take(d.ids.take(numpy.minimum(cps, _DENSE_LAST).astype(numpy.intp)), axis=0)
        m = n - 1  # the candidate starts s (s + 1 < n); a start s reads the characters s - 1 to s + 3 (rows s to s + 4)
        firsts = numpy.flatnonzero(w[1:n - 1, _D_FIRST_OF_TWO]).tolist() if n > 2 else []
        lead = w[:m, _D_LEFT] + w[1:m + 1, _D_SUR]  # (-inf where no one-character surname stands)
        sole = lead + w[2:m + 2, _D_SOLE] + w[3:m + 3, _D_RIGHT]
        pair = lead + w[2:m + 2, _D_FIRST] + w[3:m + 3, _D_SECOND] + w[4:m + 4, _D_RIGHT]
        base = self._bias + self._most_j
        slack = 1e-6  # the sums run in another order than the exact bound's: never drop on rounding
        one_cut, two_cut = cut - base - self._shape[1, 1] - slack, cut - base - self._shape[1, 2] - slack
        # first with L (the two characters before the name) at its largest
        at = numpy.flatnonzero((sole >= one_cut - d.most_left2) | (pair >= two_cut - d.most_left2))
        if not at.size:
            return [], firsts
        sole, pair, at = sole[at], pair[at], at.tolist()
        # then, for the few left, with L as it is (a look-up each): the exact bound's sum
        wL = self._tables[T_LEFT2]
        left2 = numpy.array([wL.get(text[s - 2:s] if s >= 2 else BOS + text[:s], 0.0) for s in at])
        keep = ((sole + left2 >= one_cut) | (pair + left2 >= two_cut)).tolist()
        singles = self.singles  # (one row stands for every character past the BMP)
        return [s for s, k in zip(at, keep) if k and text[s] in singles], firsts

    def _dense(self) -> _DenseTables:
        dense = self.__dict__.get("_dense_tables")
        if dense is None:
            dense = self._dense_tables = _DenseTables(self)
        return dense

    def _one_character_hits(self, text: str, at: list[int], cut: float,
                            logit_thr: float) -> list[tuple[float, int, int]]:
        """(log-odds, start, end) of the names of a one-character surname starting at
        ``at`` (each s with s + 1 < len(text)) that reach the threshold: every candidate's
        bound at once (C-level maps over the candidates), then, for those it lets through,
        the checks and the exact score of the scalar reading (``_two_character_hits``)."""
        if not at:
            return []
        w, u, n = self._tables, self._unk, len(text)
        padded = text + "\x00\x00"  # past the end: the bound of an end (most_end) below
        sur = [text[s] for s in at]
        ga = [text[s + 1] for s in at]
        gb = [padded[s + 2] for s in at]  # the second given character, or the one after a sole one
        after2 = [padded[s + 3] for s in at]
        wl, ul, wL = w[T_LEFT], u[T_LEFT], w[T_LEFT2]
        left = [wl.get(text[s - 1], ul) + wL.get(text[s - 2:s], 0.0) if s >= 2 else
                wl.get(text[s - 1] if s else BOS, ul) + wL.get(BOS + text[:s], 0.0) for s in at]
        right, right_unknown = self._right_most.get, self._right_unknown
        given = w[T_GIVEN].get
        lead = list(map(add, left, map(w[T_SUR].get, sur, repeat(u[T_SUR]))))  # the left context and the surname
        g_a = list(map(given, ga, repeat(u[T_GIVEN])))
        # the same weights as the scalar reading's, summed in another order: a bound only
        sole = [x + a + g + right(c, right_unknown) for x, a, g, c in zip(
            lead, map(w[T_SOLE].get, ga, repeat(u[T_SOLE])), g_a, gb)]
        pair = [x + b + g + c2 + g2 + right(c, right_unknown) for x, b, g, c2, g2, c in zip(
            lead, map(w[T_FIRST].get, ga, repeat(u[T_FIRST])), g_a, map(w[T_SECOND].get, gb, repeat(u[T_SECOND])),
            map(given, gb, repeat(u[T_GIVEN])), after2)]
        base = self._bias + self._most_j
        one_cut, two_cut = cut - base - self._shape[1, 1], cut - base - self._shape[1, 2]
        han, not_given, logit = _HAN_RE.match, self.not_given, self._logit
        hits: list[tuple[float, int, int]] = []
        for i, s in enumerate(at):
            if sole[i] < one_cut and pair[i] < two_cut:
                continue
            c1 = ga[i]
            if han(c1) is None:
                continue
            if sole[i] >= one_cut and c1 not in not_given:
                x = logit(text, s, 1, 1)
                if x >= logit_thr:
                    hits.append((x, s, s + 2))
            if pair[i] >= two_cut and s + 3 <= n and han(text[s + 2]) is not None and c1 + text[s + 2] not in not_given:
                x = logit(text, s, 1, 2)
                if x >= logit_thr:
                    hits.append((x, s, s + 3))
        return hits

    def _two_character_hits(self, text: str, at: list[int], cut: float,
                            logit_thr: float) -> list[tuple[float, int, int]]:
        """(log-odds, start, end) of the names of a two-character surname starting at ``at``
        that reach the threshold, read one candidate at a time (they are few)."""
        w, u, n = self._tables, self._unk, len(text)
        wS, wB, wC, wA, wG = w[T_SUR], w[T_FIRST], w[T_SECOND], w[T_SOLE], w[T_GIVEN]
        wl, wL, ul, uG = w[T_LEFT], w[T_LEFT2], u[T_LEFT], u[T_GIVEN]
        han, not_given, right_of, right_unknown = _HAN_RE.match, self.not_given, self._most_after.get, self._most_after_unknown
        hits: list[tuple[float, int, int]] = []
        for s in at:
            if han(text[s + 1]) is None:
                continue
            if s > 0:
                base = self._bias + wl.get(text[s - 1], ul) + wL.get(text[s - 2:s] if s >= 2 else BOS + text[:s], 0.0) + self._most_j
            else:
                base = self._bias + wl.get(BOS, ul) + wL.get(BOS, 0.0) + self._most_j
            sc = base + wS.get(text[s:s + 2], u[T_SUR])
            p = s + 2
            ga = text[p]
            if han(ga) is None:
                continue
            gwa = wG.get(ga, uG)
            for g in (1, 2):
                e = p + g
                if e > n:
                    break
                if g == 1:
                    if ga in not_given:
                        continue
                    x = sc + self._shape[2, 1] + wA.get(ga, u[T_SOLE]) + gwa
                else:
                    gb = text[p + 1]
                    if han(gb) is None:
                        break
                    if ga + gb in not_given:
                        continue
                    x = sc + self._shape[2, 2] + wB.get(ga, u[T_FIRST]) + wC.get(gb, u[T_SECOND]) + gwa + wG.get(gb, uG)
                x += right_of(text[e], right_unknown) + self._most_right if e < n else self._most_end
                if x < cut:
                    continue
                x = self._logit(text, s, 2, g)
                if x >= logit_thr:
                    hits.append((x, s, e))
        return hits

    def _logit(self, text: str, s: int, k: int, g: int) -> float:
        """The log-odds ``find_names`` gives the candidate ``text[s:s+k+g]`` (a surname of
        ``k`` characters at ``s``), summed in its order: the model's tables with the end
        buckets folded in, the features of ``features`` but T_END."""
        w, u, lex, n = self._tables, self._unk, self.lex, len(text)
        wX, wK, wJ, wW = w[T_WORD], w[T_CUTR], w[T_CUTL], w.get(T_NEXTW, {})
        nw, nk, nj, nn = wX.get(NO_WORD, 0.0), wK.get(NO_WORD, 0.0), wJ.get(NO_WORD, 0.0), wW.get(NO_WORD, 0.0)
        wl, wL, wr, wR, wG = w[T_LEFT], w[T_LEFT2], w[T_RIGHT], w[T_RIGHT2], w[T_GIVEN]
        if s > 0:
            left = wl.get(text[s - 1], u[T_LEFT]) + wL.get(text[s - 2:s] if s >= 2 else BOS + text[:s], 0.0)
            cl = lex.get(text[s - 1:s + 1])
            left += nj if cl is None else wJ.get(cl, 0.0)
        else:
            left = wl.get(BOS, u[T_LEFT]) + wL.get(BOS, 0.0) + nj
        sc = self._bias + left + w[T_SUR].get(text[s:s + k], u[T_SUR])
        p, e = s + k, s + k + g
        ga = text[p]
        gwa = wG.get(ga, u[T_GIVEN])
        if g == 1:
            x = sc + self._shape[k, 1] + w[T_SOLE].get(ga, u[T_SOLE]) + gwa
        else:
            gb = text[p + 1]
            x = (sc + self._shape[k, 2] + w[T_FIRST].get(ga, u[T_FIRST]) + w[T_SECOND].get(gb, u[T_SECOND])
                 + gwa + wG.get(gb, u[T_GIVEN]))
        if e < n:
            x += wr.get(text[e], u[T_RIGHT]) + wR.get(text[e:e + 2] if e + 2 <= n else text[e:] + EOS, 0.0)
            ck = lex.get(text[e - 1:e + 1])
            x += nk if ck is None else wK.get(ck, 0.0)
            cn = lex.get(text[e:e + 2])
            x += nn if cn is None else wW.get(cn, 0.0)
        else:
            x += wr.get(EOS, u[T_RIGHT]) + wR.get(EOS, 0.0) + nk + nn
        cw = lex.get(text[s:e])
        x += nw if cw is None else wX.get(cw, 0.0)
        return x


#: the dense tables' last row: every code point past the Basic Multilingual Plane reads it
_DENSE_LAST = 0x10000


#: the columns of ``_DenseTables.rows``
_D_LEFT, _D_SUR, _D_SOLE, _D_FIRST, _D_SECOND, _D_RIGHT, _D_FIRST_OF_TWO = range(7)


class _DenseTables:
    """The name model's one-character tables as rows of an array, for the bound of
    ``NameModel._surname_starts``: ``rows[ids[code point]]`` holds what each table gives
    the character, as ``dict.get`` reads it (its unknown weight where it has none), in the
    columns ``_D_*``: l; S (-inf for a character that is no one-character surname); A + G;
    B + G; C + G (each given slot with the weight of any given character); the most the
    characters after a name add (``_right_most``); 1.0 for the first character of a
    two-character surname. Row 0 is every character no table names; the row of
    ``_DENSE_LAST`` stands for all characters past the BMP, at the largest of their weights."""

    def __init__(self, model: NameModel) -> None:
        w, u = model._tables, model._unk
        columns = [  # (table, unknown weight), a column each
            (w[T_LEFT], u[T_LEFT]),
            ({c: w[T_SUR].get(c, u[T_SUR]) for c in model.singles}, -math.inf),
            (self._plus(w[T_SOLE], u[T_SOLE], w[T_GIVEN], u[T_GIVEN]), u[T_SOLE] + u[T_GIVEN]),
            (self._plus(w[T_FIRST], u[T_FIRST], w[T_GIVEN], u[T_GIVEN]), u[T_FIRST] + u[T_GIVEN]),
            (self._plus(w[T_SECOND], u[T_SECOND], w[T_GIVEN], u[T_GIVEN]), u[T_SECOND] + u[T_GIVEN]),
            (model._right_most, model._right_unknown),
            ({c[0]: 1.0 for c in model.compounds}, 0.0),
        ]
        chars = sorted({k for table, _ in columns for k in table if len(k) == 1})
        self.ids = numpy.zeros(_DENSE_LAST + 1, dtype=numpy.intp)
        rows = [[unknown for _, unknown in columns]]
        for c in chars:
            cp = min(ord(c), _DENSE_LAST)
            row = [table.get(c, unknown) for table, unknown in columns]
            if cp == _DENSE_LAST:  # past the BMP: the largest weights of all such characters, named or not
                row = [max(a, b) for a, b in zip(rows[self.ids[cp]], row)]  # (row 0 at first: the unknown weights)
                if self.ids[cp]:
                    rows[self.ids[cp]] = row
                    continue
            self.ids[cp] = len(rows)
            rows.append(row)
        self.rows = numpy.array(rows, dtype=numpy.float64)
        self.most_left2 = max([0.0, *w[T_LEFT2].values()])  # an unseen pair weighs 0.0

    @staticmethod
    def _plus(a: dict, ua: float, b: dict, ub: float) -> dict:
        """a + b, character by character, each with its unknown weight where it has none."""
        return {c: a.get(c, ua) + b.get(c, ub) for c in set(a) | set(b) if len(c) == 1}


@lru_cache(maxsize=4)
def _load_cached(path: str) -> NameModel:
    with open(path, encoding="utf-8") as fh:
        return NameModel.from_dict(json.load(fh))


__all__ = ["NameModel", "load_surnames", "features", "candidates_at", "is_han", "in_title", "joined_left",
           "not_a_mention", "DEFAULT_MODEL_PATH"]
