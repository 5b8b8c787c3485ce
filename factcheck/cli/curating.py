"""Keeping the claims file: validate, init, schema, extract, coverage, browsing its entries, and
where its sources differ."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from .app import CONTEXT, EXIT_FOUND, EXIT_USAGE, InputError, claims_option, cleaned, load_corpus


@click.command(context_settings=CONTEXT)
@claims_option
def validate(claims_path: str | None) -> None:
    """Check the claims file and its sources; list every problem.

    Checks YAML syntax, the schema, duplicate ids and keys, unknown sources,
    quotes that are not verbatim in their source, values that do not occur in
    their quote, malformed lists, and that every entry's examples get their
    verdicts from the real checker.

    \b
    Exit status: 0 clean, 1 problems found, 2 usage error.

    \b
    Examples:
      factcheck validate
      factcheck validate --claims my-claims.yaml
    """
    from ..curation.validate import validate as run_validate
    from ..engine.corpus import Corpus, find_claims
    from ..render.safe import clean

    path = find_claims(claims_path)
    problems = run_validate(path)
    for p in problems:
        click.echo(clean(str(p)))
    if problems:
        click.echo(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {clean(str(path))}", err=True)
        sys.exit(EXIT_FOUND)
    entries = Corpus.load(path).claims.entries
    examples = sum(len(e.examples) for e in entries)
    click.echo(f"{clean(str(path))}: OK ({len(entries)} entries{f', {examples} examples' if examples else ''})", err=True)


@click.command(context_settings=CONTEXT)
@click.argument("folder", default=".", type=click.Path(file_okay=True, dir_okay=True, path_type=Path))
def init(folder: Path) -> None:
    """Start a new claims project in FOLDER (default: the current folder).

    Writes claims.yaml (topics and one sample entry), its JSON Schema, a
    sample source document in sources/, a sample draft in drafts/,
    .factcheck.yaml and a GitHub Actions workflow. validate passes on it at
    once. Overwrites nothing: if any of these files exists, writes none.

    \b
    Exit status: 0 written, 2 a file exists or cannot be written.

    \b
    Examples:
      factcheck init my-facts && cd my-facts && factcheck validate
    """
    from ..claimsfile.init import InitError
    from ..claimsfile.init import init as start

    try:
        written = start(folder)
    except InitError as exc:
        raise InputError(str(exc)) from None
    for path in written:
        click.echo(f"created {cleaned(str(path))}", err=True)
    click.echo("next: replace the sample source and entry with your own, then run 'factcheck validate'", err=True)


@click.command(context_settings=CONTEXT)
def schema() -> None:
    """Print the JSON Schema of the claims file (draft 2020-12).

    The same schema that validate and every command check a claims file with:
    give it to an editor (the YAML language server) or to check-jsonschema in
    pre-commit.

    \b
    Examples:
      factcheck schema > claims.schema.json
      check-jsonschema --schemafile claims.schema.json claims.yaml
    """
    import json

    from ..claimsfile.schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@click.command(context_settings=CONTEXT)
@claims_option
@click.option("--write", is_flag=True, help="Append the proposed entries to the claims file (its text, comments and order are kept) instead of printing them.")
@click.argument("sources", nargs=-1, required=True, metavar="SOURCE...")
def extract(claims_path: str | None, write: bool, sources: tuple[str, ...]) -> None:
    """Propose entries for the checkable sentences of SOURCE documents.

    Every sentence that states a figure, a date, a named policy, a list, a
    membership, a treaty or a first-time event, and that no entry quotes yet,
    gets one entry per fact: id, statement, a guessed topic, parties, every
    figure as a value, a list, polarity and the verbatim quote. A SOURCE is a
    .md file of the claims file's sources folder. Each entry is checked on
    arrival against the entries of the other sources: a comment names those it
    agrees with or differs from. The output passes 'factcheck validate' as it
    is; review it before you rely on it.

    \b
    Exit status: 0 done, 2 usage or input error.

    \b
    Examples:
      factcheck extract sources/my-report.md > proposed.yaml
      factcheck extract --write sources/my-report.md
    """
    from ..claimsfile.claimsedit import EditError, append_to_file
    from ..curation.extract import ExtractError
    from ..curation.extract import extract as run_extract
    from ..engine.corpus import bundled_claims, find_claims
    from ..render.proposals import document, entries_block
    from ..render.safe import clean

    path = find_claims(claims_path)
    if write and claims_path is None and path == bundled_claims():
        raise InputError("no claims.yaml in this folder or its parents: give --claims PATH to choose the file to write")
    try:
        found = run_extract(path, [Path(s) for s in sources])
    except ExtractError as exc:
        raise InputError(str(exc)) from None

    def shown(source_id: str) -> str:
        return str(Path(os.path.relpath(found.sources_dir / f"{source_id}.md", path.parent)))

    n = len(found.proposals)
    summary = f"{n} {'entry' if n == 1 else 'entries'} proposed"
    summary += f"; {found.skipped} already quoted" if found.skipped else ""
    differ = sum(1 for p in found.proposals if any(not o.agrees for o in p.others))
    agree = sum(1 for p in found.proposals if p.others and all(o.agrees for o in p.others))
    if differ or agree:
        summary += (f"; {differ} differ{'s' if differ == 1 else ''} from entries of other sources,"
                    f" {agree} agree{'s' if agree == 1 else ''} with them")
    if not write:
        click.echo(document(found.proposals, shown), nl=False)
        click.echo(clean(summary), err=True)
        return
    if not found.proposals:
        click.echo(clean(f"{summary}; {path} unchanged"), err=True)
        return
    try:
        append_to_file(path, lambda indent: entries_block(found.proposals, shown, indent))
    except EditError as exc:
        raise InputError(f"{path}: {exc}") from None
    click.echo(clean(f"{summary}; appended to {path}"), err=True)


@click.command(context_settings=CONTEXT)
@claims_option
def coverage(claims_path: str | None) -> None:
    """List the source sentences that state a figure, a date or a named policy
    and that no entry quotes, as FILE:LINE.

    \b
    Exit status: 0 every such sentence is quoted, 1 some are not, 2 usage or
    input error.

    \b
    Examples:
      factcheck coverage
      factcheck coverage --claims my-claims.yaml
    """
    from ..claimsfile.claims import ClaimsError, load_claims
    from ..curation.coverage import uncovered
    from ..engine.corpus import find_claims
    from ..render.safe import clean

    path = find_claims(claims_path)
    try:
        claims = load_claims(path)
    except ClaimsError as exc:
        raise InputError(str(exc)) from None
    found, errors = uncovered(claims)
    for error in errors:
        click.echo(f"error: {clean(error)}", err=True)
    for item in found:
        where = os.path.relpath(item.path, path.parent)
        click.echo(clean(f"{where}:{item.line}: {', '.join(item.reasons)}: {_shortened(item.text)}"))
    click.echo(f"{len(found)} sentence{'' if len(found) == 1 else 's'} not quoted by any entry", err=True)
    if errors:
        sys.exit(EXIT_USAGE)
    if found:
        sys.exit(EXIT_FOUND)


SHOWN_CHARS = 100  # of a sentence in a coverage line: enough to find it, one terminal line


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHOWN_CHARS else text[:SHOWN_CHARS - 1] + "\u2026"


@click.command("claims", context_settings=CONTEXT)
@claims_option
@click.option("--topic", help="Only entries of this topic (one of the file's topics: aid, partnerships, ... in the bundled file).")
@click.argument("text", required=False)
def list_claims(claims_path: str | None, topic: str | None, text: str | None) -> None:
    """List the entries of the claims file, optionally those containing TEXT.

    \b
    Examples:
      factcheck claims --topic partnerships
      factcheck claims "Four Nos"
    """
    from rich.console import Console

    from ..render.entries import entries_table, select, topics

    corpus = load_corpus(claims_path)
    known = topics(corpus)
    if topic is not None and topic not in known:
        raise InputError(f"unknown topic {topic!r}; the topics are: {', '.join(known)}")
    entries = select(corpus, topic, text)
    if not entries:
        raise click.ClickException("no entry matches")
    Console().print(entries_table(entries))


@click.command(context_settings=CONTEXT)
@claims_option
@click.argument("entry_id", metavar="ID")
def show(claims_path: str | None, entry_id: str) -> None:
    """Show one entry with its evidence passages, cited as file:line.

    \b
    Example:
      factcheck show four-nos-policy
    """
    from rich.console import Console

    from ..render.entries import close_ids, print_entry

    corpus = load_corpus(claims_path)
    entry = corpus.claims.by_id(entry_id)
    if entry is None:
        close = close_ids(corpus, entry_id)
        hint = f"did you mean {' or '.join(close)}?" if close else "see 'factcheck claims'"
        raise InputError(f"no entry with id {entry_id!r} ({hint})")
    print_entry(Console(), corpus, entry)


@click.command(context_settings=CONTEXT)
@claims_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--source", "source", metavar="FILE", help="Only this document's differences with the other sources: a .md file of the sources folder, quoted by entries or not yet.")
def discrepancies(claims_path: str | None, fmt: str, source: str | None) -> None:
    """List where the sources differ: other figures, precision, names, polarity
    or accounts of the same fact, and whether time explains the difference.

    Finds them itself, checking each source's statements against the entries
    of the other sources, and lists the groups a curator made with a shared
    'fact:' key, saying of each whether the checker found it and whether a
    curator grouped it.

    \b
    Exit status: 0 listed (any number), 2 usage or input error.

    \b
    Examples:
      factcheck discrepancies
      factcheck discrepancies --format json
      factcheck discrepancies --source sources/new-report.md
    """
    import dataclasses

    from ..curation.discrepancies import DiscrepancyError, find, of_source

    corpus = load_corpus(claims_path)
    try:
        found = of_source(corpus, Path(source)) if source is not None else find(corpus)
    except DiscrepancyError as exc:
        raise InputError(str(exc)) from None
    if fmt == "json":
        from ..render.jsonout import dumps

        click.echo(dumps([dataclasses.asdict(d) for d in found], indent=2))
        return
    from rich.console import Console

    from ..render.entries import print_discrepancies

    print_discrepancies(Console(), found)

