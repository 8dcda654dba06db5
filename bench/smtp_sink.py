"""An SMTP server that accepts and forgets every message (benchmarks only).
Usage: python bench/smtp_sink.py PORT; prints how many it received when stopped (SIGTERM)."""

import signal
import sys
import threading

from aiosmtpd.controller import Controller


class Sink:
    count = 0

    async def handle_DATA(self, server, session, envelope):
        Sink.count += 1
        return "250 OK"


def main():
    controller = Controller(Sink(), hostname="127.0.0.1", port=int(sys.argv[1]))
    controller.start()
    print("ready", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    controller.stop()
    print(Sink.count, flush=True)


if __name__ == "__main__":
    main()
