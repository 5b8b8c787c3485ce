"""Output that cannot be written is an error named for what it is (issue "Trust", finding 9):
"cannot write output: ..." on one line and exit status 2, never an "internal error", and never
a silent exit as though all went well.

A full disk (/dev/full), a descriptor not open for writing, and a standard output closed before
factcheck starts (`>&-`) are the cases. A reader that goes away early (`| head -1`) is not an
error: factcheck ends quietly (tests/test_hostile_inputs.py, tests/test_scan_jobs.py). Each
test runs the real command line, whose standard output is what is being tested, with Python
buffering it as it does for a user.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, write_corpus

CONFLICT = "Vietnam joined ASEAN in 1990."
FULL = "Error: cannot write output: No space left on device\n"
CLOSED = "Error: cannot write output: standard output is closed\n"

COMMANDS = {
    "check": ["check", CONFLICT],
    "check json": ["check", "--format", "json", CONFLICT],
    "scan": ["scan", "draft.md"],
    "scan jsonl": ["scan", "--format", "jsonl", "draft.md"],
    "scan json": ["scan", "--format", "json", "draft.md"],
    "scan github": ["scan", "--format", "github", "draft.md"],
    "scan sarif": ["scan", "--format", "sarif", "draft.md"],
    "claims": ["claims"],
    "show": ["show", "asean-membership-1995"],
    "discrepancies": ["discrepancies"],
    "help": ["--help"],
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A claims file (found as ./claims.yaml), its source and a draft with a conflict."""
    write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD})
    (tmp_path / "draft.md").write_text(CONFLICT + "\n", encoding="utf-8")
    return tmp_path


def factcheck(args: list[str], cwd: Path, stdout, shell: str = "") -> subprocess.CompletedProcess:
    """`python -m factcheck ARGS`, standard output buffered as for a user; `shell` redirects
    it (`>&-`) through sh."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    command = [sys.executable, "-m", "factcheck", *args]
    if shell:
        command = ["sh", "-c", f'exec "$@" {shell}', "sh", *command]
    return subprocess.run(command, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd, env=env, timeout=120)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", COMMANDS.values(), ids=COMMANDS.keys())
def test_a_full_disk_is_cannot_write_output(folder: Path, args: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        done = factcheck(args, folder, stdout=full)
    assert (done.returncode, done.stderr.decode()) == (2, FULL)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_validate_writes_nothing_when_all_is_well_so_a_full_disk_is_no_error(folder: Path) -> None:
    with open("/dev/full", "wb") as full:
        done = factcheck(["validate"], folder, stdout=full)
    assert done.returncode == 0
    assert done.stderr.decode().endswith(": OK (1 entries)\n")


def test_a_standard_output_open_only_for_reading(folder: Path) -> None:
    with open(os.devnull, "rb") as read_only:
        done = factcheck(COMMANDS["scan"], folder, stdout=read_only)
    assert (done.returncode, done.stderr.decode()) == (2, "Error: cannot write output: Bad file descriptor\n")


@pytest.mark.skipif(sys.platform == "win32", reason="closes the descriptor through sh")
@pytest.mark.parametrize("args", [COMMANDS["check"], COMMANDS["scan"], ["validate"]], ids=["check", "scan", "validate"])
def test_a_closed_standard_output_is_one_line_and_exit_2(folder: Path, args: list[str]) -> None:
    """Before, `check` printed nothing and exited 1, as if the claim had been read and shown."""
    done = factcheck(args, folder, stdout=None, shell=">&-")
    assert (done.returncode, done.stderr.decode()) == (2, CLOSED)
