"""Speed of reading PDF pages, next to the text path on the same articles.

The bundled page's articles (as kg reads corpus/) are typeset as a two-column PDF
(tests/_pdfpages.py, reportlab), --copies times over; then both paths read them into
articles: the .txt page (decode, repair, segment) and the PDF (PDFium's characters and
boxes, kg's layout: lines, columns, reading order, headline blocks, then segment). Both
count the characters of the article text they give, so the rates compare like with like.
The PDF path is also split into its two parts: PDFium's characters, and kg's layout.

Times are CPU seconds of this process (the machines here are shared), best of --repeat.

    python benchmarks/pdf_speed.py               # 5 copies (20 pages)
    python benchmarks/pdf_speed.py --copies 20   # 80 pages
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from _pdfpages import stories_of, typeset  # noqa: E402  (reportlab: the test extras)
from kg.text import pdf as pdf_pages  # noqa: E402
from kg.text.formats import split_articles  # noqa: E402
from kg.text.sources import read_sources  # noqa: E402
from pipeline_speed import best_of  # noqa: E402  (best CPU time of a few runs)

CORPUS = ROOT / "corpus"


def articles_chars(paths) -> int:
    sources, refused, _ = read_sources(paths)
    assert not refused, refused
    return sum(len(a.text) for s in sources for a in split_articles(s))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=5, help="the page's articles this many times over")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    [page], _, _ = read_sources([CORPUS])
    stories = stories_of(split_articles(page)) * args.copies
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        text_dir = tmp / "text"
        text_dir.mkdir()
        for k in range(args.copies):  # the same articles as .txt pages
            (text_dir / f"page-{k}.txt").write_text(page.raw, encoding="utf-8")
        pdf = typeset(tmp / "pages.pdf", stories, columns=2)
        data = pdf.read_bytes()
        pages = len(pdf_pages._glyphs(data)[0])
        text_chars = articles_chars([text_dir])
        pdf_chars = articles_chars([pdf])
        t_text = best_of(lambda: articles_chars([text_dir]), args.repeat)
        t_pdf = best_of(lambda: articles_chars([pdf]), args.repeat)
        t_glyphs = best_of(lambda: pdf_pages._glyphs(data), args.repeat)
    print(f"{args.copies} copies of the bundled page's {len(stories) // args.copies} articles; "
          f"the PDF: {pages} pages, two columns, {len(data):,} bytes")
    print(f"{'path':<34}{'CPU s':>8}{'article chars':>15}{'chars/s':>12}")
    print(f"{'text page (.txt): read + segment':<34}{t_text:>8.3f}{text_chars:>15,}{text_chars / t_text:>12,.0f}")
    print(f"{'PDF: read + layout + segment':<34}{t_pdf:>8.3f}{pdf_chars:>15,}{pdf_chars / t_pdf:>12,.0f}")
    print(f"{'  of which PDFium characters':<34}{t_glyphs:>8.3f}{'':>15}{pdf_chars / t_glyphs:>12,.0f}")
    print(f"PDF reading is {t_pdf / t_text * text_chars / pdf_chars:.1f}x slower than the text path per "
          f"character; {pages / t_pdf:.1f} pages a second")


if __name__ == "__main__":
    main()
