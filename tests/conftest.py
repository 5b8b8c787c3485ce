"""Shared test data: a small claims file with its source, written where a test asks."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

# In CI (CI set, as .ci/run sets it) each property runs on the same examples every time: an
# example that breaks one is a bug for a branch to fix, not a coin toss that blocks a landing.
# Elsewhere every run explores new examples.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ASEAN_ENTRY = """\
  - id: asean-membership-1995
    statement: Vietnam joined ASEAN on 28 July 1995.
    topic: diplomacy
    parties: [Vietnam, ASEAN]
    values:
      - {kind: date, value: "1995-07-28", text: "July 28, 1995"}
    evidence:
      - source: doc
        quote: "Vietnam’s ASEAN membership (July 28, 1995"
"""
WTO_ENTRY = """\
  - id: wto-membership-2007
    statement: Vietnam became a member of the WTO in 2007.
    topic: economy
    parties: [Vietnam, WTO]
    values:
      - {kind: date, value: "2007", text: "2007"}
    evidence:
      - source: doc
        quote: "joined the WTO in 2007"
"""
PATH_TO_THE_WORLD = """\
---
title: Vietnam's path to the world
published: 2020-05-01
date: 2020-05-01
---
# Integration

Since Vietnam’s ASEAN membership (July 28, 1995), the country has deepened its regional ties.
It later joined the WTO in 2007, after long talks.
"""


def write_corpus(root: Path, entries: str, sources: dict[str, str]) -> Path:
    """A claims file of `entries` and its sources folder under `root`; returns the claims path."""
    (root / "sources").mkdir(parents=True, exist_ok=True)
    for name, text in sources.items():
        (root / "sources" / f"{name}.md").write_text(text, encoding="utf-8")
    path = root / "claims.yaml"
    path.write_text("sources: sources\nclaims:\n" + entries, encoding="utf-8")
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Tests never read or write the user's cache folder: the cache is a temporary folder of
    the session's from before the first test module is imported. A fixture would come too
    late for a module's or a session's own fixtures, which are set up before a test's. The
    cache's secret key, which stays in the user's cache folder when FACTCHECK_CACHE_DIR moves
    the cache, goes to a temporary one too (platformdirs finds it in XDG_CACHE_HOME)."""
    folder = tempfile.mkdtemp(prefix="factcheck-test-cache-")
    environment = pytest.MonkeyPatch()
    environment.setenv("FACTCHECK_CACHE_DIR", folder)
    environment.setenv("XDG_CACHE_HOME", os.path.join(folder, "user"))
    config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
    config.add_cleanup(environment.undo)


def head_one_line(process: subprocess.Popen) -> bytes:
    """Read one line of a running factcheck and close the pipe, as `| head -1` does; its
    standard error once it has ended."""
    try:
        assert process.stdout.readline()
        process.stdout.close()
        err = process.stderr.read()
        process.wait(timeout=60)
    finally:
        process.kill()
    return err


def answers(corpus, claims: list[str]) -> list[dict]:
    """Each claim's full answer, as `check --format json` gives it (passages included)."""
    from factcheck.render.jsonout import result_dict

    return [result_dict(corpus, corpus.checker.check(c), 3) for c in claims]


def answers_built_in_memory(path: Path, monkeypatch: pytest.MonkeyPatch, claims: list[str]) -> list[dict]:
    """The answers of the claims file at `path` built afresh in memory, no cache read or written."""
    from factcheck.engine.corpus import Corpus

    with monkeypatch.context() as m:
        m.setenv("FACTCHECK_NO_CACHE", "1")
        return answers(Corpus.load(path), claims)
