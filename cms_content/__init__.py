"""Wagtail page models, blocks, templates and demo content of the multilingual information portal."""
