"""`careerledger` and `python -m careerledger`: the command, with the process
set up so that no signal, pipe or stream becomes a traceback."""

import errno
import io
import os
import signal
import sys


def run() -> None:
    # Ctrl-C during start-up (the imports below) ends the process quietly with
    # 130, as a shell expects; a reader that stops (`| head`) ends it quietly too.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    # A stream the shell closed (`careerledger check >&-`) is None in Python:
    # writing to it must be the one "cannot write" message, not a traceback.
    if sys.stdout is None:
        sys.stdout = _Closed()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w")  # noqa: SIM115  # nowhere left to report to
    from .cli import main
    from .cli.streams import forgiving_streams

    forgiving_streams()
    # From here Ctrl-C raises Interrupted, so that a file being written
    # atomically is cleaned up on the way out (click would turn a
    # KeyboardInterrupt into "Aborted!" and exit 1).
    signal.signal(signal.SIGINT, _interrupted)
    status = 0
    try:
        main(prog_name="careerledger")
        sys.stdout.flush()
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except (KeyboardInterrupt, Interrupted):
        status = 130
    except OSError as e:  # writing the output failed: a full disk under `> file`, /dev/full
        status = _failed_output(e)
    if status != 130:
        try:
            sys.stdout.flush()
        except OSError as e:
            status = _failed_output(e) if status == 0 else status
    sys.exit(status)


class _Closed(io.TextIOBase):
    """Standard output the shell closed: every write fails as writing to fd 1 would."""

    encoding = "utf-8"

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")


class Interrupted(BaseException):
    """Ctrl-C, while the command works."""


def _interrupted(signum: int, frame: object) -> None:
    raise Interrupted


def _failed_output(error: OSError) -> int:
    try:
        sys.stderr.write(f"careerledger: cannot write the output: {error.strerror or error}\n")
        sys.stderr.flush()
    except OSError:
        pass
    # what could not be written is dropped, or the interpreter would try to
    # flush it again at exit and fail noisily
    try:
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115
    except OSError:
        pass
    return 1


if __name__ == "__main__":
    run()
