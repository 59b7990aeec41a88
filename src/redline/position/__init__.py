"""Positions: who stands where on which issue, read with a pack's actors, issues and cues.

    pack = load_pack("ukraine-security")
    statements, positions = Positioner(pack).positions(document, statements)
"""

from redline.position.pack import Actor, Issue, Pack, StanceCues, load_pack
from redline.position.positioner import Positioner

__all__ = ["Actor", "Issue", "Pack", "Positioner", "StanceCues", "load_pack"]
