"""German texts of onboarding: welcome, invite codes, privacy, help."""

from __future__ import annotations

from handlers.core.format import esc

WELCOME = "Hallo{name}! Ich bin der Chatbot des Ausbildungsclusters <b>{cluster}</b>."
PRIVACY = (
    "Datenschutz kurz: Ich speichere deinen Namen, deine Chat-Kennung, deine Firma und was du "
    "hier anmeldest oder buchst – nur für die Clusterarbeit. Mehr: /datenschutz"
)
ASK_CODE = (
    "Du bist noch keiner Mitgliedsfirma zugeordnet. Schick mir deinen Einladungscode so:\n"
    "<code>/start CODE</code>\nKeinen Code? Frag das Clusterteam ({team})."
)
LINKED = (
    "Willkommen bei <b>{company}</b>! Du bist jetzt dieser Firma zugeordnet. Mit /rolle sagst "
    "du, was du im Betrieb machst (z. B. Personal oder Ausbildung) – dann erreichen dich "
    "Umfragen und Rundschreiben für deine Rolle."
)
ALREADY_LINKED = "Du gehörst zu <b>{company}</b>. Was möchtest du tun? Alle Befehle: /hilfe"
START_HINT = "Los geht's mit /termine, /stammtisch oder /hilfe."
CODE_UNKNOWN = (
    "Den Code <code>{code}</code> kenne ich nicht oder er gilt nicht mehr. Bitte prüf ihn "
    "oder frag das Clusterteam nach einem neuen."
)
CODE_LIMIT = (
    "Das waren zu viele falsche Codes. Bitte versuch es ab {time} Uhr wieder oder frag das "
    "Clusterteam nach einem neuen Code."
)
PLATFORMS = {"telegram": "Telegram", "matrix": "Matrix", "console": "Konsole"}
LINKED_ELSEWHERE = "Du bist schon einer anderen Firma zugeordnet. Das Clusterteam kann das ändern."

HELP_HEAD = "<b>Das kann ich für dich tun:</b>"
HELP_ADMIN_HEAD = "\n<b>Für das Clusterteam:</b>"
HELP_FOOT = "\nMitten in einem Dialog? „abbrechen“ bricht ab, /weiter macht weiter."

# /hilfe lines and command-menu descriptions
HELP_HILFE = "Alle Befehle"
HELP_START = "Begrüßung und Einladungscode einlösen"
HELP_WEITER = "Offenen Dialog fortsetzen"


def platform_name(platform: str) -> str:
    """Return the platform as people call it ("Konsole" for "console")."""
    return PLATFORMS.get(platform, platform)


def joined(name: str, platform: str, company: str) -> str:
    """Tell the team that someone redeemed a code ("Anna (Telegram) ist jetzt bei Pragma.")."""
    return f"{esc(name)} ({esc(platform_name(platform))}) ist jetzt bei <b>{esc(company)}</b>."
