"""Wait until a URL answers (``make run`` prints the logins only once the server is ready)."""

import sys
import time
import urllib.error
import urllib.request

url, deadline = sys.argv[1], time.monotonic() + float(sys.argv[2] if len(sys.argv) > 2 else 60)
while time.monotonic() < deadline:
    try:
        with urllib.request.urlopen(url, timeout=2):
            sys.exit(0)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        time.sleep(0.3)
sys.exit(f"{url} did not answer in time")
