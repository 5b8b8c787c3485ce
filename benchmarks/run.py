"""How fast factcheck is, measured in fresh processes as a user runs it (issue #5).

    python benchmarks/run.py                  # default sizes: 1,000, 10,000, 100,000 and 300,000 entries
    python benchmarks/run.py --million        # and 1,000,000 entries (an hour more)
    python benchmarks/run.py --sizes 1000,10000 --reps 7
    python benchmarks/run.py --quick          # tiny sizes, one repetition: a smoke test

Prints a Markdown table, each figure beside the one of the previous run (read from the JSON
file before it is replaced), and writes the figures as JSON (benchmarks/results.json unless
--out says otherwise). Every figure is the median of --reps fresh processes. Inputs (a draft,
large claims files) are generated into a temporary folder, and so is the cache: the user's own
cache is never touched. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import generate  # noqa: E402 - the benchmark's own helper, beside this file

CLAIM = "Vietnam joined ASEAN on 28 July 1995"
FLOOR = "import click, rich.console, yaml, rapidfuzz.process"
DEFAULT_SIZES = (1_000, 10_000, 100_000, 300_000)
MILLION = 1_000_000  # opt-in (--million): generating and building it takes most of an hour
ONE_FIRST_RUN_FROM = 300_000  # a first run this large takes minutes: it is timed once, not --reps times
QUICK_SIZES = (300, 600)
# Not passed on to the processes measured: the bench's own cache settings, and a setting that
# would make Python compile factcheck's code afresh in every process (an installed factcheck
# has its bytecode compiled; 40 ms of a 100 ms check otherwise).
UNSET = ("FACTCHECK_CACHE_DIR", "FACTCHECK_NO_CACHE", "PYTHONDONTWRITEBYTECODE")
SCANS = {  # label: options of `factcheck scan`
    "all_cores": [],
    "one_core": ["--jobs", "1"],
    "all_cores_every_verdict": ["--show", "supported", "--show", "unverified"],
}


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # still remove the temporary folder
    sizes = QUICK_SIZES if args.quick and not args.sizes else args.sizes or DEFAULT_SIZES
    if args.million and MILLION not in sizes:
        sizes = (*sizes, MILLION)
    reps = args.reps or (1 if args.quick else 5)
    sentences = 200 if args.quick else 10_000
    growth_sentences = 50 if args.quick else 500
    lsp_sentences = 200 if args.quick else 2_000
    from factcheck.engine.corpus import bundled_claims

    bundled = bundled_claims()
    out = Path(args.out)
    prev = previous(out)  # read before this run writes its own, as it goes
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as tmp:
        bench = Bench(Path(tmp), reps)
        results = {"machine": machine(), "repetitions": reps}
        steps = {
            "cold_check": lambda: bench.cold_check(bundled),
            "scan": lambda: bench.scan(bundled, sentences),
            "peer": lambda: bench.peer(bundled, sentences),
            "lsp": lambda: bench.lsp(bundled, lsp_sentences),
        }
        for key, step in steps.items():
            results[key] = step()
            _write(out, results)  # a run stopped in the middle keeps what it measured
        results["growth"] = []
        for n in sizes:
            results["growth"].append(bench.growth_or_failure(bundled, n, growth_sentences))
            _write(out, results)
    print(render(results, prev))
    print(f"\n(figures written to {out})", file=sys.stderr)
    return 0


def _write(out: Path, results: dict) -> None:
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="tiny sizes and one repetition (a smoke test)")
    parser.add_argument("--sizes", type=_sizes, help="claims file sizes in entries, comma-separated (default 1000,10000,100000)")
    parser.add_argument("--million", action="store_true", help=f"add {MILLION:,} entries to the sizes")
    parser.add_argument("--reps", type=int, help="fresh processes per figure (default 5; 1 with --quick)")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parent / "results.json"), help="where to write the JSON")
    return parser.parse_args(argv)


def _sizes(text: str) -> tuple[int, ...]:
    try:
        sizes = tuple(int(s.replace("_", "")) for s in text.split(",") if s.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected numbers separated by commas, got {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sizes


class Bench:
    """Runs commands in fresh processes, with a private cache folder."""

    def __init__(self, tmp: Path, reps: int):
        self.tmp = tmp
        self.reps = reps
        self.cwd = tmp / "cwd"  # no claims.yaml here or above: the bundled claims file is used
        self.cwd.mkdir()
        self.cache = tmp / "cache"
        self.factcheck = _factcheck_command()

    def run(self, args: list[str], cache: Path | None = None, ok=(0, 1, 3)) -> dict:
        """One fresh process: wall time, peak memory of the child, and what it wrote to stderr.
        `cache`: the cache folder (default: the bench's own), or False for none."""
        env = {k: v for k, v in os.environ.items() if k not in UNSET}
        env["XDG_CACHE_HOME"] = str(self.tmp / "user-cache")  # where the cache's key is kept (Linux)
        if cache is False:
            env["FACTCHECK_NO_CACHE"] = "1"
        else:
            env["FACTCHECK_CACHE_DIR"] = str(cache or self.cache)
        with open(self.tmp / "out", "wb") as out, open(self.tmp / "err", "wb") as err:
            start = time.perf_counter()
            proc = subprocess.Popen(args, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=self.cwd, env=env)
            _, status, usage = os.wait4(proc.pid, 0)
            seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        stderr = (self.tmp / "err").read_text(encoding="utf-8", errors="replace")
        if proc.returncode not in ok:
            raise SystemExit(f"{' '.join(args)} exited {proc.returncode}:\n{stderr}")
        return {"seconds": seconds, "peak_mb": usage.ru_maxrss / 1024, "stderr": stderr}

    def repeat(self, args: list[str], cache=None, fresh_cache: bool = False, reps: int | None = None, ok=(0, 1, 3)) -> dict:
        """The median of `reps` runs (default: the bench's); with fresh_cache, each run starts
        from an empty cache."""
        runs = []
        for i in range(reps or self.reps):
            folder = cache
            if fresh_cache:
                folder = self.tmp / f"fresh-cache-{i}"
                shutil.rmtree(folder, ignore_errors=True)
            runs.append(self.run(args, folder, ok=ok))
            if fresh_cache:
                shutil.rmtree(folder, ignore_errors=True)
        return {
            "seconds": statistics.median(r["seconds"] for r in runs),
            "peak_mb": statistics.median(r["peak_mb"] for r in runs),
            "runs": [round(r["seconds"], 4) for r in runs],
            "stderr": runs[-1]["stderr"],
        }

    def cold_check(self, bundled: Path) -> dict:
        say("cold check with the bundled claims")
        check = [*self.factcheck, "check", "--format", "json", CLAIM]
        floor = self.repeat([sys.executable, "-c", FLOOR])
        no_cache = self.repeat(check, cache=False)
        first = self.repeat(check, fresh_cache=True)
        self.run(check)  # fills the cache for the runs after it
        later = self.repeat(check)
        for run in (floor, no_cache, first, later):
            run.pop("stderr")
        return {
            "claim": CLAIM, "claims_file": str(bundled), "entries": _entries(bundled),
            "floor": floor, "no_cache": no_cache, "first_run": first, "later_run": later,
            "later_vs_floor": later["seconds"] / floor["seconds"],
        }

    def scan(self, bundled: Path, sentences: int) -> dict:
        """The scan as a user runs it (on every core), on one core where --jobs exists, and
        reporting every verdict (a scan that reports only conflicts skips ranking the
        candidates of sentences no entry could decide)."""
        draft = generate.write_draft(bundled, self.tmp / "draft.md", sentences)
        out = {}
        for label, options in SCANS.items():
            if "--jobs" in options and "--jobs" not in self.scan_help():
                continue
            say(f"scan of a {sentences:,}-sentence draft with the bundled claims ({label.replace('_', ' ')})")
            args = [*self.factcheck, "scan", *options, "--format", self.scan_format(), str(draft)]
            result = self.repeat(args)  # the cache is filled: the cold check used the same claims
            counted = _sentences_scanned(result.pop("stderr"))
            result.update(sentences=counted, format=self.scan_format(), options=options, sentences_per_second=counted / result["seconds"])
            out[label] = result
        return out

    def scan_help(self) -> str:
        return subprocess.run([*self.factcheck, "scan", "--help"], capture_output=True, text=True, cwd=self.cwd).stdout

    def scan_format(self) -> str:
        """jsonl where `factcheck scan` has it (one finding a line, streamed), else json."""
        return "jsonl" if "jsonl" in self.scan_help() else "json"

    def peer(self, bundled: Path, sentences: int) -> dict:
        """A naive peer on the scan's draft: rapidfuzz's best match for each sentence among the
        bundled sources' sentences, one process, no verdict (benchmarks/peer.py)."""
        say(f"peer: rapidfuzz over the sources, the same {sentences:,}-sentence draft")
        draft = self.tmp / "draft.md"  # written by scan()
        if not draft.exists():
            generate.write_draft(bundled, draft, sentences)
        result = self.repeat([sys.executable, str(Path(__file__).resolve().parent / "peer.py"), str(bundled), str(draft)], ok=(0,))
        counted = _sentences_scanned(result.pop("stderr"))
        return dict(result, sentences=counted, sentences_per_second=counted / result["seconds"])

    def lsp(self, bundled: Path, sentences: int) -> dict:
        """`factcheck lsp` as an editor drives it, over stdio: the time from opening a draft to
        its diagnostics (the first run checks every sentence), then from each change (one
        sentence's figure edited, as a writer does) to the diagnostics of that version; the
        latter includes the server's pause for more keystrokes (DEBOUNCE_SECONDS)."""
        import asyncio

        from factcheck.lsp.server import DEBOUNCE_SECONDS

        say(f"language server: a {sentences:,}-sentence draft, opened, then {self.reps} edits")
        draft = generate.write_draft(bundled, self.tmp / "lsp-draft.md", sentences, seed=14)
        opened, changes, diagnostics = asyncio.run(self._lsp_session(draft.read_text(encoding="utf-8"), draft))
        return {
            "sentences": sentences, "debounce_seconds": DEBOUNCE_SECONDS,
            "open_to_diagnostics_seconds": opened,
            "change_to_diagnostics_seconds": statistics.median(changes),
            "runs": [round(c, 4) for c in changes], "diagnostics": diagnostics,
        }

    async def _lsp_session(self, text: str, draft: Path) -> tuple[float, list[float], int]:
        import asyncio

        from lsprotocol import types
        from pygls.lsp.client import LanguageClient

        client = LanguageClient("factcheck-benchmark", "1")
        published: dict[int, asyncio.Future] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
            waiting = published.get(params.version)
            if waiting is not None and not waiting.done():
                waiting.set_result(len(params.diagnostics))

        env = {k: v for k, v in os.environ.items() if k not in UNSET}
        env.update(XDG_CACHE_HOME=str(self.tmp / "user-cache"), FACTCHECK_CACHE_DIR=str(self.cache))
        await client.start_io(*self.factcheck, "lsp", cwd=str(self.cwd), env=env)
        await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
        client.initialized(types.InitializedParams())
        uri = draft.as_uri()
        loop = asyncio.get_running_loop()

        async def until(version: int, send) -> tuple[float, int]:
            published[version] = loop.create_future()
            start = time.perf_counter()
            send()
            count = await asyncio.wait_for(published[version], 600)
            return time.perf_counter() - start, count

        opened, count = await until(1, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text))))
        lines = text.split("\n")
        middle = next(i for i in range(len(lines) // 2, len(lines)) if re.search(r"\d", lines[i]))
        column = re.search(r"\d", lines[middle]).start()
        changes = []
        for version in range(2, self.reps + 2):
            edit = types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(middle, column), types.Position(middle, column + 1)), text=str(version % 10))
            seconds, _ = await until(version, lambda: client.text_document_did_change(types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(uri=uri, version=version), [edit])))
            changes.append(seconds)
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()
        return opened, changes, count

    def growth_or_failure(self, bundled: Path, entries: int, sentences: int) -> dict:
        """growth(), or what went wrong: a size too large for the machine does not lose the
        figures of the others."""
        try:
            return self.growth(bundled, entries, sentences)
        except SystemExit as exc:
            say(f"{entries:,} entries failed: {exc}")
            shutil.rmtree(self.tmp / f"claims-{entries}", ignore_errors=True)
            return {"entries": entries, "failed": str(exc)[:2000]}

    def growth(self, bundled: Path, entries: int, sentences: int) -> dict:
        say(f"{entries:,} entries: generating")
        folder = self.tmp / f"claims-{entries}"
        path = generate.write_claims(bundled, folder, entries)
        draft = generate.write_draft(bundled, folder / "draft.md", sentences, seed=entries)
        check = [*self.factcheck, "check", "--claims", str(path), "--format", "json", CLAIM]
        # on one core: the cost of a sentence, not how it is shared out
        jobs = ["--jobs", "1"] if "--jobs" in self.scan_help() else []
        scan = [*self.factcheck, "scan", *jobs, "--claims", str(path), "--format", self.scan_format(), str(draft)]
        cache = self.tmp / f"cache-{entries}"
        say(f"{entries:,} entries: first runs (empty cache)")
        if entries >= ONE_FIRST_RUN_FROM:  # timed once, and its cache is the one the later runs read
            shutil.rmtree(cache, ignore_errors=True)
            first = self.repeat(check, cache, reps=1)
        else:
            first = self.repeat(check, fresh_cache=True)
            self.run(check, cache)
        say(f"{entries:,} entries: later runs (cache filled)")
        later = self.repeat(check, cache)
        first.pop("stderr")
        later.pop("stderr")
        scanned = self.repeat(scan, cache)
        counted = _sentences_scanned(scanned.pop("stderr"))
        size = path.stat().st_size
        shutil.rmtree(folder, ignore_errors=True)
        return {
            "entries": entries,
            "claims_mb": round(size / 1e6, 1),
            "first_run": first,
            "later_run": later,
            "scan": dict(scanned, sentences=counted),
            "scan_ms_per_sentence": 1000 * max(scanned["seconds"] - later["seconds"], 0.0) / max(counted, 1),
        }


