"""A Przelewy24 protocol simulator on loopback (tests and the demo); see :mod:`.server`."""

from .server import Behaviour, Merchant, P24Simulator

__all__ = ["Behaviour", "Merchant", "P24Simulator"]
