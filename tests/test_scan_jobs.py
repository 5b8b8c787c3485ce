"""`factcheck scan --jobs N`: a long scan's sentences checked by N worker processes, with the
report exactly as one process gives it.

Drafts are split into chunks of sentences. In this process, chunks are made small (CHUNK = 7)
and workers start from 20 sentences, so that drafts of a few dozen sentences cross many chunk
boundaries; the tests that run `python -m factcheck` use the real sizes, on 5,000 sentences.
"""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, WTO_ENTRY, head_one_line, write_corpus

from factcheck.cli import cli
from factcheck.drafts import workers
from factcheck.drafts.config import ConfigError, ScanConfig, load_config
from factcheck.drafts.documents import read_sentences
from factcheck.drafts.scan import Scan
from factcheck.engine import processes
from factcheck.engine.corpus import Corpus

SOURCES = Path(__file__).parent.parent / "sources"
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PARTNERS = "Vietnam has established comprehensive strategic partnerships with five countries."
THAT_GROUP = "The Republic of Korea joined that group in 2021."  # conflicting only after PARTNERS

needs_fork = pytest.mark.skipif(not processes.can_fork(), reason="workers are forked; without fork, a scan runs in one process")


@pytest.fixture(autouse=True)
def small_chunks(monkeypatch):
    monkeypatch.setattr(workers, "CHUNK", 7)
    monkeypatch.setattr(workers, "MIN_SENTENCES", 20)


def long_draft() -> str:
    """Sentences of the bundled sources that give a year, then the same with every year one later
    (mostly conflicts); THAT_GROUP opens the second chunk: its context ends the first."""
    sources = [read_sentences(path.read_text(encoding="utf-8")) for path in sorted(SOURCES.glob("*.md"))]
    said = [s.text for sentences in sources for s in sentences if YEAR.search(s.text)][:30]
    later = [YEAR.sub(lambda m: str(int(m.group()) + 1), s) for s in said]
    sentences = said[:6] + [PARTNERS, THAT_GROUP] + said[6:] + later
    return "# A long draft\n\n" + "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3)) + "\n"


def scan(*args: str):
    return CliRunner().invoke(cli, ["scan", *args], catch_exceptions=False)


EVERYTHING = ["--show", "supported", "--show", "unverified"]


@needs_fork
@pytest.mark.parametrize(
    "fmt, show",
    [("text", EVERYTHING), ("json", EVERYTHING), ("jsonl", EVERYTHING), ("github", EVERYTHING), ("sarif", EVERYTHING), ("jsonl", [])],
)
def test_two_jobs_report_a_long_draft_exactly_as_one(tmp_path, fmt, show):
    draft = tmp_path / "long.md"
    draft.write_text(long_draft(), encoding="utf-8")
    one = scan("--jobs", "1", "--format", fmt, *show, str(draft))
    two = scan("--jobs", "2", "--format", fmt, *show, str(draft))
    assert (two.stdout, two.stderr, two.exit_code) == (one.stdout, one.stderr, one.exit_code)
    counts = re.fullmatch(r"factcheck: 1 file, 53 sentences: (\d+) conflicting, (\d+) unverified \(\d+ check-worthy\), (\d+) supported\n", two.stderr)
    assert sum(map(int, counts.groups())) == 53  # every sentence counted, reported or not


@needs_fork
def test_a_sentence_opening_a_chunk_keeps_the_one_before_as_context(tmp_path):
    draft = tmp_path / "long.md"
    draft.write_text(long_draft(), encoding="utf-8")
    assert [s.text for s in read_sentences(long_draft())].index(THAT_GROUP) == workers.CHUNK
    found = [json.loads(line) for line in scan("--jobs", "2", "--format", "jsonl", str(draft)).stdout.splitlines()]
    assert {"text": THAT_GROUP, "verdict": "conflicting"}.items() <= next(f for f in found if f["text"] == THAT_GROUP).items()


@needs_fork
@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_many_drafts_one_unreadable_are_reported_in_order_as_by_one_job(tmp_path, fmt):
    (tmp_path / "a-long.md").write_text(long_draft(), encoding="utf-8")
    (tmp_path / "b-bad.md").write_bytes(b"Vietnam joined ASEAN in \xff1990.\n")
    (tmp_path / "c-empty.md").write_text("", encoding="utf-8")
    (tmp_path / "d-short.md").write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    (tmp_path / "e-long.txt").write_text(long_draft(), encoding="utf-8")
    one = scan("--jobs", "1", "--format", fmt, "--show", "supported", str(tmp_path))
    two = scan("--jobs", "2", "--format", fmt, "--show", "supported", str(tmp_path))
    assert (two.stdout, two.stderr, two.exit_code) == (one.stdout, one.stderr, one.exit_code)
    assert two.exit_code == 2
    assert two.stderr.splitlines()[0] == f"error: {tmp_path / 'b-bad.md'}: not UTF-8 text (invalid byte 0xff at offset 24, line 1)"
    assert re.fullmatch(r"factcheck: 4 files, \d+ sentences: .*; 1 file could not be read", two.stderr.splitlines()[1])


