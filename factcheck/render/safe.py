"""Untrusted text made safe for a terminal and for a CI log.

Claims, source files and claims files come from anyone: an escape sequence in them could
recolour, hide or rewrite what the checker prints (a fake verdict, a hyperlink, a cleared
screen), and a bidi override could show "2012" as "2102". Everything a renderer prints from
input goes through `clean`, and is printed as rich `Text`, never parsed as markup.

A CI log is read by a machine too: GitHub Actions takes a line of a job's output for a workflow
command when it starts with "::" after any white space (`::add-mask::x`, `::error::x`), or holds
"##[" anywhere (the older form, `##[warning]x`). Text output wraps at the console's width, so a
word of input can start any line: `clean` breaks every "::" and "##[" of input with a space,
which a reader sees and the runner ignores.
"""

from __future__ import annotations

import re

# Whole escape sequences, dropped: 7-bit (ESC ...) and 8-bit (C1) forms. Each alternative is
# linear: its runs exclude every character that starts a sequence, so no text is scanned twice.
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves, erasing
    r"|(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])"  # OSC, DCS, SOS, PM, APC: links, titles
    r"[^\x07\x1b\x90\x98\x9b-\x9f]*(?:\x07|\x1b\\|\x9c)"  # ... up to BEL or ST
    r"|\x1b[!-/]*[0-~]"  # other escapes: charsets, cursor save, full reset
)
_BIDI = [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]  # embeddings, overrides, isolates
_BREAKS = "\t\n\r\x0b\x0c\x85\u2028\u2029"
_CONTROLS = [*range(0x00, 0x20), 0x7F, *range(0x80, 0xA0)]

# Lone surrogates are undecodable bytes kept by Python (arguments, a UTF-8-mode stdin): written
# out, they become those raw bytes again, 0x9b (an 8-bit CSI) among them.
_SURROGATES = range(0xD800, 0xE000)

_DROP = {cp: None for cp in (*_CONTROLS, *_BIDI)} | {cp: "\ufffd" for cp in _SURROGATES}
_ONE_LINE = _DROP | {ord(c): " " for c in _BREAKS}
_LINES = _DROP | {ord(c): "\n" for c in _BREAKS} | {ord("\t"): "\t"}

# The first character of each workflow-command marker: ":" of "::", "#" of "##[".
_COMMAND_MARKER = re.compile(r":(?=:)|#(?=#\[)")


def plain(text: str, keep_lines: bool = False) -> str:
    """Text without escape sequences or control characters, in linear time.

    Line breaks and tabs become spaces, so one value stays on one line; with `keep_lines`,
    tabs stay and every line break (CR and CRLF included) becomes a newline.
    """
    text = _SEQUENCE.sub("", text)
    if keep_lines:
        return text.replace("\r\n", "\n").translate(_LINES)
    return text.translate(_ONE_LINE)


def clean(text: str, keep_lines: bool = False) -> str:
    """`plain` text that cannot form a workflow command: "::" becomes ": :" and "##[" "# #[".

    Markers are broken after controls are dropped, which could otherwise join one (":\\a:").
    """
    return _COMMAND_MARKER.sub(r"\g<0> ", plain(text, keep_lines))
