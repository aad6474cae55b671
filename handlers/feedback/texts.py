"""German texts of the feedback after events (the question, /feedback for the team)."""

from __future__ import annotations

from collections.abc import Callable

from storage.errors import DomainError

HELP = "Feedback zu vergangenen Terminen: Durchschnitt und Kommentare"
ASK = "Wie war „{title}“ am {date}? Tipp auf 1 bis 5 Sterne (5 = sehr gut)."
STAR_LABEL = "{n} ⭐"
SWITCH = "Feedback nach Terminen"
THANKS = "Danke für deine {stars}!"
THANKS_ONE = "Danke für deinen 1 Stern!"  # "deine 1 Stern" is wrong German
ASK_COMMENT = "Magst du noch kurz schreiben, was gut war oder besser werden kann? Oder „-“ für nichts."
COMMENT_DIALOG = "Feedback-Kommentar"
COMMENT_CANCELLED = "Gut, ohne Kommentar. Deine Sterne sind gespeichert – danke!"
COMMENT_SAVED = "Danke, dein Kommentar ist beim Clusterteam angekommen."
NO_COMMENT = ("-", "–", "nein", "nichts", "keins", "kein")
HEAD = "<b>Feedback zu den Terminen der letzten 12 Monate</b>"
EMPTY = "Noch kein Feedback. Es wird am Tag nach jedem Termin um 10 Uhr abgefragt."
LINE = "\n<b>{title}</b> ({date}): Ø {average} ⭐ aus {count}"
COMMENT = "  „{text}“"
CHART_TITLE = "Durchschnittliche Bewertung der Termine"
CHART_AXIS = "Sterne (Durchschnitt)"
CHART_FILE = "feedback.png"
CHART_CAPTION = "Alle Termine im Vergleich:"


def stars(n: int) -> str:
    """Return "1 Stern" / "4 Sterne"."""
    return "1 Stern" if n == 1 else f"{n} Sterne"


def ratings(n: int) -> str:
    """Return "1 Bewertung" / "3 Bewertungen"."""
    return "1 Bewertung" if n == 1 else f"{n} Bewertungen"


RULES: dict[str, Callable[[DomainError], str]] = {
    "feedback_stars": lambda e: "Bitte 1 bis 5 Sterne.",
    "feedback_not_registered": lambda e: "Feedback geben können alle, die angemeldet waren.",
    "feedback_given": lambda e: "Du hast diesen Termin schon bewertet – danke!",
    "feedback_comment_long": lambda e: f"Das ist zu lang (höchstens {e.info['max']} Zeichen). Bitte kürzer.",
    "feedback_missing": lambda e: "Bitte gib zuerst Sterne.",
}