@pytest.fixture(scope="module")
def small_scan(tmp_path_factory) -> Scan:
    root = tmp_path_factory.mktemp("claims")
    corpus = Corpus.load(write_corpus(root, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD}))
    return Scan(corpus.checker, corpus.index, frozenset({"supported"}), 1)


def drafts_of(*sizes: int) -> list[tuple[str, list]]:
    text = " ".join(["Vietnam joined ASEAN in 1990.", "Vietnam joined the WTO in 2007."] * 50)
    return [(f"d{i}.md", read_sentences(text)[:size]) for i, size in enumerate(sizes)]


@needs_fork
@pytest.mark.parametrize(
    "sizes, jobs, started",
    [
        ((19,), 2, 0),  # too little work to share
        ((5, 5, 5, 4), 2, 0),
        ((20,), 1, 0),  # one job: never a worker
        ((20,), 2, 2),
        ((5, 0, 9, 6, 30), 3, 3),
    ],
)
def test_workers_start_only_for_enough_sentences_and_none_is_left_after(small_scan, sizes, jobs, started):
    drafts = drafts_of(*sizes)
    with workers.checking(small_scan, drafts, jobs) as checked:
        assert len(multiprocessing.active_children()) == started
        results = list(checked)
    assert multiprocessing.active_children() == []
    assert results == [small_scan.check(path, sentences) for path, sentences in drafts]
    assert [(r.path, r.sentences) for r in results] == [(path, len(sentences)) for path, sentences in drafts]


@needs_fork
def test_an_interrupted_scan_leaves_no_worker_behind(small_scan):
    with pytest.raises(KeyboardInterrupt):
        with workers.checking(small_scan, drafts_of(40, 40), 2) as checked:
            next(checked)
            raise KeyboardInterrupt
    assert multiprocessing.active_children() == []


@needs_fork
@pytest.mark.parametrize("when", ["at-start", "midway"])
def test_a_worker_that_dies_is_an_error_not_a_hang(small_scan, when):
    with pytest.raises(workers.WorkerError, match=r"^a scan worker ended unexpectedly \(signal 9, SIGKILL\)$"):
        with workers.checking(small_scan, drafts_of(40, 40, 40), 2) as checked:
            if when == "midway":
                next(checked)
            for child in multiprocessing.active_children():
                child.kill()
                child.join()
            list(checked)
    assert multiprocessing.active_children() == []


def factcheck_process(tmp_path: Path, *args: str) -> subprocess.Popen:
    """`python -m factcheck scan --jobs 2 ARGS` on a draft of 5,000 sentences, in its own process group."""
    claims = write_corpus(tmp_path, ASEAN_ENTRY + WTO_ENTRY, {"doc": PATH_TO_THE_WORLD})
    draft = tmp_path / "long.md"
    draft.write_text("Vietnam joined ASEAN in 1990. Vietnam joined the WTO in 2007.\n\n" * 2500, encoding="utf-8")
    return subprocess.Popen(
        [sys.executable, "-m", "factcheck", "scan", "--claims", str(claims), "--jobs", "2", *args, str(draft)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True,
    )


def gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def wait_for_workers(process) -> list[int]:
    """The scan's workers, once it has started two (30 s at most)."""
    children = Path(f"/proc/{process.pid}/task/{process.pid}/children")
    deadline = time.monotonic() + 30
    while len(children.read_text().split()) < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    return [int(pid) for pid in children.read_text().split()]


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc")
def test_ctrl_c_ends_the_workers_and_exits_130_with_one_line(tmp_path):
    process = factcheck_process(tmp_path, "--format", "jsonl")
    try:
        wait_for_workers(process)
        os.killpg(process.pid, signal.SIGINT)  # as a terminal does: to every process of the group
        out, err = process.communicate(timeout=30)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (130, b"", b"factcheck: interrupted\n")
    assert gone(process.pid)


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc")
def test_a_killed_worker_is_named_not_an_internal_error(tmp_path):
    """The scan is held (SIGSTOP) while a worker is killed, so that it cannot have ended first."""
    process = factcheck_process(tmp_path, "--format", "jsonl")
    try:
        workers = wait_for_workers(process)
        os.kill(process.pid, signal.SIGSTOP)
        os.kill(workers[0], signal.SIGKILL)
        os.kill(process.pid, signal.SIGCONT)
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    assert (process.returncode, out, err) == (2, b"", b"Error: a scan worker ended unexpectedly (signal 9, SIGKILL)\n")
    assert gone(process.pid)


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="finds the workers through /proc")
def test_workers_end_when_the_scan_is_killed(tmp_path):
    """SIGKILL leaves the scan no chance to end its workers: they see it gone, and end (30 s at most)."""
    process = factcheck_process(tmp_path, "--format", "jsonl")
    try:
        workers = wait_for_workers(process)
        process.kill()
        process.communicate(timeout=30)
        deadline = time.monotonic() + 30
        while any(map(running, workers)) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        process.kill()
    assert [pid for pid in workers if running(pid)] == []


