"""Run the Przelewy24 simulator for the demo: ``python -m plugins.payments.simulator --port 8099``."""

from __future__ import annotations

import argparse
import time

from .server import DEMO_MERCHANT, P24Simulator


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8099)
    args = parser.parse_args()
    sim = P24Simulator(args.host, args.port).start()
    sim.add_merchant(DEMO_MERCHANT)
    print(f"Przelewy24 simulator on {sim.base_url} (merchant {DEMO_MERCHANT.merchant_id}); Ctrl+C stops it")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        sim.stop()


if __name__ == "__main__":
    main()
