"""The command line: the only module that knows click, prints, or exits."""

from __future__ import annotations

import functools
import io
import os
import signal
import sys
from pathlib import Path

import click

EXIT_OK, EXIT_FOUND, EXIT_USAGE, EXIT_UNVERIFIED = 0, 1, 2, 3
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


class OneLineError(click.ClickException):
    """An error the user can act on: one line saying what, exit code 2."""

    exit_code = EXIT_USAGE

    def show(self, file=None) -> None:
        click.echo(f"Error: {_clean(self.format_message())}", err=True)


class InputError(OneLineError):
    """Bad input: the line says what and where."""


class OutsideError(OneLineError):
    """Something outside factcheck's control failed, such as a scan worker that was killed: the
    line names it, so that no one goes looking for a bug in factcheck."""


def _clean(text: str) -> str:
    """Messages quote input (paths, keys): never let it drive the terminal."""
    from .render.safe import clean

    return clean(text)


def claims_option(f):
    @click.option("--claims", "claims_path", metavar="PATH", help="Claims file (default: ./claims.yaml or the nearest parent's, else the bundled one).")
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


def load_corpus(claims_path: str | None):
    """The claims file in use, loaded; imported here so that --help and --version stay fast."""
    from .claims import ClaimsError
    from .corpus import Corpus, find_claims

    path = find_claims(claims_path)
    try:
        corpus = Corpus.load(path)
    except ClaimsError as exc:
        raise InputError(str(exc)) from None
    for warning in corpus.warnings:
        click.echo(f"warning: {_clean(warning)}", err=True)
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


