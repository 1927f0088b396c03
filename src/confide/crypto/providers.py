"""Key providers: where the master keys live, outside the database.

Contract shared by every provider (tested once, for all of them):

* ``load() -> MasterKeys`` returns the validated ring or raises
  :class:`KeyFormatError` (missing, unreadable, malformed, unsafe).
* ``save(keys)`` persists a ring, or raises :class:`CryptoError` if the
  provider is read-only.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Protocol

from .errors import CryptoError, KeyFileExistsError, KeyFormatError
from .keys import MasterKeys

_FILE_MODE = 0o600
# Keys bigger than this are not a key file; refusing early avoids reading a
# wrongly configured path such as a disk image into memory.
_MAX_KEY_FILE_SIZE = 1 << 20


class KeyProvider(Protocol):
    """What the application needs from a source of master keys."""

    def load(self) -> MasterKeys: ...

    def save(self, keys: MasterKeys) -> None: ...


class KeyFileProvider:
    """Master keys in a JSON key file of mode 0600 (made by ``confide init``)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"<KeyFileProvider path={str(self.path)!r}>"

    def load(self) -> MasterKeys:
        """Read and validate the key file.

        Raises :class:`KeyFormatError` if the file is missing, is not a regular
        file, can be read or written by group or others, is
        too large, or does not hold a valid key document.
        """
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, flags)
        except FileNotFoundError:
            raise KeyFormatError(
                f"no key file at {self.path} (create one with `confide init`)"
            ) from None
        except OSError as error:
            # O_NOFOLLOW on a symlink lands here (ELOOP) as well as EACCES.
            raise KeyFormatError(f"cannot open key file {self.path}: {error.strerror}") from None
        try:
            # Checked on the opened descriptor, so the file cannot be swapped in between.
            self._check_safe(os.fstat(fd))
            with os.fdopen(fd, "rb", closefd=False) as handle:
                data = handle.read(_MAX_KEY_FILE_SIZE + 1)
        finally:
            os.close(fd)
        if len(data) > _MAX_KEY_FILE_SIZE:
            raise KeyFormatError(f"key file {self.path} is too large to be a key file")
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise KeyFormatError(f"key file {self.path} is not UTF-8 text") from None
        return MasterKeys.from_json(text)

    def _check_safe(self, info: os.stat_result) -> None:
        if not stat.S_ISREG(info.st_mode):
            raise KeyFormatError(f"key file {self.path} is not a regular file")
        mode = stat.S_IMODE(info.st_mode)
        if mode & 0o077:
            raise KeyFormatError(
                f"key file {self.path} has mode {mode:04o}: group or others can access it; "
                f"run `chmod 600 {self.path}` after checking nobody copied it"
            )

    def save(self, keys: MasterKeys) -> None:
        """Replace the key file atomically with ``keys`` (mode 0600).

        Written to a temporary file in the same directory, flushed to disk, then
        renamed over the old file, so a crash leaves either the old ring or the
        new one, never half of either. Raises ``OSError`` on I/O failure.
        """
        temporary = self._write_temporary(keys)
        try:
            os.replace(temporary, self.path)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        self._sync_directory()

    def create(self, keys: MasterKeys) -> None:
        """Write a new key file; refuse if one exists (``confide init`` must not clobber keys).

        Raises :class:`KeyFileExistsError` (a :class:`KeyFormatError` and a
        ``FileExistsError``) if the path exists. The check and the creation are
        one atomic step (a hard link), so two concurrent inits cannot both win.
        """
        temporary = self._write_temporary(keys)
        try:
            os.link(temporary, self.path)
        except FileExistsError:
            raise KeyFileExistsError(
                errno.EEXIST, f"refusing to overwrite the existing key file {self.path}"
            ) from None
        finally:
            temporary.unlink(missing_ok=True)
        self._sync_directory()

    def _write_temporary(self, keys: MasterKeys) -> Path:
        if not isinstance(keys, MasterKeys):
            raise TypeError("save() takes MasterKeys")
        # mkstemp creates the file with mode 0600 whatever the umask is.
        fd, name = tempfile.mkstemp(prefix=".confide-keys-", dir=self.path.parent)
        temporary = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                os.fchmod(handle.fileno(), _FILE_MODE)
                handle.write(keys.to_json().encode("utf-8"))
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        return temporary

    def _sync_directory(self) -> None:
        # Make the rename itself durable; not every platform can open directories.
        with contextlib.suppress(OSError):
            fd = os.open(self.path.parent, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


class EnvKeyProvider:
    """Master keys from an environment variable holding the key-file JSON document.

    Read-only: rotating keys means changing the deployment's secret store.
    """

    def __init__(
        self, variable: str = "CONFIDE_MASTER_KEYS", environ: Mapping[str, str] | None = None
    ) -> None:
        self.variable = variable
        self._environ = environ

    def __repr__(self) -> str:
        return f"<EnvKeyProvider variable={self.variable!r}>"

    def load(self) -> MasterKeys:
        """Parse the variable's value; raise :class:`KeyFormatError` if unset or invalid."""
        # os.environ is read at load time, not construction time, so tests and
        # process managers that set the variable late still work.
        environ = os.environ if self._environ is None else self._environ
        text = environ.get(self.variable)
        if text is None:
            raise KeyFormatError(f"environment variable {self.variable} is not set")
        return MasterKeys.from_json(text)

    def save(self, keys: MasterKeys) -> None:
        """Always raises :class:`CryptoError`: the environment cannot be written back."""
        raise CryptoError("read-only provider")
