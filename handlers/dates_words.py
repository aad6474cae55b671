"""Turn free German (or English) date text into classified tokens for the date grammar."""

from __future__ import annotations

import re
from typing import Any, NamedTuple


class Tok(NamedTuple):
    """One classified piece of a date phrase: `kind` says how the grammar may use `val`."""

    kind: str
    val: Any = None
    raw: str = ""


_WEEKDAYS = (
    ("montag", "mo", "mon", "monday"),
    ("dienstag", "di", "die", "tuesday", "tue", "tues"),
    ("mittwoch", "mi", "mit", "wednesday", "wed"),
    ("donnerstag", "do", "don", "thursday", "thu", "thur", "thurs"),
    ("freitag", "fr", "fre", "friday", "fri"),
    ("samstag", "sa", "sam", "sonnabend", "saturday", "sat"),
    ("sonntag", "so", "son", "sunday", "sun"),
)
_MONTHS = (
    ("januar", "jan", "jänner", "january"),
    ("februar", "feb", "febr", "february"),
    ("märz", "mär", "mrz", "maerz", "march", "mar"),
    ("april", "apr"),
    ("mai", "may"),
    ("juni", "jun", "june"),
    ("juli", "jul", "july"),
    ("august", "aug"),
    ("september", "sep", "sept", "sep"),
    ("oktober", "okt", "october", "oct"),
    ("november", "nov"),
    ("dezember", "dez", "december", "dec"),
)
_NUMBERS = {
    "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "one": 1,
    "zwei": 2, "zwo": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8,
    "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
    "zwölf": 12, "twelve": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "fünfundvierzig": 45,
}  # fmt: skip
_ORDINALS = (
    "erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte",
    "zehnte", "elfte", "zwölfte", "dreizehnte", "vierzehnte", "fünfzehnte", "sechzehnte",
    "siebzehnte", "achtzehnte", "neunzehnte", "zwanzigste", "einundzwanzigste",
    "zweiundzwanzigste", "dreiundzwanzigste", "vierundzwanzigste", "fünfundzwanzigste",
    "sechsundzwanzigste", "siebenundzwanzigste", "achtundzwanzigste", "neunundzwanzigste",
    "dreißigste", "einunddreißigste",
)  # fmt: skip
# Words that carry meaning; everything in _FILLER is dropped, anything else is unknown.
_WORDS = {
    "heute": ("rel", 0), "today": ("rel", 0), "morgen": ("rel", 1), "tomorrow": ("rel", 1),
    "übermorgen": ("rel", 2), "gestern": ("rel", -1), "yesterday": ("rel", -1),
    "vorgestern": ("rel", -2), "tonight": ("tonight", None),
    "früh": ("dp", "früh"), "frühmorgens": ("dp", "früh"), "morgens": ("dp", "früh"),
    "morning": ("dp", "früh"), "vormittag": ("dp", "vormittag"), "vormittags": ("dp", "vormittag"),
    "mittag": ("dp", "mittag"), "mittags": ("dp", "mittag"), "noon": ("dp", "mittag"),
    "midday": ("dp", "mittag"), "nachmittag": ("dp", "nachmittag"),
    "nachmittags": ("dp", "nachmittag"), "afternoon": ("dp", "nachmittag"),
    "abend": ("dp", "abend"), "abends": ("dp", "abend"), "evening": ("dp", "abend"),
    "nacht": ("dp", "nacht"), "nachts": ("dp", "nacht"), "night": ("dp", "nacht"),
    "nächste": ("next", 1), "nächsten": ("next", 1), "nächster": ("next", 1),
    "nächstes": ("next", 1), "nächstem": ("next", 1), "letzte": ("next", -1),
    "letzten": ("next", -1), "letzter": ("next", -1), "letztes": ("next", -1),
    "vergangene": ("next", -1), "vergangenen": ("next", -1), "last": ("next", -1), "kommende": ("next", 1),
    "kommenden": ("next", 1), "kommender": ("next", 1), "kommendes": ("next", 1),
    "next": ("next", 1), "übernächste": ("next", 2), "übernächsten": ("next", 2),
    "übernächster": ("next", 2), "übernächstes": ("next", 2),
    "diese": ("this", 0), "diesen": ("this", 0), "dieser": ("this", 0), "dieses": ("this", 0),
    "diesem": ("this", 0), "this": ("this", 0), "coming": ("next", 1),
    "tag": ("unit", "d"), "tage": ("unit", "d"), "tagen": ("unit", "d"), "day": ("unit", "d"),
    "days": ("unit", "d"), "woche": ("unit", "w"), "wochen": ("unit", "w"),
    "week": ("unit", "w"), "weeks": ("unit", "w"), "monat": ("unit", "m"),
    "monate": ("unit", "m"), "monaten": ("unit", "m"), "monats": ("unit", "m"),
    "month": ("unit", "m"), "months": ("unit", "m"), "jahr": ("unit", "y"),
    "jahre": ("unit", "y"), "jahren": ("unit", "y"), "year": ("unit", "y"),
    "years": ("unit", "y"), "stunde": ("unit", "h"), "stunden": ("unit", "h"),
    "std": ("unit", "h"), "hour": ("unit", "h"), "hours": ("unit", "h"), "hrs": ("unit", "h"),
    "minute": ("unit", "min"), "minuten": ("unit", "min"), "min": ("unit", "min"),
    "mins": ("unit", "min"), "minutes": ("unit", "min"),
    "uhr": ("uhr", None), "h": ("uhr", None), "oclock": ("uhr", None),
    "um": ("at", None), "gegen": ("at", None), "ab": ("at", None), "at": ("at", None),
    "ca": ("at", None), "circa": ("at", None), "etwa": ("at", None), "ungefähr": ("at", None),
    "in": ("in", None), "vor": ("vor", None), "nach": ("nach", None), "past": ("nach", None),
    "bis": ("dash", None), "to": ("dash", None), "until": ("dash", None), "und": ("und", None),
    "halb": ("halb", None), "halbe": ("halbe", None), "halben": ("halbe", None),
    "viertel": ("viertel", None), "dreiviertel": ("dreiviertel", None),
    "anderthalb": ("frac", 1.5), "eineinhalb": ("frac", 1.5),
    "a": ("art", 1), "an": ("art", 1), "kw": ("kw", None), "kalenderwoche": ("kw", None),
    "anfang": ("pos", "anfang"), "beginning": ("pos", "anfang"), "mitte": ("pos", "mitte"),
    "ende": ("pos", "ende"), "end": ("pos", "ende"), "wochenende": ("weekend", None),
    "weekend": ("weekend", None), "monatsende": ("monthend", None),
    "pm": ("ampm", "pm"), "am": ("am", None), "oder": ("or", None), "or": ("or", None),
    "heiligabend": ("date", (24, 12, None)), "weihnachten": ("date", (25, 12, None)),
    "silvester": ("date", (31, 12, None)), "neujahr": ("date", (1, 1, None)),
}  # fmt: skip
_FILLER = frozenset(
    {
        "den", "der", "die", "das", "dem", "des", "im", "zum", "zur", "vom", "von", "on", "the",
        "of", "bitte", "gerne", "jeweils", "zwischen", "spätestens", "frühestens", "also", "dann",
        "gleich", "schon", "erst", "ganz", "genau", "zw", "t", "termin", "treffen", "meeting",
        "datum", "uhrzeit", "besten", "möglichst", "ganztägig", "ganztags", "jeden", "jede", "jeder", "wieder",
    }
)  # fmt: skip
# Long words worth a typo match; short ones ("mo", "jan") would match too much.
_FUZZY_MIN = 4
_TOKEN_RE = re.compile(
    r"(?P<iso>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(?!\d)"
    r"|(?P<dmy>\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}-\d{1,2}-\d{4})(?!\d)\.?"
    r"|(?P<dm>\d{1,2}\.\d{1,2}\.)"
    r"|(?P<clock>\d{1,2}:\d{2})(?::\d{2})?"
    r"|(?P<pair>\d{1,2}\.\d{1,2})(?![\d.])"
    r"|(?P<ord>\d{1,4})(?:\.|st\b|nd\b|rd\b|th\b|ten\b|ter\b|te\b|tes\b)"
    r"|(?P<num>\d{1,4})"
    r"|(?P<word>[a-zäöüß]+)"
    r"|(?P<dash>[-–—])"
    r"|(?P<slash>/)"
)
_COMPOUND_RE = re.compile(
    r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|heute|morgen|gestern)"
    r"(früh|morgen|vormittag|mittag|nachmittag|abend|nacht)(s?)\b"
)
_AMPM_RE = re.compile(r"\b([ap])\.\s?m\.")
# After "am" these words mean the German "am" (on the ...), so "10 am Montag" stays German.
_ENGLISH_AFTER_AM = frozenset({"tomorrow", "today", "on", "next", "this", "tonight"})


