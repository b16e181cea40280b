#!/usr/bin/env bash
# Boot a kernel variant under virtme-ng and run its selftests there (make vng):
# the guest sees the host's root filesystem (read-only, 9p, a tmpfs overlay on
# /etc, /tmp, /var, ...) and guest/selftests runs the variant's kselftest
# install where it was built (and the launcher's --check probe), with the
# same harness.* arguments as in the initramfs. run-vm.sh's interface and logs: the kernel console (and vng's own
# messages) go to build/logs/VARIANT-NAME-console.log, the test output to
# build/logs/VARIANT-NAME-output.log.
# Usage: run-vng.sh VARIANT check TIME_LIMIT_SECONDS [EXTRA_KERNEL_ARGS]
# LOG_NAME=NAME names the logs VARIANT-NAME-* (default VARIANT-vng-*).
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1 mode=$2 limit=$3 extra=${4:-}
[ "$mode" = check ] || die "run-vng.sh runs the selftests (mode check), not mode '$mode'"
"$TOP/scripts/deps-vng.sh"
obj=$(objdir "$variant")
bzimage=$obj/arch/x86/boot/bzImage
kst=$obj/kselftest/kselftest_install
launcher=$obj/demo/$(basename "$DEMO_SOURCE" .c)
name=${LOG_NAME:-vng}
console=$LOGS/$variant-$name-console.log
output=$LOGS/$variant-$name-output.log
[ -f "$bzimage" ] || die "$bzimage missing: build the kernel first (make kernel)"
[ -x "$kst/run_kselftest.sh" ] || die "$kst/run_kselftest.sh missing: the selftests are not installed"
rm -f "$console" "$output"

# KVM only where it runs this kernel: run-vm.sh's probe boot decides (/dev/kvm
# can exist and still not run a guest), once per bzImage.
probe=$obj/kvm-probe
if [ -r /dev/kvm ] && [ -w /dev/kvm ] && [ ! "$probe" -nt "$bzimage" ]; then
	"$TOP/scripts/run-vm.sh" "$variant" probe 300 ||
		die "the KVM probe boot failed, see $LOGS/$variant-probe-console.log"
fi
accel=(--disable-kvm)
[ "$(cat "$probe" 2>/dev/null)" != kvm ] || accel=()

# --force-9p: the host's root over 9p without first trying virtio-fs (the
# virtiofsd of Debian 12's QEMU is the old C one, which vng cannot start; it
# waits, then falls back to 9p anyway). Without virtio-fs vng never picks its
# microvm machine either, whose virtio-mmio devices the test kernel lacks.
# The guest's /dev/stdin is /dev/null; the console goes to stderr (--verbose).
vng_args=(
	--run "$bzimage" "${accel[@]}" --force-9p --cpus "${SMP:-2}" --memory 2G --verbose
	--append "$extra"
	--exec "$(printf '%q ' "$TOP/guest/selftests" "$kst" "$launcher"); echo \"harness: done rc=\$?\""
)
echo "vng ${vng_args[*]}" >"$LOGS/$variant-$name-vng.log"

# QEMU reopens vng's stdout and stderr (/proc/self/fd/N) for several of its
# outputs, each truncating a regular file and writing at its own offset: give
# it pipes.
status=0
{
	timeout --kill-after=10 "$limit" vng "${vng_args[@]}" </dev/null 2>&1 >&3 3>&- |
		cat >"$console"
} 3>&1 | cat >"$output" || status=$?
guest_exit "$status" "$limit" "$console" vng "$console"
