"""English attribution on spaCy: quotes, reported speech and speakers."""

from redline.attribute.en.attributor import EnglishAttributor

__all__ = ["EnglishAttributor"]
