"""Test support: console driver, database factories, recording fakes."""
