"""Settings split: base (shared), dev, test, production. Select with DJANGO_SETTINGS_MODULE."""
