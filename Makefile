# Solimut RSE: `make run` for the local demo, `make test` for the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Test tools from npm (the W3C HTML checker the browser journeys run), locked in tests/tools.
TOOLS := tests/tools/node_modules/.installed
PORT ?= 8000

.DEFAULT_GOAL := help

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

$(STAMP): requirements-dev.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --require-hashes -r requirements-dev.lock
	touch $(STAMP)

$(TOOLS): tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund
	touch $(TOOLS)

install: $(STAMP) ## Create .venv and install the locked dependencies, test tools included

tools: $(TOOLS) ## Install the npm test tools (the HTML checker) from tests/tools/package-lock.json

messages: install ## Compile the translations (French source, English catalogue)
	DEBUG=1 $(BIN)/python manage.py compilemessages --ignore=.venv -v0

run: install messages ## Local demo on http://127.0.0.1:8000 (SQLite, tasks in-process, e-mails in var/mail)
	DEBUG=1 RSE_REQUIRE_STAFF_MFA=0 $(BIN)/python manage.py migrate --noinput
	DEBUG=1 RSE_REQUIRE_STAFF_MFA=0 $(BIN)/python manage.py seed_demo
	DEBUG=1 RSE_REQUIRE_STAFF_MFA=0 $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

lint: install ## ruff lint and format check, the apps' one-way order (import-linter), mypy
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports --no-cache
	DEBUG=1 $(BIN)/mypy

test: install tools messages lint ## Lint, then the whole suite (PostgreSQL when DATABASE_URL is set; search on SQLite too)
	DEBUG=1 DATABASE_URL= $(BIN)/python manage.py makemigrations --check --dry-run -v0
	$(BIN)/pytest
	@# The search behaves the same on both databases: its tests again on SQLite.
	case "$$DATABASE_URL" in postgres*) DATABASE_URL= $(BIN)/pytest tests/search ;; esac

format: install ## Reformat the code with ruff
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

lock: install ## Re-pin requirements.lock (runtime: the image) and requirements-dev.lock (+ test tools, same versions)
	$(BIN)/pip install --quiet uv
	$(BIN)/uv pip compile pyproject.toml --generate-hashes --python-version 3.11 \
		--no-emit-index-url -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev -c requirements.lock --generate-hashes \
		--python-version 3.11 --no-emit-index-url -o requirements-dev.lock

translations: install ## Update the English catalogue from the code (then translate what is new)
	DEBUG=1 $(BIN)/python manage.py makemessages -l en --no-obsolete \
		--ignore=.venv/* --ignore=tests/* --ignore=scripts/* --ignore=bench/*

bench: install messages ## Benchmarks: pages (wrk, gunicorn), guide PDF, newsletter sending
	@command -v wrk >/dev/null || (apt-get update -qq && apt-get install -y -qq wrk)
	$(BIN)/python bench/run.py
	$(BIN)/python bench/newsletter.py

screenshots: install ## Screenshots of the main pages of a running `make run` into screenshots/
	$(BIN)/python scripts/screenshots.py http://127.0.0.1:$(PORT) screenshots

.PHONY: help install tools messages run lint test format lock translations bench screenshots
