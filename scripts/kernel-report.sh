#!/usr/bin/env bash
# Fail, showing the context, if the kernel console has a WARNING, BUG, Oops,
# sanitizer, lockdep, RCU, hung-task or panic report.
# With KCSAN_REPORTS=classified (make check-kcsan) KCSAN's data-race reports
# are left out: kcsan-classify.sh holds them against the series and the base.
# Usage: kernel-report.sh CONSOLE_LOG
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

console=$1
kernel_report='WARNING:|BUG:|Oops|KASAN|UBSAN|possible circular locking|inconsistent lock state|possible recursive locking|suspicious RCU usage|Kernel panic|general protection fault|blocked for more than'
# A KCSAN report runs from its "BUG: KCSAN:" line to the closing rule of '='s;
# its lines are blanked, so line numbers still point into the console.
at=$(awk -v skip="${KCSAN_REPORTS:-}" '
	skip == "classified" && /BUG: KCSAN: / { in_kcsan = 1 }
	in_kcsan { if (/========================================/) in_kcsan = 0; print ""; next }
	{ print }' "$console" | grep -m1 -n -E "$kernel_report" | cut -d: -f1 || true)
[ -z "$at" ] && exit 0
echo "error: kernel report on the console ($console):" >&2
sed -n "$((at > 5 ? at - 5 : 1)),$((at + 40))p" "$console" >&2
exit 1
