"""Business logic of visit booking, kept out of the views (one module per concern)."""
