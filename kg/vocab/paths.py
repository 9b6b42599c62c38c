"""Where kg finds its data files: all inside the package, so a wheel carries them.

kg/ontology/ holds the ontology, the SHACL shapes, the vocabularies and the saved
queries (the top-level ontology/ of a checkout is a link to it); kg/data/ the trained
weights and the view's script.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PACKAGE_DIR / "ontology"
VOCAB_DIR = ONTOLOGY_DIR / "vocab"
QUERIES_DIR = ONTOLOGY_DIR / "queries"
DATA_DIR = PACKAGE_DIR / "data"
