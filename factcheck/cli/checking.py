"""Checking: claims (`check`), drafts (`scan`) and documents in an editor (`lsp`), and how their
results are written out."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from .app import CONTEXT, EXIT_FOUND, EXIT_UNVERIFIED, EXIT_USAGE, InputError, OutsideError, claims_option, cleaned, load_corpus

if TYPE_CHECKING:  # the scan's modules are imported when a scan starts: a check needs none
    from ..drafts.scan import Finding, Tally


@click.command(context_settings=CONTEXT)
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
        from ..render.text import TextRenderer

        renderer = TextRenderer(corpus, top=top)
    for text in texts:
        result = corpus.checker.check(text, shown=top)
        results.append(result)
        if fmt in ("json", "jsonl"):
            from ..render.jsonout import dumps, result_dict

            click.echo(dumps(result_dict(corpus, result, top)))
        else:
            renderer.print_result(result)
    verdicts = {r.verdict.value for r in results}
    if "conflicting" in verdicts:
        sys.exit(EXIT_FOUND)
    if "unverified" in verdicts:
        sys.exit(EXIT_UNVERIFIED)


@click.command(context_settings=CONTEXT)
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
    from ..drafts.scan import Tally
    from ..render.summary import summary_line

    settings = _scan_settings(claims_path, fail_on=fail_on, show=show or None, include=include or None, exclude=exclude or None, jobs=jobs)
    drafts, warnings = _drafts(paths, settings)
    corpus = load_corpus(settings.claims)
    for w in warnings:
        click.echo(f"warning: {cleaned(w)}", err=True)
    reading = _Reading(drafts, keep_texts=fmt in ("html", "sarif"))
    findings, counts = _checked(corpus, settings, top, reading, progress_shown=fmt == "text")
    _emit_findings(corpus, findings, counts, fmt, top, reading.texts)
    total = sum(counts.values(), Tally())
    click.echo(summary_line(len(counts), total, reading.failed), err=True)
    if fmt == "github" and os.environ.get("GITHUB_STEP_SUMMARY"):
        _write_step_summary(os.environ["GITHUB_STEP_SUMMARY"], corpus, findings, counts)
    if reading.failed:
        sys.exit(EXIT_USAGE)
    level = settings.fail_on
    if level == "conflicting" and total.conflicting or level == "unverified" and (total.conflicting or total.worthy):
        sys.exit(EXIT_FOUND)


def _scan_settings(claims_path: str | None, **options):
    """The settings file's scan settings, with the command line's options over them."""
    from ..drafts.config import ConfigError, load_config, merge

    try:
        settings, _ = load_config(Path.cwd())
    except ConfigError as exc:
        raise InputError(str(exc)) from None
    return merge(settings, claims=claims_path, **options)


def _drafts(paths: tuple[str, ...], settings):
    """The drafts under PATH..., with warnings about what was passed over."""
    from ..drafts.discover import find_drafts
    from ..drafts.documents import DraftError

    try:
        return find_drafts(paths, settings.include, settings.exclude)
    except DraftError as exc:
        raise InputError(str(exc)) from None


class _Reading:
    """Each draft's sentences, read as the scan needs them: a draft that cannot be read is one
    line, and the scan goes on (`failed` counts them)."""

    def __init__(self, drafts, keep_texts: bool):
        self.drafts, self.keep_texts = drafts, keep_texts
        self.failed = 0
        self.texts: dict[str, str] = {}  # each draft's text, for the formats that show drafts whole or fix them

    def __iter__(self):
        from ..drafts.discover import read_draft
        from ..drafts.documents import DraftError, read_sentences

        for draft in self.drafts:
            try:
                stdin = sys.stdin.buffer if draft.path == "-" and sys.stdin is not None else None
                text = read_draft(draft.path, stdin=stdin)
            except DraftError as exc:
                click.echo(f"error: {cleaned(str(exc))}", err=True)
                self.failed += 1
                continue
            if self.keep_texts:
                self.texts[draft.path] = text
            yield draft.path, read_sentences(text, markdown=draft.markdown)


def _checked(corpus, settings, top: int, reading: _Reading, progress_shown: bool):
    """Every draft's findings, and each draft's tally, from the workers as they finish."""
    from ..drafts.scan import Scan, Tally
    from ..drafts.workers import WorkerError, checking
    from ..engine.processes import available_cpus

    findings: list[Finding] = []
    counts: dict[str, Tally] = {}
    scanning = Scan(corpus.checker, corpus.index, frozenset(settings.show), top)
    try:
        with checking(scanning, iter(reading), settings.jobs or available_cpus()) as checked_drafts:
            progress = _progress(len(reading.drafts), enabled=progress_shown)  # its thread starts after any fork
            with progress:
                task = progress.add_task("scanning", total=len(reading.drafts))
                for checked in checked_drafts:
                    counts[checked.path] = counts.get(checked.path, Tally()) + checked.tally
                    findings.extend(checked.findings)
                    progress.update(task, completed=len(counts) + reading.failed)
    except WorkerError as exc:
        raise OutsideError(str(exc)) from None
    return findings, counts


def _write_step_summary(path: str, corpus, findings, counts) -> None:
    """GitHub's job summary: a Markdown table appended to the file the runner names."""
    from ..render.stepsummary import step_summary

    try:
        with open(path, "a", encoding="utf-8") as f:
            f.write(step_summary(corpus, findings, counts))
    except OSError as exc:
        raise InputError(f"GITHUB_STEP_SUMMARY: cannot write {path}: {exc.strerror or exc}") from None


@click.command(context_settings=CONTEXT)
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

    from ..lsp.project import ServerOptions
    from ..lsp.server import serve

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
        from ..render.concise import concise_lines

        for line in concise_lines(corpus, findings):
            click.echo(line)
    elif fmt == "html":
        from ..render.html import html_report

        click.echo(html_report(corpus, findings, counts, texts), nl=False)
    elif fmt in ("json", "jsonl"):
        from ..render.jsonout import dump_findings, finding_dict

        dump_findings([finding_dict(corpus, f, top) for f in findings], fmt, sys.stdout)
    elif fmt == "github":
        from ..render.github import github_lines

        for line in github_lines(findings, corpus):
            click.echo(line)
    elif fmt == "sarif":
        from importlib.metadata import version

        from ..render.jsonout import dumps
        from ..render.sarif import sarif_log

        click.echo(dumps(sarif_log(findings, corpus, version("factcheck"), texts), indent=2))
    else:
        from rich.console import Console

        from ..render.scantext import ScanTextRenderer

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
    from ..render.safe import plain

    for text in _raw_claim_texts(args):
        yield plain(text)


def _raw_claim_texts(args: tuple[str, ...]):
    from ..claimsfile.files import NotUTF8, decode_utf8

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


