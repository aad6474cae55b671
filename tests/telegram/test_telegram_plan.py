"""Telegram's rules without a server: addressing, keyboards, limits, reply plans, config."""

from __future__ import annotations

import pytest
from pydantic import SecretStr

from bot.chat import Button, FileOut, Reply
from bot.settings import Settings
from bot.transports import telegram_plan as tp
from bot.transports.telegram_config import config_from_settings

URL = "https://t.me/zm_test_bot"


@pytest.mark.parametrize(
    ("text", "group", "expected"),
    [
        ("/termine", False, "/termine"),
        ("/Termine@ZM_test_bot morgen", True, "/termine morgen"),
        ("/start@zm_test_bot ABC123", False, "/start ABC123"),
        ("/termine@other_bot", True, None),
        ("/termine@other_bot", False, None),
        ("Hallo", True, None),
        ("Hallo", False, "Hallo"),
        ("/start\nABC", False, "/start\nABC"),
    ],
)
def test_addressed_text(text: str, group: bool, expected: str | None) -> None:
    assert tp.addressed_text(text, "zm_test_bot", is_group=group) == expected


def test_keyboard_rows_stay_narrow() -> None:
    many = tuple(Button(f"b{n}", f"Tag {n}") for n in range(7))
    wide = (Button("x", "Anmelden für den Workshop"), Button("y", "Warteliste bitte"))
    rows = tp.keyboard_rows((many, wide))
    assert [[b.id for b in row] for row in rows] == [
        ["b0", "b1", "b2"], ["b3", "b4", "b5"], ["b6"], ["x"], ["y"]
    ]


def test_callback_data_must_fit_64_bytes() -> None:
    assert tp.callback_data(Button("k3x9", "Ok")) == "k3x9"
    with pytest.raises(ValueError, match="64 Bytes"):
        tp.callback_data(Button("ä" * 33, "Zu lang"))


def test_split_keeps_lines_and_formatting() -> None:
    text = "\n".join(f"<b>{n}</b> " + "x" * 95 for n in range(100))
    chunks = tp.split_text(text)
    assert len(chunks) == 3 and "\n".join(chunks) == text
    assert all(tp.visible_length(c) <= tp.MAX_TEXT for c in chunks)
    giant = tp.split_text("&lt;" * 5000)
    assert [tp.visible_length(c) for c in giant] == [4096, 904]


def test_plan_edits_once_moves_personal_and_captions_files() -> None:
    ics = FileOut("t.ics", "text/calendar", b"x")
    replies = [
        Reply("Angemeldet", edit=True, buttons=((Button("a", "Abmelden"),),)),
        Reply("Noch was", edit=True),
        Reply("Kalender", file=ics),
        Reply("Privat", personal=True),
    ]
    steps = tp.plan(replies, is_group=False, edit_id=5, bot_url=URL)
    assert steps == [
        tp.EditText(5, "Angemeldet", [[Button("a", "Abmelden")]]),
        tp.SendText("Noch was", part=1),
        tp.SendFile(ics, "Kalender", part=2),
        tp.SendText("Privat", part=3),
    ]
    assert tp.unsent(replies, steps[2:]) == replies[2:]  # what a network failure leaves over
    in_group = tp.plan(replies[3:] * 2, is_group=True, edit_id=None, bot_url=URL)
    assert in_group == [tp.SendText(tp.GROUP_NOTE, link=(tp.GROUP_BUTTON, URL))]


def test_long_caption_goes_before_the_file() -> None:
    ics = FileOut("t.ics", "text/calendar", b"x")
    steps = tp.plan([Reply("y" * 2000, file=ics)], is_group=False, edit_id=None, bot_url=URL)
    assert steps == [tp.SendText("y" * 2000), tp.SendFile(ics, None)]


def test_menu_keeps_what_telegram_accepts() -> None:
    pairs = [("termine", "Termine"), ("Bühne", "x"), ("leer", ""), ("a" * 33, "zu lang")]
    assert tp.menu(pairs) == [("termine", "Termine")]


def test_fallback_text_loses_nothing() -> None:
    assert tp.fallback_text('<b>Fa</b> <a href="u">x</a> <script> &amp; &') == "Fa x <script> & &"


def test_settings_become_config_and_bad_webhook_secret_is_refused() -> None:
    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        telegram_bot_token="123:abcDEF", admins="telegram:111, matrix:@x:y, telegram:222",
        telegram_base_url="http://127.0.0.1:9/bot", telegram_webhook_secret="ok_secret-1",
    )
    config = config_from_settings(settings)
    assert config.admin_ids in (("111", "222"), ("222", "111"))
    assert config.file_url == "http://127.0.0.1:9/file/bot"
    assert config.secret() == "ok_secret-1"
    bad = settings.model_copy(update={"telegram_webhook_secret": SecretStr("nicht erlaubt!")})
    with pytest.raises(ValueError, match="TELEGRAM_WEBHOOK_SECRET"):
        config_from_settings(bad)


