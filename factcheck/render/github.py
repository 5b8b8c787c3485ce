"""Scan findings as GitHub Actions workflow commands: annotations on the draft's lines.

The runner reads every output line that starts with "::" as a command, so untrusted text
(draft sentences, reasons, paths) is cleaned to one line and escaped by the runner's rules:
a sentence holding "\\n::add-mask::x" can then never start a line of its own.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..drafts.scan import Finding
from ..engine.corpus import Corpus
from ..engine.verdicts import Verdict
from .safe import plain
from .scantext import plain_message

COMMAND = {Verdict.CONFLICTING: "error", Verdict.UNVERIFIED: "warning", Verdict.SUPPORTED: "notice"}


def escape_data(text: str) -> str:
    """A command's message, escaped as the runner unescapes it."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value: also without the ":" and "," that end a value."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(corpus: Corpus, finding: Finding) -> str:
    """One workflow command line. Columns are given only for a one-line sentence: GitHub
    ignores them on a range of lines."""
    s = finding.sentence
    props = {"file": finding.path.replace("\\", "/"), "line": s.line}
    if s.end_line == s.line:
        props |= {"col": s.column, "endLine": s.end_line, "endColumn": s.end_column}
    else:
        props |= {"endLine": s.end_line}
    props["title"] = f"factcheck: {finding.verdict.value}"
    # plain, not clean: a property escapes every ":", and the file must keep its own name
    rendered = ",".join(f"{key}={escape_property(plain(str(value)))}" for key, value in props.items())
    return f"::{COMMAND[finding.verdict]} {rendered}::{escape_data(plain_message(corpus, finding))}"


def github_lines(findings: Iterable[Finding], corpus: Corpus) -> Iterator[str]:
    """One workflow command per finding, without line ends."""
    for finding in findings:
        yield annotation(corpus, finding)
