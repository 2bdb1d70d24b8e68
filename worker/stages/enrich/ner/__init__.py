"""Named-entity recognition and in-document resolution for the enrich stage (see entities.py)."""
