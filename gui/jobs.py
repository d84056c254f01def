"""Background extraction: "Add articles…" runs ``quotes extract`` as a child process.

A process, not a thread: Arabic morphological analysis is CPU-bound Python and would hold the
GIL, making the window stutter. The child writes through its own Store connection in short
transactions; the window sees its commits through ``PRAGMA data_version`` polling, exactly as
when the CLI runs in a terminal beside the app.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, Signal

PROJECT_ROOT = Path(__file__).resolve().parents[1]


class ExtractJob(QObject):
    progress = Signal(str)  # the child's latest output line
    finished = Signal(int, str)  # exit code, last line

    def __init__(self, db_path: str, paths: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db_path = db_path
        self.paths = paths
        self.last_line = ""
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.MergedChannels)
        env = QProcessEnvironment.systemEnvironment()
        # The child must import the same `quotes` as this app, installed or not.
        env.insert("PYTHONPATH", os.pathsep.join(p for p in (str(PROJECT_ROOT), env.value("PYTHONPATH")) if p))
        env.insert("PYTHONUNBUFFERED", "1")
        self.process.setProcessEnvironment(env)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.finished.connect(self._done)

    def start(self) -> None:
        # --progress: the child writes its progress lines and summary to a pipe, not a terminal
        args = ["-m", "quotes.cli", "extract", *self.paths, "--db", self.db_path, "--progress"]
        self.process.start(sys.executable, args)

    def running(self) -> bool:
        return self.process.state() != QProcess.ProcessState.NotRunning

    def _read(self) -> None:
        data = bytes(self.process.readAllStandardOutput().data()).decode("utf-8", "replace")
        # tqdm redraws with carriage returns: the last fragment is the current state.
        lines = [part.strip() for part in data.replace("\r", "\n").split("\n") if part.strip()]
        if lines:
            self.last_line = lines[-1]
            self.progress.emit(self.last_line)

    def _done(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._read()
        self.finished.emit(int(code), self.last_line)
