"""The examples in kg's docstrings run, and print what they say."""
import doctest
import importlib
import pkgutil

import pytest

import kg

MODULES = sorted(m.name for m in pkgutil.walk_packages(kg.__path__, "kg.") if m.name != "kg.__main__")


def test_doctests_cover_the_api():
    assert "kg.api" in MODULES and "kg.records" in MODULES and "kg.graph.namespace" in MODULES


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, extraglobs={"kg": kg}, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
