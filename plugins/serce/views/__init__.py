"""Staff views of the serce register (internal profile, under /staff/serce/)."""
