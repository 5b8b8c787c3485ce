"""Scan findings as a SARIF 2.1.0 log, for code scanning dashboards and editors.

A result is known across runs by its fingerprint, which is made of the rule, the file and the
sentence's words, never its line: adding a paragraph above a flagged sentence must not make
the dashboard close one alert and open another.
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from ..claimsfile.sources import Source
from ..drafts.fixes import Fix, located_fixes
from ..drafts.scan import Finding
from ..engine.corpus import Cited, Corpus
from ..engine.verdicts import Verdict
from .safe import clean, plain
from .scantext import evidence, plain_message

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/factcheck/"
FINGERPRINT = "factcheck/v1"
SRCROOT = "%SRCROOT%"
CLAIMSROOT = "CLAIMSROOT"
CLAIMSROOT_TEXT = ("The folder of the claims file in use, outside the working folder: for the claims file bundled "
                   "with factcheck, its package data (factcheck show ID prints each passage).")


@dataclass(frozen=True)
class Rule:
    verdict: Verdict
    level: str
    short: str
    full: str
    help: str

    @property
    def id(self) -> str:
        return f"factcheck/{self.verdict.value}"

    def descriptor(self) -> dict:
        return {
            "id": self.id,
            "name": self.verdict.value.capitalize() + "Claim",
            "shortDescription": {"text": self.short},
            "fullDescription": {"text": self.full},
            "help": {"text": self.help},
            "defaultConfiguration": {"level": self.level},
        }


RULES = (
    Rule(
        Verdict.CONFLICTING, "error",
        "A sentence contradicts the sourced claims file.",
        "The sentence states a figure, date, list member or polarity that differs from what an entry "
        "of the claims file says, and the entry's source passage shows it.",
        "Correct the sentence to what the source says; the related location is the passage. If the "
        "source is wrong or out of date, correct the claims file entry and its evidence instead.",
    ),
    Rule(
        Verdict.UNVERIFIED, "warning",
        "A check-worthy sentence is not in the claims file.",
        "The sentence states a figure, a date or a named policy, but no entry of the claims file "
        "states it, so it cannot be checked.",
        "If the sentence is true, add an entry with a verbatim quote from a source to the claims "
        "file; otherwise rephrase or remove it.",
    ),
    Rule(
        Verdict.SUPPORTED, "note",
        "A sentence is supported by the sourced claims file.",
        "An entry of the claims file states what the sentence says, figures included, and its "
        "source passage shows it.",
        "Nothing to do; the related location is the passage that supports the sentence.",
    ),
)
RULE_INDEX = {rule.verdict: i for i, rule in enumerate(RULES)}


def sarif_log(findings: Iterable[Finding], corpus: Corpus, version: str, texts: Mapping[str, str] | None = None) -> dict:
    """The whole log: one run of factcheck, every finding a result. `texts`: the drafts' texts,
    where conflicting figures are found to carry fixes."""
    seen: Counter[tuple[str, str, str]] = Counter()
    results = []
    for finding in findings:
        key = (RULES[RULE_INDEX[finding.verdict]].id, finding.path, " ".join(finding.sentence.text.split()))
        results.append(result(corpus, finding, fingerprint(*key, occurrence=seen[key]), (texts or {}).get(finding.path)))
        seen[key] += 1
    driver = {"name": "factcheck", "version": version, "informationUri": INFORMATION_URI,
              "rules": [rule.descriptor() for rule in RULES]}
    run = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints", "results": results}
    if any(location["physicalLocation"]["artifactLocation"].get("uriBaseId") == CLAIMSROOT
           for r in results for location in r.get("relatedLocations", ())):
        run["originalUriBaseIds"] = {CLAIMSROOT: {"description": {"text": CLAIMSROOT_TEXT}}}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def fingerprint(rule_id: str, path: str, text: str, occurrence: int = 0) -> str:
    """Stable across edits elsewhere in the file; `occurrence` tells apart a sentence repeated in it.
    A file name's undecodable bytes (lone surrogates) are hashed as those bytes."""
    parts = (rule_id, path.replace("\\", "/"), text, str(occurrence))
    return hashlib.sha256("\0".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def result(corpus: Corpus, finding: Finding, stable_id: str, draft: str | None = None) -> dict:
    s = finding.sentence
    index = RULE_INDEX[finding.verdict]
    region = {"startLine": s.line, "startColumn": s.column, "endLine": s.end_line,
              "endColumn": s.end_column + 1, "snippet": {"text": clean(s.text)}}
    out = {
        "ruleId": RULES[index].id,
        "ruleIndex": index,
        "level": RULES[index].level,
        "message": {"text": message_text(plain_message(corpus, finding))},
        "locations": [{"physicalLocation": {"artifactLocation": draft_artifact(finding.path), "region": region}}],
        "partialFingerprints": {FINGERPRINT: stable_id},
    }
    found = evidence(corpus, finding.result)
    if found and found[1]:
        out["relatedLocations"] = [related(corpus, i, c) for i, c in enumerate(found[1], start=1)]
    fixes = located_fixes(draft, s, finding.result) if draft is not None else []
    if fixes:
        out["fixes"] = [sarif_fix(finding.path, fix) for fix in fixes]
    return out


def sarif_fix(path: str, fix: Fix) -> dict:
    """One conflicting figure replaced by the sources' (SARIF's end column is past the region)."""
    region = {"startLine": fix.line, "startColumn": fix.column, "endLine": fix.end_line, "endColumn": fix.end_column}
    return {
        "description": {"text": message_text(clean(f"Replace \u201c{fix.old}\u201d with the sources' \u201c{fix.new}\u201d"))},
        "artifactChanges": [{"artifactLocation": draft_artifact(path),
                             "replacements": [{"deletedRegion": region, "insertedContent": {"text": plain(fix.new)}}]}],
    }


def related(corpus: Corpus, id_: int, c: Cited) -> dict:
    """An evidence passage: the quote's place in its source, the whole sentence as message."""
    text = c.source.text
    start_line, start_column = position(text, c.passage.start)
    end_line, end_column = position(text, c.passage.end)
    region = {"startLine": start_line, "startColumn": start_column, "endLine": end_line, "endColumn": end_column}
    return {
        "id": id_,
        "physicalLocation": {"artifactLocation": source_artifact(corpus, c.source), "region": region},
        "message": {"text": message_text(clean(c.passage.sentence))},
    }


def position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column (in code points) of an offset."""
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def inside_working_folder(path: Path) -> str | None:
    """A path relative to the working folder (the repository root in CI); None outside it."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return None


def draft_artifact(path: str) -> dict:
    """A draft as named, made relative when it is inside the working folder; else its file URI."""
    if Path(path).is_absolute():
        path = inside_working_folder(Path(path)) or path
    return artifact(path)


def source_artifact(corpus: Corpus, source: Source) -> dict:
    """A source relative to the working folder; outside it (the bundled claims file's, in the
    installed package), relative to the claims file's folder, CLAIMSROOT, never an absolute path."""
    inside = inside_working_folder(source.path)
    if inside is not None:
        return artifact(inside)
    relative = os.path.relpath(source.path, corpus.claims.path.parent).replace(os.sep, "/")
    return {"uri": quote(os.fsencode(relative), safe="/"), "uriBaseId": CLAIMSROOT}


def artifact(path: str) -> dict:
    """A relative path is taken from the source root; an absolute one becomes a file URI. Both
    are the file name's bytes percent-encoded, so a name that is not UTF-8 (its bytes kept as
    lone surrogates) is still a valid URI of that very file."""
    if Path(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(os.fsencode(path.replace("\\", "/")), safe="/"), "uriBaseId": SRCROOT}


def message_text(text: str) -> str:
    """Plain text as SARIF reads it: braces doubled (they mark placeholders) and brackets
    escaped, so that quoted text can never form an embedded link."""
    for char, escaped in (("\\", "\\\\"), ("[", "\\["), ("]", "\\]"), ("{", "{{"), ("}", "}}")):
        text = text.replace(char, escaped)
    return text
