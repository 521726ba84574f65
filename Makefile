# The README's commands. `make run` and `make test` set everything up themselves.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
WEB_WORKERS ?= 2
# Local mode: with no SECRET_KEY in the environment, one is generated once and kept under var/.
export LOCAL_MODE ?= 1

.PHONY: run serve run-nginx nginx setup install chromium tesseract test lint format bench clean

# uv (pinned in requirements-dev.txt) installs the packages several times faster than pip: it downloads in parallel
# and installs from its cache by links. If uv cannot be had or fails, pip installs the same pins.
$(BIN)/.installed: requirements.txt requirements-dev.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	{ $(BIN)/pip install --quiet --disable-pip-version-check "$$(grep '^uv==' requirements-dev.txt)" && \
		$(BIN)/uv pip install --quiet --python $(BIN)/python --compile-bytecode -r requirements-dev.txt; } || \
		$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

install: $(BIN)/.installed

setup: install
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py createcachetable
	$(BIN)/python manage.py load_default_catalog
	$(BIN)/python manage.py setup_schedules
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0

# The web server and one worker together; Ctrl-C or SIGTERM stops both within 10 s (deploy/serve.py). `exec`
# makes the supervisor make's own child, so a SIGTERM that make passes on reaches it.
SERVE = exec $(BIN)/python -m deploy.serve --bind $(HOST):$(PORT) --web-workers $(WEB_WORKERS)
run: setup tesseract
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/, Ctrl-C stops)"
	$(SERVE)

# `make run` without the setup steps, for a database that is already set up (tests restart it repeatedly).
serve:
	$(SERVE)

# The production shape on one machine: Debian's nginx on HOST:PORT buffering requests for gunicorn on
# 127.0.0.1:UPSTREAM_PORT, and one worker (docs/deployment.md, "Behind nginx").
UPSTREAM_PORT ?= 8001
run-nginx: setup nginx
	@echo "Serving http://$(HOST):$(PORT)/ through nginx (Ctrl-C stops)"
	NUM_PROXIES=$${NUM_PROXIES:-1} exec $(BIN)/python -m deploy.serve --bind 127.0.0.1:$(UPSTREAM_PORT) \
		--web-workers $(WEB_WORKERS) --nginx $(HOST):$(PORT)

# Debian's nginx, for run-nginx and the tests of the production shape: installed when missing (as root), never
# started by the package (RUNLEVEL=1); deploy/serve.py starts its own with its own configuration.
nginx:
	@if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && RUNLEVEL=1 DEBIAN_FRONTEND=noninteractive \
				apt-get install -y -qq --no-install-recommends nginx >/dev/null; \
		else \
			echo "The production-shape tests need Debian's nginx: run 'sudo apt-get install -y nginx'"; \
		fi; \
	fi

# The browser tests drive Debian's Chromium (never a browser Playwright downloads): install it when missing.
chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
		else \
			echo "The browser tests need Debian's chromium: run 'sudo apt-get install -y chromium'"; \
		fi; \
	fi

# Scanned PDFs are read by the `tesseract` command (Debian's tesseract-ocr) with its English language data; without
# the command PyMuPDF's built-in OCR reads them from the data alone: install both when either is missing. Without the
# data scans fail with a reason.
tesseract:
	@if ! command -v tesseract >/dev/null || { [ ! -f /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] && \
		[ ! -f /usr/share/tesseract-ocr/4.00/tessdata/eng.traineddata ]; }; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq tesseract-ocr tesseract-ocr-eng; \
		else \
			echo "Scanned PDFs need Tesseract: run 'sudo apt-get install -y tesseract-ocr tesseract-ocr-eng'"; \
		fi; \
	fi

# The suite mostly waits on live servers and workers, so it runs in TEST_PROCESSES pytest processes
# (pytest-xdist); a module's tests stay in one process, so a stack a module starts is started once, and modules
# go in the suite's order (tests/conftest.py puts those with live stacks first), not largest first.
TEST_PROCESSES ?= 2
test: install chromium nginx tesseract
	$(BIN)/python -m pytest -n $(TEST_PROCESSES) --dist loadfile --no-loadscope-reorder $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Every benchmark in bench/, one after another, each printing its table (bench/README.md says what each measures).
bench: install
	@failed=""; for script in bench/*.py; do \
		name=$$(basename $$script .py); \
		case $$name in __init__|reference_app|_*) continue;; esac; \
		echo; echo "== bench/$$name.py"; \
		$(BIN)/python -m bench.$$name || failed="$$failed $$name"; \
	done; \
	if [ -n "$$failed" ]; then echo "Benchmarks that failed:$$failed"; exit 1; fi

clean:
	rm -rf $(VENV) var
