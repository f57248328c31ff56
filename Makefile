# Qingshan: `make run` serves the demo school, `make test` runs the whole suite, `make check` is the gate.
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo python3 -m uv)
RUN := $(UV) run --frozen
MANAGE := $(RUN) python manage.py

.PHONY: run test fuzz check lint contracts format mypy migrations-check messages messages-check deploy-check env system-deps

env:
	@command -v uv >/dev/null 2>&1 || python3 -m uv --version >/dev/null 2>&1 || python3 -m pip install --quiet uv || python3 -m pip install --quiet --user --break-system-packages uv
	@$(UV) sync --frozen --quiet

system-deps:
	@bash scripts/system-deps.sh

messages: env
	@$(MANAGE) compilemessages --ignore=.venv --verbosity 0

# The demo school served as in production (gunicorn, DEBUG off: translated error pages, static files
# through whitenoise) with one task worker (figures of roll-ups, reminders, slips) and the rating
# schedule applied every minute; the logins are printed once the server answers. Ctrl-C stops all.
run: env messages
	$(MANAGE) migrate --verbosity 0
	$(MANAGE) demo
	@trap 'kill $$worker $$scheduler $$server 2>/dev/null' EXIT INT TERM; \
	export DEBUG=false QS_TASKS_IMMEDIATE=false; \
	$(MANAGE) db_worker --no-startup-delay --interval 2 & worker=$$!; \
	while sleep 60; do $(MANAGE) apply_rating_schedule --verbosity 0; done & scheduler=$$!; \
	$(RUN) gunicorn config.wsgi --bind 127.0.0.1:8000 --workers 2 --threads 4 --log-level warning & server=$$!; \
	$(RUN) python scripts/wait_until_serving.py http://127.0.0.1:8000/health/ && $(MANAGE) demo_logins; \
	wait $$server

test: env system-deps messages
	$(RUN) pytest

# Every form and API operation with many generated inputs (the suite runs a few of each).
fuzz: env messages
	QS_FUZZ_EXAMPLES=$${QS_FUZZ_EXAMPLES:-100} $(RUN) pytest tests/fuzz -p no:randomly

lint: env contracts
	$(RUN) ruff check .
	$(RUN) ruff format --check .

# The import contracts of docs/architecture.md (pyproject.toml, [tool.importlinter]).
contracts: env
	$(RUN) lint-imports --no-cache

format: env
	$(RUN) ruff check --fix .
	$(RUN) ruff format .

mypy: env
	$(RUN) mypy qingshan config

migrations-check: env
	$(MANAGE) makemigrations --check --dry-run

messages-check: env
	$(MANAGE) makemessages -l zh_Hans --ignore=.venv --ignore=static --no-obsolete --verbosity 0
	$(MANAGE) check_translations
	@$(MANAGE) compilemessages --ignore=.venv --verbosity 0

deploy-check: env
	QS_ENV=prod SECRET_KEY=ci-only-$$(python3 -c 'import secrets;print(secrets.token_urlsafe(50))') \
	  ALLOWED_HOSTS=qingshan.example.org $(MANAGE) check --deploy --fail-level WARNING

check: lint mypy migrations-check messages-check test deploy-check
