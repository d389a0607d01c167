"""The places stage: GeoNames gazetteer and event-location resolver.

Nothing is loaded at import time; the package gazetteer file is read on first lookup.
"""
from .gazetteer import Gazetteer, GeonamesGazetteer, MemoryGazetteer
from .resolver import PlaceContext, PlaceResolver

__all__ = ["Gazetteer", "GeonamesGazetteer", "MemoryGazetteer", "PlaceContext", "PlaceResolver"]
