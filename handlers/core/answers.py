"""What a typed dialog answer is before a step reads it: small talk, an unclear number, reach.

These are rules of the dialog machinery, not of single dialogs: "hilfe", "hallo" or
"danke 👍" typed while a question is open is never read as the answer; a step that asks for
a number never reads "3 Azubis + ich" as 3; a step that asks for a phone number or e-mail
never takes an answer without one. Pure functions on the text.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Literal

SmallTalk = Literal["help", "hello", "thanks"]
Expect = Literal["text", "prose", "number", "reach"]

_HELP = frozenset({
    "hilfe", "help", "?", "??", "hä", "hae", "wie bitte", "was soll ich tun",
    "was soll ich machen",
    "was muss ich tun", "was muss ich machen", "was soll ich schreiben", "wie geht das",
    "ich verstehe das nicht", "verstehe ich nicht", "keine ahnung", "was jetzt",
})
_HELLO = frozenset({
    "hallo", "hi", "hey", "moin", "moinsen", "servus", "guten tag", "guten morgen",
    "guten abend", "grüß gott", "tag", "huhu", "hallöchen", "hallo zusammen", "hallo bot",
})
_THANKS = frozenset({
    "danke", "danke schön", "dankeschön", "vielen dank", "danke sehr", "merci", "thx",
    "thanks", "ok danke", "okay danke", "super danke", "top danke", "danke dir", "danke euch",
    "danke für die info", "danke für die hilfe",
})  # not "ok" or "passt": at a yes/no question they may mean yes
_FILLERS = ("bitte", "nochmal", "noch mal", "mal")

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
# "3 x 2 m" is one area (a product), "6 m²"/"6 qm" carry a unit with a digit in it.
_PRODUCT = re.compile(r"\d+(?:[.,]\d+)?\s*m?\s*[x×*]\s*\d+(?:[.,]\d+)?")
_UNIT = re.compile(r"m2\b|m²|qm\b")
# Words that add, subtract or hedge a count: the number alone is not what was meant.
_ADDING = frozenset({
    "+", "plus", "und", "ich", "mich", "uns", "wir", "inkl", "inklusive", "zzgl", "zuzüglich",
    "sowie", "oder", "bis", "mit", "außerdem", "zusätzlich", "evtl", "eventuell", "vielleicht",
    "ggf", "minus", "ohne", "-", "–", "/", "&", "je", "pro", "mindestens", "höchstens", "max",
})
# Typed answers to a yes/no question ("Ja!", "ja, passt", "Nein danke").
_YES = frozenset({"ja", "j", "jo", "jap", "jep", "jawohl", "yes", "ok", "okay", "passt",
                  "genau", "richtig", "klar", "gerne", "gern", "super", "perfekt"})
_NO = frozenset({"nein", "n", "nee", "nö", "no", "falsch"})
# Acknowledgements: at a yes/no question they may mean yes, but they are never an idea or a
# comment someone meant to write (a step that expects prose asks again).
_ACK = frozenset({"ok", "okay", "oki", "okey", "k", "jo", "ja", "gut", "alles klar", "klar",
                  "verstanden", "passt", "in ordnung", "geht klar", "super", "cool", "prima"})
_POLITE = frozenset({"bitte", "danke", "so", "das", "ist", "gut", "alles", "passt", "genau",
                     "richtig", "stimmt", "nicht", "lieber", "doch"})
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?\(?\d[\d\s/().-]{4,}\d")


def _plain(text: str) -> str:
    """Lower-case the text without emoji, punctuation at the ends and doubled spaces."""
    kept = "".join(ch for ch in text if unicodedata.category(ch)[0] not in "SC" or ch in "+?")
    words = " ".join(kept.lower().split()).strip(" .,!:;-–")
    for filler in _FILLERS:
        words = re.sub(rf"\b{filler}\b", " ", words)
    return " ".join(words.split())


def small_talk(text: str) -> SmallTalk | None:
    """Tell whether the whole message is a call for help, a greeting or a thank-you."""
    plain = _plain(text)
    if plain.startswith("/"):
        plain = plain[1:]
    if plain in _HELP or (plain.endswith("?") and plain.rstrip("?").strip() in _HELP):
        return "help"
    if plain in _HELLO:
        return "hello"
    if plain in _THANKS or _only_emoji(text):  # "👍" alone: a thumbs-up
        return "thanks"
    return None


def is_cancel(text: str, words: frozenset[str]) -> bool:
    """Tell whether the message is one of the cancel `words` ("Abbrechen!", "bitte abbrechen")."""
    return text.strip().lower() in words or _plain(text) in words


def _only_emoji(text: str) -> bool:
    """Tell whether the text is only pictographs ("👍", "🙂🙏"), not "-" or "?"."""
    kept = [ch for ch in text if not ch.isspace() and ch not in "\ufe0f\u200d"]
    return bool(kept) and all(unicodedata.category(ch) in ("So", "Sk") for ch in kept)


def unclear_number(text: str) -> bool:
    """Tell whether a number answer mixes in more than one count ("3 Azubis + ich", "2-3")."""
    # A leading sign is the number's own ("-2" is refused by the step as no count of people).
    plain = _UNIT.sub(" m ", _PRODUCT.sub(" 1 ", text.lower())).strip().lstrip("+-–")
    if len(_NUMBER.findall(plain)) > 1:
        return True
    tokens = re.findall(r"[^\W\d_]+|[+\-–/&]", plain)
    return any(token in _ADDING for token in tokens)


def yes_or_no(text: str) -> Literal["yes", "no"] | None:
    """Read "Ja!", "ja, passt" or "Nein danke" as yes or no; None when it says more."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words or not set(words[1:]) <= _POLITE | _YES:
        return None
    if words[0] in _NO:
        return "no"
    if words[0] in _YES and not set(words) & _NO and "nicht" not in words:
        return "yes"
    return None


def is_acknowledgement(text: str) -> bool:
    """Tell whether the whole message only acknowledges ("ok", "alles klar!", "passt")."""
    return _plain(text) in _ACK


def has_reach(text: str) -> bool:
    """Tell whether the text contains an e-mail address or a phone number (6+ digits)."""
    if _EMAIL.search(text):
        return True
    return any(sum(ch.isdigit() for ch in m.group()) >= 6 for m in _PHONE.finditer(text))
