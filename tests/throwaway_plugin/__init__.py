"""A throwaway plugin used only by tests to prove the plugin contract end to end."""