@cli.command(context_settings=CONTEXT)
@claims_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "jsonl"]), default="text", show_default=True, help="Output format; json (or jsonl, the same) writes one object per claim (JSON Lines).")
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
    if not texts:
        raise click.UsageError("no claim given (standard input was empty)")
    corpus = load_corpus(claims_path)
    results = []
    if fmt == "text":
        from .render.text import TextRenderer

        renderer = TextRenderer(corpus, top=top)
    for text in texts:
        result = corpus.checker.check(text, shown=top)
        results.append(result)
        if fmt in ("json", "jsonl"):
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
    their quote, malformed lists, and that every entry's examples get their
    verdicts from the real checker.

    \b
    Exit status: 0 clean, 1 problems found, 2 usage error.

    \b
    Examples:
      factcheck validate
      factcheck validate --claims my-claims.yaml
    """
    from .corpus import Corpus, find_claims
    from .render.safe import clean
    from .validate import validate as run_validate

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


@cli.command(context_settings=CONTEXT)
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
    from .init import InitError
    from .init import init as start

    try:
        written = start(folder)
    except InitError as exc:
        raise InputError(str(exc)) from None
    for path in written:
        click.echo(f"created {_clean(str(path))}", err=True)
    click.echo("next: replace the sample source and entry with your own, then run 'factcheck validate'", err=True)


@cli.command(context_settings=CONTEXT)
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

    from .schema import json_schema

    click.echo(json.dumps(json_schema(), indent=2, ensure_ascii=False))


@cli.command(context_settings=CONTEXT)
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
    from .claimsedit import EditError, append_to_file
    from .corpus import bundled_claims, find_claims
    from .extract import ExtractError
    from .extract import extract as run_extract
    from .render.proposals import document, entries_block
    from .render.safe import clean

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


@cli.command(context_settings=CONTEXT)
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
    from .claims import ClaimsError, load_claims
    from .corpus import find_claims
    from .coverage import uncovered
    from .render.safe import clean

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


@cli.command("claims", context_settings=CONTEXT)
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

    from .render.entries import entries_table, select, topics

    corpus = load_corpus(claims_path)
    known = topics(corpus)
    if topic is not None and topic not in known:
        raise InputError(f"unknown topic {topic!r}; the topics are: {', '.join(known)}")
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

    from .render.entries import close_ids, print_entry

    corpus = load_corpus(claims_path)
    entry = corpus.claims.by_id(entry_id)
    if entry is None:
        close = close_ids(corpus, entry_id)
        hint = f"did you mean {' or '.join(close)}?" if close else "see 'factcheck claims'"
        raise InputError(f"no entry with id {entry_id!r} ({hint})")
    print_entry(Console(), corpus, entry)


@cli.command(context_settings=CONTEXT)
@claims_option
@click.option("--format", "fmt", type=click.Choice(["text", "concise", "json", "jsonl", "github", "sarif", "html"]), default="text", show_default=True, help="Output format (concise: one line a finding; html: one self-contained page).")
@click.option("--fail-on", type=click.Choice(["conflicting", "unverified", "never"]), default=None, help="Exit 1 when a finding at this level exists  [default: conflicting]")
@click.option("--show", multiple=True, type=click.Choice(["supported", "unverified"]), help="Also report these verdicts (unverified: only sentences stating a figure, a date or a named policy). Repeatable.")
@click.option("--include", multiple=True, metavar="GLOB", help="Files to read in folders  [default: *.md, *.markdown, *.txt]. Repeatable.")
@click.option("--exclude", multiple=True, metavar="GLOB", help="Files or folders to skip. Repeatable.")
@click.option("--top", type=click.IntRange(1, 50), default=1, show_default=True, help="Matches shown per finding.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, metavar="N", help="Worker processes for long scans (more than a few hundred sentences)  [default: one per CPU]")
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
def scan(claims_path, fmt, fail_on, show, include, exclude, top, jobs, paths) -> None:
    """Check every sentence of Markdown or text drafts.

    PATH is a file, a folder (read recursively) or "-" for standard input.
    Conflicting sentences are always reported. Settings may also come from
    .factcheck.yaml or [tool.factcheck] in pyproject.toml; options win.

    \b
    Exit status: 0 clean, 1 a finding at the --fail-on level (unverified:
    a check-worthy unverified sentence, shown or not), 2 usage or input
    error (other files are still scanned).

    \b
    Examples:
      factcheck scan drafts/
      factcheck scan --format github --show unverified report.md
      factcheck scan --format sarif drafts/ > factcheck.sarif
      factcheck scan --format html --show supported drafts/ > report.html
    """
    from .config import ConfigError, load_config, merge
    from .discover import find_drafts, read_draft
    from .drafts import DraftError, read_sentences
    from .render.safe import clean
    from .render.summary import summary_line
    from .scan import Scan, Tally
    from .workers import WorkerError, available_cpus, checking

    try:
        settings, _ = load_config(Path.cwd())
    except ConfigError as exc:
        raise InputError(str(exc)) from None
    settings = merge(
        settings, claims=claims_path, fail_on=fail_on, show=show or None,
        include=include or None, exclude=exclude or None, jobs=jobs,
    )
    try:
        drafts, warnings = find_drafts(paths, settings.include, settings.exclude)
    except DraftError as exc:
        raise InputError(str(exc)) from None
    corpus = load_corpus(settings.claims)
    for w in warnings:
        click.echo(f"warning: {clean(w)}", err=True)
    findings, counts, failed = [], {}, 0
    texts: dict[str, str] = {}  # each draft's text, for the formats that show drafts whole or fix them

    def readable():
        """Each draft's sentences; a draft that cannot be read is one line, and the scan goes on."""
        nonlocal failed
        for draft in drafts:
            try:
                stdin = sys.stdin.buffer if draft.path == "-" and sys.stdin is not None else None
                text = read_draft(draft.path, stdin=stdin)
            except DraftError as exc:
                click.echo(f"error: {clean(str(exc))}", err=True)
                failed += 1
                continue
            if fmt in ("html", "sarif"):
                texts[draft.path] = text
            yield draft.path, read_sentences(text, markdown=draft.markdown)

    scanning = Scan(corpus.checker, corpus.index, frozenset(settings.show), top)
    try:
        with checking(scanning, readable(), settings.jobs or available_cpus()) as checked_drafts:
            progress = _progress(len(drafts), enabled=fmt == "text")  # its thread starts after any fork
            with progress:
                task = progress.add_task("scanning", total=len(drafts))
                for checked in checked_drafts:
                    counts[checked.path] = counts.get(checked.path, Tally()) + checked.tally
                    findings.extend(checked.findings)
                    progress.update(task, completed=len(counts) + failed)
    except WorkerError as exc:
        raise OutsideError(str(exc)) from None
    _emit_findings(corpus, findings, counts, fmt, top, texts)
    total = sum(counts.values(), Tally())
    click.echo(summary_line(len(counts), total, failed), err=True)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(os.environ["GITHUB_STEP_SUMMARY"], corpus, findings, counts)
    if failed:
        sys.exit(EXIT_USAGE)
    level = settings.fail_on
    if level == "conflicting" and total.conflicting or level == "unverified" and (total.conflicting or total.worthy):
        sys.exit(EXIT_FOUND)


