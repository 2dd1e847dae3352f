"""Case intake: cases that arrive from outside systems (MOS and others) through ``case_sources``.

The core owns the contract (:mod:`.contract`) and the runner (:mod:`.runner`, the ``intake_poll``
command and the ``core.intake-poll`` periodic job); plugins own the sources. The core never imports a
plugin: it only calls the ``case_sources`` hook per office.
"""
