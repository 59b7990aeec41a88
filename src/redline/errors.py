"""The exceptions redline raises for problems a user can act on.

    RedlineError
    ├── InputError      a source could not be read or made into an article
    │   ├── FetchError  a URL or feed could not be fetched
    │   └── InputWarning  read, but not quite as given (a looping symlink skipped, bad bytes replaced)
    ├── PackError       a pack file is malformed (names file, line and field)
    ├── ProposalError   a proposal file is malformed or names what the pack lacks
    ├── GoldError       a gold file does not follow the annotation format
    └── StoreError      the store cannot be opened or is of a newer schema

Every message names the input and the reason ("feed.xml: entry 3: no link"), so the CLI
prints it as one line. Anything else that escapes is a bug and keeps its traceback.
"""

from __future__ import annotations


class RedlineError(Exception):
    """Base class: a problem with the user's input or setup, not a bug."""


class InputError(RedlineError):
    """A source (file, record, URL, feed entry, archive) could not be ingested."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class FetchError(InputError):
    """A URL or feed could not be fetched: timeout, status, size or content type."""


class InputWarning(InputError):
    """Something about an input a user should know, though nothing was lost with it.

    It travels in the same stream as errors so that it is reported where it happened,
    but it does not fail the ingest.
    """


class PackError(RedlineError):
    """A pack file failed validation."""


class ProposalError(RedlineError):
    """A proposal file failed validation against its pack."""


class GoldError(RedlineError):
    """A gold file does not follow gold/GUIDELINES.md."""


class StoreError(RedlineError):
    """The store cannot be opened or migrated."""