def running(pid: int) -> bool:
    """Whether a process is there and not a zombie (one whose parent is gone is reaped by init)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@needs_fork
def test_a_closed_pipe_ends_quietly_with_no_worker_left(tmp_path):
    process = factcheck_process(tmp_path, "--format", "jsonl")
    err = head_one_line(process)
    assert (process.returncode, err) == (-signal.SIGPIPE, b"")
    assert gone(process.pid)


def test_jobs_0_is_a_usage_error(tmp_path):
    draft = tmp_path / "d.md"
    draft.write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "factcheck", "scan", "--jobs", "0", str(draft)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr == "Error: Invalid value for '--jobs': 0 is not in the range x>=1. (see 'factcheck scan --help')\n"


def test_jobs_is_in_the_help():
    help_text = " ".join(scan("--help").stdout.split())
    assert "--jobs N Worker processes for long scans (more than a few hundred sentences) [default: one per CPU] [x>=1]" in help_text


@pytest.mark.parametrize(
    "text, expected",
    [
        ("jobs: 2\n", ScanConfig(jobs=2)),
        ("jobs: 1\nfail-on: never\n", ScanConfig(jobs=1, fail_on="never")),
        ("jobs: 0\n", "1: 'jobs' must be a whole number of 1 or more, not a number (0)"),
        ("jobs: -2\n", "1: 'jobs' must be a whole number of 1 or more, not a number (-2)"),
        ("jobs: true\n", "1: 'jobs' must be a whole number of 1 or more, not a boolean (true)"),
        ("jobs: '2'\n", "1: 'jobs' must be a whole number of 1 or more, not '2'"),
        ("jobs: 1.5\n", "1: 'jobs' must be a whole number of 1 or more, not a number (1.5)"),
    ],
)
def test_jobs_in_the_settings_file(tmp_path, text, expected):
    (tmp_path / ".factcheck.yaml").write_text(text, encoding="utf-8")
    if isinstance(expected, ScanConfig):
        assert load_config(tmp_path) == (expected, tmp_path / ".factcheck.yaml")
    else:
        with pytest.raises(ConfigError) as error:
            load_config(tmp_path)
        assert str(error.value) == f"{tmp_path / '.factcheck.yaml'}:{expected}"


@pytest.mark.parametrize(
    "settings, args, jobs",
    [
        ("", [], processes.available_cpus()),
        ("[tool.factcheck]\njobs = 3\n", [], 3),
        ("[tool.factcheck]\njobs = 3\n", ["--jobs", "2"], 2),
        ("", ["--jobs", "1"], 1),
    ],
)
def test_jobs_come_from_the_option_then_the_settings_then_the_cpus(tmp_path, monkeypatch, settings, args, jobs):
    (tmp_path / "pyproject.toml").write_text(settings, encoding="utf-8")
    (tmp_path / "d.md").write_text("Vietnam joined ASEAN in 1990.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    asked, checking = [], workers.checking
    monkeypatch.setattr(workers, "checking", lambda scan, drafts, jobs: asked.append(jobs) or checking(scan, drafts, jobs))
    assert scan(*args, "d.md").exit_code == 1
    assert asked == [jobs]


# Every worker killed once the pool has started, before the scan sends its first chunk: the
# chunks are written to a pipe no process reads (SIGPIPE, were it not held back in the pool's
# threads), and the pool must notice the dead workers and say so.
KILLED_WHILE_IDLE = """
import multiprocessing, signal
from factcheck.drafts import workers
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.drafts.documents import read_sentences
from factcheck.drafts.scan import Scan

signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # as the CLI runs
corpus = Corpus.load(bundled_claims())
scan = Scan(corpus.checker, corpus.index, frozenset(), 1)
drafts = [("d.md", read_sentences("Vietnam joined ASEAN in 1990. " * 400))]
try:
    with workers.checking(scan, drafts, 2) as checked:
        for child in multiprocessing.active_children():
            child.kill()
            child.join()
        list(checked)
except workers.WorkerError as error:
    print(error)
"""


@needs_fork
def test_a_worker_killed_while_idle_is_an_error_not_a_sigpipe():
    done = subprocess.run([sys.executable, "-c", KILLED_WHILE_IDLE], capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (0, "a scan worker ended unexpectedly (signal 9, SIGKILL)\n"), done.stderr
