#!/usr/bin/env bash
# Build the unpatched base kernel for make bench: a git worktree of build/linux
# at tag 'base', configured with the test kernel's own .config so that the two
# kernels differ only by the series. With a VARIANT (kcsan), the base kernel
# base-VARIANT with that variant's .config, in its own object directory.
# Usage: base-kernel.sh [VARIANT]
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=${1:-test}
base=base
[ "$variant" = test ] || base=base-$variant
wt=$(srctree "$base")
obj=$(objdir "$base")
log=$LOGS/kconfig-$base.log
test_config=$(objdir "$variant")/.config
[ -f "$test_config" ] || die "$test_config missing: build the $variant kernel first (scripts/prepare.sh $variant)"

: >"$log"
base_worktree "$wt" "$log"
[ "$(git -C "$wt" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse base)" ] ||
	git -C "$wt" checkout -q -f --detach base

mkdir -p "$obj"
# Copy only on change: a fresh .config timestamp would make kbuild reconfigure.
cmp -s "$test_config" "$obj/.config" || cp "$test_config" "$obj/.config"
KTREE=$wt kmake O="$obj" olddefconfig >>"$log" 2>&1 ||
	die "configuring the $base kernel failed, see $log"
if ! diff -u "$test_config" "$obj/.config" >>"$log"; then
	die "the $base kernel's .config differs from the $variant kernel's (the series adds or drops a symbol), see $log"
fi
"$TOP/scripts/build-kernel.sh" "$base"
