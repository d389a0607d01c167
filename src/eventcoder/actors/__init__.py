"""The actors stage: CAMEO actor codes for the actors named in a document.

    ActorResolver(data=None, place_country=None).resolve(sdoc, document) -> list[ActorMention]

Data: :func:`load_actor_data` (generated tables in ``eventcoder/data/actors_*``).
"""
from .data import ActorData, load_actor_data
from .resolver import ActorResolver

__all__ = ["ActorData", "ActorResolver", "load_actor_data"]
