# Every target bootstraps .venv from pyproject.toml first (python3 and pip are all it needs). The dev
# environment includes the `train` extra so the training code is tested too; a worker needs neither.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-dev
GOLD   ?= ../shared/eval
N      ?= 2000
LINTED := worker schemas tests bench

.PHONY: venv run test lint native clean-native native-if-possible eval bench chaos train-topics schemas clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev,train]'
	touch $(STAMP)

venv: $(STAMP)

## process seeds/ end to end (embedded Redis unless NEWSWIRE_REDIS_URL is set)
run: $(STAMP)
	$(BIN)/newswire run seeds/

## the whole test suite (integration tests: NEWSWIRE_TEST_REDIS_URL, else an embedded Redis)
test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check $(LINTED)
	$(BIN)/ruff format --check $(LINTED)
	$(BIN)/mypy worker schemas bench
	$(BIN)/python -m schemas.export --check

## compile the stages with mypyc, in place (about 15 % faster; needs a C compiler and the Python headers)
native: $(STAMP)
	$(BIN)/python -m worker.native build

## back to pure Python stages
clean-native: $(STAMP)
	$(BIN)/python -m worker.native clean

# eval and bench measure the compiled build when this machine can build it, else pure Python (they say which).
native-if-possible: $(STAMP)
	@$(BIN)/python -m worker.native build || \
		(echo "make: the compiled build failed (see above): measuring the pure Python stages" && \
		 $(BIN)/python -m worker.native clean)

## score the stages against the gold dev files (on the compiled build where it builds, as workers would run)
eval: native-if-possible
	$(BIN)/newswire eval $(GOLD)/meantime.dev.jsonl $(GOLD)/gum.dev.jsonl $(GOLD)/plover.dev.jsonl \
		$(GOLD)/wikinews.dev.jsonl.gz --holdout

## end-to-end throughput and latency against real workers (N documents), on the compiled build where it builds
bench: native-if-possible
	$(BIN)/python -m bench.throughput --documents $(N) --gold $(GOLD)/wikinews.dev.jsonl.gz

## workers SIGKILLed at random and Redis restarted while N documents flow; fails if one is lost or doubled
chaos: $(STAMP)
	$(BIN)/python -m bench.chaos --documents $(N) --gold $(GOLD)/wikinews.dev.jsonl.gz

## retrain the topic model from the wikinews dev file (needs the `train` extra: scikit-learn)
train-topics: $(STAMP)
	$(BIN)/python -m worker.training.train_topics --data $(GOLD)/wikinews.dev.jsonl.gz

## regenerate the JSON Schema files from the models
schemas: $(STAMP)
	$(BIN)/python -m schemas.export

clean:
	-$(BIN)/python -m worker.native clean
	rm -rf $(VENV) .mypy_cache .ruff_cache .pytest_cache build
