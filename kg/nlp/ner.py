"""The statistical span recogniser: persons, titles, government bodies and other
organisations, learned from labelled Chinese NER data (scripts/ner/train.sh).

It is a spaCy pipeline of its own (kg/data/ner/), on character tokens, so every span
maps exactly onto the text it was given; each character also carries the jieba word it
lies in (its NORM), its place in that word (LEMMA) and the word's POS (TAG), the word
context a character model lacks. The grammar stays first (``extract``): the model fills
in where the grammar is silent.

Labels (the mapping of the training sets is in ``LABEL_MAP``):

- PER: a person's name;
- TITLE: a post (副市长, 董事长, 总召集人);
- GOV: a government or Party body (国务院, 市发展改革委, 最高人民检察院), China's or a foreign
  state's (美国国防部: kg types a foreign state's body Organization, and ``kg eval-ner``
  reads it as GOV, as CLUENER's ``government`` label does);
- ORG: any other organisation (companies, schools, associations, hospitals).
"""
from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..vocab.paths import DATA_DIR

MODEL_DIR = DATA_DIR / "ner"
LABELS = ("PER", "TITLE", "GOV", "ORG")

#: source label -> kg label, by data set (labels not listed are not kg's: read as O)
LABEL_MAP: dict[str, dict[str, str]] = {
    "cluener": {"name": "PER", "position": "TITLE", "government": "GOV", "organization": "ORG", "company": "ORG"},
    "resume": {"NAME": "PER", "TITLE": "TITLE", "ORG": "ORG"},
    "pd": {"PER": "PER", "ORG": "ORG"},
    "msra": {"PER": "PER", "ORG": "ORG"},
}
#: the kg labels each data set annotates (a data set scores only those)
ANNOTATED: dict[str, tuple[str, ...]] = {
    "cluener": ("PER", "TITLE", "GOV", "ORG"),
    "resume": ("PER", "TITLE", "ORG"),
    "pd": ("PER", "ORG"),
    "msra": ("PER", "ORG"),
}


@dataclass(frozen=True, slots=True)
class Span:
    """A recognised span of a text: [start, end) and its label."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class Example:
    """A labelled sentence of a data set, its spans in the source's labels."""

    text: str
    spans: tuple[tuple[int, int, str], ...]


# ---- labelled data: CLUENER JSON lines, BIO / BMES character columns ------------------

def read_examples(path: str | Path) -> list[Example]:
    """Labelled sentences from a CLUENER JSON-lines file (``.json``/``.jsonl``), or a
    character-per-line file with BIO or BMES tags (blank line between sentences), or a
    sentences file with its tags in ``tags.txt`` beside it (space-separated, MSRA).

    RAISES ValueError: a line that is none of these, named with its number.
    """
    path = Path(path)
    if path.suffix in (".json", ".jsonl"):
        return list(_read_cluener(path))
    if (path.parent / "tags.txt").is_file() and path.name != "tags.txt":
        return list(_read_space_separated(path, path.parent / "tags.txt"))
    return list(_read_columns(path))


def _read_cluener(path: Path) -> Iterator[Example]:
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                text = rec["text"]
                spans = [(s, e + 1, label) for label, ents in rec.get("label", {}).items()
                         for offsets in ents.values() for s, e in offsets]  # CLUENER ends are inclusive
            except (ValueError, KeyError, TypeError) as err:
                raise ValueError(f"{path}:{n}: not a CLUENER record ({err})") from None
            yield Example(text, tuple(sorted(spans)))


def _read_columns(path: Path) -> Iterator[Example]:
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield Example("".join(chars), tuple(tags_to_spans(tags)))
                chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) != 2:
                raise ValueError(f"{path}:{n}: expected 'CHARACTER TAG', got {line!r}")
            chars.append(parts[0])
            tags.append(parts[1])
    if chars:
        yield Example("".join(chars), tuple(tags_to_spans(tags)))


