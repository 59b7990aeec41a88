"""Check a proposed agreement against the parties' positions.

``load_proposal`` reads and validates a proposal file; ``check`` judges it provision by
provision and party by party, lists the security dilemmas it touches (a provision one party
seeks for its security and another calls a threat) and, if asked, the closest packages; ``report_to_json`` and ``report_to_markdown`` render it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from redline.check.indivisibility import Indivisibility
    from redline.check.packages import Change, Package
    from redline.check.proposal import Proposal, Provision, load_proposal
    from redline.check.render import report_to_json, report_to_markdown
    from redline.check.report import Report, check
    from redline.check.verdicts import ActorVerdict, ProvisionVerdict

# Each name's module, imported on first use: every command imports this package (through
# ``import redline``), and only ``check`` needs pydantic's proposal models and OR-Tools.
_HOMES = {
    "Indivisibility": "indivisibility", "Change": "packages", "Package": "packages",
    "Proposal": "proposal", "Provision": "proposal", "load_proposal": "proposal",
    "report_to_json": "render", "report_to_markdown": "render", "Report": "report", "check": "report",
    "ActorVerdict": "verdicts", "ProvisionVerdict": "verdicts",
}


def __getattr__(name: str) -> Any:
    """A public name, its module imported the first time it is asked for."""
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"redline.check.{_HOMES[name]}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ActorVerdict",
    "Change",
    "Indivisibility",
    "Package",
    "Proposal",
    "ProvisionVerdict",
    "Provision",
    "Report",
    "check",
    "load_proposal",
    "report_to_json",
    "report_to_markdown",
]
