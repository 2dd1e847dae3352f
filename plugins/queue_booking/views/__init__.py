"""Views of the queue_booking plugin: public (foreigners, employers), staff, API."""