def _read_space_separated(path: Path, tags_path: Path) -> Iterator[Example]:
    sentences = path.read_text(encoding="utf-8").split("\n")
    tag_lines = tags_path.read_text(encoding="utf-8").split("\n")
    for n, (sentence, tag_line) in enumerate(zip(sentences, tag_lines), 1):
        chars, tags = sentence.split(), tag_line.split()
        if len(chars) != len(tags):
            raise ValueError(f"{path}:{n}: {len(chars)} characters but {len(tags)} tags in {tags_path.name}")
        if chars:
            yield Example("".join(chars), tuple(tags_to_spans(tags)))


def tags_to_spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """BIO, BMES or BIOES tags -> [(start, end, label)].

    >>> tags_to_spans(["B-NAME", "E-NAME", "O", "S-ORG"])
    [(0, 2, 'NAME'), (3, 4, 'ORG')]
    """
    spans: list[tuple[int, int, str]] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        prefix, _, name = tag.partition("-")
        if not name:
            if start is not None:
                spans.append((start, i, label))
            start, label = None, None
            continue
        if prefix in ("B", "S") or start is None or name != label:
            if start is not None:
                spans.append((start, i, label))
            start, label = i, name
        if prefix in ("E", "S"):
            spans.append((start, i + 1, label))
            start, label = None, None
    if start is not None:
        spans.append((start, len(tags), label))
    return spans


def data_set_of(path: str | Path) -> str:
    """Which label mapping a file uses, from its format and labels (cluener, resume, pd, msra)."""
    path = Path(path)
    if path.suffix in (".json", ".jsonl"):
        return "cluener"
    if (path.parent / "tags.txt").is_file():
        return "msra"
    with open(path, encoding="utf-8") as fh:
        head = fh.read(200_000)
    return "resume" if ("-NAME" in head or "-TITLE" in head) else "pd"


def kg_spans(example: Example, data_set: str) -> set[tuple[int, int, str]]:
    """An example's spans in kg's labels (labels kg does not use are dropped)."""
    mapping = LABEL_MAP[data_set]
    return {(s, e, mapping[label]) for s, e, label in example.spans if label in mapping}


# ---- the model ------------------------------------------------------------------------

def _nfkc(s: str) -> str:
    return s.lower() if s.isascii() else unicodedata.normalize("NFKC", s).lower()


