"""Writing so that a reader (or a crash) never meets half a file or half a folder."""

import errno
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from common.errors import BadInput


def write_text_atomically(path: Path, text: str) -> None:
    """Readers see the old file or the new one, never half of one."""
    write_bytes_atomically(path, text.encode("utf-8"))


def write_bytes_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial-{os.getpid()}")
    try:
        partial.write_bytes(content)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def write_json_atomically(path: Path, content) -> None:
    write_text_atomically(path, json.dumps(content, indent=2, ensure_ascii=False) + "\n")


@contextmanager
def staged_folder(out: Path, overwrite: bool = False) -> Iterator[Path]:
    """Yields an empty folder beside `out` to fill; when the block ends without error, it takes the place of
    `out` (an existing `out` that is not an empty folder is replaced only with `overwrite`); on error it
    vanishes and `out` is untouched."""
    if out.exists() and not overwrite and not (out.is_dir() and not any(out.iterdir())):
        raise BadInput(f"{out} already exists; pass --overwrite to replace it or choose another folder")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.partial-", dir=out.parent))
    except OSError as error:
        raise BadInput(f"cannot write into {out.parent}: {error.strerror or error}; choose another folder") from None
    staging.chmod(0o755)  # mkdtemp makes it private; what the kit writes is meant to be read by others
    try:
        yield staging
        if out.is_dir() and not out.is_symlink():
            old = staging.with_name(f"{staging.name}.old")
            out.rename(old)
            staging.rename(out)
            shutil.rmtree(old)
        else:
            if out.exists() or out.is_symlink():
                out.unlink()
            staging.rename(out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def read_regular_file(path: Path, max_bytes: int) -> bytes:
    """The content of `path` when it is a regular file of at most `max_bytes`, not reached through a
    symbolic link (its last part), nor a device or a pipe; else OSError. For files a student could have made."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        content = file.read(max_bytes + 1)
    if len(content) > max_bytes:
        raise OSError(errno.EFBIG, f"larger than {max_bytes:,} bytes", str(path))
    return content
