"""`factcheck init`: a new claims project that validates at once, and never overwrites a file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck.claimsfile.init import FILES, SCHEMA_FILE
from factcheck.cli import cli
from factcheck.drafts.config import load_config

WRITTEN = sorted([*FILES.values(), SCHEMA_FILE])


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def test_init_writes_a_project_that_validates_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = invoke("init", str(tmp_path / "facts"))
    assert result.exit_code == 0, result.stdout
    assert files(tmp_path / "facts") == WRITTEN
    monkeypatch.chdir(tmp_path / "facts")  # validate finds the new claims.yaml itself
    result = invoke("validate")
    assert (result.exit_code, result.stdout) == (0, "")
    assert result.stderr.endswith("claims.yaml: OK (1 entries, 2 examples)\n")


def test_init_into_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("init").exit_code == 0
    assert files(tmp_path) == WRITTEN


@pytest.mark.parametrize(
    "claim, verdict",
    [
        ("The Eiffel Tower is 330 metres tall.", "supported"),
        ("The Iron Lady is about 1,083 feet tall.", "supported"),
        ("The Eiffel Tower is 400 metres tall.", "conflicting"),
        ("The Eiffel Tower opened in 1889.", "unverified"),
    ],
)
def test_the_new_project_checks_claims(tmp_path: Path, claim: str, verdict: str) -> None:
    invoke("init", str(tmp_path))
    result = invoke("check", "--claims", str(tmp_path / "claims.yaml"), "--format", "json", claim)
    assert json.loads(result.stdout)["verdict"] == verdict


def test_the_new_project_scans_its_draft_with_its_settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    invoke("init", str(tmp_path))
    settings, found = load_config(tmp_path)
    assert (found, Path(settings.claims)) == (tmp_path / ".factcheck.yaml", tmp_path / "claims.yaml")
    monkeypatch.chdir(tmp_path)
    result = invoke("scan", "--format", "jsonl", "--show", "supported", "drafts/")
    assert result.exit_code == 0
    assert [json.loads(line)["verdict"] for line in result.stdout.splitlines()] == ["supported"]


def test_the_ci_example_runs_validate_and_scan(tmp_path: Path) -> None:
    invoke("init", str(tmp_path))
    workflow = yaml.safe_load((tmp_path / ".github/workflows/factcheck.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in workflow["jobs"]["factcheck"]["steps"] if "run" in step]
    assert runs[-2:] == ["factcheck validate", "factcheck scan --format github drafts/"]


def test_the_new_claims_file_passes_its_schema_file(tmp_path: Path) -> None:
    invoke("init", str(tmp_path))
    schema = json.loads((tmp_path / SCHEMA_FILE).read_text(encoding="utf-8"))
    data = yaml.safe_load((tmp_path / "claims.yaml").read_text(encoding="utf-8"))
    assert list(jsonschema.Draft202012Validator(schema).iter_errors(data)) == []
    assert (tmp_path / "claims.yaml").read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema={SCHEMA_FILE}\n")


@pytest.mark.parametrize("existing", WRITTEN)
def test_init_overwrites_nothing(tmp_path: Path, existing: str) -> None:
    (tmp_path / existing).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / existing).write_text("mine\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr == f"Error: {tmp_path / existing} already exists: init starts a new project and overwrites nothing (nothing was written)\n"
    assert files(tmp_path) == [existing]
    assert (tmp_path / existing).read_text(encoding="utf-8") == "mine\n"


def test_init_into_a_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    result = invoke("init", str(tmp_path / "notes.txt"))
    assert (result.exit_code, result.stderr) == (2, f"Error: {tmp_path / 'notes.txt'} is a file, not a folder\n")
