"""Przystań plugins shipped with the platform. Each is a Django app discovered through the
``przystan.plugins`` entry-point group; offices enable them one by one."""
