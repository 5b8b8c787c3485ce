"""The first run on a large claims file (build.py): entries prepared in chunks by worker
processes, the cache written as they come, then read back. It must answer as a build in memory
does, whether the chunks are prepared by forked workers or here, and its cache must serve later
runs the same answers.

The bundled claims file is under build.MIN_ENTRIES, so these tests lower the threshold and the
chunk size: the streamed path then runs on 274 entries in a few dozen chunks.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
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


# A first run interrupted while the workers prepare entries: each chunk is slowed, and says it
# started by creating a file.
INTERRUPTED = """
import sys, time
from pathlib import Path
from factcheck.cli import main
from factcheck.engine import build

prepare, started = build._prepare, Path(sys.argv[1])

def slow(start, end):
    started.touch()
    time.sleep(0.2)
    return prepare(start, end)

build.MIN_ENTRIES, build.CHUNK, build._prepare = 0, 10, slow
sys.argv = ["factcheck", "check", "--claims", sys.argv[2], "Vietnam joined ASEAN in 1995"]
main()
"""


@pytest.mark.skipif(not processes.can_fork(), reason="the workers are forked")
def test_ctrl_c_in_a_streamed_first_run_is_one_line_and_leaves_no_worker(project, tmp_path):
    started = tmp_path / "started"
    run = subprocess.Popen([sys.executable, "-c", INTERRUPTED, str(started), str(project)], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while not started.exists() and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert started.exists(), run.communicate()
    os.killpg(run.pid, signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert (run.returncode, out, err) == (130, "", "factcheck: interrupted\n")
    assert group_members(run.pid) == []


def group_members(group: int) -> list[int]:
    """The processes still in a process group, a moment after its leader ended."""
    time.sleep(0.3)
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit() and _group_of(p) == group]


def _group_of(proc: Path) -> int | None:
    try:
        return int((proc / "stat").read_text().rsplit(")", 1)[1].split()[2])
    except (OSError, IndexError, ValueError):
        return None
