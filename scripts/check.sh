#!/usr/bin/env bash
# Build, boot and run the selftests of a kernel variant; report TAP results.
# Usage: check.sh VARIANT TIME_LIMIT_SECONDS [EXTRA_KERNEL_ARGS]
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1 limit=$2 extra=${3:-}
"$TOP/scripts/prepare.sh" "$variant"
start=$SECONDS
vm_status=0
"$TOP/scripts/run-vm.sh" "$variant" check "$limit" "$extra" || vm_status=$?
echo "guest: $((SECONDS - start)) s"
"$TOP/scripts/report.sh" "$LOGS/$variant-check-output.log" \
	"$LOGS/$variant-check-console.log" \
	"$(objdir "$variant")/kselftest/kselftest_install/kselftest-list.txt"
exit "$vm_status"
