"""Command-line interface: ``kg build``, ``kg query``, ``kg articles`` ..."""
from __future__ import annotations

import click

from . import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="kg")
def cli() -> None:
    """Build and explore knowledge graphs of Chinese government news."""


# ---- commands are added below, one section per feature ----
