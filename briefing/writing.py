"""Writing outputs whole or not at all: every target is checked, every file goes to a temporary
name and is renamed into place, a failed rename puts back what the earlier ones replaced, and
nothing is written until every format has rendered."""

from __future__ import annotations

import os
import secrets
import shutil
import tempfile
from pathlib import Path

from .errors import OutputError


def write_atomic(path: Path, content: str | bytes) -> None:
    write_outputs({path: content})


def write_outputs(rendered: dict[Path, str | bytes]) -> list[Path]:
    """Write every file (a brief's formats, and any asset files beside them) or none.

    First every target is checked (a folder where a file goes: nothing is touched); then every file is written to a temporary name beside it; then each existing file is
    kept aside under a second name (a hard link, else a copy), and only then are they all renamed
    into place. If a rename still fails (a file made immutable, Ctrl-C), the files renamed before it
    are put back as they were and the new ones removed: never a half-written file, nor a new
    brief.html beside yesterday's brief.json. Raises OutputError naming the path that failed. If
    putting an old file back fails too, its copy aside is kept, never deleted, and the OutputError
    names where; so does it a new file it could not remove (the two cases that leave a new file beside
    old ones)."""
    paths = [Path(p) for p in rendered]
    for path in paths:
        _check_target(path)
    staged: list[tuple[Path, str]] = []
    kept: dict[Path, str | None] = {}  # target -> the old file's copy aside, None if there was none
    replaced: list[Path] = []
    current = paths[0] if paths else Path(".")
    try:
        for path, content in zip(paths, rendered.values()):
            current = path
            staged.append((path, _write_aside(path, content)))
        for path, _temporary in staged:
            current = path
            kept[path] = _keep_aside(path)
        for path, temporary in staged:
            current = path
            replaced.append(path)  # first: Ctrl-C just after the rename must still undo it
            try:
                os.replace(temporary, path)
            except OSError:
                replaced.pop()  # the rename did not happen: this target is as it was
                raise
    except BaseException as error:
        stranded, left = _put_back(replaced, kept)
        for _path, temporary in staged:
            Path(temporary).unlink(missing_ok=True)
        _drop(kept)
        if isinstance(error, OSError):
            reason = error.strerror or str(error)
        elif stranded or left:  # Ctrl-C or a bug: still say what is where, not "nothing was written"
            reason = "interrupted" if isinstance(error, KeyboardInterrupt) else type(error).__name__
        else:
            raise
        kept_at = "".join(f"; the previous {path.name} is kept at {aside}" for path, aside in stranded)
        kept_at += "".join(f"; the new {path} could not be removed" for path in left)
        raise OutputError(f"{current}: cannot be written ({reason}){kept_at}") from None
    _drop(kept)
    return [path for path, _temporary in staged]


def _check_target(path: Path) -> None:
    """Refuse, before anything is written, a target that no rename can fill. (A folder that cannot
    be made or written fails when its temporary file is written, which is also before any rename.)"""
    if path.is_dir():
        raise OutputError(f"{path}: cannot be written (Is a directory)")


def _keep_aside(path: Path) -> str | None:
    """A second name for the file now at `path`, to put back if a later rename fails."""
    if not os.path.lexists(path):
        return None
    aside = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.old")
    try:
        os.link(path, aside, follow_symlinks=False)
    except OSError:  # no hard links here (or an immutable file: its rename fails next, and is undone)
        shutil.copy2(path, aside, follow_symlinks=False)
    return aside


def _put_back(replaced: list[Path], kept: dict[Path, str | None]) -> tuple[list[tuple[Path, str]], list[Path]]:
    """Undo the renames of `replaced`; return (path, aside) for each old file that could not be put
    back, and each new file (with no old one) that could not be removed. An old file's aside is taken
    out of `kept`, so that `_drop` leaves it: it is the only old copy."""
    stranded: list[tuple[Path, str]] = []
    left: list[Path] = []
    for path in reversed(replaced):
        aside = kept.get(path)
        try:
            if aside is None:
                path.unlink(missing_ok=True)
            elif _same_file(path, aside):
                pass  # never renamed (Ctrl-C just before it): the old file is still there; _drop unlinks the link
            else:
                os.replace(aside, path)
                kept[path] = None
        except OSError:  # best effort: the other files are still put back
            if aside is not None:
                kept[path] = None
                stranded.append((path, aside))
            else:
                left.append(path)
    return stranded[::-1], left[::-1]


def _same_file(path: Path, aside: str) -> bool:
    """`path` is still the old file itself (`aside` is a hard link to it). Renaming one hard link
    onto another of the same file does nothing, and would leave the aside behind."""
    try:
        return os.path.samestat(os.lstat(path), os.lstat(aside))
    except OSError:
        return False


def _drop(kept: dict[Path, str | None]) -> None:
    for aside in kept.values():
        if aside is not None:
            Path(aside).unlink(missing_ok=True)


def _write_aside(path: Path, content: str | bytes) -> str:
    """The name of a complete, synced copy of `content` in `path`'s folder."""
    data = content.encode("utf-8") if isinstance(content, str) else content
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, 0o644)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return temporary
