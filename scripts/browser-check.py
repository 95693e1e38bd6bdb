#!/usr/bin/env python3
"""The browser suite: every walk in scripts/browser/walk_*.py, in a real headless Chromium.

Usage: start `swift run bimeh serve --demo --port 8089` in an empty directory, then
       python3 scripts/browser-check.py [http://127.0.0.1:8089] [out-dir] [walk-name-filter]
Needs Debian's chromium + chromium-driver and python3-selenium. Each walk defines `walk(s)` with
`s` a browser/session.py Session; a walk that fails or raises is reported and the next one runs.
Screenshots go to out-dir (every failure has one). Exits non-zero when any check fails.
"""
import glob
import importlib.util
import os
import sys
import time
import traceback

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "browser"))
from session import Session  # noqa: E402

base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8089"
out = sys.argv[2] if len(sys.argv) > 2 else "browser-check"
only = sys.argv[3] if len(sys.argv) > 3 else ""

s = Session(base, out)
try:
    for path in sorted(glob.glob(os.path.join(here, "browser", "walk_*.py"))):
        name = os.path.basename(path)[len("walk_"):-len(".py")]
        if only and only not in name:
            continue
        print(f"== {name}")
        started = time.monotonic()
        s.walk = name
        spec = importlib.util.spec_from_file_location("walk_" + name, path)
        module = importlib.util.module_from_spec(spec)
        try:
            spec.loader.exec_module(module)
            module.walk(s)
        except Exception:  # a walk that breaks is a failure, not the end of the suite
            traceback.print_exc()
            s.check(False, "the walk ran to its end (" + traceback.format_exc().strip().splitlines()[-1][:200] + ")")
        finally:
            s.desktop()
            s.logout()
            print(f"   {name} took {time.monotonic() - started:.0f} s")
finally:
    s.quit()

for failure in s.failures:
    print("FAILED: " + failure)
print(f"{len(s.failures)} failed" if s.failures else "all checks passed")
sys.exit(1 if s.failures else 0)
