#!/bin/sh
# Reproduces bench/templated/pdfs/ from resumes/ and labels/: installs the pinned JSON Resume themes from npm into
# bench/templated/node_modules and RenderCV from PyPI into bench/templated/.venv-rendercv (both git-ignored; bench data
# only, never a runtime dependency of the service), then renders every resume through its four themes (headless
# Chromium for the JSON Resume themes, Typst for RenderCV). Needs node >= 18, npm, python3 and Chromium.
#   bench/templated/render.sh [--only ID ...] [--chromium PATH]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
(cd "$here" && npm ci --no-audit --no-fund --silent)
# RenderCV lives in its own throwaway virtualenv (git-ignored), never in the project's requirements.
if [ ! -x "$here/.venv-rendercv/bin/python" ]; then
    python3 -m venv "$here/.venv-rendercv"
    "$here/.venv-rendercv/bin/pip" install --quiet "rendercv[full]==2.3"
fi
cd "$root"
python=.venv/bin/python
[ -x "$python" ] || python=python3
exec "$python" -m bench.templated.build "$@"
