"""Where kg finds its data files (ontology, vocabularies, saved queries)."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# ontology/ sits beside the package in a checkout (pip install -e .).
ONTOLOGY_DIR = PACKAGE_DIR.parent / "ontology"
VOCAB_DIR = ONTOLOGY_DIR / "vocab"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
DATA_DIR = PACKAGE_DIR / "data"
