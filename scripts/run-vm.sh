#!/usr/bin/env bash
# Boot a kernel variant with its initramfs under QEMU. The kernel console goes
# to build/logs/VARIANT-MODE-console.log, the guest's test output to
# build/logs/VARIANT-MODE-output.log.
# Usage: run-vm.sh VARIANT MODE TIME_LIMIT_SECONDS [EXTRA_KERNEL_ARGS]
# INITRAMFS=FILE boots FILE instead of the variant's own initramfs, KERNEL=FILE
# that kernel image instead of the variant's bzImage.
# LOG_NAME=NAME names the logs VARIANT-NAME-* instead of VARIANT-MODE-*.
# SMP=N gives the guest N CPUs instead of 2. ICOUNT=OPTS runs the guest clock
# off executed instructions (QEMU -icount OPTS); TCG only, ignored under KVM.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1 mode=$2 limit=$3 extra=${4:-}
obj=$(objdir "$variant")
initramfs=${INITRAMFS:-$obj/initramfs.cpio}
kernel=${KERNEL:-$obj/arch/x86/boot/bzImage}
name=${LOG_NAME:-$mode}
console=$LOGS/$variant-$name-console.log
output=$LOGS/$variant-$name-output.log
rm -f "$console" "$output"

boot() { # time-limit mode console output accel-args...
	local limit=$1 mode=$2 console=$3 output=$4
	shift 4
	timeout --kill-after=10 "$limit" qemu-system-x86_64 "$@" \
		-smp "${SMP:-2}" -m 2G -no-reboot -nodefaults -display none \
		-kernel "$kernel" -initrd "$initramfs" \
		-append "console=ttyS0 panic=-1 harness.mode=$mode $extra" \
		-serial "file:$console" -serial "file:$output"
}

# /dev/kvm can exist yet not run a guest (some nested set-ups hang or abort),
# so KVM is used only after a short probe boot of this kernel got through.
kvm=(-accel kvm -cpu host)
probe=$obj/kvm-probe
if [ -r /dev/kvm ] && [ -w /dev/kvm ] && [ ! "$probe" -nt "$kernel" ]; then
	rm -f "$probe.log"
	if boot 20 probe /dev/null "$probe.log" "${kvm[@]}" >/dev/null 2>&1 &&
		grep -q '^harness: done' "$probe.log"; then
		echo kvm >"$probe"
	else
		echo tcg >"$probe"
	fi
fi
if [ "$(cat "$probe" 2>/dev/null)" = kvm ]; then
	accel=("${kvm[@]}")
else
	accel=(-accel tcg -cpu max)
	[ -z "${ICOUNT:-}" ] || accel+=(-icount "$ICOUNT")
fi

status=0
boot "$limit" "$mode" "$console" "$output" "${accel[@]}" \
	>"$LOGS/$variant-$name-qemu.log" 2>&1 || status=$?
guest_exit "$status" "$limit" "$console" qemu "$LOGS/$variant-$name-qemu.log"
