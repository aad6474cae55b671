"""Schau rein (open-company week in Saxony): the programme, sign-ups and their read side."""

from storage.schau_rein import queries, service
from storage.schau_rein.models import SchauReinSignup
from storage.schau_rein.programme import Programme, Support, programme

__all__ = ["Programme", "SchauReinSignup", "Support", "programme", "queries", "service"]
