#!/usr/bin/env bash
# Build and install the selftests run in the VM (kselftest-install), plus the
# series' demo program when the series provides it.
# Usage: build-selftests.sh VARIANT
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
obj=$(objdir "$variant")
log=$LOGS/selftests-$variant.log
list=$obj/kselftest/kselftest_install/kselftest-list.txt
stamp=$obj/.kselftest.inputs
demo_src=$TREE/$DEMO_SOURCE
demo_bin=$obj/demo/$(basename "$DEMO_SOURCE" .c)

# kselftest-install re-runs headers_install and every selftest Makefile even
# when nothing changed; with the same inputs as the last install it is known.
inputs=$(build_inputs_id "$TREE" "$obj" "$SELFTEST_DIRS")
installed() { echo "$inputs $(stat -c %Y.%s "$list")"; }
if [ -n "$inputs" ] && [ -f "$list" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$(installed)" ] &&
	{ [ ! -f "$demo_src" ] || [ -x "$demo_bin" ]; }; then
	exit 0
fi
rm -f "$stamp"

# FORCE_TARGETS: without it a collection that fails to build is left out of
# the install and the run, and kselftest-install still succeeds.
kmake O="$obj" -j"$(nproc)" TARGETS="$SELFTEST_DIRS" FORCE_TARGETS=1 kselftest-install >"$log" 2>&1 ||
	die "selftests build failed ($(grep -m1 -E 'error:' "$log" || echo 'see log')), see $log"

if [ -f "$demo_src" ]; then
	mkdir -p "$obj/demo"
	if [ ! "$demo_bin" -nt "$demo_src" ]; then
		gcc -O2 -Wall -Werror -isystem "$obj/usr/include" -o "$demo_bin" "$demo_src" \
			>>"$log" 2>&1 || die "demo build failed, see $log"
	fi
else
	rm -f "$demo_bin"
fi
[ -z "$inputs" ] || installed >"$stamp"
