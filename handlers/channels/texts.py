"""German texts of /kanaele: where members follow, tag and join the cluster."""

from __future__ import annotations

from handlers.core.format import esc

HELP_KANAELE = "Folgt uns: Instagram, TikTok, Azubi-Podcast – und Mitmachen"
HEAD = "<b>{name}: Folgt uns und macht mit</b>"
LINK_FOLLOWS = "Link folgt – das Clusterteam trägt ihn nach."
JOIN = "🤝 <b>Noch kein Mitglied?</b> Betriebe, die mitmachen wollen: {url}"
NONE = "Zurzeit sind keine Kanäle eingetragen. Fragen? Schreib dem Clusterteam: {contact}"
ICONS = {"instagram": "📸", "tiktok": "🎵", "podcast": "🎧", "spotify": "🎧", "youtube": "▶️",
         "linkedin": "💼", "mitmachen": "🤝", "website": "🌐"}


def channel_block(key: str, label: str, url: str, ask: str) -> str:
    """Format one channel: icon, name, link (or that it follows) and what to do there."""
    icon = next((v for k, v in ICONS.items() if k in key), "•")
    link = esc(url) if url else LINK_FOLLOWS
    lines = [f"{icon} <b>{esc(label)}</b>: {link}"]
    if ask:
        lines.append(esc(ask))
    return "\n".join(lines)
