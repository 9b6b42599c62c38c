"""The spaCy pipeline: ``blank("zh")`` with a jieba word segmenter and kg's components.

Components follow spaCy's span_ruler pattern (``__call__`` = match -> set_annotations):

- ``kg_agencies``: agency names by their grammar -> ``doc.spans["kg_agencies"]``
- ``kg_people``: title chains and their people -> ``doc.spans["kg_people"]`` (names) and
  ``doc.spans["kg_posts"]`` (post texts), with structured hits in ``doc._.kg_people``.

The page context (which city 市 means) rides on ``doc._.kg_context``; set it with
``make_doc(nlp, text, ctx)`` before running the pipeline. ``annotate(nlp, text, ctx)``
gives the extractor the same findings without building a Doc (no stage after the
components reads its tokens or spans; building them took a tenth of extraction's time).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..records import Context
from .agencies import AgencyFinder
from .chains import ChainParser

AGENCIES_KEY = "kg_agencies"
PEOPLE_KEY = "kg_people"
POSTS_KEY = "kg_posts"


def _ensure_extensions() -> None:
    for name, default in (("kg_context", None), ("kg_agencies", None), ("kg_people", None), ("kg_text", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)


class JiebaTokenizer:
    """Word tokens from rjieba (fast) or jieba, with no spaces between them."""

    def __init__(self, vocab) -> None:
        self.vocab = vocab
        try:
            import rjieba

            self._cut = rjieba.cut
        except ImportError:  # same segmentation, slower
            import jieba

            jieba.setLogLevel(60)
            self._cut = lambda text: jieba.lcut(text, HMM=True)

    def __call__(self, text: str) -> Doc:
        words = self.words(text)
        return Doc(self.vocab, words=words, spaces=[False] * len(words))

    def words(self, text: str) -> list[str]:
        """The words of ``text``, as the Doc's tokens."""
        return [w for w in self._cut(text) if w]

    def word_starts(self, text: str) -> set[int]:
        """Where the Doc's tokens start (their ``IDX``), without building the Doc."""
        ends = list(accumulate(map(len, self.words(text)), initial=0))
        ends.pop()  # where the last word ends
        return set(ends)

    def lazy_word_starts(self, text: str) -> WordStarts:
        """``word_starts(text)``, each part of the text segmented when first asked about."""
        return WordStarts(text, self.words)

    # spaCy serialisation hooks (the tokenizer has no state of its own)
    def to_bytes(self, **_):
        return b""

    def from_bytes(self, _data, **_):
        return self

    def to_disk(self, _path, **_):
        return None

    def from_disk(self, _path, **_):
        return self


#: punctuation jieba writes as a word of its own wherever it stands, outside every run it
#: segments (its runs are Han, Latin letters, digits and ``+#&._%-``): the words of a
#: text cut between two of them are the words the whole text has there
_CUT_STOPS = re.compile(r"[，。；：！？、（）《》“”,;:!?()]")


