"""Reading a gold file whole, with the one-line errors the command line shows."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError

__all__ = ["read_text"]


def read_text(path: Path) -> str:
    """The file's text (UTF-8); :class:`InputError` if it is missing or unreadable.

    Gold files are small (the largest shared one is under 1 MB), and the
    PLOVER and PETRARCH readers need the whole text to find record
    boundaries, so reading it at once is simplest.
    """
    try:
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read ({exc})") from exc
