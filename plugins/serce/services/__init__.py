"""Domain services of the serce register (the API other plugins that require serce may call)."""
