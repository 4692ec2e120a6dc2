"""The one helper for background work: jobs run on a pool thread, widgets hear back on the GUI thread.

A job is a plain function taking a `Progress`; it reports progress and checks `cancelled` between
steps. Jobs that write to the register run one at a time (SQLite has one writer), reads in parallel.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class Cancelled(Exception):
    """Raised inside a job when the user pressed Cancel; the job's unit of work rolls back."""


@dataclass
class Progress:
    """Handed to a job: report steps, and learn whether the user cancelled."""

    _signals: TaskSignals
    _cancel: threading.Event = field(default_factory=threading.Event)

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled

    def report(self, done: int, total: int, message: str = "") -> None:
        self._signals.progressed.emit(done, total, message)


class TaskSignals(QObject):
    """Signals of one task (a QRunnable is no QObject, so they live here).

    Signals:
        progressed(done, total, message)
        succeeded(result)
        failed(exception, traceback_text)
        cancelled()
        finished(): always last, whatever the outcome.
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()
    finished = Signal()


class Task(QRunnable):
    def __init__(self, job: Callable[[Progress], Any], *, write_lock: threading.Lock | None) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.signals = TaskSignals()
        self.progress = Progress(self.signals)
        self._job = job
        self._write_lock = write_lock

    def cancel(self) -> None:
        self.progress._cancel.set()

    def run(self) -> None:
        try:
            if self._write_lock is not None:
                with self._write_lock:
                    self.progress.check()
                    result = self._job(self.progress)
            else:
                result = self._job(self.progress)
        except Cancelled:
            self.signals.cancelled.emit()
        except Exception as exc:
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.succeeded.emit(result)
        finally:
            self.signals.finished.emit()


class TaskRunner(QObject):
    """Starts tasks on Qt's global pool and keeps them alive until they finish.

    Signals:
        busy_changed(bool): some task is (or no task is any longer) running.
    """

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool.globalInstance()
        self._write_lock = threading.Lock()
        self._running: set[Task] = set()

    def start(
        self,
        job: Callable[[Progress], Any],
        *,
        writes: bool = False,
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException, str], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        on_finished: Callable[[], None] | None = None,
    ) -> Task:
        """Run `job` off the GUI thread; the callbacks run on the GUI thread."""
        task = Task(job, write_lock=self._write_lock if writes else None)
        if on_success is not None:
            task.signals.succeeded.connect(on_success)
        if on_failure is not None:
            task.signals.failed.connect(on_failure)
        if on_progress is not None:
            task.signals.progressed.connect(on_progress)
        if on_cancel is not None:
            task.signals.cancelled.connect(on_cancel)
        if on_finished is not None:
            task.signals.finished.connect(on_finished)
        task.signals.finished.connect(lambda: self._finished(task))
        was_idle = not self._running
        self._running.add(task)
        if was_idle:
            self.busy_changed.emit(True)
        self._pool.start(task)
        return task

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for running tasks (at shutdown, after cancelling them)."""
        return self._pool.waitForDone(msecs)

    def _finished(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)