def _write_step_summary(path: str, corpus, findings, counts) -> None:
    """GitHub's job summary: a Markdown table appended to the file the runner names."""
    from .render.stepsummary import step_summary

    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(step_summary(corpus, findings, counts))
    except OSError as exc:
        raise InputError(f"GITHUB_STEP_SUMMARY: cannot write {path}: {exc.strerror or exc}") from None


@cli.command(context_settings=CONTEXT)
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

    from .discrepancies import DiscrepancyError, find, of_source

    corpus = load_corpus(claims_path)
    try:
        found = of_source(corpus, Path(source)) if source is not None else find(corpus)
    except DiscrepancyError as exc:
        raise InputError(str(exc)) from None
    if fmt == "json":
        from .render.jsonout import dumps

        click.echo(dumps([dataclasses.asdict(d) for d in found], indent=2))
        return
    from rich.console import Console

    from .render.entries import print_discrepancies

    print_discrepancies(Console(), found)


@cli.command(context_settings=CONTEXT)
@claims_option
@click.option("--show", multiple=True, type=click.Choice(["supported", "unverified"]), help="Also flag these verdicts, as in scan (unverified: information; supported: a hint). Repeatable.")
@click.option("--conflicting", type=click.Choice(["warning", "error"]), default="warning", show_default=True, help="Severity of a conflicting sentence.")
@click.option("--stdio", is_flag=True, help="Talk over standard input and output (the only way; accepted for clients that pass it).")
def lsp(claims_path: str | None, show: tuple[str, ...], conflicting: str, stdio: bool) -> None:
    """Run a language server over standard input and output, for editors.

    Markdown and text documents get a diagnostic on every conflicting
    sentence, a hover with the reason and the source passage, and quick
    fixes: the sources' figure, or an ignore comment. Claims file and
    settings are found from each document's folder, as scan finds them.

    \b
    Exit status: 0 after the editor's shutdown request, 1 when the editor
    went away without one, 2 usage error.

    \b
    Examples:
      factcheck lsp
      factcheck lsp --conflicting error --show unverified
    """
    from importlib.metadata import version

    from .lsp.project import ServerOptions
    from .lsp.server import serve

    if claims_path is not None and not os.path.isfile(claims_path):
        raise InputError(f"no such claims file: {claims_path}")
    options = ServerOptions(
        claims=os.path.abspath(claims_path) if claims_path else None,
        show=show or None,
        conflicting=conflicting,
    )
    sys.exit(serve(options, version("factcheck")))


def _emit_findings(corpus, findings, counts, fmt: str, top: int, texts: dict[str, str]) -> None:
    if fmt == "concise":
        from .render.concise import concise_lines

        for line in concise_lines(corpus, findings):
            click.echo(line)
    elif fmt == "html":
        from .render.html import html_report

        click.echo(html_report(corpus, findings, counts, texts), nl=False)
    elif fmt in ("json", "jsonl"):
        from .render.jsonout import dump_findings, finding_dict

        dump_findings([finding_dict(corpus, f, top) for f in findings], fmt, sys.stdout)
    elif fmt == "github":
        from .render.github import github_lines

        for line in github_lines(findings, corpus):
            click.echo(line)
    elif fmt == "sarif":
        from importlib.metadata import version

        from .render.jsonout import dumps
        from .render.sarif import sarif_log

        click.echo(dumps(sarif_log(findings, corpus, version("factcheck"), texts), indent=2))
    else:
        from rich.console import Console

        from .render.scantext import ScanTextRenderer

        renderer = ScanTextRenderer(corpus, Console(), top)
        renderer.print_findings(findings)
        renderer.print_summary(counts)
    sys.stdout.flush()  # output that cannot be written is the error, before a summary says all went well


