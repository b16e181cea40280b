#!/usr/bin/env bash
# Build, boot and run the selftests of a kernel variant; report TAP results.
# Usage: check.sh VARIANT RUN STRESS TIME_LIMIT_SECONDS [EXTRA_KERNEL_ARGS]
# RUN names the logs (build/logs/VARIANT-RUN-*.log); STRESS is quick (bounded
# stress loops) or full. TESTS="PROGRAM..." runs only those test programs.
# GUEST_RUNNER=SCRIPT boots the guest with SCRIPT instead of run-vm.sh (make vng:
# run-vng.sh), same arguments.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1 run=$2 stress=$3 limit=$4 extra=${5:-}
"$TOP/scripts/prepare.sh" "$variant"

list=$(objdir "$variant")/kselftest/kselftest_install/kselftest-list.txt
selected=$LOGS/$variant-$run-tests.txt
read -ra names <<<"${TESTS:-}"
"$TOP/scripts/select-tests.sh" "$list" "${names[@]}" >"$selected"
args="harness.stress=$stress $extra"
[ ${#names[@]} -eq 0 ] || args+=" harness.tests=$(paste -sd, "$selected")"

output=$LOGS/$variant-$run-output.log
console=$LOGS/$variant-$run-console.log
times=$LOGS/$variant-$run-times.log
start=$SECONDS
vm_status=0
LOG_NAME=$run "${GUEST_RUNNER:-$TOP/scripts/run-vm.sh}" "$variant" check "$limit" "$args" || vm_status=$?
tr -d '\r' 2>/dev/null <"$output" | sed -n 's/^harness: time //p' >"$times" || true
echo "guest: $((SECONDS - start)) s (per program: $times)"
status=0
"$TOP/scripts/report.sh" "$output" "$console" "$selected" || status=1
# A kernel with kmemleak (debug, kcsan): the guest's scan after the suites,
# compared with the base kernel's scan of make check-kcsan when there is one.
if grep -qx 'CONFIG_DEBUG_KMEMLEAK=y' "$(objdir "$variant")/.config"; then
	"$TOP/scripts/kmemleak-report.sh" "$output" "$LOGS/base-kcsan-check-output.log" || status=1
fi
[ $status -eq 0 ] || exit 1
exit "$vm_status"
