"""Run independent chunks of work on a few threads, consumed in order, with cancel and progress.

The screening engine cuts the wells into chunks of consecutive wells; each chunk is a pure function of
its rows, so chunks may run side by side. shapely 2 releases the GIL inside GEOS calls, which is
where most of a chunk's time goes, so threads (not processes: no pickling of a million geometries,
and a QGIS process must never fork) are the way to use a second core.

Guarantees the callers rely on:
- results are handed back in chunk order, whatever order the threads finish in, so the output is
  the same bit for bit as a one-thread run;
- at most ``workers`` chunks are in flight, and the cancel check runs before each chunk is started,
  so a cancel waits for at most ``workers`` chunks already running (one chunk with one worker, as before);
- each chunk runs in a copy of the caller's ``contextvars`` context, so the message language chosen
  with ``messages.speaking()`` holds inside the threads too;
- an exception in a chunk is raised in the caller, once the chunks already started have ended.
"""

from __future__ import annotations

import contextvars
import ctypes
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

ChunkT = TypeVar("ChunkT")
ResultT = TypeVar("ResultT")

WORKERS_ENVIRONMENT = "TUOLI_GW_SCREENING_WORKERS"
# Two threads unless asked otherwise (never more than the machine's cores): on this project's
# 2-core machine, two threads screened 1M wells in 0.69x the time of one (make bench, case 1,
# 'threads'); more did not fit the cores we could measure on, so more is for the variable to ask.
DEFAULT_WORKERS = 2


def configured_workers(requested: int | None = None) -> int:
    """The number of threads to use: ``requested``, else the environment variable, else the default.

    A value that is not a positive whole number (in the variable) falls back to the default rather
    than failing a run; never more threads than the machine has cores.
    """
    if requested is None:
        text = os.environ.get(WORKERS_ENVIRONMENT, "").strip()
        try:
            requested = int(text) if text else DEFAULT_WORKERS
        except ValueError:
            requested = DEFAULT_WORKERS
    return max(1, min(int(requested), os.cpu_count() or 1))


def run_in_order(
    chunks: Iterable[ChunkT],
    work: Callable[[ChunkT], ResultT],
    *,
    workers: int = 1,
    is_canceled: Callable[[], bool] | None = None,
    on_cancel: Callable[[], BaseException] | None = None,
) -> Iterator[tuple[ChunkT, ResultT]]:
    """Yield ``(chunk, work(chunk))`` in the order of ``chunks``, computing up to ``workers`` at once.

    Before each chunk is started, ``is_canceled()`` is asked; when it says yes, the chunks already
    running are waited for and ``on_cancel()`` is raised.
    """

    def stop_if_cancelled() -> None:
        if is_canceled is not None and is_canceled():
            raise on_cancel() if on_cancel else RuntimeError("cancelled")

    if workers <= 1:
        for chunk in chunks:
            stop_if_cancelled()
            yield chunk, work(chunk)
        return
    pending: deque[tuple[ChunkT, Future[ResultT]]] = deque()
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="tuoli_gw_chunk") as pool:
        try:
            for chunk in chunks:
                stop_if_cancelled()
                # Each chunk gets its own copy: one Context cannot be entered by two threads at once.
                context = contextvars.copy_context()
                pending.append((chunk, pool.submit(context.run, work, chunk)))
                if len(pending) >= workers:
                    done_chunk, future = pending.popleft()
                    yield done_chunk, future.result()
            while pending:
                done_chunk, future = pending.popleft()
                stop_if_cancelled()
                yield done_chunk, future.result()
        finally:
            # On an error or a cancel, do not start what has not started; the pool's exit waits
            # for the chunks already running, so no thread outlives the call.
            for _, future in pending:
                future.cancel()
    release_freed_memory()


def release_freed_memory() -> None:
    """Give the memory the threads' chunks freed back to the system.

    glibc keeps what a thread frees in that thread's own arena, for its next allocations; after a pool's last chunk
    nothing uses it again, yet it counts in the process's size until the process ends (about 100-250 MB after
    screening 1M wells, measured, on top of which the output is then written). ``malloc_trim`` returns it. Linux with
    glibc only; elsewhere (Windows, macOS, musl) nothing is done.
    """
    if not sys.platform.startswith("linux"):
        return
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass  # not glibc

