"""The command line as a program: signals, output that cannot be written, and every error as its
one line and exit status, never a traceback (but with --debug)."""

from __future__ import annotations

import os
import signal
import sys

import click

from .app import EXIT_BROKEN_PIPE, EXIT_INTERRUPTED, EXIT_USAGE, cleaned, cli


def _interrupted(signum, frame) -> None:
    click.echo("factcheck: interrupted", err=True)
    sys.exit(EXIT_INTERRUPTED)


class OutputError(Exception):
    """Standard output could not be written: a full disk, a descriptor not open for writing."""


class _Output:
    """Standard output whose write failures are OutputError, told apart from any other OSError
    (which is a bug, an internal error). Everything else is the stream's own."""

    def __init__(self, stream):
        self.stream = stream

    def write(self, text: str) -> int:
        return self._named(self.stream.write, text)

    def flush(self) -> None:
        self._named(self.stream.flush)

    @staticmethod
    def _named(call, *args):
        try:
            return call(*args)
        except BrokenPipeError:  # the reader went away: not an error (see _run)
            raise
        except OSError as exc:
            raise OutputError(exc.strerror or str(exc)) from None

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def main() -> None:
    """Run the CLI: errors are one line and an exit code, never a traceback (but --debug)."""
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # a reader that went away ends us quietly
    signal.signal(signal.SIGINT, _interrupted)
    if sys.stdout is None:  # started with it closed (`>&-`): every command's output would vanish
        click.echo("Error: cannot write output: standard output is closed", err=True)
        sys.exit(EXIT_USAGE)
    stdout = sys.stdout
    sys.stdout = _Output(stdout)
    try:
        code = _run(debug="--debug" in sys.argv[1:])
    finally:
        sys.stdout = stdout
    sys.exit(code)


def _run(debug: bool) -> int | str:
    """The exit status of the command line, with every error shown as its one line."""
    try:
        code = _invoke()
        sys.stdout.flush()  # what is still buffered fails here, not as Python exits
    except click.UsageError as exc:
        where = exc.ctx.command_path if exc.ctx else "factcheck"
        click.echo(f"Error: {cleaned(exc.format_message())} (see '{where} --help')", err=True)
        code = exc.exit_code
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except (click.exceptions.Abort, KeyboardInterrupt):
        click.echo("factcheck: interrupted", err=True)
        code = EXIT_INTERRUPTED
    except BrokenPipeError:
        # the reader went away (factcheck scan ... | head): stop quietly
        _discard_output()
        code = EXIT_BROKEN_PIPE
    except OutputError as exc:
        _discard_output()
        click.echo(f"Error: cannot write output: {cleaned(str(exc))}", err=True)
        code = EXIT_USAGE
    except Exception as exc:  # noqa: BLE001 - the last line of defence
        if debug:
            raise
        click.echo(f"Error: internal error: {type(exc).__name__}: {cleaned(str(exc))} (run with --debug for the traceback)", err=True)
        code = EXIT_USAGE
    return code or 0


def _invoke() -> int | str | None:
    """The command's exit status, whether it returns or exits (sys.exit) with it (a message, exited with one)."""
    try:
        return cli.main(prog_name="factcheck", standalone_mode=False)
    except SystemExit as exc:
        return exc.code


def _discard_output() -> None:
    """Point standard output at /dev/null, so that what is still buffered is dropped when Python
    exits, instead of failing again as an "Exception ignored" message."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
