"""Russian attribution on natasha: quotations, reported speech and speakers."""

from redline.attribute.ru.attributor import RussianAttributor

__all__ = ["RussianAttributor"]