class CharTokenizer:
    """One token a character, with the jieba word around it as features (NORM: the
    word, LEMMA: the character's place in it, TAG: its POS and place)."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str):
        import numpy
        import rjieba
        from spacy.attrs import LEMMA, NORM, TAG
        from spacy.tokens import Doc

        doc = Doc(self.vocab, words=list(text), spaces=[False] * len(text))
        if not text:
            return doc
        pairs = rjieba.tag(text)
        if sum(len(w) for w, _ in pairs) != len(text):
            pairs = [(c, "x") for c in text]  # offsets must stay exact
        add = self.vocab.strings.add
        rows = []  # (NORM, LEMMA, TAG) a character; one array at the end (numpy rows one by one are slow)
        for word, pos in pairs:
            norm = _nfkc(word)
            word_id, last, same = add(norm), len(word) - 1, len(norm) == len(word)
            for k, ch in enumerate(word):
                place = "S" if last == 0 else "B" if k == 0 else "E" if k == last else "M"
                rows.append((word_id, add(place + (norm[k] if same else _nfkc(ch))), add(f"{pos}-{place}")))
        doc.from_array([NORM, LEMMA, TAG], numpy.array(rows, dtype="uint64"))
        return doc

    def pipe(self, texts, batch_size: int = 1000):
        return (self(t) for t in texts)

    def to_bytes(self, **kwargs) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs) -> "CharTokenizer":
        return self

    def to_disk(self, path, **kwargs) -> None:
        Path(path).write_text("char+jieba", encoding="utf-8")

    def from_disk(self, path, **kwargs) -> "CharTokenizer":
        return self


def register() -> None:
    """Register the tokenizer with spaCy (the trained config names it)."""
    from spacy.util import registry

    if "kg.char_jieba_tokenizer.v1" not in registry.tokenizers.get_all():
        registry.tokenizers.register("kg.char_jieba_tokenizer.v1", func=_make_tokenizer)


def _make_tokenizer(features: str = "jieba"):
    return lambda nlp: CharTokenizer(nlp.vocab)


def _fast_gemm() -> None:
    """thinc's bundled BLAS is several times slower on one core than numpy's here, and the
    CNN is matrix products: route them through numpy (the same numbers)."""
    import numpy
    from thinc.api import NumpyOps, get_current_ops, set_current_ops

    class MatmulOps(NumpyOps):
        name = "numpy"

        def gemm(self, x, y, out=None, trans1=False, trans2=False):
            x = x.T if trans1 else x
            y = y.T if trans2 else y
            if out is None:
                return numpy.matmul(x, y)
            numpy.matmul(x, y, out=out)
            return out

    if type(get_current_ops()) is NumpyOps:
        set_current_ops(MatmulOps())


def _reads_vectors(path: Path) -> bool:
    """Whether the model's embedding reads the static vectors of its vocab. Where it does not
    (kg's: hashed NORM, LEMMA and TAG features), the stored vocab (the 57,000 strings seen in
    training) is left unread: a feature is the hash of its string, whatever the string table
    holds, and the labels come with the recogniser. The same spans, and half of the
    model's load time."""
    return "include_static_vectors = true" in (path / "config.cfg").read_text(encoding="utf-8")


class Recogniser:
    """The trained recogniser: ``spans(text)`` and ``pipe(texts)``."""

    def __init__(self, path: str | Path = MODEL_DIR) -> None:
        import spacy

        path = Path(path)
        if not (path / "config.cfg").is_file():
            raise FileNotFoundError(f'No span recogniser in "{path}" - run scripts/ner/train.sh, '
                                    'or build with --no-model')
        from threadpoolctl import ThreadpoolController

        register()
        _fast_gemm()
        self.nlp = spacy.load(path, exclude=[] if _reads_vectors(path) else ["vocab"])
        self._threads = ThreadpoolController()  # found once: finding the BLAS libraries reads /proc

    def spans(self, text: str) -> list[Span]:
        return next(iter(self.pipe([text])))

    def pipe(self, texts: Iterable[str], batch_size: int = 64) -> list[list[Span]]:
        """The spans of every text. The matrix products run on one BLAS thread: kg runs
        one extractor per core, and more threads on small matrices spin (ten times slower
        on a busy machine)."""
        with self._threads.limit(limits=1, user_api="blas"):
            return [[span for e in doc.ents if (span := _trimmed(e.text, e.start_char, e.label_))]
                    for doc in self.nlp.pipe(texts, batch_size=batch_size)]


def _trimmed(text: str, start: int, label: str) -> Span | None:
    """A span without the spaces at its edges (the model saw almost none in training), or
    None when nothing is left. (A person of one character, 李|先生, stays: Resume NER labels
    it a name, CLUENER does not; a build never keeps one.)"""
    stripped = text.strip()
    if not stripped:
        return None
    start += len(text) - len(text.lstrip())
    return Span(start, start + len(stripped), label)


@lru_cache(maxsize=1)
def recogniser() -> Recogniser | None:
    """The shipped recogniser, loaded once per process (None when it is not installed).
    The environment variable ``KG_NER_MODEL`` names another model folder (a trained
    ``scripts/ner/work/run*/model-best``, to score it without replacing kg/data/ner)."""
    named = os.environ.get("KG_NER_MODEL")
    if named:
        return Recogniser(named)  # a model asked for by name that is not there is an error, not the grammar alone
    try:
        return Recogniser()
    except FileNotFoundError:
        return None
