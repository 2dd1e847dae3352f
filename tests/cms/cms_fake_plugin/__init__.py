"""A test-only plugin answering the CMS's cross-plugin hooks (fees, application types, actions)."""
