"""German texts of privacy self-service: /datenschutz, /meinedaten, /loeschen, /austreten."""

from __future__ import annotations

from handlers.onboarding.texts import PLATFORMS

HELP_DATENSCHUTZ = "Was ich speichere, wie lange, deine Rechte"
HELP_MEINEDATEN = "Alles, was ich über dich gespeichert habe (Datei)"
HELP_LOESCHEN = "Deine Daten löschen"
HELP_AUSTRETEN = "Dich von deiner Firma lösen"

PRIVACY_FULL = (
    "<b>Datenschutz</b>\n"
    "Verantwortlich: {responsible}\n\n"
    "<b>Was ich speichere:</b> deine Chat-Kennung und deinen Anzeigenamen, deine Rolle, die "
    "Firma, der du zugeordnet bist, deine Anmeldungen und Anfragen (Termine mit den Namen für "
    "die Namensschilder, Medientag, Messe, Schau rein – mit den Kontaktangaben, die du dort "
    "nennst), deine Ideen und +1, deine Stimmen in Umfragen, deine Rückmeldungen zu Terminen, "
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
    "idea": "Deine Ideen",
    "idea_vote": "Deine +1 für Ideen",
    "poll": "Von dir angelegte Umfragen",
    "poll_ballot": "Deine Stimmen in Umfragen",
    "poll_recipient": "Umfragen, die an dich gingen",
    "event_feedback": "Deine Rückmeldungen zu Terminen",
    "company_role": "Deine Rolle in der Firma",
    "invite_attempt": "Versuche, einen Einladungscode einzulösen",
    "broadcast": "Von dir verschickte Rundschreiben",
    "webfeed": "Dein Kalender-Abo",
    "weblogin": "Anmeldelinks für den Web-Schreibtisch",
    "websession": "Sitzungen am Web-Schreibtisch",
}
# Field names of the readable file (/meinedaten .txt); the JSON file keeps the stored names.
FIELDS = {
    "id": "Nr.", "platform": "Plattform", "external_id": "Kennung", "display_name": "Name",
    "chat_id": "Chat-Kennung", "company_id": "Firma (Nr.)", "role": "Rolle",
    "unreachable_at": "nicht erreichbar seit", "created_at": "angelegt",
    "last_seen_at": "zuletzt aktiv", "name": "Name", "state": "Bundesland", "city": "Ort",
    "event": "Termin", "event_id": "Termin (Nr.)", "person_id": "Person (Nr.)",
    "people": "Personen", "names": "Namen", "status": "Stand", "cancelled_at": "abgemeldet",
    "promoted_at": "nachgerückt", "updated_at": "geändert", "kind": "Art", "text": "Text",
    "due_at": "fällig", "sent_at": "gesendet", "not_after": "nicht nach", "urgent": "dringend",
    "attempts": "Versuche", "last_error": "letzter Fehler", "dropped_at": "verworfen",
    "drop_reason": "verworfen, weil", "next_attempt_at": "nächster Versuch",
    "dedupe_key": "Schlüssel", "params": "Angaben", "payload": "Inhalt", "enabled": "an",
    "dialog": "Dialog", "step": "Schritt", "run": "Durchlauf", "data": "Angaben",
    "actions": "Knöpfe", "at": "Zeitpunkt", "actor": "von", "action": "Aktion",
    "detail": "Einzelheiten", "code": "Code", "uses": "eingelöst", "max_uses": "höchstens",
    "expires_at": "gültig bis", "revoked_at": "zurückgezogen", "created_by": "angelegt von",
    "used_at": "eingelöst am", "day": "Tag", "formats": "Formate", "wishes": "Wunschtermine",
    "contact_name": "Ansprechperson", "contact_reach": "erreichbar unter", "note": "Notiz",
    "requested_at": "angefragt", "requested_by": "angefragt von", "confirmed_at": "bestätigt",
    "proposed": "Vorschlag", "decline_reason": "Absagegrund", "move_wanted": "Verschiebung",
    "revision": "Fassung", "offered_at": "angeboten", "fair_id": "Messe (Nr.)",
    "area_m2": "Fläche (m²)", "staff": "Standpersonal", "needs_power": "Strom",
    "needs_table": "Tisch", "needs_wall": "Wand", "professions": "Berufe",
    "activity": "Mitmach-Aktion", "admin_note": "Notiz des Teams", "status_at": "Stand vom",
    "days": "Tage", "description": "Beschreibung", "contact": "Kontakt", "support": "Unterstützung",
    "programme": "Programm", "theme": "Thema", "comment": "Kommentar", "stars": "Sterne",
    "anonymous": "anonym", "question": "Frage", "choices": "Auswahl", "multiple": "mehrfach",
    "closes_at": "endet", "closed_at": "beendet", "voter": "Stimme", "remind": "Erinnerung",
    "reminded_at": "erinnert", "audience": "Empfänger", "recipients": "Empfänger",
    "queued_at": "eingeplant", "year": "Jahr", "year_slot": "Jahr", "day_slot": "Tag",
    "set_at": "gesetzt", "session": "Sitzung", "token_hash": "Schlüssel (gehasht)",
    "csrf": "Schutzschlüssel", "file_id": "Datei", "idea_id": "Idee (Nr.)",
    "poll_id": "Umfrage (Nr.)", "per_company": "pro Firma",
}
WORDS = {
    "registered": "angemeldet", "waitlist": "Warteliste", "cancelled": "abgemeldet",
    "requested": "angefragt", "confirmed": "bestätigt", "declined": "abgesagt",
    "withdrawn": "zurückgezogen", "done": "erledigt", "member": "Mitglied", "admin": "Admin",
    **PLATFORMS,
}
YES, NO = "ja", "nein"

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