def _fold(word: str) -> str:
    """Return a spelling-tolerant key: umlauts and their ae/oe/ue forms coincide."""
    for a, b in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ä", "a"), ("ö", "o"), ("ü", "u")):
        word = word.replace(a, b)
    return word.replace("ß", "ss")


def _build_vocab() -> dict[str, tuple[str, object]]:
    """Return folded word -> (kind, value) for every known word."""
    vocab: dict[str, tuple[str, object]] = {}
    for index, names in enumerate(_WEEKDAYS):
        for name in names:
            vocab[_fold(name)] = ("wd", index)
            vocab[_fold(name) + "s"] = ("wd", index)  # "montags", "mondays"
    for index, names in enumerate(_MONTHS, start=1):
        for name in names:
            vocab[_fold(name)] = ("month", index)
    for word, value in _NUMBERS.items():
        vocab[_fold(word)] = ("num", value)
    for value, word in enumerate(_ORDINALS, start=1):
        for ending in ("", "n", "r", "s", "m"):
            vocab[_fold(word + ending)] = ("ord", value)
    for word, entry in _WORDS.items():
        vocab[_fold(word)] = entry
    for word in _FILLER:
        vocab[_fold(word)] = ("filler", None)
    return vocab


VOCAB = _build_vocab()
_FUZZY_KEYS = tuple(key for key in VOCAB if len(key) >= 4 and VOCAB[key][0] != "filler")