class WordStarts(Collection):
    """Where the words of ``text`` start (``JiebaTokenizer.word_starts``), found on demand:
    ``pos in starts`` segments only the stretch between the two stops (``_CUT_STOPS``)
    around ``pos``, once. A caller that asks about a few places (the ends of the names
    the name model reads) segments a fraction of the text; the answers are the set's.

    extra: positions that count as starts too (the end of the text, say).
    """

    __slots__ = ("_done", "_extra", "_starts", "_stops", "_text", "_words")

    def __init__(self, text: str, words: Callable[[str], list[str]], extra: Collection[int] = ()) -> None:
        self._text = text
        self._words = words
        self._stops: list[int] | None = None  # found when first asked (a text may never be)
        self._done: set[int] = set()  # the stretches segmented (by the index of the stop after them)
        self._starts: set[int] = set()
        self._extra = frozenset(extra)

    def including(self, *positions: int) -> WordStarts:
        """These starts and ``positions`` (the segmentation done so far is shared)."""
        other = WordStarts.__new__(WordStarts)
        other._text, other._words, other._stops = self._text, self._words, self._stops
        other._done, other._starts, other._extra = self._done, self._starts, self._extra | frozenset(positions)
        return other

    def __contains__(self, pos: object) -> bool:
        if pos in self._extra:
            return True
        if not isinstance(pos, int) or not 0 <= pos < len(self._text):
            return False
        stops = self._stops
        if stops is None:
            stops = self._stops = [m.start() for m in _CUT_STOPS.finditer(self._text)]
        k = bisect_right(stops, pos)  # stops at or before pos
        if k and stops[k - 1] >= pos - 1:
            return True  # a stop, or the character after one: a word begins there
        if k not in self._done:
            self._done.add(k)
            start = stops[k - 1] + 1 if k else 0
            end = stops[k] if k < len(stops) else len(self._text)
            for word in self._words(self._text[start:end]):
                self._starts.add(start)
                start += len(word)
        return pos in self._starts

    def _all(self) -> set[int]:
        return {p for p in range(len(self._text)) if p in self} | self._extra

    def __iter__(self):
        return iter(sorted(self._all()))

    def __len__(self) -> int:
        return len(self._all())


def doc_text(doc: Doc) -> str:
    """The doc's text; cached because ``Doc.text`` rebuilds it from every token each time."""
    if doc._.kg_text is None:
        doc._.kg_text = doc.text
    return doc._.kg_text


def _spans(doc: Doc, items, label_of) -> list[Span]:
    out = []
    for it in items:
        span = doc.char_span(it.start, it.end, label=label_of(it), alignment_mode="expand")
        if span is not None:
            out.append(span)
    return out


class AgencyComponent:
    """Find agency names; canonical names go with the spans in ``doc._.kg_agencies``."""

    def __init__(self, nlp: Language, name: str, spans_key: str = AGENCIES_KEY) -> None:
        _ensure_extensions()
        self.name = name
        self.spans_key = spans_key
        self.finder = AgencyFinder()

    def __call__(self, doc: Doc) -> Doc:
        matches = self.match(doc)
        self.set_annotations(doc, matches)
        return doc

    def match(self, doc: Doc):
        return self.find(doc_text(doc), doc._.kg_context)

    def find(self, text: str, ctx: Context | None):
        """The agencies of ``text`` (``match`` without a Doc)."""
        return self.finder.find(text, ctx or Context())

    def set_annotations(self, doc: Doc, matches) -> None:
        doc._.kg_agencies = matches
        doc.spans[self.spans_key] = _spans(doc, matches, lambda a: a.kind)


class PeopleComponent:
    """Parse title chains into people with posts; needs ``kg_agencies`` before it."""

    def __init__(self, nlp: Language, name: str, spans_key: str = PEOPLE_KEY, use_name_model: bool = True) -> None:
        _ensure_extensions()
        self.name = name
        self.spans_key = spans_key
        names = None
        if use_name_model:
            try:
                from .names import NameModel

                names = NameModel.load()
            except (ImportError, OSError, ValueError):
                names = None
        self.parser = ChainParser(names=names)

    def __call__(self, doc: Doc) -> Doc:
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc):
        agencies = doc._.kg_agencies
        if agencies is None:
            raise ValueError("kg_people needs kg_agencies earlier in the pipeline: nlp.add_pipe('kg_agencies', first=True)")
        return self.parse(doc_text(doc), doc._.kg_context, agencies)

    def parse(self, text: str, ctx: Context | None, agencies):
        """The people of ``text`` given its agencies (``match`` without a Doc)."""
        return self.parser.parse(text, ctx or Context(), agencies)

    def set_annotations(self, doc: Doc, hits) -> None:
        doc._.kg_people = hits
        doc.spans[self.spans_key] = _spans(doc, hits, lambda h: "PERSON")
        posts = [t for h in hits for t in h.titles]
        doc.spans[POSTS_KEY] = [
            s for s in (doc.char_span(t.post_start, t.post_end, label=t.role, alignment_mode="expand") for t in posts) if s is not None
        ]


