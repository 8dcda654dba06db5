"""The web container's health check: exits 0 only when its /healthz answers 200 and "ok".

`python scripts/healthcheck.py [URL]` (default http://127.0.0.1:8000/healthz) asks as the TLS
proxy would: with a Host the site accepts (the first name of ALLOWED_HOSTS) and
`X-Forwarded-Proto: https`. Otherwise the host check (400) or the HTTPS redirect (301) would
answer instead of /healthz, and a check that takes a redirect for success never sees a 503.
Redirects are not followed; anything but 200 fails and is printed (which service is down).
Standard library only: it starts fast and needs neither Django nor curl.
"""

import http.client
import json
import os
import sys
from urllib.parse import urlsplit

DEFAULT_URL = "http://127.0.0.1:8000/healthz"


def allowed_host() -> str:
    for name in os.environ.get("ALLOWED_HOSTS", "").split(","):
        name = name.strip().lstrip(".")  # ".example.org" allows example.org and its subdomains
        if name and "*" not in name:
            return name
    return "localhost"


def check(url: str) -> tuple[bool, str]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=10)
    headers = {"Host": allowed_host(), "X-Forwarded-Proto": "https"}
    try:
        connection.request("GET", parts.path or "/", headers=headers)
        response = connection.getresponse()
        body = response.read(2000).decode("utf-8", "replace")
    except OSError as error:
        return False, f"no answer: {error}"
    finally:
        connection.close()
    if response.status != 200:
        return False, f"{response.status} {response.reason}: {body}"
    try:
        healthy = json.loads(body).get("status") == "ok"
    except (ValueError, AttributeError):
        healthy = False
    return healthy, body


def main() -> int:
    healthy, detail = check(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_URL)
    print(("healthy: " if healthy else "unhealthy: ") + detail)
    return 0 if healthy else 1


if __name__ == "__main__":
    sys.exit(main())
