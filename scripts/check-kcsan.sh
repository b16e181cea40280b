#!/usr/bin/env bash
# make check-kcsan: the suites on a KCSAN kernel (config/kcsan.config over
# test.config) at check-debug's counts, and the same programs on the unpatched
# base built with the same .config. A KCSAN report fails the run when it is in
# the series' code or absent on the base (kcsan-classify.sh); the others are
# printed as pre-existing. Also kmemleak's scan, held the way check-debug's is.
# The base runs first, so the patched run's kmemleak scan has it to compare.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

# Per program 2400 s, the guest 7200 s: a KCSAN kernel under TCG runs the
# suites several times slower than the test kernel.
limit=7200
extra="harness.timeout=2400 harness.pid_max=4096"

"$TOP/scripts/prepare.sh" kcsan
"$TOP/scripts/base-kernel.sh" kcsan
"$TOP/scripts/kcsan-base.sh" full "$limit" "$extra"
status=0
KCSAN_REPORTS=classified "$TOP/scripts/check.sh" kcsan check full "$limit" "$extra" || status=1
# The guest prints KCSAN's counters: watchpoints set up show that it watched.
for kernel in base-kcsan kcsan; do
	counters=$(tr -d '\r' <"$LOGS/$kernel-check-output.log" |
		sed -n 's/^harness: kcsan \(setup_watchpoints\|data_races\|races_unknown_origin\|no_capacity\): /\1 /p' |
		paste -sd, -)
	echo "kcsan: $kernel kernel's counters: ${counters:-none printed}"
done
"$TOP/scripts/kcsan-classify.sh" "$LOGS/kcsan-check-console.log" "$LOGS/base-kcsan-check-console.log" ||
	status=1
[ $status -eq 0 ] || die "check-kcsan failed, see above and $LOGS/kcsan-check-*.log"
