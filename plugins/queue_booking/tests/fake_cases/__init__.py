"""A test-only plugin answering ``case_lookup`` (stands in for the legalisation plugin)."""
