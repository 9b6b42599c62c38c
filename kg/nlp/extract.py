"""Articles -> records: people, posts, agencies (spaCy pipeline), figures, programs, events.

spaCy types stop here: everything returned is a plain record of kg.records.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..records import (
    AgencyMention,
    Article,
    Context,
    Evidence,
    Extraction,
    Holding,
    PersonMention,
    PostChange,
    Source,
    article_key,
)
from ..text.repair import normalize_for_matching
from ..vocab.lexicon import alternation, lexicon, read_tsv
from .agencies import AgencyName, infer_context, unplaced
from .assemble import Assembler
from .bylines import parse_byline, press_of
from .bios import find_bios
from .chains import (
    AFTER_NAME,
    COMMON_WORD,
    JOINER_CLASS,
    NAME_JOINERS,
    names_a_place,
    sentence_start,
    title_matches,
)
from .changes import LEFT_BOUNDED, find_changes
from .events import extract_events
from .figures import extract_figures
from .ner import recogniser
from .pipeline import annotator, build_nlp
from .programs import extract_programs

PRESS_KIND = "Newspaper"
_HAN_RE = re.compile(r"[\u4e00-\u9fff]")
_WINDOW_BEFORE = 40  # characters the recogniser reads before a title: the body of the post
_NUMERALS = set("一二两三四五六七八九十0123456789")
_HEAD_OF_STATE = "副总统|总统|副总理|总理|首相|国王|女王|天皇|国务卿|外长|外交大臣|议长"
_NAME_LEFT = set("和与及同、会见由请")  # what may stand right before a name
_NAME_BOUNDARY = _NAME_LEFT | set("的了在是对为将把被从向于所并或而但又也都就年月日前后说祝贺给")  # where a name may begin
_CHANGE_CUE = re.compile("任|当选|选举|接替|免去|辞去|退休")  # every pattern's verb holds one of these


@lru_cache(maxsize=1)
def _person_nouns() -> re.Pattern:
    """Nouns before which a name means a person with no post (ontology/vocab/person-nouns.tsv)."""
    return re.compile(alternation(r[0] for r in read_tsv("person-nouns.tsv")))


@lru_cache(maxsize=1)
def _person_cues() -> re.Pattern:
    """Words after which a name means a person (ontology/vocab/person-cues.tsv)."""
    return re.compile(alternation(r[0] for r in read_tsv("person-cues.tsv")))


def page_context(source: Source, articles: list[Article]) -> Context:
    """City and province a page is about (metadata first, then the page's own text)."""
    text = "".join(a.headline + a.text for a in articles)
    return infer_context(text, city=source.city)


#: how sure each way of finding a person or a post is, from held-out measurements
#: (benchmarks/heldout_people.py, benchmarks/heldout_posts.py): the grammar's posts were
#: right 0.96 of the time on unseen national news, the recogniser's about 0.8
CONFIDENCE = {"grammar": 0.95, "byline": 0.99, "ner-person": 0.85, "ner-post": 0.8}


@dataclass(slots=True)
class _State:
    """An article between the grammar and the recogniser."""

    article: Article
    text: str
    out: Extraction
    seen: dict
    posted: list


_JOINER = re.compile(rf"(?<=[\u4e00-\u9fff]){JOINER_CLASS}(?=[\u4e00-\u9fff])")


#: an item of a list of names, up to the 、 or 等 after it (甲、|乙|、丙等)
_LIST_ITEM = re.compile(r"[\u4e00-\u9fff·]{2,8}(?=[、等])")


def _inside_found(out: Extraction, s: int, e: int) -> bool:
    """Whether [s, e) lies within a person already found (扎哈罗娃 holds 哈罗娃)."""
    return any(p.start is not None and p.start <= s and e <= p.end for p in out.persons)


class Extractor:
    """Runs the pipeline over articles; one instance per process (loads vocabularies once).

    use_model (bool): fill in with the statistical recogniser (kg/data/ner) where the
        grammar is silent; False gives the grammar alone (``kg build --no-model``).
    """

    def __init__(self, use_name_model: bool = True, use_model: bool = True) -> None:
        self.nlp = build_nlp(use_name_model)
        self._annotate = annotator(self.nlp, lazy_words=True)  # its components, looked up once
        people = self.nlp.get_pipe("kg_people")
        self.names = people.parser.names
        self.recogniser = recogniser() if use_model else None
        self.assembler = Assembler(people.parser.finder, people.parser.lex)
        self._nouns = _person_nouns()
        lex = self.assembler.lex
        # characters a name may begin with: surnames, those of the labelled names, and the
        # first characters of the names in the name model's dictionary (冈田, 樱内)
        self._name_starts = frozenset(lex.surnames) | frozenset(lex.foreignness) | frozenset(
            w[0] for w, tag in (self.names.lex.items() if self.names is not None else ()) if tag == "nr")
        self._nouns_at_end = re.compile(f"(?:{self._nouns.pattern})$")
        self._parser = people.parser
        # a head of state's title, not the start of a longer noun (总统府, 总理官邸, 总统大选)
        self._head_of_state = re.compile(f"(?:{_HEAD_OF_STATE})(?!府|办|官邸|大选|选举|职|任期|候选|令)")


    def extract(self, article: Article, ctx: Context, paper: str | None = None) -> Extraction:
        """All records of one article."""
        return self.extract_all([article], ctx, paper)[0]

    def extract_all(self, articles: list[Article], ctx: Context, paper: str | None = None) -> list[Extraction]:
        """All records of the articles of one source, in order."""
        return self.extract_many([(articles, ctx, paper)])[0]

    def extract_many(self, sources: list[tuple[list[Article], Context, str | None]]) -> list[list[Extraction]]:
        """All records of the articles of several sources ((articles, context, paper) each),
        each source's in order. The recogniser reads the windows of all of them in one call
        (a call costs as much as a few hundred characters of text it reads); a window's
        spans do not depend on the others read with it."""
        title_matches.cache_clear()  # kept from the chains to the windows of these articles, not past them
        states = [[self._grammar(article, ctx, paper) for article in articles] for articles, ctx, paper in sources]
        if self.recogniser is not None:
            flat = [(st, ctx) for (_, ctx, _), sts in zip(sources, states) for st in sts]
            windows = [self._silent_windows(st.text, st.posted) for st, _ in flat]
            texts = [st.text[w0:w1] for (st, _), ws in zip(flat, windows) for w0, w1 in ws]
            spans = iter(self.recogniser.pipe(texts) if texts else ())  # (a call with none still costs a tenth of a ms)
            for (st, ctx), ws in zip(flat, windows):
                self._fill(st, ctx, ws, [next(spans) for _ in ws])
        return [[self._rest(st, ctx) for st in sts] for (_, ctx, _), sts in zip(sources, states)]

    def _grammar(self, article: Article, ctx: Context, paper: str | None) -> "_State":
        """What the grammar reads in an article, before the recogniser fills in."""
        text = normalize_for_matching(article.text)
        found = self._annotate(text, ctx)  # the pipeline's findings (no Doc: nothing reads it)
        out = Extraction(article)
        out.agencies.extend(self._agency(article, a) for a in found.agencies)
        seen_names: dict[str, PersonMention] = {}
        posted: list[tuple[int, int]] = []  # [post start, name end) of every person given a post
        for hit in found.people:
            ev = article.evidence(hit.start, hit.end)
            pm = PersonMention(hit.name, article.id, ev, cue=hit.cue, start=hit.start, end=hit.end)
            out.persons.append(pm)
            seen_names.setdefault(hit.name, pm)
            for t in hit.titles:
                if t.agency is None:
                    am = _antecedent(text, t.start, t.role, out.agencies)  # 该公司总经理, 记者从某局获悉，局长…
                    if am is None:
                        continue
                else:
                    am = self._agency(article, t.agency, implicit=t.implicit)
                    out.agencies.append(am)
                post_ev = article.evidence(min(t.post_start, hit.start), hit.end)
                out.holdings.append(Holding(hit.name, t.role, am, text[t.post_start:t.post_end], article.id,
                                            article.date, post_ev, former=t.former,
                                            confidence=CONFIDENCE["grammar"]))
                posted.append((min(t.post_start, t.start, hit.start), hit.end))
        self._bylines(article, out, seen_names, paper)
        self._speakers(article, text, out, seen_names)
        self._described(article, text, out, seen_names)
        self._transliterated(article, text, out, seen_names)
        self._dotted(article, text, out, seen_names)
        ws = found.word_starts  # segmented where asked about (``WordStarts``), or a set
        edges = ws | {len(text)} if isinstance(ws, (set, frozenset)) else ws.including(len(text))
        self._model_names(article, text, out, seen_names, edges)
        self._listed(article, text, out, seen_names)
        return _State(article, text, out, seen_names, posted)

    def _listed(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """Names in a list of names (甲、乙、丙等): an item between a name found and the next
        one, or before the 等 that closes the list, is a name too when it opens with a
        surname and is no common word or body, or reads foreign among foreign names."""
        lex, common = self.assembler.lex, self.names.lex if self.names is not None else {}
        starts = {p.start: p for p in out.persons if p.start >= 0}
        for pm in sorted(starts.values(), key=lambda p: p.start):
            pos, foreign = pm.end, lex.reads_foreign(pm.name)
            while pos < len(text) and text[pos] == "、":
                m = _LIST_ITEM.match(text, pos + 1)
                if m is None:
                    break
                s, e, item = m.start(), m.end(), m.group()
                named_next = text[e] == "等" or e + 1 in starts
                chinese = lex.opens_with_surname(item) and len(item) <= 4 \
                    and common.get(item) not in COMMON_WORD and not self.assembler.finder.is_place_or_agency(item)
                if s not in starts and named_next and not _inside_found(out, s, e) and (
                        chinese or foreign and lex.reads_foreign(item)) and not (
                        lex.title_re.search(item) or lex.country_re.search(item)):  # 某国总统某某: a post, read elsewhere
                    added = PersonMention(item, article.id, article.evidence(s, e), cue="list", start=s, end=e)
                    out.persons.append(added)
                    seen.setdefault(item, added)
                    starts[s] = added
                pos = e

    def _rest(self, st: "_State", ctx: Context) -> Extraction:
        """Later mentions, changes of post, figures, programs and events."""
        article, text, out = st.article, st.text, st.out
        self._later_mentions(article, text, out, st.seen)
        self._changes(article, text, ctx, out)
        self._bios(article, text, ctx, out)
        # figures resolve periods against a day; a year-only date (JSON records) gives none
        out.figures.extend(extract_figures(article, article.date.day if article.date else None, ctx))
        self._programs_events(article, out)
        return out

    def _changes(self, article: Article, text: str, ctx: Context, out: Extraction) -> None:
        """Changes of post (任命, 免去, 接替 ...): an event each, and the holdings they state
        (begun, or ended: former), the post read by the grammar as POST + NAME."""
        if not _CHANGE_CUE.search(text):
            return  # no verb of a change (find_changes tries each pattern only before its verb)
        starts = {pm.start: pm.name for pm in out.persons if pm.start >= 0}
        for c in find_changes(text, starts, self.assembler.lex.surnames):
            if (starts.get(c.name_start) != c.name and text[max(0, c.name_start - 2):c.name_start] not in LEFT_BOUNDED
                    and not self._name_may_be(text, c.name_start, c.name)):
                continue  # 干部|任前公示: a word, no name (任命…为 bounds a name on both sides)
            ev = article.evidence(c.start, c.end)
            role, agency, implicit = self._read_post(c.post, c.name, ctx, c.post_start) if c.post else ("", None, False)
            am = self._agency(article, agency, implicit=implicit) if agency else None
            out.changes.append(PostChange(c.name, c.kind, role, am, c.post, article.id, article.date, ev,
                                          c.predecessor))
            # the people of a change are persons of the graph, whether or not its post is read
            if not any(pm.name == c.name for pm in out.persons):
                out.persons.append(PersonMention(c.name, article.id, ev, cue="change", start=c.name_start,
                                                 end=c.name_start + len(c.name)))
            if c.predecessor and not any(pm.name == c.predecessor for pm in out.persons):
                out.persons.append(PersonMention(c.predecessor, article.id, ev, cue="change"))
            if am is None:
                continue
            out.agencies.append(am)
            out.holdings.append(Holding(c.name, role, am, c.post, article.id, article.date, ev,
                                        former=not c.begins, confidence=CONFIDENCE["grammar"]))
            if c.predecessor:
                out.holdings.append(Holding(c.predecessor, role, am, c.post, article.id, article.date, ev,
                                            former=True, confidence=CONFIDENCE["grammar"]))

    def _bios(self, article: Article, text: str, ctx: Context, out: Extraction) -> None:
        """Posts a biography states (林某，男，……，现任某局局长; kg.nlp.bios): a holding per
        post the grammar reads with its agency, former after 曾任/历任 or a date."""
        if "任" not in text:
            return  # every verb of holding a post (现任, 曾任, 历任, 担任) holds it
        starts = {pm.start: pm.name for pm in out.persons if pm.start >= 0}
        held = {(h.person, h.role, h.agency.label) for h in out.holdings}
        for b in find_bios(text, starts):
            ev = article.evidence(b.name_start, b.end)
            for role, agency, implicit in self._read_posts(b.post, b.name, ctx, b.post_start):
                if agency is None:
                    continue  # 营长 alone: no body named or implied
                am = self._agency(article, agency, implicit=implicit)
                if (b.name, role, am.label) in held:
                    continue
                held.add((b.name, role, am.label))
                out.agencies.append(am)
                out.holdings.append(Holding(b.name, role, am, b.post, article.id, article.date, ev,
                                            former=b.former, confidence=CONFIDENCE["grammar"]))

    def _name_may_be(self, text: str, start: int, name: str) -> bool:
        """Whether a name no cue found reads as one: the name model reads it there, at its
        length, and it is no common word."""
        if self.names is None:
            return True
        if self.names.lex.get(name) in COMMON_WORD:
            return False
        best = self.names.name_at(text, start)
        return best is not None and best[0] == len(name)

    def _read_post(self, post: str, name: str, ctx: Context, at: int) -> tuple[str, AgencyName | None, bool]:
        """Role, agency and whether the agency is implied, of the post nearest the name
        (某市委副书记、市长 -> 市长) in a post phrase that starts at ``at`` in the text."""
        titles = self._read_posts(post, name, ctx, at)
        return titles[-1] if titles else ("", None, False)

    def _read_posts(self, post: str, name: str, ctx: Context, at: int) -> list[tuple[str, AgencyName | None, bool]]:
        """Every post of a post phrase (某县委常委、副县长: both), as the grammar reads
        ``post + name``; the agencies' spans are moved to where the phrase starts in the text."""
        for hit in self._annotate(normalize_for_matching(post + name), ctx).people:
            if hit.name == name and hit.titles:
                return [(t.role, t.agency if t.agency is None or t.agency.start < 0 else
                         replace(t.agency, start=t.agency.start + at, end=t.agency.end + at), t.implicit)
                        for t in hit.titles]
        return []

    def _agency(self, article: Article, a: AgencyName, implicit: bool = False) -> AgencyMention:
        # a body whose place the text never gives is its article's own (市委 of some city)
        key = article_key(a.label, article.id) if unplaced(a.label) else a.label
        parent = article_key(a.parent, article.id) if a.parent and unplaced(a.parent) else a.parent
        if implicit or a.start < 0:
            ev = article.evidence(0, 0)
            return AgencyMention(a.label, key, a.label, a.kind, article.id, ev, parent, True)
        ev = article.evidence(a.start, a.end)
        return AgencyMention(a.surface, key, a.label, a.kind, article.id, ev, parent, False, a.start, a.end)

    def _bylines(self, article: Article, out: Extraction, seen: dict, paper: str | None) -> None:
        surface, key, label, kind = self._press(article, paper)
        for name, role, rs, re_, medium in parse_byline(article.raw, article.byline, article.byline_offsets):
            ev = _raw_evidence(article, rs, re_)
            at = article.text.find(name, 0, 80)  # the byline opens the body: 本报讯(记者 X)
            pm = PersonMention(name, article.id, ev, cue="byline", start=at, end=at + len(name) if at >= 0 else -1)
            out.persons.append(pm)
            seen.setdefault(name, pm)
            # the medium is named in the byline (本报讯, 新华社…电): a surface, not an implicit body
            if medium:  # another medium, named in the byline before the role
                name_of = medium.replace("《", "").replace("》", "")
                press = AgencyMention(medium, name_of, name_of, PRESS_KIND, article.id, ev, None, False)
            else:
                press = AgencyMention(surface, key, label, kind, article.id, ev, None, False)
            out.agencies.append(press)
            out.holdings.append(Holding(name, role, press, role, article.id, article.date, ev,
                                        confidence=CONFIDENCE["byline"]))

    def _press(self, article: Article, paper: str | None) -> tuple[str, str, str, str]:
        """(surface, key, canonical name, kind) of the medium a byline names: 本报 is the
        paper that prints the page (from metadata when known: one node across its sources),
        else that source's own paper (two pages of unknown papers are two papers);
        新华社 is 新华通讯社."""
        surface = press_of(article.byline) or "本报"
        if surface == "本报":
            return (surface, paper, paper, PRESS_KIND) if paper else (
                surface, article_key(surface, article.source), surface, PRESS_KIND)
        known = lexicon().known.get(surface)
        return (surface, known.canonical, known.canonical, known.kind) if known else (
            surface, surface, surface, PRESS_KIND)

    def _speakers(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """Names without a title right before a speech verb (张三指出), or a list of them
        (张三、李四出席), each checked by the name model."""
        if self.names is None:
            return
        for m in _person_cues().finditer(text):
            end = m.start()
            threshold = self.names.find_threshold
            while end > 0:
                s = self._name_ending_at(text, end, threshold)
                if s is None:
                    break
                name = text[s:end]
                if name not in seen and not self._not_alone(out, text, s, end):
                    pm = PersonMention(name, article.id, article.evidence(s, end), cue="model", start=s, end=end)
                    out.persons.append(pm)
                    seen[name] = pm
                if s > 0 and text[s - 1] == "、":
                    end = s - 1  # 张三、李四出席: the list continues to the left
                    threshold = self.names.at_threshold  # the list itself is the cue
                else:
                    break

    def _model_names(self, article: Article, text: str, out: Extraction, seen: dict, edges: set[int]) -> None:
        """Names with no cue at all, where the learned model is confident (it was tuned for
        precision on held-out data: P 0.97 on Chinese-form names), that the word segmenter
        also keeps whole (推|陈出新 is cut out of an idiom) and that are no dictionary word."""
        if self.names is None:
            return
        for s, e, _p in self.names.find_names(text, starts=edges):
            if e - s == 3 and text[e - 1] in "曾已" and e < len(text) and _HAN_RE.match(text[e]):
                # 王强曾|担任: 曾 and 已 before a verb are the clause's adverbs, not a given name's end
                if e - 1 not in edges or self.names.prob(text, s, e - 1) < self.names.at_threshold:
                    continue
                e -= 1
            name = text[s:e]
            if name in seen or e not in edges or self._not_alone(out, text, s, e):
                continue
            if len(name) == 2 and name in self.names.lex:
                continue  # 明白, 练兵, 梅山: two characters that are a word read as one
            if any(text.startswith(known, s) or known.startswith(name) for known in seen):
                continue  # 李建 where 李建国 is already known: a cut of a known name
            if self._glued(text, s, e):
                continue  # 情况表明, 伸张正义: the "name" is cut out of words around it
            pm = PersonMention(name, article.id, article.evidence(s, e), cue="model", start=s, end=e)
            out.persons.append(pm)
            seen[name] = pm

    def _described(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """Names right after a noun that says a person is meant (作家某某, 村民某某): kept when
        the name model reads them and a cue ends them (作家李某说, 村民王某、)."""
        if self.names is None:
            return
        parser = self._parser
        for m in self._nouns.finditer(text):
            s = m.end()
            if text[s:s + 1] == "的":
                continue  # 领导人的|关怀: the noun is an attribute, no name follows it
            # a length the name model accepts and a cue confirms; a name never ends in a cue's
            # first character (赵奇|很有建树, not 赵奇很)
            lengths = [n for n in (2, 3, 4) if s + n <= len(text) and AFTER_NAME.match(text, s + n)
                       and not AFTER_NAME.match(text, s + n - 1) and text[s + n - 1] != "的"
                       and self.names.prob(text, s, s + n) >= self.names.at_threshold]
            if lengths:
                e = s + max(lengths, key=lambda n: (self.names.prob(text, s, s + n), n))
            else:  # 前锋|巴蒂斯图塔: a transliterated name, read over its alphabet
                e = s + parser._transliterated(text, s, 1) if s < len(text) and _HAN_RE.match(text[s]) else s
                cue = AFTER_NAME.match(text, e) or text[e:e + 1] in _NUMERALS  # 巴蒂斯图塔|两次
                if e - s < 2 or not cue or not parser.lex.reads_foreign(text[s:e]):
                    continue
            name = text[s:e]
            if name in seen or name in self.names.lex and self.names.lex[name] != "nr" or self._not_alone(out, text, s, e):
                continue
            pm = PersonMention(name, article.id, article.evidence(s, e), cue="model", start=s, end=e)
            out.persons.append(pm)
            seen[name] = pm

    def _transliterated(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """Foreign names with no post right before a head of state's title (克林顿总统,
        尼克松总统): the characters back to the nearest boundary or function word, kept
        when they read as foreign (``Lexicon.reads_foreign``) and are no country (or its
        beginning) and no place. Not before a speech verb: a foreign capital speaks as often
        as a person does (莫斯科表示)."""
        lex = self.assembler.lex
        for m in self._head_of_state.finditer(text):
            end = s = m.start()
            while s > 0 and end - s < 6 and _HAN_RE.match(text[s - 1]) and text[s - 1] not in _NAME_BOUNDARY:
                s -= 1
            name = text[s:end]
            if end - s < 2 or (s > 0 and _HAN_RE.match(text[s - 1]) and text[s - 1] not in _NAME_BOUNDARY):
                continue  # none, or a run that goes on to the left: part of a longer word
            if (name in seen or self._not_alone(out, text, s, end)
                    or name in lex.country_heads or name in lex.provinces or name in lex.cities
                    or not lex.reads_foreign(name) or lex.country_re.search(name)
                    or self.names is not None and self.names.lex.get(name) not in (None, "nr")):
                continue  # a country (电|俄罗斯), a place, or a word of the dictionary (发布, 事务)
            pm = PersonMention(name, article.id, article.evidence(s, end), cue="model", start=s, end=end)
            out.persons.append(pm)
            seen[name] = pm

    def _dotted(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """Transliterated names written with a joiner (维姆·杜伊森贝赫, 约翰—格伦) wherever they
        stand: from the nearest boundary before the first joiner (a function word, a person
        noun, a title, punctuation) to the end ``name_at`` reads, kept when the whole reads
        as foreign and is no country or place."""
        parser, lex = self._parser, self.assembler.lex
        for m in _JOINER.finditer(text):
            if _inside_found(out, m.start(), m.start() + 1):
                continue  # a joiner inside a name already found
            s = m.start()
            while s > 0 and m.start() - s < 6 and _HAN_RE.match(text[s - 1]) and not self._left_edge(text, s):
                s -= 1
            if s == m.start() or not self._left_edge(text, s):
                continue  # no boundary within reach: part of something longer
            first = text[s:m.start()]
            if any(lex.foreignness.get(c) is None for c in first[1:]) or (
                    lex.foreignness.get(first[0]) is None and first[0] not in lex.surnames):
                continue  # 编剧格雷格, 帮亚当: a character no name holds, so the name began later; unsure where
            n = parser.name_at(text, s)
            name = text[s:s + n]
            if (n < 3 or not any(j in name for j in NAME_JOINERS) or name in seen
                    or not lex.reads_foreign("".join(c for c in name if c not in NAME_JOINERS)) or lex.country_re.match(name)
                    or names_a_place(name)
                    or self._not_alone(out, text, s, s + n)):
                continue
            pm = PersonMention(name, article.id, article.evidence(s, s + n), cue="model", start=s, end=s + n)
            out.persons.append(pm)
            seen[name] = pm

    def _left_edge(self, text: str, s: int) -> bool:
        """Whether a name may begin at ``s``: after punctuation, a function word, a person
        noun or a title (荷兰人|维姆…, 宇航员|汤姆士…, 副教授|马…)."""
        if s == 0 or not _HAN_RE.match(text[s - 1]) or text[s - 1] in _NAME_BOUNDARY or text[s - 1] in "人员家者将":
            return True
        head = text[max(0, s - 6):s]
        return bool(self.assembler.lex.title_at_end(head) or self._nouns_at_end.search(head))

    def _not_alone(self, out: Extraction, text: str, s: int, e: int) -> bool:
        """Whether the name read at [s, e) is part of something longer: a person already
        found (扎哈罗娃 holds 哈罗娃), a transliterated name it is joined to (詹姆斯-奈|史密斯),
        or an organisation's name whose suffix follows it (某某|博物馆)."""
        if _inside_found(out, s, e) or text[s - 1:s] in NAME_JOINERS or text[e:e + 1] in NAME_JOINERS:
            return True
        lex = self.assembler.lex
        return any(text[e:e + k] in lex.suffixes for k in (2, 3, 4)) and not lex.title_re.match(text, e)

    def _glued(self, text: str, s: int, e: int) -> bool:
        """Whether a word of the lexicon crosses the span's edges (情|况表明, 伸|张正义)."""
        lex = self.names.lex
        left = text[s - 1:s + 1] if s > 0 else ""
        right = text[e - 1:e + 1] if e < len(text) else ""
        return any(w and lex.get(w) not in (None, "nr") for w in (left, right))

    def _name_ending_at(self, text: str, end: int, threshold: float) -> int | None:
        for n in (3, 2, 4):
            s = end - n
            if s < 0 or (s > 0 and _HAN_RE.match(text[s - 1]) and text[s - 1] not in _NAME_LEFT):
                continue
            best = self.names.name_at(text, s)
            if best and best[0] == n and best[1] >= threshold:
                return s
        return None

    def _fill(self, st: "_State", ctx: Context, windows: list[tuple[int, int]], window_spans: list) -> None:
        """The recogniser where the grammar is silent (policy: ``nlp.assemble``): on a window
        around every title that a name may follow and no post of the grammar covers
        (``windows``, with the spans the recogniser read in each). The model reads a few
        thousand characters a second, the grammar a few hundred thousand: it runs on those
        windows only."""
        article, text, out, seen, posted = st.article, st.text, st.out, st.seen, st.posted
        if not windows:
            return
        grammar = {(p.start, p.end): p for p in out.persons if p.start >= 0}
        with_post = {pe for _, pe in posted}  # where the names the grammar gave a post end
        for (w0, w1), spans in zip(windows, window_spans):
            for found in self.assembler.assemble(text[w0:w1], spans, ctx):
                s, e = w0 + found.start, w0 + found.end
                overlap = next((p for (ps, pe), p in grammar.items() if ps < e and s < pe), None)
                if overlap is not None and overlap.end in with_post:
                    continue  # the grammar gave this person a post: it stands
                name = overlap.name if overlap is not None else found.name
                if overlap is None:
                    if not (found.titles or "·" in name and not names_a_place(name)):
                        continue  # alone, a name the model reads is not sure enough to keep
                    pm = PersonMention(name, article.id, article.evidence(s, e), cue="ner", start=s, end=e,
                                       confidence=CONFIDENCE["ner-person"])
                    out.persons.append(pm)
                    seen.setdefault(name, pm)
                    grammar[(s, e)] = pm
                for post in found.titles:
                    a = post.agency
                    a = AgencyName(a.start + w0, a.end + w0, a.surface, a.label, a.kind, a.parent)
                    am = self._agency(article, a)
                    out.agencies.append(am)
                    ps = w0 + post.post_start
                    out.holdings.append(Holding(name, post.role, am, text[ps:w0 + post.post_end], article.id,
                                                article.date, article.evidence(min(ps, s), e), former=post.former,
                                                confidence=CONFIDENCE["ner-post"]))

    def _silent_windows(self, text: str, posted: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """[start, end) windows around the titles no grammar post covers and a name may
        follow (within their sentence: 40 characters before, the name after), merged."""
        lex = self.assembler.lex
        windows: list[tuple[int, int]] = []
        covered = bytearray(len(text))  # the characters of the posts the grammar gave
        for ps, pe in posted:
            ps = max(ps, 0)
            covered[ps:pe] = b"\x01" * max(0, min(pe, len(text)) - ps)
        for t in title_matches(lex, text):  # (the chain parser's scan of the same text)
            if (covered[t.start()] or lex.titles[t.group()].family == "press" or t.end() >= len(text)
                    or not _HAN_RE.match(text[t.end()]) or not self._name_may_follow(text, t.end())):
                continue
            s0 = max(t.start() - _WINDOW_BEFORE, sentence_start(text, t.start()))
            s1 = min(len(text), t.end() + (16 if "·" in text[t.end():t.end() + 12] else 6))
            if windows and s0 <= windows[-1][1]:
                windows[-1] = (windows[-1][0], max(windows[-1][1], s1))
            else:
                windows.append((s0, s1))
        return windows

    def _name_may_follow(self, text: str, pos: int) -> bool:
        """Whether a name may start at ``pos`` after a title: not when a verb or a function
        word follows it (总书记|关于, 市长|表示), a common word (市长|热线), or a character that
        opens no name (neither a surname nor one seen in transliterated or Chinese names)."""
        if AFTER_NAME.match(text, pos):
            return False
        if text[pos] not in self._name_starts:
            return False  # 导演|的, 院长|讲: no name begins with a character no known name begins with
        lex = self.names.lex if self.names is not None else {}
        return lex.get(text[pos:pos + 2]) not in COMMON_WORD

    def _later_mentions(self, article: Article, text: str, out: Extraction, seen: dict) -> None:
        """王凯介绍 after 市生态环境局局长王凯: later mentions link to the same person."""
        taken = {(p.start, p.end) for p in out.persons if p.start >= 0}
        for name in list(seen):
            at = text.find(name)  # a plain search: a pattern per name would churn re's cache
            while at >= 0:
                end = at + len(name)
                if (at, end) not in taken and not any(s <= at < e for s, e in taken):
                    out.persons.append(
                        PersonMention(name, article.id, article.evidence(at, end), cue="coref", start=at, end=end))
                at = text.find(name, end)

    def _programs_events(self, article: Article, out: Extraction) -> None:
        out.programs.extend(extract_programs(article, out.agencies))
        out.events.extend(extract_events(article, out.persons, out.agencies))


#: 该公司, 该局, 该院 …: a body the article named before, by the last word of its name
_ANAPHOR = re.compile("该(公司|集团|银行|行|局|厅|委|部|院|医院|大学|学校|中心|协会|所|社)$")
#: a head's title that names the kind of its body (局长 of a 局, 院长 of a 院)
_BARE_HEAD = re.compile("(?:常务)?副?([局厅院行处所])长")


def _antecedent(text: str, title_start: int, role: str, agencies: list[AgencyMention]) -> AgencyMention | None:
    """The agency a title with none of its own points back to: after 该X, the last one named
    before it in the article whose name ends like X (该行 -> …银行, 该委 -> …委员会); a head's
    title opening a clause (记者从省某厅获悉，厅长某某说), the last body of its kind named
    before it in the same sentence; else None."""
    m = _ANAPHOR.search(text, max(0, title_start - 3), title_start)
    if m is not None:
        ends = (m.group(1), "委员会") if m.group(1) == "委" else (m.group(1),)
        first, last = 0, m.start()
    else:
        head = _BARE_HEAD.fullmatch(role)
        if head is None or title_start == 0 or text[title_start - 1] not in "，,；;：:":
            return None
        ends, first, last = (head.group(1),), sentence_start(text, title_start), title_start
    before = [a for a in agencies if not a.implicit and first <= a.start and a.end <= last and a.label.endswith(ends)]
    return max(before, key=lambda a: a.end) if before else None


def _raw_evidence(article: Article, rs: int, re_: int) -> Evidence:
    """Evidence for a raw span (bylines are parsed on raw text)."""
    return Evidence(article.source, article.id, rs, re_, article.raw[rs:re_], "")
