"""Who did what to whom: PLOVER/CAMEO events from the sentences of an enriched document (see extract.py).

The code lives in modules, not here: a package's __init__ stays pure Python in the compiled build.
"""

from worker.stages.classify.events.extract import extract_events
from worker.stages.classify.events.records import event_id

__all__ = ["event_id", "extract_events"]
