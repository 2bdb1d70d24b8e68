"""Markers in a document's text that make tests.integration.faulty_app's enrich stage misbehave."""

POISON_MARK = "POISON-PILL"
SLOW_MARK = "SLOW-DOC"
SLOW_SECONDS = 0.4
STUCK_MARK = "STUCK-DOC"
STUCK_SECONDS = 30.0
