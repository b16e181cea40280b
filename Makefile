# pidfd-autokill patch queue: a thin front end over scripts/.
# `make demo` and `make check` are the whole set-up on a fresh machine.
# BASE=<file in bases/> (or a release line: BASE=6.12) picks the base kernel
# and its queue for every target; the default is base.conf's.
SHELL := /bin/bash
S := scripts

.PHONY: all check check-debug check-kcsan stress vng demo bench deps tree export kernel checkpatch bisect lint \
	base-latest deb check-deb clean

all: check

# make check's and make vng's guest arguments (stress=quick: bounded counts).
QUICK := harness.timeout=300 harness.pid_max=1100

# The inner loop: stress loops at bounded counts. TESTS="prog..." runs only those.
check:
	@$(S)/check.sh test check quick 1200 "$(QUICK)"

# The same suites on a KASAN/UBSAN/lockdep kernel, stress loops at full counts
# (pid_max 4096: pidfd_test's pid-recycle case, 33,000 forks at the default,
# outlasted a 40-minute guest under load); any report fails the run.
check-debug:
	@$(S)/check.sh debug check full 2400 "harness.timeout=1200 harness.pid_max=4096 panic_on_warn=1"

# The same suites on a KCSAN kernel at check-debug's counts, and on the base
# built with the same config: reports in the series' code, or absent on the
# base, fail; the others are printed as pre-existing.
check-kcsan:
	@$(S)/check-kcsan.sh

# The same suites on the test kernel, stress loops at full counts (under TCG
# pidfd_test alone can take minutes, hence the debug kernel's limits).
stress:
	@$(S)/check.sh test stress full 2400 harness.timeout=1200

# make check's selftests and counts on the same kernel, booted by virtme-ng
# (the reviewers' runner) instead of with the harness's initramfs.
vng:
	@GUEST_RUNNER=$(S)/run-vng.sh $(S)/check.sh test vng quick 1200 "$(QUICK)"

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

# The newest linux-source of each Debian suite: is there a base file, does
# the queue apply? Changes nothing.
base-latest:
	@$(S)/base-latest.sh

# Debian packages of the patched base with Debian's own config
# (FLAVOUR=cloud-amd64 by default, FLAVOUR=amd64 for the generic kernel).
deb:
	@$(S)/deb.sh

# make check's suites on the kernel inside make deb's linux-image package.
check-deb:
	@$(S)/check-deb.sh

clean:
	rm -rf build
