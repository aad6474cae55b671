"""Feature tables not yet moved into their feature packages (see storage/schema.py)."""
