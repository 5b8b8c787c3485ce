"""The benchmark runs end to end at tiny sizes: a table on stdout, the same figures as JSON.
No test asserts a time: this machine's speed is not the code's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parent.parent / "benchmarks" / "run.py"


def test_the_benchmark_prints_its_table_and_writes_json(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "results.json"
    out.write_text(json.dumps({"machine": {"commit": "abc1234", "date": "then"}, "growth": [{"entries": 40, "later_run": {"seconds": 9.5}}]}))
    proc = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--sizes", "40,80", "--out", str(out)],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "| later run (from the cache) |" in proc.stdout
    assert "sentences/s" in proc.stdout
    assert "| 40 |" in proc.stdout and "| 80 |" in proc.stdout
    assert "In brackets: the previous run (abc1234, then)." in proc.stdout
    assert " (9.500) |" in proc.stdout  # the 40-entry later run beside the previous run's
    assert "Peer (`benchmarks/peer.py`" in proc.stdout and "as fast." in proc.stdout
    results = json.loads(out.read_text(encoding="utf-8"))
    assert results["repetitions"] == 1
    assert results["machine"]["cpu"] and results["machine"]["python"]
    assert results["cold_check"]["floor"]["seconds"] > 0
    assert set(results["scan"]) == {"all_cores", "one_core", "all_cores_every_verdict"}
    assert all(scan["sentences"] > 0 for scan in results["scan"].values())
    assert results["peer"]["sentences"] == results["scan"]["all_cores"]["sentences"]
    assert results["lsp"]["sentences"] == 200 and results["lsp"]["change_to_diagnostics_seconds"] > 0
    assert "Language server (`factcheck lsp` over stdio" in proc.stdout
    assert [g["entries"] for g in results["growth"]] == [40, 80]
    for g in results["growth"]:
        assert g["first_run"]["peak_mb"] > 0 and g["later_run"]["seconds"] > 0
    assert not (tmp_path / "cache").exists()  # the benchmark keeps its cache in its own folder
