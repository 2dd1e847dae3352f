"""Staff views of the hotel base (internal profile only), one module per area."""
