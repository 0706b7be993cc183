"""Two independent stages on two cores: one in a forked child process while the parent works on.

The pipeline's stages are Python, which one process runs on one core. After ranking, the timeline and the key
quotes need nothing the labels and the differences make, and the other way round, so `in_child` runs one side in a
fork of the process (it inherits the sentences, vectors and names: nothing is copied but what changes) and hands
back its result, pickled through a pipe. The result is the one the same call gives in the parent: the child reads
the same data. Where there is no fork (Windows), or the child dies without a word (killed, out of memory), the work
is done in the parent instead; an exception the work raises in the child is raised in the parent.
"""

from __future__ import annotations

import os
import pickle
import signal
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Pending(Generic[T]):
    """A result being worked out in a child process (or, without one, when asked for)."""

    def __init__(self, work: Callable[[], T], pid: int | None = None, pipe: int | None = None) -> None:
        self._work, self._pid, self._pipe = work, pid, pipe

    def result(self) -> T:
        """The work's result: read from the child, or worked out here if there is none or it gave none."""
        if self._pid is None:
            return self._work()
        data = _read_all(self._pipe)
        self._reap()
        try:
            done, value = pickle.loads(data)
        except Exception:  # the child died before it had said all (or anything): do the work here
            return self._work()
        if not done:
            raise value
        return value

    def close(self) -> None:
        """Stop and reap a child whose result is not wanted any more (the parent's own stage failed)."""
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            os.close(self._pipe)
            self._reap()

    def _reap(self) -> None:
        pid, self._pid = self._pid, None
        try:
            os.waitpid(pid, 0)
        except ChildProcessError:
            pass


def in_child(work: Callable[[], T], when: bool = True) -> Pending[T]:
    """Start `work` in a forked child (if `when` and the system can fork); `.result()` gives what it returns.
    Always `.close()` the Pending if its result may not be asked for (in a `finally`)."""
    if not when or not hasattr(os, "fork"):
        return Pending(work)
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: work, write the outcome, and leave without running the parent's exit handlers
        os.close(read)
        try:
            try:
                payload = pickle.dumps((True, work()), protocol=pickle.HIGHEST_PROTOCOL)
            except BaseException as error:  # noqa: BLE001 - handed to the parent, which raises it
                payload = _pickled_error(error)
            _write_all(write, payload)
        finally:
            os._exit(0)
    os.close(write)
    return Pending(work, pid, read)


def _pickled_error(error: BaseException) -> bytes:
    try:
        return pickle.dumps((False, error), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # an exception that does not pickle is told by its words
        return pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
    os.close(fd)


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 1 << 20):
        chunks.append(chunk)
    os.close(fd)
    return b"".join(chunks)
