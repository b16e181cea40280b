#!/usr/bin/env bash
# Build the bzImage of a kernel variant (incremental, ccache when installed).
# Usage: build-kernel.sh VARIANT
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
obj=$(objdir "$variant")
bzimage=$obj/arch/x86/boot/bzImage
log=$LOGS/kernel-$variant.log
stamp=$obj/.bzImage.inputs

# kbuild's no-op still walks the whole tree (tens of seconds on a loaded
# machine); with the same inputs as the last build its answer is known.
inputs=$(build_inputs_id "$(srctree "$variant")" "$obj")
built() { echo "$inputs $(stat -c %Y.%s "$bzimage")"; }
if [ -n "$inputs" ] && [ -f "$bzimage" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$(built)" ]; then
	echo "kernel-$variant: $bzimage (sources, .config and toolchain unchanged)"
	exit 0
fi
rm -f "$stamp"

start=$SECONDS
KTREE=$(srctree "$variant") kmake O="$obj" -j"$(nproc)" bzImage >"$log" 2>&1 ||
	die "kernel build failed ($(grep -m1 -E 'error:|Error [0-9]' "$log" || echo 'see log')), see $log"
# The inputs were read before the build: an edit made during it leaves the
# stamp stale, so the next run builds again.
[ -z "$inputs" ] || built >"$stamp"
echo "kernel-$variant: $bzimage ($((SECONDS - start)) s)"
