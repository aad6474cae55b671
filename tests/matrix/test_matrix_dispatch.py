"""Where Matrix replies go: DMs answer in place, groups only commands, personal things to a DM."""

from __future__ import annotations

from bot.chat import Button, Incoming, Reply, TemporaryFailure
from bot.transports.matrix_dispatch import TextEvent, dispatch


class Rooms:
    """A recording RoomSender: what went where, with an optional failing room."""

    def __init__(self, failing: str | None = None, failing_text: str | None = None) -> None:
        self.sent: list[tuple[str, str]] = []
        self.firsts: list[int] = []
        self.failing, self.failing_text = failing, failing_text

    async def send_to(
        self, room_id: str, reply: Reply, *, with_options: bool = True, note: str = "",
        first_option: int = 1,
    ) -> None:
        if room_id == self.failing or reply.text == self.failing_text:
            raise TemporaryFailure("down")
        self.firsts.append(first_option)
        self.sent.append((room_id, reply.text + ("" if with_options else f" [{note}]")))

    async def dm_with(self, user_id: str) -> str:
        return f"!dm-{user_id}"


class Bot:
    """A handler answering with whatever the test put in `replies`."""

    def __init__(self, *replies: Reply) -> None:
        self.replies = list(replies)
        self.got: list[Incoming] = []

    async def __call__(self, incoming: Incoming) -> list[Reply]:
        self.got.append(incoming)
        return self.replies


def event(body: str, *, group: bool = False) -> TextEvent:
    return TextEvent("!room", "@anna:firma.de", "Anna", body, "$e1", group)


async def test_dm_reply_goes_back_with_options() -> None:
    rooms, bot = Rooms(), Bot(Reply("Hallo", ((Button("t", "Ja"),),)))
    await dispatch(event("!start ABC"), bot, rooms)
    assert rooms.sent == [("!room", "Hallo")]
    got = bot.got[0]
    assert got.text == "/start ABC" and not got.is_group
    assert got.person.key == "matrix:@anna:firma.de" and got.person.display_name == "Anna"
    assert got.chat.chat_id == "!room" and got.message_ref == "$e1"


async def test_bare_number_is_an_option() -> None:
    bot = Bot()
    await dispatch(event("2"), bot, Rooms())
    assert bot.got[0].option == 2 and bot.got[0].text == "2"


async def test_group_ignores_chatter_and_answers_commands() -> None:
    rooms, bot = Rooms(), Bot(Reply("Termine: keine"))
    await dispatch(event("guten morgen", group=True), bot, rooms)
    await dispatch(event("1", group=True), bot, rooms)
    assert bot.got == [] and rooms.sent == []
    await dispatch(event("!termine", group=True), bot, rooms)
    assert bot.got[0].is_group and rooms.sent == [("!room", "Termine: keine")]


async def test_group_moves_personal_and_choices_to_the_dm() -> None:
    rooms = Rooms()
    bot = Bot(
        Reply("Öffentlich"),
        Reply("Dein Code", personal=True),
        Reply("Anmelden?", ((Button("t", "Ja"),),)),
    )
    await dispatch(event("!termine", group=True), bot, rooms)
    dm = "!dm-@anna:firma.de"
    assert [room for room, _ in rooms.sent] == ["!room", dm, dm, "!room"]
    assert rooms.sent[2][1].startswith("Anmelden? [<i>")
    assert "Direktchat" in rooms.sent[3][1]


async def test_a_failed_reply_does_not_stop_the_rest() -> None:
    rooms = Rooms(failing="!room")
    bot = Bot(Reply("geht nicht"), Reply("privat", personal=True))
    await dispatch(event("!x", group=True), bot, rooms)
    assert [room for room, _ in rooms.sent] == ["!dm-@anna:firma.de"]


async def test_numbers_count_on_across_the_cards_of_one_answer() -> None:
    card = ((Button("t1", "Details"), Button("t2", "Anmelden")),)
    rooms = Rooms()
    await dispatch(event("!termine"), Bot(Reply("Karte 1", card), Reply("Zwischentext"),
                                          Reply("Karte 2", card)), rooms)
    assert rooms.firsts == [1, 3, 3]


async def test_numbers_after_a_card_that_failed_still_match_the_stored_choices() -> None:
    card = ((Button("t1", "Details"), Button("t2", "Anmelden")),)
    rooms = Rooms(failing_text="Karte 2")
    await dispatch(event("!termine"), Bot(Reply("Karte 1", card), Reply("Karte 2", card),
                                          Reply("Karte 3", card)), rooms)
    # The router stored 6 choices in order; "5" must still mean card 3's first button.
    assert [text for _, text in rooms.sent] == ["Karte 1", "Karte 3"]
    assert rooms.firsts == [1, 5]


async def test_unreadable_message_gets_a_notice_in_a_dm_only() -> None:
    rooms, bot = Rooms(), Bot()
    unreadable = TextEvent("!room", "@anna:firma.de", "Anna", "", "$e2", False, unreadable=True)
    await dispatch(unreadable, bot, rooms)
    assert bot.got == [] and "nicht lesen" in rooms.sent[0][1]
    await dispatch(TextEvent("!g", "@anna:firma.de", "Anna", "", "$e3", True, unreadable=True),
                   bot, rooms)
    assert len(rooms.sent) == 1


async def test_allowed_servers_apply_to_every_sender_not_only_the_inviter() -> None:
    allowed = frozenset({"firma.de"})
    rooms, bot = Rooms(), Bot(Reply("Hallo"))
    stranger = TextEvent("!group", "@eve:fremd.example", "Eve", "!termine", "$e2", True)
    await dispatch(stranger, bot, rooms, allowed=allowed)
    in_dm = TextEvent("!dm", "@eve:fremd.example", "Eve", "!start ABC", "$e3", False)
    await dispatch(in_dm, bot, rooms, allowed=allowed)
    unreadable = TextEvent("!dm", "@eve:fremd.example", "Eve", "", "$e4", False, unreadable=True)
    await dispatch(unreadable, bot, rooms, allowed=allowed)
    assert bot.got == [] and rooms.sent == []  # not answered, not even "send it again"
    await dispatch(event("!termine", group=True), bot, rooms, allowed=allowed)
    assert [i.person.key for i in bot.got] == ["matrix:@anna:firma.de"]
    assert rooms.sent == [("!room", "Hallo")]
