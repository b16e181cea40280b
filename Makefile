# pidfd-autokill patch queue: a thin front end over scripts/.
# `make demo` and `make check` are the whole set-up on a fresh machine.
SHELL := /bin/bash
S := scripts

.PHONY: all check check-debug demo bench deps tree export kernel checkpatch bisect lint clean

all: check

check:
	@$(S)/check.sh test 1200 harness.timeout=300

# The same suites on a KASAN/UBSAN/lockdep kernel; any report fails the run.
check-debug:
	@$(S)/check.sh debug 2400 "harness.timeout=1200 panic_on_warn=1"

demo:
	@$(S)/demo.sh

# The base and the patched kernel side by side: costs, teardown, ratios.
bench:
	@$(S)/bench.sh

deps:
	@$(S)/deps.sh

tree:
	@$(S)/deps.sh
	@$(S)/tree.sh

export:
	@$(S)/export.sh

kernel:
	@$(S)/prepare.sh test

checkpatch: tree
	@$(S)/checkpatch.sh

bisect: tree
	@$(S)/bisect.sh

# Review readiness: checkpatch, codespell, kernel-doc, sparse, W=1, htmldocs.
lint: tree
	@$(S)/lint.sh

clean:
	rm -rf build
