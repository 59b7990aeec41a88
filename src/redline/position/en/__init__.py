"""English positions: pack-driven actors, issue mentions and stance cues over English text."""

from redline.position.en.positioner import EnglishPositioner

__all__ = ["EnglishPositioner"]
