#!/usr/bin/env bash
# Boot the patched test kernel and run the series' demo program in it.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

"$TOP/scripts/prepare.sh" test
"$TOP/scripts/run-vm.sh" test demo 300
output=$LOGS/test-demo-output.log
tr -d '\r' <"$output" | grep -v '^harness: '
rc=$(tr -d '\r' <"$output" | sed -n 's/^harness: done rc=//p')
[ -n "$rc" ] || die "demo did not finish; console: $LOGS/test-demo-console.log"
exit "$rc"
