"""German texts of privacy self-service: /datenschutz, /meinedaten, /loeschen, /austreten."""

from __future__ import annotations

HELP_DATENSCHUTZ = "Was ich speichere, wie lange, deine Rechte"
HELP_MEINEDATEN = "Alles, was ich über dich gespeichert habe (Datei)"
HELP_LOESCHEN = "Deine Daten löschen"
HELP_AUSTRETEN = "Dich von deiner Firma lösen"

PRIVACY_FULL = (
    "<b>Datenschutz</b>\n"
    "Verantwortlich: {responsible}\n\n"
    "<b>Was ich speichere:</b> deine Chat-Kennung und deinen Anzeigenamen, die Firma, der du "
    "zugeordnet bist, deine Anmeldungen und Anfragen (Termine, Medientag, Messe, Schau rein), "
    "Stammtisch-Themen, Erinnerungen und deine Einstellungen; für das Clusterteam ein "
    "Protokoll seiner Aktionen.\n"
    "<b>Wozu:</b> damit das Clusterteam die Angebote des Clusters organisieren kann. Keine "
    "Weitergabe an Dritte; Exporte bekommt nur das Clusterteam.\n"
    "<b>Wie lange:</b> Texte gesendeter Nachrichten {messages} Tage; Kontakte ohne Firma, die "
    "nie einen Code eingelöst haben, {unlinked} Tage; Anmeldungen bis {registrations} Monate "
    "nach dem Termin; Protokolleinträge {audit} Monate.\n\n"
    "<b>Deine Rechte:</b>\n"
    "/meinedaten – alles über dich als Datei\n"
    "/loeschen – deine Daten löschen\n"
    "/austreten – dich von deiner Firma lösen\n"
    "Fragen und Berichtigung: {contact}"
)

MYDATA_JSON = "Hier ist alles, was ich über dich gespeichert habe – als JSON-Datei:"
MYDATA_TEXT = "Und zum Lesen als Textdatei:"
MYDATA_TITLE = "Deine Daten beim Chatbot des Ausbildungsclusters {cluster}"
MYDATA_STAND = "Stand: {when}"
MYDATA_PROFILE = "Profil"
MYDATA_COMPANY = "Firma"
MYDATA_NO_COMPANY = "keiner Firma zugeordnet"
MYDATA_AUDIT = "Protokolleinträge über dich"
MYDATA_NOTHING = "nichts gespeichert"
SECTIONS = {
    "event_registration": "Anmeldungen zu Terminen",
    "mediaday": "Medientag-Anfragen",
    "mediadayoffer": "Angebotene Medientage",
    "boothrequest": "Messe-Anfragen",
    "schaureinsignup": "Schau-rein-Anmeldungen",
    "stammtischtopic": "Stammtisch-Themen",
    "stammtischsubscription": "Stammtisch-Erinnerungen",
    "outboxmessage": "Nachrichten und Erinnerungen an dich",
    "reminderpreference": "Erinnerungs-Einstellungen",
    "dialogstate": "Offener Dialog",
    "chatmenu": "Zuletzt angebotene Knöpfe",
    "invitecode": "Von dir erstellte Einladungscodes",
}

ERASE_TITLE = "Daten löschen"
ASK_ERASE = (
    "<b>Alle deine Daten löschen?</b>\n"
    "Dann lösche ich deine Erinnerungen und Nachrichten, melde dich von kommenden Terminen ab "
    "(die Warteliste rückt nach) und entferne deinen Namen und deine Chat-Kennung. Was das "
    "Clusterteam für vergangene Termine und Anfragen deiner Firma braucht, bleibt ohne deinen "
    "Namen erhalten. Das lässt sich nicht rückgängig machen."
)
ERASE_YES = "Ja, alles löschen"
ERASE_NO = "Nein"
ERASED = (
    "Erledigt: deine Daten sind gelöscht. Wenn du mir wieder schreibst, beginnst du neu – "
    "für eine Firma brauchst du dann wieder einen Einladungscode."
)
KEPT = "Gut, ich habe nichts gelöscht."

LEAVE_TITLE = "Firma verlassen"
ASK_LEAVE = (
    "Möchtest du dich von <b>{company}</b> lösen? Deine Anmeldungen bleiben für die Firma "
    "bestehen. Zurück geht es nur mit einem neuen Einladungscode."
)
LEAVE_YES = "Ja, austreten"
LEAVE_NO = "Nein"
LEFT = "Du bist jetzt keiner Firma mehr zugeordnet (vorher: <b>{company}</b>)."
NOT_IN_COMPANY = "Du bist keiner Firma zugeordnet – da gibt es nichts zu verlassen."
STAYED = "Gut, du bleibst bei <b>{company}</b>."
