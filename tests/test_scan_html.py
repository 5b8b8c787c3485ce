"""`scan --format html`: one self-contained page, checked as written and in a real browser.

The browser tests need Chromium (Debian: `apt-get install chromium`; `.ci/run` installs it) and
are skipped, saying so, where none is installed. `FACTCHECK_SCREENSHOT=docs/scan-report.png`
makes the sample draft's test keep its screenshot there.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from browser import Browser, find_browser
from click.testing import CliRunner
from conftest import ASEAN_ENTRY, PATH_TO_THE_WORLD, write_corpus
from test_ci_output import workflow_commands

from factcheck.cli import cli
from factcheck.drafts.scan import Finding, Tally
from factcheck.engine.corpus import Corpus, bundled_claims
from factcheck.language.sentences import Sentence
from factcheck.render.html import html_report, text

SAMPLE = Path(__file__).parent / "data" / "sample.md"
BROWSER = find_browser()
needs_browser = pytest.mark.skipif(BROWSER is None, reason="no Chromium to drive: install Debian's chromium (apt-get install chromium) to run the browser tests")

MARKS = """[...document.querySelectorAll("mark")].map(m => [
    m.dataset.verdict, m.querySelector(".s").textContent, getComputedStyle(m).backgroundColor,
    getComputedStyle(m.querySelector(".tip")).display])"""


def report(folder: Path, *args: str) -> Path:
    """The page `scan --format html` writes for the drafts in `folder`, run from there."""
    cwd = os.getcwd()
    os.chdir(folder)
    try:
        result = CliRunner().invoke(cli, ["scan", "--claims", str(bundled_claims()), "--format", "html", *args], catch_exceptions=False)
    finally:
        os.chdir(cwd)
    assert result.exit_code in (0, 1), result.output
    page = folder / "report.html"
    page.write_text(result.stdout, encoding="utf-8")
    return page

DRAFT_AS_SHOWN = """(() => { const pre = document.querySelector("pre.draft").cloneNode(true);
    pre.querySelectorAll(".tip").forEach(tip => tip.remove()); return pre.textContent; })()"""


@pytest.fixture(scope="module")
def browser():
    if BROWSER is None:
        pytest.skip("no Chromium to drive: install Debian's chromium (apt-get install chromium) to run the browser tests")
    b = Browser(BROWSER)
    yield b
    b.close()


@pytest.mark.parametrize(
    "raw, escaped",
    [
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ('"><img src=x onerror=alert(1)>', "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"),
        ("it's & that", "it&#x27;s &amp; that"),
        ("::warning::x", "&#58;:warning&#58;:x"),  # the same characters to a browser, no command to a CI runner
        ("text ##[error]x", "text &#35;#[error]x"),
        ("bold\x1b[1m\u202eevil\x07", "boldevil"),  # escape sequences, bidi overrides, controls dropped
        ("two\r\nlines", "two\nlines"),
    ],
)
def test_text_is_escaped(raw, escaped):
    assert text(raw) == escaped


def test_the_page_is_self_contained_and_runs_no_script(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "sample.md")
    page = report(tmp_path, "sample.md").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>\n")
    assert "default-src 'none'" in page  # a Content-Security-Policy: nothing loaded, no script run
    assert not re.search(r"<script|<link|<img|src=|url\(|@import|https?:", page)
    assert re.findall(r'<mark class="(\w+)" id="(f\d+)"', page) == [("conflicting", "f1")]
    assert '<a href="#f1">sample.md:7:1</a> <span class="verdict">conflicting</span> The Republic of Korea joined that group in 2021.' in page


def test_summary_counts_every_verdict_reached(tmp_path):
    shutil.copy(SAMPLE, tmp_path / "sample.md")
    page = report(tmp_path, "sample.md").read_text(encoding="utf-8")
    assert "1 file, 10 sentences: 1 conflicting, 2 unverified (0 check-worthy), 7 supported." in page
    assert '<tr><td><a href="#d1">sample.md</a></td><td>1</td><td>2</td><td>0</td><td>7</td><td>10</td></tr>' in page


@needs_browser
def test_the_sample_report_in_a_real_browser(tmp_path, browser):
    shutil.copy(SAMPLE, tmp_path / "sample.md")
    page = report(tmp_path, "--show", "supported", "--show", "unverified", "sample.md")
    browser.open(page.as_uri() + "#f4")  # the conflict, as a link of the summary opens it
    marks = browser.evaluate(MARKS)
    assert [(verdict, sentence[:40]) for verdict, sentence, _, _ in marks] == [
        ("supported", "Prime Minister Pham Minh Chinh told an a"),
        ("supported", 'The "Four Nos" rule out military allianc'),
        ("supported", "Vietnam has comprehensive strategic part"),
        ("conflicting", "The Republic of Korea joined that group "),
        ("supported", "Total aid from socialist countries durin"),
        ("supported", "Vietnam joined Interpol in 1990 and sent"),
        ("supported", "Since then it has deployed over 1,100 ca"),
        ("supported", "Defence relations now reach more than 10"),
    ]
    colours = {verdict: colour for verdict, _, colour, _ in marks}
    assert len(set(colours.values())) == 2 and "rgba(0, 0, 0, 0)" not in colours.values()  # highlighted, by verdict
    assert [display for *_, display in marks] == ["none"] * 3 + ["block"] + ["none"] * 4  # only the linked one's tip
    tip = browser.evaluate('document.querySelector("#f4 .tip").innerText')
    assert "the claim says 2021; the source says 2022" in tip
    assert "sources/why-vietnam-does-not-take-sides.md:88" in tip
    assert "Russia (2012), India (2016), the Republic of Korea (2022)" in tip
    assert browser.evaluate('document.querySelector("#f1 .tip").innerText') != ""
    assert browser.errors == []
    shot = Path(os.environ.get("FACTCHECK_SCREENSHOT") or tmp_path / "scan-report.png")
    browser.screenshot(shot, full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@needs_browser
def test_hovering_a_sentence_shows_its_reason(tmp_path, browser):
    shutil.copy(SAMPLE, tmp_path / "sample.md")
    browser.open(report(tmp_path, "--show", "supported", "sample.md").as_uri())
    shown = 'getComputedStyle(document.querySelector("#f2 .tip")).display'
    assert browser.evaluate(shown) == "none"
    box = browser.evaluate('document.querySelector("#f2 .s").getClientRects()[0].toJSON()')
    x, y = box["x"] + 5, box["y"] + box["height"] / 2
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": x, "y": y})
    assert browser.evaluate(shown) == "block"
    assert "the claim says 4 nos" in browser.evaluate('document.querySelector("#f2 .tip").innerText')
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})
    assert browser.evaluate(shown) == "none"
    browser.send("Input.dispatchMouseEvent", {"type": "mousePressed", "x": x, "y": y, "button": "left", "clickCount": 1})
    browser.send("Input.dispatchMouseEvent", {"type": "mouseReleased", "x": x, "y": y, "button": "left", "clickCount": 1})
    browser.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})
    assert browser.evaluate(shown) == "block"  # clicked: it stays open without the mouse
    assert browser.errors == []


HOSTILE = (
    "# Notes <script>window.pwned = 1</script>\n\n"
    'Vietnam joined ASEAN in 1990. "><img src=x onerror="window.pwned = 2"> <script>window.pwned = 3</script>\n\n'
    "::warning::x and ##[error]y\n"
)


@needs_browser
def test_hostile_draft_text_and_file_name_stay_text(tmp_path, browser):
    name = '"><img src=x onerror=alert(1)><script>x()<\\script>.md'  # no "/" in a file name
    (tmp_path / name).write_text(HOSTILE, encoding="utf-8")
    page = report(tmp_path, "--show", "unverified", name)
    html = page.read_text(encoding="utf-8")
    assert "<script" not in html and "<img" not in html
    assert workflow_commands(html) == []
    browser.open(page.as_uri())
    assert browser.evaluate('document.querySelectorAll("script, img, [onerror]").length') == 0
    assert browser.evaluate("typeof window.pwned") == "undefined"
    assert [(verdict, sentence) for verdict, sentence, *_ in browser.evaluate(MARKS)] == [
        ("unverified", "Notes <script>window.pwned = 1"),  # the draft as written: the tag is text
        ("conflicting", "Vietnam joined ASEAN in 1990."),
        ("unverified", '"><img src=x onerror="window.pwned = 2"> <script>window.pwned = 3'),
    ]
    assert browser.evaluate(DRAFT_AS_SHOWN) == HOSTILE  # as written, markup, "::" and "##[" included
    assert browser.evaluate('document.querySelector("h2#d1").textContent') == name
    assert browser.errors == []


def test_sentences_are_found_in_drafts_with_crlf_a_bom_and_wide_characters(tmp_path):
    (tmp_path / "d.md").write_bytes("\ufeff# Điện Biên Phủ 🇻🇳\r\n\r\n漢字 text. Vietnam joined ASEAN in 1990.\r\n".encode())
    page = report(tmp_path, "d.md").read_text(encoding="utf-8")
    assert re.findall(r'<mark class="(\w+)" id="f1"[^>]*><span class="s">([^<]*)</span>', page) == [
        ("conflicting", "Vietnam joined ASEAN in 1990.")]
    assert "<pre class=\"draft\"># Điện Biên Phủ 🇻🇳\n\n漢字 text. <mark" in page


def test_every_finding_keeps_its_link_target(tmp_path):
    corpus = Corpus.load(write_corpus(tmp_path, ASEAN_ENTRY, {"doc": PATH_TO_THE_WORLD}))
    result = corpus.checker.check("Vietnam joined ASEAN in 1990.")
    whole = Finding("d.md", Sentence("Vietnam joined ASEAN in 1990.", 1, 1, 1, 29), result)
    inside = Finding("d.md", Sentence("ASEAN in 1990.", 1, 16, 1, 29), result)  # overlapping it
    page = html_report(corpus, [whole, inside], {"d.md": Tally(1, conflicting=1)}, {"d.md": "Vietnam joined ASEAN in 1990.\n"})
    assert re.findall(r'id="(f\d+)"', page) == ["f1", "f2"]
    assert page.count("<mark") == 1
    assert 'href="#f2"' in page


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash to run .ci/run's lines")
@pytest.mark.parametrize("has_chromium, has_apt, calls", [
    (False, True, ["update -qq", "install -y -qq chromium"]),
    (True, True, []),  # installed: nothing to do
    (False, False, []),  # no apt-get: the browser tests are skipped
])
def test_ci_installs_chromium_only_when_missing(tmp_path, has_chromium, has_apt, calls):
    ci = Path(__file__).parent.parent / ".ci" / "run"
    if not ci.exists():
        pytest.skip("not a checkout: no .ci folder")
    lines = ci.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "command -v chromium" in line)
    block = "\n".join(lines[start : lines.index("fi", start) + 1])
    stubs = tmp_path / "bin"
    stubs.mkdir()
    log = tmp_path / "apt.log"
    for name, present in (("chromium", has_chromium), ("apt-get", has_apt)):
        if present:
            (stubs / name).write_text(f'#!/bin/sh\necho "$*" >> {log}\n', encoding="utf-8")
            (stubs / name).chmod(0o755)
    done = subprocess.run([shutil.which("bash"), "-c", "set -euo pipefail\n" + block], env={"PATH": str(stubs)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert (log.read_text(encoding="utf-8").splitlines() if log.exists() else []) == calls
