"""The command line: the only package that knows click, prints, or exits.

`app` holds the group and what its commands share, `checking` and `curating` the commands, and
`running` the program around them.
"""

from .app import cli
from .checking import check, lsp, scan
from .curating import coverage, discrepancies, extract, init, list_claims, schema, show, validate
from .running import main

for command in (check, scan, lsp, validate, init, schema, extract, coverage, list_claims, show, discrepancies):
    cli.add_command(command)

__all__ = ["cli", "main"]
