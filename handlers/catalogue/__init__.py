"""Next year's plan: the team sends a catalogue file, sees what it changes, and applies it.

`/katalog` (team, private chat) explains and sends the catalogue in force as a file;
`/katalog PFAD` or a file sent in the private chat is checked (`upload`: German errors with
line numbers) and previewed (`preview`); "Übernehmen" applies it without a restart (`team`),
with messages to everyone it concerns (`notices`). `follow` keeps every process on the
version in force; `announce` is what /termine says when nothing is coming up.
docs/catalogue.md describes the rules.
"""

from __future__ import annotations

from handlers.catalogue import notices, team, upload
from handlers.catalogue import texts as t
from handlers.catalogue.actions import SendCurrent
from handlers.catalogue.follow import Follower
from handlers.core import Router
from storage.errors import DomainError


def register(router: Router) -> None:
    """Register /katalog, the file handler, the buttons, notices, errors and the follower."""
    follower = Follower(router.services)
    router.refreshers.append(follower.refresh)
    router.command("katalog", upload.command, help=t.HELP, admin=True, personal=True)
    router.on_file(upload.on_file, admin=True)
    router.on(SendCurrent, upload.send_current, admin=True)
    team.register(router, follower)
    notices.register(router)

    def not_pending(e: DomainError) -> str:
        return t.NOT_PENDING.get(str(e.info.get("status", "")), t.NOT_PENDING[""])

    router.domain_errors({"catalogue_stale": lambda e: t.STALE,
                          "catalogue_not_pending": not_pending})
