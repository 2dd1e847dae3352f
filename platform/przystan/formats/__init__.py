"""Date formats of the platform's locales (``FORMAT_MODULE_PATH``).

Staff tables show one format in every language: ``dd.mm.rrrr``, with ``HH:MM`` (office time zone)
where the time matters — ``|date:"SHORT_DATE_FORMAT"`` and ``|date:"SHORT_DATETIME_FORMAT"``. The long
formats ("3 grudnia 2026") stay Django's, for prose. Each language's module only imports these.
"""

SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
