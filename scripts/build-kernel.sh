#!/usr/bin/env bash
# Build the bzImage of a kernel variant (incremental, ccache when installed).
# Usage: build-kernel.sh VARIANT
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
obj=$(objdir "$variant")
log=$LOGS/kernel-$variant.log
start=$SECONDS
KTREE=$(srctree "$variant") kmake O="$obj" -j"$(nproc)" bzImage >"$log" 2>&1 ||
	die "kernel build failed ($(grep -m1 -E 'error:|Error [0-9]' "$log" || echo 'see log')), see $log"
echo "kernel-$variant: $obj/arch/x86/boot/bzImage ($((SECONDS - start)) s)"
