"""Writing files the user asked for: atomically, and nowhere else."""

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterable


class WouldOverwrite(ValueError):
    """The output path is a file the ledger was read from."""


def write_output(path: str, text: str, read: Iterable[str] = ()) -> None:
    """Write `text` (UTF-8) to `path`, the way `-o` promises.

    Never onto a file in `read` (the ledger's own files, however named: through a
    symlink, `./`, `..`): that raises WouldOverwrite. A symlink is followed, so
    the link stays and its target gets the text. A regular file is replaced
    atomically and keeps its mode (and owner, where that can be kept); anything
    else (a terminal, a pipe, /dev/stdout, /dev/null) is written in place,
    never replaced. Raises OSError when the write fails, leaving no temporary
    file behind."""
    target = os.path.realpath(path)
    if target in {os.path.realpath(f) for f in read}:
        raise WouldOverwrite(path)
    try:
        info: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        # opened by its own name: /dev/stdout's real path is no path at all
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return
    write_atomically(target, text, info)


def write_atomically(path: str, text: str, info: os.stat_result | None = None) -> None:
    """Write `text` to a temporary file beside `path`, then move it into place:
    a reader never sees half a file, and a failure leaves `path` as it was.
    `info` is the existing file's stat, whose mode and owner the new one keeps.
    Raises OSError."""
    folder = os.path.dirname(os.path.abspath(path))
    if info is not None:
        mode = info.st_mode & 0o7777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{os.path.basename(path)}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, mode)
        if info is not None and (info.st_uid, info.st_gid) != (os.getuid(), os.getgid()):
            try:
                os.chown(tmp, info.st_uid, info.st_gid)
            except PermissionError:
                pass  # only root can give a file away; the mode is kept all the same
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