def _distance(a: str, b: str, limit: int) -> int:
    """Return the optimal-string-alignment distance of `a` and `b` (capped at limit + 1)."""
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


def _fuzzy(key: str) -> tuple[str, object] | None:
    """Return the vocabulary entry one typo away from `key` (same first letter), if unique."""
    if len(key) < _FUZZY_MIN:
        return None
    limit = 1 if len(key) < 8 else 2
    best: list[tuple[int, bool, str]] = []
    for cand in _FUZZY_KEYS:
        if cand[0] != key[0] or not 0 <= len(cand) - len(key) + limit <= 2 * limit:
            continue
        if len(key) == _FUZZY_MIN and len(cand) <= len(key):
            continue  # a four-letter word only loses letters ("Mont" -> no, "Juni" stays)
        dist = _distance(key, cand, limit)
        if dist <= limit:
            # A dropped letter ("Dienstg") is the likeliest typo, so it wins a tie.
            best.append((dist, len(cand) <= len(key), cand))
    if not best:
        return None
    best.sort()
    entries = {VOCAB[c] for d, swap, c in best if (d, swap) == best[0][:2]}
    return entries.pop() if len(entries) == 1 else None


def _word(raw: str, prev: Tok | None, before: str | None, nxt: str | None) -> Tok:
    """Classify one word, using its neighbours where German needs them ("heute morgen")."""
    key = _fold(raw)
    entry = VOCAB.get(key) or _fuzzy(key) or ("unk", None)
    kind, val = entry
    after_day = before == "am" or (prev is not None and prev.kind in ("rel", "wd"))
    if kind == "rel" and val == 1 and raw.startswith("morgen") and after_day:
        return Tok("dp", "früh", raw)  # "heute morgen", "Montag morgen", "am Morgen"
    if kind == "am":
        if prev is not None and prev.kind in ("num", "clock") and (
            nxt is None or nxt in _ENGLISH_AFTER_AM
        ):
            return Tok("ampm", "am", raw)
        return Tok("filler", None, raw)
    if raw == "so" and nxt in ("gegen", "um", "ca", "etwa", "ab", "circa"):
        return Tok("filler", None, raw)
    return Tok(kind, val, raw)


def _number(kind: str, text: str) -> Tok:
    """Classify one numeric piece ("5.3.", "10:30", "10.30", "5.", "2026-03-05")."""
    if kind == "iso":
        y, m, d = (int(p) for p in re.split(r"[-/.]", text))
        return Tok("date", (d, m, y), text)
    if kind in ("dmy", "dm"):
        parts = [int(p) for p in re.split(r"[-./]", text.rstrip(".")) if p]
        year = parts[2] if len(parts) > 2 else None
        if year is not None and year < 100:
            year += 2000
        return Tok("date", (parts[0], parts[1], year), text)
    if kind in ("clock", "pair"):
        hour, minute = (int(p) for p in re.split(r"[.:]", text))
        return Tok(kind, (hour, minute), text)
    return Tok(kind, int(text), text)


def tokenize(text: str) -> list[Tok]:
    """Split `text` into classified tokens; fillers are dropped, unknown words kept as "unk"."""
    text = _AMPM_RE.sub(r"\1m", text.lower().replace("'", ""))
    text = _COMPOUND_RE.sub(r"\1 \2\3", text)
    pieces = [(m.lastgroup or "", m.group(m.lastgroup or 0)) for m in _TOKEN_RE.finditer(text)]
    toks: list[Tok] = []
    for index, (kind, piece) in enumerate(pieces):
        if kind == "word":
            nxt = pieces[index + 1][1] if index + 1 < len(pieces) else None
            before = pieces[index - 1][1] if index else None
            tok = _word(piece, toks[-1] if toks else None, before, nxt)
        elif kind in ("dash", "slash"):
            tok = Tok(kind, None, piece)
        else:
            tok = _number(kind, piece)
        if tok.kind != "filler":
            toks.append(tok)
    return toks
