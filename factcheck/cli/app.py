"""The command group and what its commands share: their errors, the --claims option, loading."""

from __future__ import annotations

import functools

import click

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_UNVERIFIED = 0, 1, 2, 3
EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class OneLineError(click.ClickException):
    """An error the user can act on: one line saying what, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"Error: {cleaned(self.format_message())}", err=True)


class InputError(OneLineError):
    """Bad input: the line says what and where."""


class OutsideError(OneLineError):
    """Something outside factcheck's control failed, such as a scan worker that was killed: the
    line names it, so that no one goes looking for a bug in factcheck."""


def cleaned(text: str) -> str:
    """Messages quote input (paths, keys): never let it drive the terminal."""
    from ..render.safe import clean

    return clean(text)


def claims_option(f):
    @click.option("--claims", "claims_path", metavar="PATH", help="Claims file (default: ./claims.yaml or the nearest parent's, else the bundled one).")
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


def load_corpus(claims_path: str | None):
    """The claims file in use, loaded; imported here so that --help and --version stay fast."""
    from ..claimsfile.claims import ClaimsError
    from ..engine.corpus import Corpus, find_claims

    path = find_claims(claims_path)
    try:
        corpus = Corpus.load(path)
    except ClaimsError as exc:
        raise InputError(str(exc)) from None
    for warning in corpus.warnings:
        click.echo(f"warning: {cleaned(warning)}", err=True)
    return corpus


@click.group(name="factcheck", context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(package_name="factcheck", prog_name="factcheck")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Check claims about Vietnam's foreign relations against sourced facts.

    Each claim is matched to an entry of the claims file and its figures, dates,
    list items and polarity are compared as values. The verdict is supported,
    conflicting or unverified, with the source passages that prove it.

    \b
    Examples:
      factcheck check "Vietnam joined ASEAN on 28 July 1995"
      factcheck scan drafts/
      factcheck validate
      factcheck claims --topic aid
    """
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())

