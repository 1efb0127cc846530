"""The project's exceptions.

Every exception a user can cause (a bad option, a missing model, an
unreadable data file) is a :class:`DotterelError` whose message is one clear
line meant to be shown as is, without a traceback.  Bad *input records* are
not exceptions at all: ingest reports them as ``Reject`` records and goes on.
Anything else that escapes is a bug and should keep its traceback.
"""

from __future__ import annotations


class DotterelError(Exception):
    """Base class: an error the user can fix, with a user-facing message."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(DotterelError):
    """The inputs (or the options describing them) cannot be used at all."""


class ModelNotInstalledError(DotterelError):
    """The spaCy model the pipeline needs is not installed."""


class DataError(DotterelError):
    """A data file (lexicon, actors, ontology) is missing or malformed."""
