"""Write an output file so that a failed, cancelled or concurrent run never destroys or half-writes it.

Every output is written into a temporary file beside the target and moved into place (one atomic rename) only
when it is complete: until then the target keeps what it held before. A lock beside the target lets one run at a
time write it; a second run is told so instead of racing the first. For a GeoPackage the temporary file starts as
a copy of the existing one, so writing a layer keeps the file's other layers. No QGIS import: the engine's
writers and the Processing door both use it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from .errors import EngineInputError
from .messages import register, text

register(
    {
        "output_files.cannot_write": (
            "cannot write in the folder {folder} ({reason})", "无法在文件夹 {folder} 中写入（{reason}）",
        ),
        "output_files.cannot_create": (
            "cannot create the folder {folder} ({reason})", "无法创建文件夹 {folder}（{reason}）",
        ),
        "output_files.writable_hint": ("choose an output in a folder you can write to", "请选择一个有写入权限的文件夹作为输出位置"),
        "output_files.busy": (
            "another run is writing {target} right now; nothing was written by this one",
            "另一次运行正在写入 {target}；本次运行未写出任何内容",
        ),
        "output_files.busy_hint": (
            "wait for the other run to finish, or choose another output file", "请等待另一次运行结束，或选择其他输出文件",
        ),
    }
)

try:  # POSIX
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt


@contextlib.contextmanager
def _exclusive_lock(target: Path, layer_label: str) -> Iterator[None]:
    lock_path = target.with_name(f".{target.name}.lock")
    try:
        handle = open(lock_path, "a+b")  # noqa: SIM115 - held open for the whole write
    except OSError as exc:
        raise EngineInputError(
            text("output_files.cannot_write", folder=target.parent, reason=exc.strerror or exc),
            layer=layer_label,
            hint=text("output_files.writable_hint"),
        ) from None
    try:
        try:
            if fcntl is not None:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            else:
                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            raise EngineInputError(
                text("output_files.busy", target=target), layer=layer_label, hint=text("output_files.busy_hint"),
            ) from None
        yield
    finally:
        with contextlib.suppress(OSError):
            lock_path.unlink()
        handle.close()


@contextlib.contextmanager
def atomic_output(path: str | Path, *, layer_label: str = "OUTPUT", keep_existing: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``path`` in one rename, on failure it is removed.

    ``keep_existing``: start from a copy of an existing ``path`` (a GeoPackage whose other layers must stay).
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise EngineInputError(
            text("output_files.cannot_create", folder=target.parent, reason=exc.strerror or exc), layer=layer_label,
            hint=text("output_files.writable_hint"),
        ) from None
    with _exclusive_lock(target, layer_label):
        try:
            handle, temporary_name = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=f".partial{target.suffix}", dir=target.parent)
        except OSError as exc:
            raise EngineInputError(
                text("output_files.cannot_write", folder=target.parent, reason=exc.strerror or exc), layer=layer_label,
                hint=text("output_files.writable_hint"),
            ) from None
        os.close(handle)
        temporary = Path(temporary_name)
        try:
            if keep_existing and target.exists():
                shutil.copyfile(target, temporary)
            else:
                temporary.unlink()  # the writer creates it
            yield temporary
            # SQLite sidecars of the old file would be replayed into the new one: they go with it.
            for sidecar in (target.with_name(target.name + "-wal"), target.with_name(target.name + "-shm")):
                with contextlib.suppress(FileNotFoundError):
                    sidecar.unlink()
            os.replace(temporary, target)
        finally:
            for leftover in (temporary, temporary.with_name(temporary.name + "-wal"), temporary.with_name(temporary.name + "-shm")):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()


def write_atomically(path: str | Path, write: Callable[[Path], object], *, layer_label: str = "OUTPUT") -> Path:
    """Call ``write(temporary_path)`` and move the result onto ``path`` only if it returns: a chart, report or
    raster that fails half-way (or is cancelled) leaves the file that was there before, and no partial file.

    The temporary file keeps the target's suffix, so writers that pick the format from it (matplotlib) still do.
    """
    with atomic_output(path, layer_label=layer_label) as temporary:
        write(temporary)
    return Path(path)
