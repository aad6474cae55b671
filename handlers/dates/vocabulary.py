"""The words of German (and some English) date phrases, folded for spelling-tolerant lookup."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from handlers.dates.holidays import HOLIDAY_WORDS

# What a word means to the grammar: its kind and a value ("wd", 0 for Monday).
Entry = tuple[str, object]

_WEEKDAYS = (
    ("montag", "mo", "mon", "monday"),
    ("dienstag", "di", "tuesday", "tue", "tues"),
    ("mittwoch", "mi", "mitt", "mittw", "wednesday", "wed"),
    ("donnerstag", "do", "don", "donn", "thursday", "thu", "thur", "thurs"),
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
    ("september", "sep", "sept"),
    ("oktober", "okt", "october", "oct"),
    ("november", "nov"),
    ("dezember", "dez", "december", "dec"),
)
_NUMBERS: Final[Mapping[str, int]] = MappingProxyType({
    "ein": 1, "eins": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "one": 1,
    "zwei": 2, "zwo": 2, "two": 2, "drei": 3, "three": 3, "vier": 4, "four": 4,
    "fünf": 5, "five": 5, "sechs": 6, "six": 6, "sieben": 7, "seven": 7, "acht": 8,
    "eight": 8, "neun": 9, "nine": 9, "zehn": 10, "ten": 10, "elf": 11, "eleven": 11,
    "zwölf": 12, "twelve": 12, "dreizehn": 13, "vierzehn": 14, "fünfzehn": 15,
    "sechzehn": 16, "siebzehn": 17, "achtzehn": 18, "neunzehn": 19, "zwanzig": 20,
    "dreißig": 30, "fünfundvierzig": 45, "ner": 1, "nem": 1, "nen": 1,
})
_ORDINALS = (
    "erste", "zweite", "dritte", "vierte", "fünfte", "sechste", "siebte", "achte", "neunte",
    "zehnte", "elfte", "zwölfte", "dreizehnte", "vierzehnte", "fünfzehnte", "sechzehnte",
    "siebzehnte", "achtzehnte", "neunzehnte", "zwanzigste", "einundzwanzigste",
    "zweiundzwanzigste", "dreiundzwanzigste", "vierundzwanzigste", "fünfundzwanzigste",
    "sechsundzwanzigste", "siebenundzwanzigste", "achtundzwanzigste", "neunundzwanzigste",
    "dreißigste", "einunddreißigste",
)
# Words that carry meaning; everything in _FILLER is dropped, anything else is unknown.
_WORDS: Final[Mapping[str, Entry]] = MappingProxyType({
    "heute": ("rel", 0), "today": ("rel", 0), "morgen": ("rel", 1), "tomorrow": ("rel", 1),
    "tmrw": ("rel", 1), "übermorgen": ("rel", 2), "gestern": ("rel", -1), "yesterday": ("rel", -1),
    "vorgestern": ("rel", -2), "tonight": ("tonight", None),
    "früh": ("dp", "früh"), "frühmorgens": ("dp", "früh"), "morgens": ("dp", "früh"),
    "morning": ("dp", "früh"), "vormittag": ("dp", "vormittag"), "vormittags": ("dp", "vormittag"),
    "vorm": ("dp", "vormittag"), "nachm": ("dp", "nachmittag"), "mittag": ("dp", "mittag"),
    "mittags": ("dp", "mittag"), "noon": ("dp", "mittag"), "mittagszeit": ("dp", "mittag"),
    "midday": ("dp", "mittag"), "nachmittag": ("dp", "nachmittag"),
    "nachmittags": ("dp", "nachmittag"), "afternoon": ("dp", "nachmittag"),
    "abend": ("dp", "abend"), "abends": ("dp", "abend"), "evening": ("dp", "abend"),
    "nacht": ("dp", "nacht"), "nachts": ("dp", "nacht"), "night": ("dp", "nacht"),
    "nächste": ("next", 1), "nächsten": ("next", 1), "nächster": ("next", 1),
    "nächstes": ("next", 1), "nächstem": ("next", 1), "letzte": ("next", -1),
    "letzten": ("next", -1), "letzter": ("next", -1), "letztes": ("next", -1),
    "vergangene": ("next", -1), "vergangenen": ("next", -1), "last": ("next", -1),
    "vorige": ("next", -1), "vorigen": ("next", -1), "voriger": ("next", -1),
    "voriges": ("next", -1),
    "kommende": ("next", 1),
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
    "jahre": ("unit", "y"), "jahren": ("unit", "y"), "jahres": ("unit", "y"),
    "year": ("unit", "y"), "years": ("unit", "y"), "stunde": ("unit", "h"),
    "stunden": ("unit", "h"),
    "std": ("unit", "h"), "hour": ("unit", "h"), "hours": ("unit", "h"), "hrs": ("unit", "h"),
    "viertelstunde": ("unit", "q"), "dreiviertelstunde": ("unit", "tq"),
    "werktag": ("unit", "bd"), "werktage": ("unit", "bd"),
    "werktagen": ("unit", "bd"), "arbeitstag": ("unit", "bd"), "arbeitstage": ("unit", "bd"),
    "arbeitstagen": ("unit", "bd"), "mitternacht": ("dp", "mitternacht"),
    "midnight": ("dp", "mitternacht"), "half": ("halbe", None),
    "minute": ("unit", "min"), "minuten": ("unit", "min"), "min": ("unit", "min"),
    "mins": ("unit", "min"), "minutes": ("unit", "min"),
    "uhr": ("uhr", None), "h": ("uhr", None), "oclock": ("uhr", None), "urh": ("uhr", None),
    "punkt": ("at", None), "monatsanfang": ("edge", ("anfang", "m")),
    "monatsmitte": ("edge", ("mitte", "m")), "wochenanfang": ("edge", ("anfang", "w")),
    "wochenmitte": ("edge", ("mitte", "w")), "quarter": ("viertel", None),
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
    "weekend": ("weekend", None), "monatsende": ("edge", ("ende", "m")),
    "jahresende": ("edge", ("ende", "y")), "jahresanfang": ("edge", ("anfang", "y")),
    "jahreswechsel": ("edge", ("ende", "y")), "monatsersten": ("edge", ("anfang", "m")),
    "monatserster": ("edge", ("anfang", "m")), "monatsletzten": ("edge", ("ende", "m")),
    "monatsletzter": ("edge", ("ende", "m")), "quartal": ("unit", "Q"), "quartals": ("unit", "Q"),
    "quartale": ("unit", "Q"), "quartalen": ("unit", "Q"), "quartalsende": ("edge", ("ende", "Q")),
    "quartalsanfang": ("edge", ("anfang", "Q")), "quartalsbeginn": ("edge", ("anfang", "Q")),
    "pm": ("ampm", "pm"), "am": ("am", None), "jetzt": ("now", None), "sofort": ("now", None),
    "now": ("now", None),
})
# A choice, a negation or a series names no single date: "Mo oder Di", "nicht Montag".
_VETO = ("oder", "or", "nicht", "kein", "keine", "not", "jeden", "jede", "jeder", "alle",
         "täglich", "wöchentlich", "every")
_FILLER = frozenset(
    {
        "den", "der", "die", "das", "dem", "des", "im", "zum", "zur", "vom", "von", "on", "the",
        "of", "bitte", "gerne", "gern", "jeweils", "zwischen", "spätestens", "frühestens", "also",
        "dann", "gleich", "schon", "erst", "genau", "zw", "t", "besten", "möglichst",
        "ganztägig", "ganztags", "d", "zu",
        # Small talk around a date ("wie wäre es am Dienstag", "Dienstag passt mir"). Content
        # words ("Termin", "mit", "Zeit") stay unknown on purpose: callers such as /erinnerung
        # cut the longest date prefix off a text and must not swallow its first words.
        "wie", "wäre", "wärs", "es", "passt", "mir", "uns", "geht", "gehts", "ja", "ok", "okay",
        "klar", "vielleicht", "ist", "falls", "möglich", "please", "how", "about",
        "für", "auf", "lieber", "eher", "späten", "frühen", "ganz", "noch",
        "rum", "herum",  # "gegen 9 rum"
    }
)


def fold(word: str) -> str:
    """Return a spelling-tolerant key: umlauts and their ae/oe/ue forms coincide."""
    for a, b in (("ae", "a"), ("oe", "o"), ("ue", "u"), ("ä", "a"), ("ö", "o"), ("ü", "u")):
        word = word.replace(a, b)
    return word.replace("ß", "ss")


def build_vocab() -> dict[str, Entry]:
    """Return folded word -> (kind, value) for every known word."""
    vocab: dict[str, Entry] = {}
    for index, names in enumerate(_WEEKDAYS):
        for name in names:
            vocab[fold(name)] = ("wd", index)
            vocab[fold(name) + "s"] = ("wd", index)  # "montags", "mondays"
    for index, names in enumerate(_MONTHS, start=1):
        for name in names:
            vocab[fold(name)] = ("month", index)
    for word, value in _NUMBERS.items():
        vocab[fold(word)] = ("num", value)
    for value, word in enumerate(_ORDINALS, start=1):
        for ending in ("", "n", "r", "s", "m"):
            vocab[fold(word + ending)] = ("ord", value)
    for word, entry in (*_WORDS.items(), *HOLIDAY_WORDS.items()):
        vocab[fold(word)] = entry
    for word in _VETO:
        vocab[fold(word)] = ("veto", None)
    for word in _FILLER:
        vocab[fold(word)] = ("filler", None)
    return vocab


VOCAB: Final[Mapping[str, Entry]] = MappingProxyType(build_vocab())


def lookup(word: str) -> Entry | None:
    """Return (kind, value) of `word`, also when misspelled by one typo; None if unknown."""
    key = fold(word)
    return VOCAB.get(key) or _fuzzy(key)


# Typo matching needs a few letters to go on; "mo" or "jan" would match too much.
_FUZZY_MIN = 4
_FUZZY_KEYS = tuple(
    key for key in VOCAB if len(key) >= _FUZZY_MIN and VOCAB[key][0] != "filler"
)


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


def _fuzzy(key: str) -> Entry | None:
    """Return the vocabulary entry one typo away from `key` (same first letter), if unique."""
    if len(key) < _FUZZY_MIN:
        return None
    limit = 1 if len(key) < 8 else 2
    best: list[tuple[int, int, str]] = []
    for cand in _FUZZY_KEYS:
        if cand[0] != key[0] or not 0 <= len(cand) - len(key) + limit <= 2 * limit:
            continue
        if len(key) == _FUZZY_MIN and len(cand) <= len(key):
            continue  # four letters: only a dropped one counts ("Abnd"), so "noch" is no "nach"
        dist = _distance(key, cand, limit)
        if dist <= limit:
            # A dropped letter ("Dienstg") is the likeliest typo, then a swap, then an extra one.
            best.append((dist, (len(cand) < len(key)) - (len(cand) > len(key)), cand))
    if not best:
        return None
    best.sort()
    entries = {VOCAB[cand] for dist, shape, cand in best if (dist, shape) == best[0][:2]}
    return entries.pop() if len(entries) == 1 else None
