"""`factcheck init`: a new claims project that validates at once, from the files in
templates/init/. Nothing is overwritten: if any file it would write exists, it writes none."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

TEMPLATES = Path(__file__).with_name("templates") / "init"
# template -> where it goes in the project (dot files are kept undotted in the package)
FILES = {
    "claims.yaml": "claims.yaml",
    "sources/eiffel-tower.md": "sources/eiffel-tower.md",
    "drafts/first-draft.md": "drafts/first-draft.md",
    "factcheck.yaml": ".factcheck.yaml",
    "factcheck-ci.yml": ".github/workflows/factcheck.yml",
}
SCHEMA_FILE = "claims.schema.json"  # written from the schema itself, so that it is never stale


class InitError(Exception):
    """The project cannot be started here: the message says why, in one line."""


@dataclass(frozen=True)
class Planned:
    path: Path
    text: str


def plan(folder: Path) -> list[Planned]:
    """Every file a new project in `folder` gets, with its text."""
    from .schema import json_schema

    planned = [Planned(folder / target, (TEMPLATES / template).read_text(encoding="utf-8")) for template, target in FILES.items()]
    planned.append(Planned(folder / SCHEMA_FILE, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"))
    return planned


def init(folder: Path) -> list[Path]:
    """Write a new project into `folder` (made if need be); the paths written, in order."""
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} is a file, not a folder")
    planned = plan(folder)
    taken = [p.path for p in planned if p.path.exists() or p.path.is_symlink()]
    if taken:
        more = f" (and {len(taken) - 1} more)" if len(taken) > 1 else ""
        raise InitError(f"{taken[0]} already exists{more}: init starts a new project and overwrites nothing (nothing was written)")
    try:
        for p in planned:
            p.path.parent.mkdir(parents=True, exist_ok=True)
            with open(p.path, "x", encoding="utf-8") as f:  # "x": never over a file made meanwhile
                f.write(p.text)
    except OSError as exc:
        raise InitError(f"cannot write {getattr(exc, 'filename', None) or folder}: {exc.strerror or exc}") from None
    return [p.path for p in planned]
