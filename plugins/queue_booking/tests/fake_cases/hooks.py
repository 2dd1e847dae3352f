from przystan.pluginsys.markers import hookimpl

#: reference -> (code, person_key, live)
CASES = {
    "WSC-2026-0001": ("123456", "person-olena", True),
    "WSC-2026-0002": ("654321", "person-olena", True),
    "WSC-2025-0999": ("111111", "person-old", False),
}


@hookimpl
def case_lookup(office, reference, secret):
    case = CASES.get(reference)
    if case is None or (secret is not None and secret != case[0]):
        return None
    return {
        "reference": reference,
        "person_name": "Olena Kovalenko",
        "person_key": case[1],
        "application_type": "temp_work",
        "stage": "filed",
        "live": case[2],
    }