@Language.factory("kg_agencies", assigns=["doc.spans", "doc._.kg_agencies"], default_config={"spans_key": AGENCIES_KEY})
def make_agencies(nlp: Language, name: str, spans_key: str) -> AgencyComponent:
    """Agency recogniser. spans_key (str): where the spans go. Defaults to "kg_agencies"."""
    return AgencyComponent(nlp, name, spans_key)


@Language.factory(
    "kg_people",
    assigns=["doc.spans", "doc._.kg_people"],
    requires=["doc._.kg_agencies"],
    default_config={"spans_key": PEOPLE_KEY, "use_name_model": True},
)
def make_people(nlp: Language, name: str, spans_key: str, use_name_model: bool) -> PeopleComponent:
    """Title-chain parser. use_name_model (bool): break name-length ties with kg.names. Defaults to True."""
    return PeopleComponent(nlp, name, spans_key, use_name_model)


@lru_cache(maxsize=2)
def build_nlp(use_name_model: bool = True) -> Language:
    """The kg pipeline: blank Chinese, jieba words, agency and people components."""
    _ensure_extensions()
    nlp = spacy.blank("zh")
    nlp.tokenizer = JiebaTokenizer(nlp.vocab)
    nlp.add_pipe("kg_agencies")
    nlp.add_pipe("kg_people", config={"use_name_model": use_name_model})
    # spaCy's 1,000,000-character limit guards the memory of parsers and taggers; this
    # pipeline has none (words and rules, linear in the text): a long article is read whole
    nlp.max_length = 10**9
    return nlp


def make_doc(nlp: Language, text: str, ctx: Context) -> Doc:
    """Run the pipeline on ``text`` with the page context set."""
    doc = nlp.make_doc(text)
    doc._.kg_context = ctx
    doc._.kg_text = text
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


@dataclass(frozen=True, slots=True)
class Annotations:
    """What the pipeline finds in a text: ``doc._.kg_agencies``, ``doc._.kg_people`` and
    the starts of the Doc's tokens (``doc.to_array("IDX")``)."""

    agencies: list
    people: list
    word_starts: Collection[int]  # a set, or ``WordStarts`` (``annotator(nlp, lazy_words=True)``)


def annotate(nlp: Language, text: str, ctx: Context) -> Annotations:
    """``make_doc`` without the Doc: the same components on the same text, for callers
    that read only their findings and the word starts. A pipeline with other components
    than ``build_nlp``'s runs through ``make_doc``."""
    return annotator(nlp)(text, ctx)


def annotator(nlp: Language, lazy_words: bool = False) -> Callable[[str, Context], Annotations]:
    """``annotate`` bound to one pipeline, its components looked up once (spaCy builds a
    list of them on every ``pipe_names`` and ``get_pipe``): for a caller that annotates
    many texts with a pipeline it no longer changes.

    lazy_words (bool): give the word starts as ``WordStarts``, segmenting a part of the
        text only when asked about it (the same answers; a pipeline with other components
        gives its Doc's set)."""
    if nlp.pipe_names != ["kg_agencies", "kg_people"] or not isinstance(nlp.tokenizer, JiebaTokenizer):
        def through_doc(text: str, ctx: Context) -> Annotations:
            doc = make_doc(nlp, text, ctx)
            return Annotations(doc._.kg_agencies, doc._.kg_people, set(doc.to_array("IDX").tolist()))

        return through_doc
    find, parse = nlp.get_pipe("kg_agencies").find, nlp.get_pipe("kg_people").parse
    word_starts = nlp.tokenizer.lazy_word_starts if lazy_words else nlp.tokenizer.word_starts

    def direct(text: str, ctx: Context) -> Annotations:
        agencies = find(text, ctx)
        return Annotations(agencies, parse(text, ctx, agencies), word_starts(text))

    return direct
