"""Przelewy24 REST API v1: signing rules, our own typed client and the provider for the payment flow."""
