"""The cluster team's commands: invites, companies, admins, the audit log (docs/team.md).

Modules: `invites` (/einladung, /einladungen, revoking), `people` (/personen, admins, unlink,
move), `companies` (/firmen and changing them), `audit` (/protokoll) with `audit_texts`,
`actions` (the buttons), `texts` (German).
"""

from __future__ import annotations

from handlers.core import Router
from handlers.core.format import esc
from handlers.team import audit, companies, invites
from handlers.team import people as people_
from handlers.team import texts as t
from handlers.team.actions import (
    AuditPage,
    Delete,
    GrantAdmin,
    Keep,
    Merge,
    MovePick,
    MoveTo,
    Revoke,
    RevokeAdmin,
    RevokeAll,
    RevokeAllAsk,
    RevokeAsk,
    Unlink,
    UnlinkAsk,
)


def register(router: Router) -> None:
    """Register the admin commands."""
    router.command("einladung", invites.invite, help=t.HELP_EINLADUNG, admin=True,
                   personal=True)
    router.command("einladungen", invites.list_open, help=t.HELP_EINLADUNGEN, admin=True,
                   personal=True)
    router.on(RevokeAsk, invites.ask_revoke, admin=True)
    router.on(Revoke, invites.revoke, admin=True)
    router.on(RevokeAllAsk, invites.ask_revoke_all, admin=True)
    router.on(RevokeAll, invites.revoke_all, admin=True)
    router.on(Keep, invites.keep, admin=True)
    router.command("firma_neu", companies.add, help=t.HELP_FIRMA_NEU, admin=True)
    router.command("firmen", companies.list_all, help=t.HELP_FIRMEN, admin=True, personal=True)
    router.command("firma_umbenennen", companies.rename, help=t.HELP_FIRMA_UMBENENNEN,
                   admin=True)
    router.command("firma_land", companies.set_state, help=t.HELP_FIRMA_LAND, admin=True)
    router.command("firmen_zusammenlegen", companies.ask_merge,
                   help=t.HELP_FIRMEN_ZUSAMMENLEGEN, admin=True)
    router.command("firma_loeschen", companies.ask_delete, help=t.HELP_FIRMA_LOESCHEN,
                   admin=True)
    router.on(Merge, companies.merge, admin=True)
    router.on(Delete, companies.delete, admin=True)
    router.command("admin", people_.grant_command, help=t.HELP_ADMIN, admin=True)
    router.command("admin_entziehen", people_.revoke_command, help=t.HELP_ADMIN_ENTZIEHEN,
                   admin=True)
    router.command("admins", people_.list_admins, help=t.HELP_ADMINS, admin=True)
    router.command("personen", people_.find, help=t.HELP_PERSONEN, admin=True, personal=True)
    router.on(GrantAdmin, people_.grant, admin=True)
    router.on(RevokeAdmin, people_.revoke, admin=True)
    router.on(UnlinkAsk, people_.ask_unlink, admin=True)
    router.on(Unlink, people_.unlink, admin=True)
    router.on(MovePick, people_.move_pick, admin=True)
    router.on(MoveTo, people_.move_to, admin=True)
    router.notices.add(people_.CHANGED, people_.render_changed)
    router.command("protokoll", audit.show, help=t.HELP_PROTOKOLL, admin=True, personal=True)
    router.on(AuditPage, audit.older, admin=True)
    router.domain_errors({
        "cluster_full": lambda e: t.CLUSTER_FULL.format(max=e.info["max"]),
        "company_exists": lambda e: t.COMPANY_EXISTS.format(name=esc(e.info["name"])),
        "bad_state": lambda e: t.COMPANY_BAD_STATE.format(state=esc(e.info["state"])),
        "company_unknown": lambda e: t.COMPANY_UNKNOWN,
        "invite_bad_uses": lambda e: t.INVITE_USAGE,
        "person_unknown": lambda e: t.PERSON_UNKNOWN,
        "admin_from_settings": lambda e: t.ADMIN_FROM_SETTINGS.format(key=esc(e.info["key"])),
        "not_admin": lambda e: t.NOT_ADMIN.format(key=esc(e.info["key"])),
        "already_admin": lambda e: t.ALREADY_ADMIN.format(key=esc(e.info["key"])),
        "last_admin": lambda e: t.LAST_ADMIN.format(key=esc(e.info["key"])),
        "company_name_empty": lambda e: t.COMPANY_NAME_EMPTY,
        "merge_same": lambda e: t.MERGE_SAME,
        "merge_clash": lambda e: t.MERGE_USAGE,
        "merge_both_catalogue": lambda e: t.MERGE_BOTH_CATALOGUE.format(
            source=esc(e.info["source"]), target=esc(e.info["target"])),
        "company_in_catalogue": lambda e: t.DELETE_IN_CATALOGUE.format(name=esc(e.info["name"])),
        "company_has_requests": lambda e: t.delete_blocked(str(e.info["name"]), []),
    })
