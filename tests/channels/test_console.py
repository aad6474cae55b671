"""/kanaele end to end: the cluster's channels come from the catalogue (issue 15)."""

from __future__ import annotations

from pathlib import Path

from storage import catalogue as catalogue_store
from tests.support.console import ConsoleBot, texts

REPO = Path(__file__).resolve().parents[2]


def test_the_card_names_instagram_colab_tiktok_podcast_and_mitmachen(
    console: ConsoleBot,
) -> None:
    card = texts(console.say("anna", "/kanaele"))
    assert "Zukunftsmacher: Folgt uns und macht mit" in card
    assert "Instagram" in card and "als Co-Lab" in card
    assert "TikTok" in card and "Link folgt" in card  # the plan names no address: no guess
    assert "Azubi-Podcast auf Spotify" in card and "open.spotify.com/show/" in card
    assert "https://zukunftsmacher-lausitz.de/mitmachen/" in card
    assert texts(console.say("anna", "/kanäle")) == card  # the umlaut spelling works too
    assert "/kanaele" in texts(console.say("anna", "/hilfe"))


def test_both_shipped_catalogues_list_the_channels() -> None:
    for name in ("catalogue.toml", "catalogue-2027.example.toml"):
        cat = catalogue_store.load(REPO / "data" / name)
        assert [c.key for c in cat.data.channels] == ["instagram", "tiktok", "podcast",
                                                      "mitmachen"], name
