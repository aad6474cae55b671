"""Media days: a company books a visit of the media team; the team confirms one day.

`models` (tables), `rules` (catalogue numbers, calendar, caps), `service` (writes),
`queries` (the read side), `nudges` (the monthly nudge to companies without a media day).
"""
