#!/bin/sh
# Reproduces bench/templated/pdfs/ from resumes/ and labels/: installs the pinned JSON Resume themes from npm into
# bench/templated/node_modules (git-ignored; bench data only, never a runtime dependency of the service), then renders
# every resume through its three themes with headless Chromium. Needs node >= 18, npm and Chromium.
#   bench/templated/render.sh [--only ID ...] [--chromium PATH]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$here" && npm ci --no-audit --no-fund --silent)
cd "$root"
python=.venv/bin/python
[ -x "$python" ] || python=python3
exec "$python" -m bench.templated.build "$@"
