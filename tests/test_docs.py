"""Docs that cannot drift: the README's command reference is what `--help` prints (regenerated
by cog, as a contributor would), and every command and option is in the README."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import pytest
from cogapp import Cog

from factcheck.cli import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_regenerating_the_command_reference_gives_the_committed_readme(tmp_path):
    copy = tmp_path / "README.md"
    shutil.copyfile(ROOT / "README.md", copy)
    assert Cog().main(["cog", "-r", str(copy)]) == 0
    assert copy.read_text(encoding="utf-8") == README, "the README's command reference is stale: run `cog -r README.md`"


def options(command: click.Command) -> list[str]:
    """Every spelling of every option of a command, --help and -h too."""
    context = click.Context(command, info_name="factcheck", **command.context_settings)
    return [opt for param in command.get_params(context) if isinstance(param, click.Option) for opt in (*param.opts, *param.secondary_opts)]


@pytest.mark.parametrize("name", ["", *sorted(cli.commands)])
def test_every_command_and_option_is_in_the_readme(name):
    command = cli.commands[name] if name else cli
    if name:
        assert f"factcheck {name}" in README
    missing = [opt for opt in options(command) if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", README)]
    assert missing == []


def test_the_reference_covers_every_command():
    assert re.findall(r"^### `factcheck (\S+)`$", README, re.M) == ["--help", *sorted(cli.commands)]
