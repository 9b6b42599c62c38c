"""Every command has help text with an example and appears in the README."""
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_docs_command_has_help_and_readme_entry(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert cli.commands[name].help and "Example" in cli.commands[name].help
    assert f"kg {name}" in README


def test_docs_public_api_resolves():
    import kg

    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
