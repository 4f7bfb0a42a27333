# Two commands do everything on a fresh machine: `make run` and `make test`.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test install install-test messages migrate demo admin serve lint format check pins bench lighthouse load fuzz clean

$(VENV)/bin/activate:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt $(VENV)/bin/activate
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed messages
install-test: $(VENV)/.installed-test messages

messages: $(VENV)/.installed
	$(PY) -m portal.catalogues

migrate: install
	$(MANAGE) migrate --noinput

# The demo's own background work (reference index, renditions) runs as it is loaded: a task
# queued for a row the loader replaces a moment later would otherwise fail in the worker.
demo: migrate
	TASK_BACKEND=immediate $(MANAGE) load_demo_content
	$(MANAGE) set_site_url http://$(HOST):$(PORT)

admin: migrate
	$(MANAGE) ensure_admin

serve:
	@echo ""
	@echo "  Site:  http://$(HOST):$(PORT)/ar/   (fr: /fr/, en: /en/)"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/"
	@echo "  API:   http://$(HOST):$(PORT)/api/v2/pages/  ·  http://$(HOST):$(PORT)/api/docs/"
	@echo ""
	$(MANAGE) runserver $(HOST):$(PORT)

# The task worker (database backend) and the schedule run beside the server and stop with it.
# Links built without a request (moderation and invitation e-mails) use the served address.
run: export WAGTAILADMIN_BASE_URL = http://$(HOST):$(PORT)
run: demo admin
	@$(MANAGE) db_worker --queue-name '*' --no-reload --verbosity 0 & worker=$$!; \
	$(MANAGE) task_schedule & schedule=$$!; \
	trap 'kill $$worker $$schedule 2>/dev/null; wait $$worker $$schedule 2>/dev/null' EXIT INT TERM; \
	echo "  Tasks: database queue, worker pid $$worker (Admin → Reports → Background tasks)"; \
	$(MAKE) --no-print-directory serve

# The suite always runs on the test settings, whatever DJANGO_SETTINGS_MODULE the shell exports.
test: export DJANGO_SETTINGS_MODULE = portal.settings.test
test: install-test
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run
	$(VENV)/bin/lint-imports
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# Production-like stack on loopback (gunicorn, PostgreSQL, Redis, Varnish, nginx), measured
# with wrk; figures and how to read them in docs/performance.md. BENCH_ARGS="--duration 10".
bench: install messages
	bench/ensure-tools.sh
	$(PY) bench/run.py $(BENCH_ARGS)

# Lighthouse, mobile, median of 3 runs: home, campaign, needs, press room in ar and fr (npm's
# lighthouse under .cache/npm, Debian's Chromium); the table and how to read it in docs/performance.md.
lighthouse: install messages
	$(PY) bench/lighthouse.py $(LIGHTHOUSE_ARGS)

# Nothing lost under load and faults (Redis stopped, a worker killed, PostgreSQL connections
# cut): figures checked against every acknowledged write. docs/reliability.md.
# LOAD_ARGS="--quick" (30 s per fault), "--fault redis", "--port-base 10300", "--fresh".
load: install messages
	$(PY) bench/load.py $(LOAD_ARGS)

# Schemathesis against /api/schema/ with stateful links, anonymous and with a partner key,
# more examples than `make test`. FUZZ_ARGS="--max-examples 50", "--quick". docs/reliability.md.
fuzz: install-test messages
	$(PY) bench/fuzz.py $(FUZZ_ARGS)

lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/djhtml --check $$(git ls-files '*.html')

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

pins:
	rm -rf /tmp/portal-pins && $(PYTHON) -m venv /tmp/portal-pins
	/tmp/portal-pins/bin/pip install --quiet -r requirements.in
	(echo "# Generated from requirements.in by: make pins"; /tmp/portal-pins/bin/pip freeze | grep -v '^pip==') > requirements.txt

clean:
	rm -rf $(VENV) var
