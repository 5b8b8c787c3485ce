"""The first run on a large claims file (build.py): entries prepared in chunks by worker
processes, the cache written as they come, then read back. It must answer as a build in memory
does, whether the chunks are prepared by forked workers or here, and its cache must serve later
runs the same answers.

The bundled claims file is under build.MIN_ENTRIES, so these tests lower the threshold and the
chunk size: the streamed path then runs on 274 entries in a few dozen chunks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import answers, answers_built_in_memory

from factcheck.engine import build, processes
from factcheck.engine.cache import Entries
from factcheck.engine.corpus import Corpus, bundled_claims

LABELLED = Path(__file__).parent / "data" / "labelled.jsonl"
CLAIMS = [json.loads(line)["claim"] for line in LABELLED.read_text(encoding="utf-8").splitlines()[::5] if line.strip()]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """A copy of the bundled claims file and its sources, with a cache of its own."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("FACTCHECK_NO_CACHE", raising=False)
    bundled = bundled_claims()
    shutil.copy(bundled, tmp_path / "claims.yaml")
    shutil.copytree(bundled.parent / "sources", tmp_path / "sources")
    return tmp_path / "claims.yaml"


def in_memory(path: Path, monkeypatch) -> list[dict]:
    return answers_built_in_memory(path, monkeypatch, CLAIMS)


def streamed(path: Path, monkeypatch, cpus: int) -> Corpus:
    """The claims file loaded on its first run, streamed on `cpus` CPUs in chunks of 40 entries."""
    monkeypatch.setattr(build, "MIN_ENTRIES", 0)
    monkeypatch.setattr(build, "CHUNK", 40)
    monkeypatch.setattr(build, "available_cpus", lambda: cpus)
    return Corpus.load(path)


def read_back(corpus: Corpus) -> bool:
    """Whether the corpus's entries are read from the cache, as a streamed first run's are."""
    return isinstance(corpus.claims.entries, Entries)


@pytest.mark.parametrize("cpus", [1, 2], ids=["here", "forked workers"])
def test_a_streamed_first_run_answers_as_a_build_in_memory(project, monkeypatch, cpus):
    if cpus > 1 and not processes.can_fork():
        pytest.skip("workers are forked; without fork the chunks are prepared here")
    first = streamed(project, monkeypatch, cpus)
    got = answers(first, CLAIMS)
    assert read_back(first)
    assert len(CLAIMS) > 40 and any(a["verdict"] != "unverified" for a in got)
    assert got == in_memory(project, monkeypatch)


def test_the_streamed_cache_serves_later_runs_the_same_answers(project, monkeypatch):
    first = answers(streamed(project, monkeypatch, 2), CLAIMS)
    monkeypatch.setattr(build, "MIN_ENTRIES", 10**9)  # a later run never builds
    later = Corpus.load(project)
    assert read_back(later)
    assert answers(later, CLAIMS) == first
    assert [e.id for e in later.claims.entries] == [e.id for e in Corpus.load(bundled_claims()).claims.entries]


def test_a_cache_folder_that_cannot_be_written_builds_in_memory(project, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(blocker / "cache"))
    corpus = streamed(project, monkeypatch, 2)
    assert answers(corpus, CLAIMS) == in_memory(project, monkeypatch)
    assert not read_back(corpus)
