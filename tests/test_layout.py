"""The house: six parts with data flowing one way, read from the imports themselves.

text -> nlp -> (records, resolve) -> graph -> serve, view; vocab under all of them; the
face (kg/__init__, api, builder, cli) on top. A rule broken here is an arrow that runs
back up, and the test names the file and the import.
"""
import ast
from pathlib import Path

import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
PARTS = ("text", "nlp", "vocab", "graph", "serve", "view")


def _module(path: Path) -> str:
    rel = path.relative_to(KG.parent).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every kg module the file imports, at any depth of the file."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "kg"]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.split(".")[0] != "kg":
                continue
            if node.module is None or target == "kg":  # from . import x: x may be a module
                found += [(node.lineno, f"{target}.{a.name}" if (KG.parent / target.replace(".", "/") / f"{a.name}.py").exists()
                           or (KG.parent / target.replace(".", "/") / a.name).is_dir() else target)
                          for a in node.names]
            else:
                found.append((node.lineno, target))
    return found


def _edges() -> list[tuple[str, int, str]]:
    return [(_module(p), line, target) for p in sorted(KG.rglob("*.py")) for line, target in _imports(p)]


def _in(module: str, part: str) -> bool:
    return module == part or module.startswith(part + ".")


RULES = [
    ("text never imports nlp", "kg.text", ("kg.nlp",)),
    ("graph never imports nlp or text", "kg.graph", ("kg.nlp", "kg.text")),
    ("vocab imports no stage", "kg.vocab", ("kg.text", "kg.nlp", "kg.graph", "kg.serve", "kg.view", "kg.resolve")),
    ("resolve never imports text, nlp or graph", "kg.resolve", ("kg.text", "kg.nlp", "kg.graph")),
    ("serve and view never import text or nlp", "kg.serve", ("kg.text", "kg.nlp")),
    ("serve and view never import text or nlp", "kg.view", ("kg.text", "kg.nlp")),
    ("no stage imports the face", "kg.", ("kg.cli", "kg.api", "kg.builder")),
]


@pytest.mark.parametrize("name,source,forbidden", RULES, ids=[r[0] + " " + r[1] for r in RULES])
def test_layout_import_rule(name, source, forbidden):
    face = {"kg", "kg.cli", "kg.api", "kg.builder", "kg.__main__"}
    broken = [f"{src} line {line} imports {target}" for src, line, target in _edges()
              if _in(src, source.rstrip(".")) and src not in face
              and any(_in(target, f) for f in forbidden)]
    assert not broken, f"{name}: " + "; ".join(broken)


def test_layout_nothing_imports_the_package_face_or_the_cli():
    broken = [f"{src} line {line} imports {target}" for src, line, target in _edges()
              if target in ("kg", "kg.cli") and src not in ("kg.__main__",)]
    assert not broken, "; ".join(broken)


def test_layout_records_import_nothing_of_kg():
    assert _imports(KG / "records.py") == []


def test_layout_the_six_parts_are_packages():
    for part in PARTS:
        assert (KG / part / "__init__.py").is_file(), part
    top = sorted(p.name for p in KG.glob("*.py"))
    # distributed.py: the build's extraction on a Dask cluster, beside the builder that calls it;
    # spill.py: the build's records on disk, beside the builder that writes them and resolve that reads them
    assert top == ["__init__.py", "__main__.py", "_version.py", "api.py", "atomic.py", "builder.py", "cli.py",
                   "distributed.py", "progress.py", "records.py", "resolve.py", "scoring.py", "spill.py"]


def test_layout_reader_sees_relative_imports():
    # the rule test itself must see the arrows it judges (a reader that saw none would pass)
    edges = {(src, target) for src, _, target in _edges()}
    assert ("kg.nlp.bylines", "kg.text.segment") in edges
    assert ("kg.graph.rdf", "kg.records") in edges
    assert ("kg.cli", "kg.api") in edges
