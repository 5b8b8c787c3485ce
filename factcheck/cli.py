"""The command line: the only module that knows click, prints, or exits."""

from __future__ import annotations

import functools
import sys
from importlib.metadata import version as package_version
from pathlib import Path

import click

from .claims import ClaimsError
from .corpus import Corpus, find_claims

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_UNVERIFIED = 0, 1, 2, 3
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class InputError(click.ClickException):
    """Bad input: one line saying what and where, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"Error: {self.format_message()}", err=True)


def claims_option(f):
    @click.option("--claims", "claims_path", metavar="PATH", help="Claims file (default: ./claims.yaml or the nearest parent's, else the bundled one).")
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


def load_corpus(claims_path: str | None) -> Corpus:
    path = find_claims(claims_path)
    try:
        return Corpus.load(path)
    except ClaimsError as exc:
        raise InputError(str(exc)) from None


@click.group(context_settings=CONTEXT, invoke_without_command=True)
@click.version_option(package_version("factcheck"), "--version", prog_name="factcheck")
@click.pass_context
def cli(ctx: click.Context) -> None:
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


@cli.command(context_settings=CONTEXT)
@claims_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format; json writes one object per claim (JSON Lines).")
@click.option("--top", type=click.IntRange(1, 50), default=3, show_default=True, help="Matches shown per claim.")
@click.argument("claims", nargs=-1)
def check(claims_path: str | None, fmt: str, top: int, claims: tuple[str, ...]) -> None:
    """Check each CLAIM against the claims file.

    With no CLAIM and piped input, or with "-", reads one claim per line from
    standard input.

    \b
    Exit status: 0 all supported, 1 any conflicting, 3 none conflicting but
    some unverified, 2 usage or input error.

    \b
    Examples:
      factcheck check "India became a comprehensive strategic partner in 2016"
      factcheck check --format json - < claims.txt
    """
    texts = list(_claim_texts(claims))
    corpus = load_corpus(claims_path)
    results = []
    if fmt == "text":
        from .render.text import TextRenderer

        renderer = TextRenderer(corpus, top=top)
    for text in texts:
        result = corpus.checker.check(text)
        results.append(result)
        if fmt == "json":
            from .render.jsonout import dumps, result_dict

            click.echo(dumps(result_dict(corpus, result, top)))
        else:
            renderer.print_result(result)
    verdicts = {r.verdict.value for r in results}
    if "conflicting" in verdicts:
        sys.exit(EXIT_FOUND)
    if "unverified" in verdicts:
        sys.exit(EXIT_UNVERIFIED)


@cli.command(context_settings=CONTEXT)
@claims_option
def validate(claims_path: str | None) -> None:
    """Check the claims file and its sources; list every problem.

    Checks YAML syntax, the schema, duplicate ids and keys, unknown sources,
    quotes that are not verbatim in their source, values that do not occur in
    their quote, and malformed lists.

    \b
    Exit status: 0 clean, 1 problems found, 2 usage error.

    \b
    Examples:
      factcheck validate
      factcheck validate --claims my-claims.yaml
    """
    from .validate import validate as run_validate
    from .render.safe import clean

    path = find_claims(claims_path)
    problems = run_validate(path)
    for p in problems:
        click.echo(clean(str(p)))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {clean(str(path))}", err=True)
        sys.exit(EXIT_FOUND)
    click.echo(f"{clean(str(path))}: OK ({len(Corpus.load(path).claims.entries)} entries)", err=True)


@cli.command("claims", context_settings=CONTEXT)
@claims_option
@click.option("--topic", help="Only entries of this topic (aid, partnerships, defence, ...).")
@click.argument("text", required=False)
def list_claims(claims_path: str | None, topic: str | None, text: str | None) -> None:
    """List the entries of the claims file, optionally those containing TEXT.

    \b
    Examples:
      factcheck claims --topic partnerships
      factcheck claims "Four Nos"
    """
    from rich.console import Console

    from .render.entries import entries_table, select

    corpus = load_corpus(claims_path)
    entries = select(corpus, topic, text)
    if not entries:
        raise click.ClickException("no entry matches")
    Console().print(entries_table(entries))


@cli.command(context_settings=CONTEXT)
@claims_option
@click.argument("entry_id", metavar="ID")
def show(claims_path: str | None, entry_id: str) -> None:
    """Show one entry with its evidence passages, cited as file:line.

    \b
    Example:
      factcheck show four-nos-policy
    """
    from rich.console import Console

    from .render.entries import print_entry

    corpus = load_corpus(claims_path)
    entry = corpus.claims.by_id(entry_id)
    if entry is None:
        raise InputError(f"no entry with id {entry_id!r} (see 'factcheck claims')")
    print_entry(Console(), corpus, entry)


def _claim_texts(args: tuple[str, ...]):
    stdin = click.get_text_stream("stdin")
    if not args:
        if stdin.isatty():
            raise click.UsageError("give a CLAIM, or '-' to read claims from standard input")
        args = ("-",)
    for arg in args:
        if arg == "-":
            for line in stdin:
                if line.strip():
                    yield line.strip()
        elif arg.strip():
            yield arg.strip()
        else:
            raise click.BadParameter("a claim is empty", param_hint="CLAIM")


def main() -> None:
    cli(prog_name="factcheck")
