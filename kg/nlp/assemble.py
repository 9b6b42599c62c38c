"""Posts assembled from the recogniser's spans, where the grammar is silent.

The policy (README, "Posts: the grammar and the model"):

1. The grammar's people and posts stand as they are; the model never overrides them.
2. A person the model finds and the grammar does not becomes a mention (cue ``ner``)
   when the spans give it a post, or when it is a transliterated name (艾伦·史密斯):
   alone, a name the model reads is not sure enough to keep.
3. A person the grammar gave no post gets the posts the spans around the name spell:
   ``[ORG|GOV] TITLE (、 [ORG|GOV] TITLE)* PER (、 PER)*`` and ``[ORG|GOV] PER TITLE``.
   Each title takes the nearest organisation to its left in the chain; one with none
   takes nothing (a post needs an agency). Organisations are canonicalised by the same
   grammar as the grammar's own (市发改委 -> 济宁市发展和改革委员会); a foreign country's
   body stays foreign.
4. Titles the vocabulary knows are atomic roles; a title it does not know is kept as the
   model read it when it is 2–8 characters of one word class (总召集人).
5. An organisation span is an agency only where the grammar's own checks would let it
   be one (``AgencyFinder.is_fragment``): no clause (首家商业银行, 我们要高度重视某医院),
   numbered concept (两轴两带多中心), group of bodies (全国税务局, 城市中小学) or venue
   with no title after it. A body the grammar does not know stays (a foreign one, a
   company); the titles after a rejected span take no agency.
6. A person span is checked where it stands and trimmed to the name before anything
   else reads it (``person``, by ``NameModel.person_span``): none inside a 《》 title,
   and, where no title stands right before or after it, none that is the cut of a
   joined transliterated name, names a team, club, memorial or street (某某队, 某某路),
   ends a street's name or fills a brand's quotes; the rest loses what follows the name
   (李某|版, 某某|犯, an unclosed bracket, a joiner at its edge) and keeps its offsets in
   the text. ``kg eval-ner`` scores the spans so checked (``checked``).
"""
from __future__ import annotations

import re

from ..records import Context
from ..vocab.lexicon import Lexicon
from .agencies import AgencyFinder, AgencyName
from .chains import VERB_TITLES, PersonHit, TitleHit, abroad, address_only, former_mark
from .names import NameModel
from .ner import Span

_HAN = re.compile(r"[\u4e00-\u9fff]+")
_JOIN = set("、兼")  # between two links of a chain, or two names of a list
_FORMER = "原前"  # before a link: the posts after it have ended
_ORG_KIND = {"GOV": "GovernmentAgency", "ORG": "Organization"}
#: canonical names that make a body China's own, and surfaces that say so themselves
#: a company's functions, written before 总监/经理 as part of the title (公关总监, 销售经理)
_FUNCTION_AT_END = re.compile("(?:公关|市场|销售|营销|品牌|技术|财务|人力资源|人事|运营|行政|法务|研发|产品|采购|客服|传播|战略|投资)$")