def _progress(total: int, enabled: bool):
    """A progress bar on stderr for long scans, only on a terminal and for text output (rich
    is imported only then)."""
    if enabled and total > 1:
        from rich.console import Console
        from rich.progress import Progress

        console = Console(stderr=True)
        if console.is_terminal:
            return Progress(console=console, transient=True)
    return _NoProgress()


class _NoProgress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def add_task(self, *args, **kwargs) -> int:
        return 0

    def update(self, *args, **kwargs) -> None:
        pass


def _claim_texts(args: tuple[str, ...]):
    """Claims from the arguments or standard input, control characters removed."""
    from .render.safe import plain

    for text in _raw_claim_texts(args):
        yield plain(text)


def _raw_claim_texts(args: tuple[str, ...]):
    from .files import NotUTF8, decode_utf8

    stdin = sys.stdin.buffer if sys.stdin is not None else io.BytesIO()  # a closed stdin reads as empty
    if not args:
        if stdin.isatty():
            raise click.UsageError("give a CLAIM, or '-' to read claims from standard input")
        args = ("-",)
    for arg in args:
        if arg == "-":
            for number, raw in enumerate(stdin, 1):
                try:
                    line = decode_utf8(raw)
                except NotUTF8 as exc:
                    raise InputError(f"standard input, line {number}: {exc}") from None
                if line.strip():
                    yield line.strip()
        elif arg.strip():
            yield arg.strip()
        else:
            raise click.BadParameter("a claim is empty", param_hint="CLAIM")


EXIT_INTERRUPTED, EXIT_BROKEN_PIPE = 130, 141


def _interrupted(signum, frame) -> None:
    click.echo("factcheck: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


class OutputError(Exception):
    """Standard output could not be written: a full disk, a descriptor not open for writing."""


class _Output:
    """Standard output whose write failures are OutputError, told apart from any other OSError
    (which is a bug, an internal error). Everything else is the stream's own."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self._named(self.stream.write, text)

    def flush(self) -> None:
        self._named(self.stream.flush)

    @staticmethod
    def _named(call, *args):
        try:
            return call(*args)
        except BrokenPipeError:  # the reader went away: not an error (see _run)
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def main() -> None:
    """Run the CLI: errors are one line and an exit code, never a traceback (but --debug)."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # a reader that went away ends us quietly
    signal.signal(signal.SIGINT, _interrupted)
    if sys.stdout is None:  # started with it closed (`>&-`): every command's output would vanish
        click.echo("Error: cannot write output: standard output is closed", err=True)
        sys.exit(EXIT_USAGE)
    stdout = sys.stdout
    sys.stdout = _Output(stdout)
    try:
        code = _run(debug="--debug" in sys.argv[1:])
    finally:
        sys.stdout = stdout
    sys.exit(code)


def _run(debug: bool) -> int:
    """The exit status of the command line, with every error shown as its one line."""
    try:
        code = _invoke()
        sys.stdout.flush()  # what is still buffered fails here, not as Python exits
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "factcheck"
        click.echo(f"Error: {_clean(exc.format_message())} (see '{where} --help')", err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("factcheck: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (factcheck scan ... | head): stop quietly
        _discard_output()
        code = EXIT_BROKEN_PIPE
    except OutputError as exc:
        _discard_output()
        click.echo(f"Error: cannot write output: {_clean(str(exc))}", err=True)
        code = EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {_clean(str(exc))} (run with --debug for the traceback)", err=True)
        code = EXIT_USAGE
    return code or 0


def _invoke() -> int | None:
    """The command's exit status, whether it returns or exits (sys.exit) with it."""
    try:
        return cli.main(prog_name="factcheck", standalone_mode=False)
    except SystemExit as exc:
        return exc.code


def _discard_output() -> None:
    """Point standard output at /dev/null, so that what is still buffered is dropped when Python
    exits, instead of failing again as an "Exception ignored" message."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