def machine() -> dict:
    from importlib.metadata import version

    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "factcheck": version("factcheck"),
        "commit": _commit(),
        "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
    }


def previous(path: Path) -> dict | None:
    """The figures of the run before, to print beside this run's; None when there are none."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _get(r: dict | None, *keys):
    """r[k1][k2]..., or None where the older run did not measure it."""
    for k in keys:
        if not isinstance(r, (dict, list)):
            return None
        try:
            r = r[k]
        except (KeyError, IndexError, TypeError):
            return None
    return r


def _was(value: float, before, fmt: str) -> str:
    """A figure with the previous run's beside it: "0.150 (0.142)"."""
    text = format(value, fmt)
    return f"{text} ({format(before, fmt)})" if isinstance(before, (int, float)) else text


def render(r: dict, prev: dict | None = None) -> str:
    """The results as Markdown: the machine, then one table per measurement, each figure with
    the previous run's in brackets where it measured the same."""
    m, c = r["machine"], r["cold_check"]
    pm = _get(prev, "machine") or {}
    lines = [
        f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}; factcheck {m['factcheck']}"
        + (f" ({m['commit']})" if m["commit"] else "") + f"; {m['date']}; median of {r['repetitions']} fresh processes.",
        f"In brackets: the previous run ({pm.get('commit') or 'unknown commit'}, {pm.get('date', '?')})." if prev else "No previous run to compare with.",
        "",
        f"Cold check (`factcheck check --format json \"{c['claim']}\"`, bundled claims, {c['entries']} entries):",
        "",
        "| run | seconds | × floor | peak MB |",
        "| --- | ---: | ---: | ---: |",
    ]
    floor = c["floor"]["seconds"]
    prev_floor = _get(prev, "cold_check", "floor", "seconds")
    for label, key in (("floor: `python -c \"" + FLOOR + "\"`", "floor"), ("no cache (FACTCHECK_NO_CACHE=1)", "no_cache"),
                       ("first run (empty cache: builds and stores it)", "first_run"), ("later run (from the cache)", "later_run")):
        run, before = c[key], _get(prev, "cold_check", key) or {}
        ratio = before.get("seconds") / prev_floor if before.get("seconds") and prev_floor else None
        lines.append(f"| {label} | {_was(run['seconds'], before.get('seconds'), '.3f')} | {_was(run['seconds'] / floor, ratio, '.2f')} "
                     f"| {_was(run['peak_mb'], before.get('peak_mb'), '.0f')} |")
    lines.append("")
    for label, s in r["scan"].items():
        options = "".join(f" {o}" for o in s.get("options", SCANS.get(label, [])))
        lines.append(
            f"Scan, {label.replace('_', ' ')}: {s['sentences']:,} sentences (`factcheck scan{options} --format {s['format']}`, "
            f"bundled claims, from the cache) in {_was(s['seconds'], _get(prev, 'scan', label, 'seconds'), '.2f')} s: "
            f"**{_was(s['sentences_per_second'], _get(prev, 'scan', label, 'sentences_per_second'), ',.0f')} sentences/s**, "
            f"peak {_was(s['peak_mb'], _get(prev, 'scan', label, 'peak_mb'), '.0f')} MB (whole process, start-up included)."
        )
    if "peer" in r:
        pe = r["peer"]
        ours = _get(r, "scan", "all_cores", "sentences_per_second")
        lines.append(
            f"Peer (`benchmarks/peer.py`: rapidfuzz's best match among the bundled sources' sentences, no verdict), the same draft: "
            f"{_was(pe['seconds'], _get(prev, 'peer', 'seconds'), '.2f')} s, "
            f"{_was(pe['sentences_per_second'], _get(prev, 'peer', 'sentences_per_second'), ',.0f')} sentences/s"
            + (f"; the scan on every core is **{ours / pe['sentences_per_second']:.1f}×** as fast." if ours else ".")
        )
    if "lsp" in r:
        ls = r["lsp"]
        lines.append(
            f"Language server (`factcheck lsp` over stdio, bundled claims): a {ls['sentences']:,}-sentence draft, "
            f"opened to its diagnostics in {_was(ls['open_to_diagnostics_seconds'], _get(prev, 'lsp', 'open_to_diagnostics_seconds'), '.2f')} s; "
            f"a change to its diagnostics **{_was(ls['change_to_diagnostics_seconds'], _get(prev, 'lsp', 'change_to_diagnostics_seconds'), '.3f')} s** "
            f"(median of {len(ls['runs'])}; {ls['debounce_seconds']} s of it the pause for more keystrokes)."
        )
    lines += [
        "",
        "Growth (generated claims files; check as above; scan of a draft on one core with the cache filled):",
        "",
        "| entries | claims file MB | first run s | first run ms / 1,000 entries | first run peak MB "
        "| later run s | later run × floor | later run peak MB | scan ms / sentence |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    before_growth = {g.get("entries"): g for g in _get(prev, "growth") or []}
    for g in r["growth"]:
        if "failed" in g:
            lines.append(f"| {g['entries']:,} | failed: {g['failed'].splitlines()[-1][:120] if g['failed'] else '?'} |")
            continue
        b = before_growth.get(g["entries"])
        b = None if b is None or "failed" in b else b
        first, later = g["first_run"]["seconds"], g["later_run"]["seconds"]
        lines.append(
            f"| {g['entries']:,} | {g['claims_mb']} | {_was(first, _get(b, 'first_run', 'seconds'), '.2f')} "
            f"| {_was(1e6 * first / g['entries'], _ratio(_get(b, 'first_run', 'seconds'), g['entries'] / 1e6), '.0f')} "
            f"| {_was(g['first_run']['peak_mb'], _get(b, 'first_run', 'peak_mb'), '.0f')} "
            f"| {_was(later, _get(b, 'later_run', 'seconds'), '.3f')} "
            f"| {_was(later / floor, _ratio(_get(b, 'later_run', 'seconds'), prev_floor), '.2f')} "
            f"| {_was(g['later_run']['peak_mb'], _get(b, 'later_run', 'peak_mb'), '.0f')} "
            f"| {_was(g['scan_ms_per_sentence'], _get(b, 'scan_ms_per_sentence'), '.2f')} |"
        )
    done = [g for g in r["growth"] if "failed" not in g]
    if len(done) > 1 and done[0]["scan_ms_per_sentence"] > 0:
        lines += ["", "Scan cost per sentence beside the smallest size's: " + ", ".join(
            f"{g['entries']:,}: {g['scan_ms_per_sentence'] / done[0]['scan_ms_per_sentence']:.1f}×" for g in done[1:]) + "."]
    return "\n".join(lines)


def _ratio(a, b) -> float | None:
    return a / b if isinstance(a, (int, float)) and isinstance(b, (int, float)) and b else None


def say(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def _factcheck_command() -> list[str]:
    """The `factcheck` script of this Python's environment, else `python -m factcheck`."""
    script = shutil.which("factcheck", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "factcheck"]


def _entries(path: Path) -> int:
    from factcheck.claimsfile.claims import load_claims

    return len(load_claims(path).entries)


def _sentences_scanned(stderr: str) -> int:
    """`factcheck scan` ends with a summary on stderr: "... N sentences: ..."."""
    m = re.search(r"([\d,]+) sentences?\b", stderr)
    if not m:
        raise SystemExit(f"no sentence count in the scan's summary:\n{stderr}")
    return int(m.group(1).replace(",", ""))


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _commit() -> str:
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=Path(__file__).parent, timeout=10)
        return out.stdout.strip() if out.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


if __name__ == "__main__":
    sys.exit(main())
