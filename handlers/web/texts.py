"""German texts of /web and /web_abmelden (the team's web desk)."""

from __future__ import annotations

HELP_WEB = "Link zum Web-Schreibtisch (10 Minuten gültig, nur privat)"
HELP_WEB_ABMELDEN = "Alle deine Anmeldungen am Web-Schreibtisch beenden"
OFF = (
    "Der Web-Schreibtisch ist auf diesem Server nicht eingeschaltet. "
    "Wer den Bot betreibt, setzt dafür <code>WEB_PORT</code> (siehe README)."
)
LINK = (
    "Dein Link zum Web-Schreibtisch:\n{link}\n\n"
    "Gültig bis {until}, nur einmal und nur für dich. Nicht weitergeben. "
    "Abmelden überall: /web_abmelden"
)
LOGGED_OUT = "Erledigt: {n} am Web-Schreibtisch beendet, offene Links gelten nicht mehr."
NOTHING_TO_LOG_OUT = "Du warst am Web-Schreibtisch nicht angemeldet. Offene Links gelten jetzt nicht mehr."
CONSOLE_LINK = "Web-Schreibtisch für {who}: {link} (gültig bis {until}, einmal)"
RULES = {
    "web_link_unknown": "Diesen Anmelde-Link kenne ich nicht. Hol dir im Chat mit /web einen neuen.",
    "web_link_used": "Dieser Anmelde-Link wurde schon benutzt. Hol dir im Chat mit /web einen neuen.",
    "web_link_expired": "Dieser Anmelde-Link ist abgelaufen (10 Minuten). Hol dir im Chat mit /web einen neuen.",
}
