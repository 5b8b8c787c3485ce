"""Worker processes: what this machine allows of them. The first run's build and a long scan
both ask; the pool itself (forking.py) is imported only when workers start."""

from __future__ import annotations

import os
import sys


def available_cpus() -> int:
    """The CPUs this process may run on (a container or `taskset` may allow fewer than exist)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Workers are forked, never spawned: a spawned worker would have to load everything again.
    macOS has fork, but its system libraries may not survive one (Python spawns there too)."""
    return hasattr(os, "fork") and sys.platform != "darwin"

