"""Check a proposed agreement against the parties' positions.

``load_proposal`` reads and validates a proposal file; ``check`` judges it provision by
provision and party by party, lists the security dilemmas it touches (a provision one party
seeks for its security and another calls a threat) and, if asked, the closest packages; ``report_to_json`` and ``report_to_markdown`` render it.
"""

from redline.check.indivisibility import Indivisibility
from redline.check.packages import Change, Package
from redline.check.proposal import Proposal, Provision, load_proposal
from redline.check.render import report_to_json, report_to_markdown
from redline.check.report import Report, check
from redline.check.verdicts import ActorVerdict, ProvisionVerdict

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
