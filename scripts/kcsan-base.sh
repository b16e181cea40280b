#!/usr/bin/env bash
# make check-kcsan: boot the unpatched base kernel built with the KCSAN
# kernel's .config (base-kcsan) with the KCSAN kernel's initramfs, so the same
# test programs with the same arguments, for the KCSAN reports and kmemleak
# leaks the base has of its own. The series' tests fail or skip there: only
# the console and the kmemleak scan count, and that the guest finished.
# The last run is kept while the kernel, the initramfs' contents and the
# arguments are unchanged (KCSAN_BASE=rerun boots again).
# Usage: kcsan-base.sh STRESS TIME_LIMIT_SECONDS [EXTRA_KERNEL_ARGS]
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

stress=$1 limit=$2 extra=${3:-}
obj=$(objdir base-kcsan)
kcsan_obj=$(objdir kcsan)
initramfs=$kcsan_obj/initramfs.cpio
[ -f "$obj/arch/x86/boot/bzImage" ] || die "$obj has no bzImage: run scripts/base-kernel.sh kcsan"
[ -f "$initramfs" ] || die "$initramfs missing: run scripts/prepare.sh kcsan"

# The same program list and arguments check.sh gives the kcsan kernel.
selected=$LOGS/base-kcsan-check-tests.txt
read -ra names <<<"${TESTS:-}"
"$TOP/scripts/select-tests.sh" "$kcsan_obj/kselftest/kselftest_install/kselftest-list.txt" \
	"${names[@]}" >"$selected"
args="harness.stress=$stress $extra"
[ ${#names[@]} -eq 0 ] || args+=" harness.tests=$(paste -sd, "$selected")"

output=$LOGS/base-kcsan-check-output.log
console=$LOGS/base-kcsan-check-console.log
stamp=$obj/.check-run.inputs
inputs=$({
	sha256sum "$obj/arch/x86/boot/bzImage" | cut -d' ' -f1
	awk '$1 == "file" { print $3 }' "$kcsan_obj/initramfs.list" | xargs -r cat | sha256sum | cut -d' ' -f1
	echo "$args $limit"
} | sha256sum | cut -d' ' -f1)
if [ "${KCSAN_BASE:-}" != rerun ] && [ "$(cat "$stamp" 2>/dev/null)" = "$inputs" ] &&
	[ -f "$console" ] && grep -q '^harness: done' "$output" 2>/dev/null; then
	echo "base-kcsan: kernel, programs and arguments unchanged since the last run, its logs kept ($console; KCSAN_BASE=rerun boots again)"
	exit 0
fi
rm -f "$stamp"

start=$SECONDS
vm_status=0
INITRAMFS=$initramfs LOG_NAME=check "$TOP/scripts/run-vm.sh" base-kcsan check "$limit" "$args" ||
	vm_status=$?
tr -d '\r' <"$output" | sed -n 's/^harness: time //p' >"$LOGS/base-kcsan-check-times.log" || true
echo "base-kcsan guest: $((SECONDS - start)) s (per program: $LOGS/base-kcsan-check-times.log)"
if [ $vm_status -ne 0 ] || ! grep -q '^harness: done' "$output"; then
	die "the base-kcsan guest did not finish, so there is nothing complete to compare with; see $console"
fi
echo "base-kcsan: $(grep -cE '^ok [0-9]+ selftests: ' "$output" || true) programs passed," \
	"$(grep -cE '^not ok [0-9]+ selftests: ' "$output" || true) failed (the series' programs fail on the base)"
if ! KCSAN_REPORTS=classified "$TOP/scripts/kernel-report.sh" "$console"; then
	echo "base-kcsan: the base kernel has the report above of its own; not held against the series" >&2
fi
echo "$inputs" >"$stamp"
