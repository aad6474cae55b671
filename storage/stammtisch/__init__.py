"""The biweekly online Social Media Stammtisch.

`models` (tables), `series` (calendar maths in Europe/Berlin: meetings stay at 13:00 local
across daylight-saving changes), `queries` (the read side), `service` (changes, taking the
caller's session).
"""
