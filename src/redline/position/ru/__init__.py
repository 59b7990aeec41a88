"""Russian positions: pack actors and issues matched on natasha lemmas.

The package imports nothing on its own: ``position/pack.py`` reads the schema of a pack's
``ru:`` section from :mod:`redline.position.ru.section`, and the pipeline imports
:class:`redline.position.ru.positioner.RussianPositioner` only where it is used.
"""
