"""The articles of a source, whatever its format: the one entry to segmentation.

A .txt page or a JSON record is segmented as it is (``segment``); a Markdown archive
or an HTML page is first read into a view of its text (``markdown``, ``html``), whose
offsets are the file's own; a PDF's articles are read from its layout and its source
text (``pdf``: the text layer in reading order).
"""
from __future__ import annotations

from ..records import Article, Source
from .segment import segment


def split_articles(source: Source) -> list[Article]:
    """Articles of one source, in reading order; offsets index ``source.raw`` (the file)."""
    if source.format == "markdown":
        from .markdown import articles

        return articles(source)
    if source.format == "html":
        from .html import articles

        return articles(source)
    if source.format == "pdf":
        from .pdf import articles

        return articles(source)
    return segment(source)
