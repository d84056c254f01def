"""Writing an output file the way a user means it: ``--jsonl PATH`` and ``export -o PATH``.

* A regular file (or a new one) is written whole or not at all: the text goes to a temporary
  file in the target's own folder (so the rename cannot cross file systems) and replaces the
  target when complete. An interrupted or failed run leaves the older file as it was.
* Anything else is written to directly: a FIFO's reader, a terminal, ``/dev/stdout``, a
  device. Replacing those with a regular file is what a rename would do, and as root it
  would replace ``/dev/null`` for the whole system.
* A symbolic link is followed: its target is written (or replaced), the link stays a link.
* A path naming a file this process holds open (``/dev/stdout`` after ``> out.jsonl``,
  ``/dev/fd/N``) is written to, appending, like the shell's redirection means.
* "-" is standard output.

No temporary file is left behind, even by ``kill -9``. On Linux the temporary file is opened
with ``O_TMPFILE``: it has no name until it is complete, so a killed process leaves nothing
(the kernel frees it), and it is then linked under a short-lived name and renamed over the
target. Where ``O_TMPFILE`` is not supported (another OS, some network file systems) the
temporary file is named ``.<target>.<pid>.<random>.quotes-tmp``: it is removed on SIGINT,
SIGTERM (the CLI turns both into exceptions) and errors, and after a ``kill -9`` the next
run writing the same target removes the ones whose process is gone.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

STDOUT = "-"
TMP_SUFFIX = ".quotes-tmp"


class OutputFile:
    """A text output to ``target``: write, then ``commit()`` (the file appears) or ``discard()``.

    ``encoding`` "utf-8-sig" writes a byte-order mark first. Newlines are written as given.
    Raises OSError (IsADirectoryError for a folder) when the target cannot be written.
    """

    def __init__(self, target: str | os.PathLike[str], *, encoding: str = "utf-8") -> None:
        self.target = os.fspath(target)
        self._tmp_fd: int | None = None  # an O_TMPFILE file: no name yet
        self._tmp_name: str | None = None  # a named temporary file
        self._real = ""
        self._mode = 0
        if self.target == STDOUT:
            self.stream: IO[str] = _stdout(encoding)
            self.atomic = False
            return
        # realpath follows a chain of links, and gives where a dangling link points.
        self._real = os.path.realpath(self.target)
        try:
            info: os.stat_result | None = os.stat(self.target)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a folder", self.target)
        # /dev/stdout, /dev/fd/N, /proc/PID/fd/N name a file this process holds open (a shell's
        # "> out" or ">> log"), not a folder entry to replace: written to, appending.
        # Checked on the path as given too: /dev/stdout resolves to the redirected file's name.
        opened = any(p.startswith(("/proc/", "/dev/")) for p in (os.path.abspath(self.target), self._real))
        self.atomic = not opened and (info is None or stat.S_ISREG(info.st_mode))
        if not self.atomic:
            flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0)  # a terminal must not become this process's
            if info is not None and stat.S_ISREG(info.st_mode):
                flags |= os.O_APPEND
            fd = os.open(self.target, flags)  # the path as given: the kernel follows /proc's links
            self.stream = os.fdopen(fd, "w", encoding=encoding, newline="")
            return
        self._mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
        folder = os.path.dirname(self._real) or "."
        _remove_stale(folder, os.path.basename(self._real))
        self._tmp_fd = _unnamed_file(folder)
        if self._tmp_fd is not None:
            fd = self._tmp_fd
        else:
            fd, self._tmp_name = _named_file(folder, os.path.basename(self._real))
        self.stream = os.fdopen(fd, "w", encoding=encoding, newline="")

    def write(self, text: str) -> int:
        return self.stream.write(text)

    def commit(self) -> None:
        """Make the output complete: flush it, and for a file put it in place of the target."""
        if not self.atomic:
            self.stream.flush()
            if self.target != STDOUT:
                self.stream.close()
            return
        if self.stream.closed:
            return
        self.stream.flush()
        fd = self.stream.fileno()
        os.fsync(fd)  # the rename must not reach the disk before the data (a crash would leave it empty)
        os.fchmod(fd, self._mode)  # a temporary file is private; the output is an ordinary file
        try:
            if self._tmp_fd is not None:
                self._tmp_name = _name_for(fd, os.path.dirname(self._real) or ".", os.path.basename(self._real))
            assert self._tmp_name is not None
            os.replace(self._tmp_name, self._real)
            self._tmp_name = None
        finally:
            self.discard()

    def discard(self) -> None:
        """Give the output up: a file target keeps its former content (or stays absent)."""
        if not self.atomic:
            if self.target != STDOUT and not self.stream.closed:
                with contextlib.suppress(OSError):
                    self.stream.close()
            return
        with contextlib.suppress(OSError):
            self.stream.close()  # an O_TMPFILE file vanishes with its last descriptor
        if self._tmp_name is not None:
            with contextlib.suppress(OSError):
                os.unlink(self._tmp_name)
            self._tmp_name = None

    def __enter__(self) -> IO[str]:
        return self.stream

    def __exit__(self, exc_type: object, *_: object) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


@contextlib.contextmanager
def written(target: str | os.PathLike[str], *, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """``with written(path) as f: f.write(...)``: the output is complete when the block ends
    without an exception (KeyboardInterrupt included), untouched otherwise."""
    output = OutputFile(target, encoding=encoding)
    try:
        yield output.stream
    except BaseException:
        output.discard()
        raise
    output.commit()


def _stdout(encoding: str) -> IO[str]:
    stream = sys.stdout
    if encoding.startswith("utf-8") and (getattr(stream, "encoding", None) or "").lower().replace("-", "") != "utf8":
        # The contract is UTF-8, whatever the console's code page.
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
    if encoding == "utf-8-sig":
        stream.write("\ufeff")
    return stream


def _unnamed_file(folder: str) -> int | None:
    """An O_TMPFILE descriptor in ``folder`` (Linux), or None where that is not supported."""
    flag = getattr(os, "O_TMPFILE", 0)
    if not flag or not os.path.isdir("/proc/self/fd"):  # linking it later goes through /proc
        return None
    try:
        return os.open(folder, flag | os.O_WRONLY, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL, errno.ENOENT):
            return None  # the file system has no unnamed files: fall back to a named one
        raise


def _named_file(folder: str, base: str) -> tuple[int, str]:
    while True:
        name = os.path.join(folder, f".{base}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
        try:
            return os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), name
        except FileExistsError:
            continue


def _name_for(fd: int, folder: str, base: str) -> str:
    """Give an O_TMPFILE file a (temporary) name, for the rename over the target."""
    while True:
        name = os.path.join(folder, f".{base}.{os.getpid()}.{secrets.token_hex(4)}{TMP_SUFFIX}")
        try:
            _link_fd(fd, name)
            return name
        except FileExistsError:
            continue
        except OSError:
            break
    # No linkat here (an unusual kernel or libc): copy the data into a named file instead.
    out, name = _named_file(folder, base)
    try:
        with open(f"/proc/self/fd/{fd}", "rb") as src, os.fdopen(out, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
        os.chmod(name, stat.S_IMODE(os.fstat(fd).st_mode))
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(name)
        raise
    return name


def _link_fd(fd: int, name: str) -> None:
    # os.link() calls link(2), which does not follow /proc's magic link to the open file:
    # linkat(2) with AT_SYMLINK_FOLLOW does, without the privilege AT_EMPTY_PATH needs.
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    at_fdcwd, at_symlink_follow = -100, 0x400
    if libc.linkat(at_fdcwd, f"/proc/self/fd/{fd}".encode(), at_fdcwd, os.fsencode(name), at_symlink_follow):
        code = ctypes.get_errno()
        raise OSError(code, os.strerror(code), name)


def _remove_stale(folder: str, base: str) -> None:
    """Remove the temporary files of earlier runs on this target whose process is gone (kill -9)."""
    pattern = re.compile(re.escape(f".{base}.") + r"(\d+)\.[0-9a-f]{8}" + re.escape(TMP_SUFFIX) + "$")
    with contextlib.suppress(OSError):
        for entry in os.scandir(folder):
            found = pattern.match(entry.name)
            if found and not _alive(int(found.group(1))):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _umask() -> int:
    # Read, not set: os.umask() would briefly change it for every thread of the process.
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    return 0o022
