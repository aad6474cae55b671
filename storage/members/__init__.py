"""Who is who: member companies, the people who talk to the bot, and invite codes."""

from storage.members import companies, invites, people
from storage.members.models import Company, InviteCode, Person

__all__ = ["Company", "InviteCode", "Person", "companies", "invites", "people"]
