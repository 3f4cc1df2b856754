# The two set-up commands of the README, and what they need.
#   make demo   the pipeline end to end on samples/ (starts a local Kafka broker itself)
#   make test   lint, format and type checks, then the whole test suite (unit +
#               integration against a real Kafka broker)
# Both install everything first: the Python environment (.venv, pinned by
# constraints.txt) and the Kafka broker's jars (Maven Central, cached).

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.khabar-installed

.PHONY: install tools demo test lint test-unit test-integration broker-start broker-stop bench clean

install: $(STAMP) deploy/kafka/.cache/libs/.complete

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c constraints.txt -e '.[test]'
	touch $@

deploy/kafka/.cache/libs/.complete: deploy/kafka/pom.xml
	bash deploy/kafka/kafka.sh fetch

# The deploy tests validate docker-compose.yml with Debian's docker-compose (v1.29, which
# parses a compose file without a Docker engine).
tools:
	@command -v docker-compose >/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null; \
	  else echo "install docker-compose (Debian: apt-get install docker-compose) for the deploy tests" >&2; exit 1; fi; }

demo: install
	$(BIN)/khabar demo

test: install tools lint
	$(BIN)/python -m pytest

# Lint, format check and type check (ruff, mypy; configured in pyproject.toml).
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test-unit: install
	$(BIN)/python -m pytest -m "not integration"

test-integration: install
	$(BIN)/python -m pytest tests/integration

broker-start: install
	bash deploy/kafka/kafka.sh start

broker-stop:
	bash deploy/kafka/kafka.sh stop

bench: install
	$(BIN)/python -m benchmarks.all

clean: broker-stop
	rm -rf $(VENV) deploy/kafka/.run deploy/kafka/.cache .khabar
