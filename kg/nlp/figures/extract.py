"""The figures of an article: its text, then its headline (a headline figure with the value and unit of one
in the text takes that figure's indicator, kind and period: one observation, two evidences).
"""
from __future__ import annotations

from ...records import Article, Context, Evidence, Figure
from .driver import _extract_from


def extract_figures(article: Article, page_date: str | None = None, context: Context | None = None) -> list[Figure]:
    """The figures an article reports, with kind, indicator, area, period and evidence.

    article (Article): repaired text + offset map; its headline is read too, and a headline
        figure equal to a body figure gets the body figure's indicator, kind and period (one
        observation, two evidences).
    page_date (str | None): ISO page date, to resolve 今年以来 / 截至11月底 ... Defaults to
        ``article.date``.
    context (Context | None): the page's place: 全市 / 我市 are its city (e.g. 某某市),
        全省 / 我省 its province; 全国 is always 全国.
    RETURNS (list[Figure]): in text order; values are exact decimal strings.
    """
    if not page_date and article.date:
        page_date = article.date.day  # a year-only date (JSON records) resolves no 今年/截至…
    context = context or Context()
    figures = _extract_from(article.text, article, page_date, context, None)
    if article.headline:
        body = {(f.value, f.unit): f for f in figures}
        for f in _extract_from(article.headline, article, page_date, context, _headline_evidence(article)):
            twin = body.get((f.value, f.unit))
            if twin is not None:
                f = Figure(f.value, f.unit, f.surface, twin.indicator, twin.kind, f.article, f.evidence,
                           twin.qualifier or f.qualifier, twin.direction, twin.area, twin.period,
                           twin.period_start, twin.period_end)
            figures.append(f)
    return figures


def _headline_evidence(article: Article) -> Evidence:
    if article.headline_span:
        s, e = article.headline_span
        return Evidence(article.source, article.id, s, e, article.raw[s:e], article.headline)
    return Evidence(article.source, article.id, 0, 0, "", article.headline)