def _card(n: int, *labels: str, **kw: object) -> Reply:
    buttons = (tuple(Button(f"t{n}{label}", label) for label in labels),) if labels else ()
    return Reply(f"<b>Termin {n}</b>\nOrt: Görlitz", buttons, listed=True, **kw)  # type: ignore[arg-type]


def test_a_list_becomes_one_message_with_numbered_cards_and_buttons() -> None:
    head = Reply("<b>Kommende Termine</b> (3)", listed=True)
    after = Reply("Tipp: /meine zeigt deine Anmeldungen.")
    [merged, tip] = tp.merge_lists([head, _card(1, "Anmelden", "Details"), _card(2),
                                    _card(3, "Details"), after])
    assert merged.text.split("\n\n") == [
        head.text, "<b>1.</b> <b>Termin 1</b>\nOrt: Görlitz", "<b>Termin 2</b>\nOrt: Görlitz",
        "<b>2.</b> <b>Termin 3</b>\nOrt: Görlitz"]
    assert [[(b.id, b.label) for b in row] for row in merged.buttons] == [
        [("t1Anmelden", "1 · Anmelden"), ("t1Details", "1 · Details")],
        [("t3Details", "2 · Details")]]
    assert tip == after


def test_a_heading_keeps_its_filter_buttons_unnumbered() -> None:
    head = Reply("<b>Kommende Termine</b> (2)", ((Button("all", "Alle"), Button("f", "Messen")),),
                 listed=True, heading=True)
    [merged] = tp.merge_lists([head, _card(1, "Anmelden"), _card(2, "Anmelden")])
    assert merged.text.startswith("<b>Kommende Termine</b> (2)\n\n<b>1.</b> <b>Termin 1</b>")
    assert [[b.label for b in row] for row in merged.buttons] == [
        ["Alle", "Messen"], ["1 · Anmelden"], ["2 · Anmelden"]]


def test_lists_are_split_where_telegram_limits_would_be_passed() -> None:
    many = [_card(n, "Anmelden") for n in range(1, 151)]
    parts = tp.merge_lists(many)
    assert len(parts) == 2 and [len(p.buttons) for p in parts] == [100, 50]
    assert parts[1].text.startswith("<b>101.</b>")  # numbering goes on across messages
    long = [Reply("x" * 3000, listed=True), Reply("y" * 3000, listed=True)]
    assert [r.text for r in tp.merge_lists(long)] == [r.text for r in long]  # over 4096


def test_edits_files_personal_and_single_entries_are_left_alone() -> None:
    file = FileOut("termin.ics", "text/calendar", b"BEGIN")
    single = [_card(1, "Anmelden")]
    assert tp.merge_lists(single) == single
    edited = [_card(1, "Anmelden", edit=True), _card(2, "Anmelden", edit=True)]
    assert tp.merge_lists(edited) == edited
    with_file = [_card(1, "A", file=file), _card(2, "A", file=file)]
    assert tp.merge_lists(with_file) == with_file
    mixed = [_card(1, "A"), _card(2, "A", personal=True), _card(3, "A", personal=True)]
    [first, personal] = tp.merge_lists(mixed)
    assert first == mixed[0] and personal.personal and "<b>2.</b>" in personal.text


def test_inline_keyboard_is_bot_api_json_with_the_link_last() -> None:
    rows = [[Button("tok1", "Ja"), Button("tok2", "Nein")]]
    assert tp.inline_keyboard(rows, ("Privat weiter", URL)) == {"inline_keyboard": [
        [{"text": "Ja", "callback_data": "tok1"}, {"text": "Nein", "callback_data": "tok2"}],
        [{"text": "Privat weiter", "url": URL}]]}
    assert tp.inline_keyboard([], None) is None
    with pytest.raises(ValueError):
        tp.inline_keyboard([[Button("x" * 65, "Zu lang")]], None)


def test_a_list_shown_again_replaces_the_pressed_message_with_its_first_part() -> None:
    head = Reply("<b>Kommende Termine</b> (150)", listed=True, edit=True)
    parts = tp.merge_lists([head, *(_card(n, "Anmelden") for n in range(1, 151))])
    assert [p.edit for p in parts] == [True, False]
    steps = tp.plan(parts, is_group=False, edit_id=7, bot_url=URL)
    assert [type(s).__name__ for s in steps] == ["EditText", "SendText"]
