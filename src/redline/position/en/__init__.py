"""English positions: pack-driven actors, issue mentions and stance cues over English text.

The positioner lives in :mod:`redline.position.en.positioner`; this package imports
nothing, so that light modules (aggregation's sentence splitter) do not load spaCy.
"""