class Assembler:
    """Reads persons and posts out of recognised spans (see the module's policy)."""

    def __init__(self, finder: AgencyFinder, lex: Lexicon, names: NameModel | None = None) -> None:
        self.finder = finder
        self.lex = lex
        self.names = names or NameModel.load()

    def assemble(self, text: str, spans: list[Span], ctx: Context) -> list[PersonHit]:
        """Persons and their posts in ``text``; ``spans`` are the recogniser's, in order."""
        spans = self.checked(text, spans)
        found: list[PersonHit] = []
        for i, span in enumerate(spans):
            if span.label != "PER":
                continue
            person = PersonHit(text[span.start:span.end], span.start, span.end, cue="ner")
            person.titles = self._chain_before(text, spans, i, ctx) or self._title_after(text, spans, i, ctx)
            if self.lex.reads_foreign(person.name) or not self.lex.opens_with_surname(person.name):
                person.titles = abroad(text, person.titles, self.lex)
            found.append(person)
        return found

    def checked(self, text: str, spans: list[Span]) -> list[Span]:
        """The recogniser's spans of ``text`` in order, each person checked and trimmed
        (``person``; policy 6): what a build reads, and what ``kg eval-ner`` scores."""
        spans = sorted(spans, key=lambda s: s.start)
        out: list[Span] = []
        for i, span in enumerate(spans):
            if span.label == "PER":
                span = self.person(text, spans, i)
            if span is not None:
                out.append(span)
        return out

    def person(self, text: str, spans: list[Span], i: int) -> Span | None:
        """The name the person span ``spans[i]`` mentions, trimmed, at its offsets in
        ``text``; None where it mentions no person (policy 6) or is no name (a place, an
        agency, a form of address: 王女士)."""
        span = spans[i]
        cued = self._cued(text, spans, i)
        at = self.names.person_span(text, span.start, span.end, cued=cued)
        if at is None or not self._is_name(text[at[0]:at[1]]):
            return None
        return span if at == (span.start, span.end) else Span(at[0], at[1], "PER")

    def _cued(self, text: str, spans: list[Span], i: int) -> bool:
        """Whether a title says the person span ``spans[i]`` is a person: a title right
        before it (one the model read or the vocabulary knows; before the first name of a
        list: 副主席A、B) or one the model read right after it (某某董事长)."""
        k = i
        while k > 0 and spans[k - 1].label == "PER" and self._joined(text, spans[k - 1].end, spans[k].start):
            k -= 1
        start = spans[k].start
        before = next((s for s in reversed(spans[:k]) if s.end <= start), None)
        if before is not None and before.label == "TITLE" and self._joined(text, before.end, start):
            return True
        if self.lex.title_at_end(text[max(0, start - 8):start]):
            return True
        after = spans[i + 1] if i + 1 < len(spans) else None
        return after is not None and after.label == "TITLE" and after.start == spans[i].end

    @staticmethod
    def _joined(text: str, end: int, start: int) -> bool:
        return start == end or (start == end + 1 and text[end] in _JOIN)

    def _is_name(self, name: str) -> bool:
        return (2 <= len(name) <= 12 and bool(_HAN.match(name[0])) and not self.finder.is_place_or_agency(name)
                and not address_only(name, self.lex.surnames))  # 王女士 names no one

    def _chain_before(self, text: str, spans: list[Span], i: int, ctx: Context) -> list[TitleHit]:
        """[ORG] TITLE (、[ORG] TITLE)* right before spans[i] (a list of names: before its first)."""
        k = i
        while k > 0 and spans[k - 1].label == "PER" and self._joined(text, spans[k - 1].end, spans[k].start):
            k -= 1  # 副主席A、B、C: the chain stands before the first name
        links: list[Span] = []
        pos = spans[k].start
        j = k - 1
        while j >= 0 and spans[j].label in ("TITLE", "GOV", "ORG") and spans[j].end in (pos, pos - 1):
            if spans[j].end == pos - 1 and text[pos - 1] not in _JOIN:
                break
            links.insert(0, spans[j])
            pos = spans[j].start
            j -= 1
        return self._posts(text, links, ctx)

    def _title_after(self, text: str, spans: list[Span], i: int, ctx: Context) -> list[TitleHit]:
        """[ORG] PER TITLE: 阿里巴巴集团张三董事长."""
        per = spans[i]
        if i == 0 or i + 1 >= len(spans):
            return []
        org, title = spans[i - 1], spans[i + 1]
        if org.label in ("GOV", "ORG") and org.end == per.start and title.label == "TITLE" and title.start == per.end:
            return self._posts(text, [org, title], ctx)
        return []

    def _posts(self, text: str, links: list[Span], ctx: Context) -> list[TitleHit]:
        posts: list[TitleHit] = []
        agency: AgencyName | None = None
        # 原内政部副部长, 某省原副省长: 原/前 before a link ends the posts after it
        former = bool(links) and links[0].start > 0 and former_mark(text, links[0].start - 1) > 0
        for link in links:
            surface = text[link.start:link.end]
            if link.label == "TITLE" and not self.lex.title_at_end(surface) and self.finder.suffix_end(surface):
                link = Span(link.start, link.end, "GOV")  # 总政治局: a title the model read that names a body
            if link.label in ("GOV", "ORG") and len(surface) > 2 and surface[-1] in _FORMER:
                link, former = Span(link.start, link.end - 1, link.label), True
                surface = surface[:-1]
            if link.label in ("GOV", "ORG"):
                m = _FUNCTION_AT_END.search(surface)
                if m and m.start() >= 2 and self.finder.suffix_end(surface[:m.start()]):
                    # 某公司公关|总监: the function is the title's (公关总监); 某交易市场 keeps its 市场
                    link = Span(link.start, link.start + m.start(), link.label)
                elif surface.endswith("业"):  # 某公司|银行业总监: the field of the post, after a body's suffix
                    cut = next((k for k in range(2, 6) if self.finder.suffix_end(surface[:-k])), None)
                    link = Span(link.start, link.end - cut, link.label) if cut else link
                agency = self._agency(text, link, ctx)  # None: a fragment, and the titles after it take none
                continue
            role, lead = self._role(surface)
            if role is None:
                continue
            function = _FUNCTION_AT_END.search(text, max(0, link.start - 4), link.start)
            if agency is not None and function and function.start() == agency.end and not lead:
                role = function.group() + role
            elif lead and _FUNCTION_AT_END.fullmatch(lead):  # one span: 销售总监
                role, lead = lead + role, ""
            if lead:  # 市长 read as one span with its body: 公安部部长
                inner = Span(link.start, link.start + len(lead), "GOV")
                agency = self._agency(text, inner, ctx) if self.finder.suffix_end(lead) else agency
            if agency is not None:
                agency = self._place_body(agency, role, ctx)  # 山东省|副省长: the province's government
                start = agency.start if agency.start >= 0 else link.start
                posts.append(TitleHit(role, link.end - len(role), link.end, agency, False, start, link.end, former))
        return posts

    def _role(self, surface: str) -> tuple[str | None, str]:
        """(atomic role, the text before it) of a TITLE span."""
        if surface in VERB_TITLES:
            return None, ""  # 主管|零售副行长: a verb before the title
        if surface in self.lex.titles:
            title = self.lex.titles[surface]
            return (None, "") if title.family == "press" else (surface, "")
        known = self.lex.title_at_end(surface)
        if known:
            return known, surface[:-len(known)]
        if 2 <= len(surface) <= 8 and _HAN.fullmatch(surface):
            return surface, ""
        return None, ""

    def _agency(self, text: str, span: Span, ctx: Context) -> AgencyName | None:
        """The agency an organisation span names, or None where the grammar's checks call it
        a clause, a concept, a group of bodies or a venue (policy 5)."""
        surface = text[span.start:span.end]
        if self.finder.is_fragment(surface, titled=bool(self.lex.title_re.match(text, span.end))):
            return None
        country = self.finder.country_before(text, span.start) or self._country_inside(surface)
        if country:
            return AgencyName(span.start, span.end, surface, surface, "Organization", None)
        canon = self.finder.canonical(surface, ctx)
        if canon:
            return AgencyName(span.start, span.end, surface, *canon)
        return AgencyName(span.start, span.end, surface, surface, _ORG_KIND[span.label], None)

    def _place_body(self, agency: AgencyName, role: str, ctx: Context) -> AgencyName:
        """A place the model read as the organisation of a title that implies a body of a
        place (山东省 + 副省长): that body (山东省人民政府), else the agency as it is."""
        title = self.lex.titles.get(role)
        place = agency.surface
        if not (title and title.implicit and "{" in title.implicit):
            return agency
        if not (place in self.lex.provinces.values() or place.endswith("市") and place[:-1] in self.lex.cities):
            return agency
        label = title.implicit.format(city=place, province=place, county=place)
        canon = self.finder.canonical(label, ctx) or (label, "GovernmentAgency", None)
        return AgencyName(agency.start, agency.end, agency.surface, *canon)

    def _country_inside(self, surface: str):
        for n in range(min(8, len(surface) - 1), 1, -1):
            if surface[:n] in self.lex.countries:
                return 0, self.lex.countries[surface[:n]]
        return None
