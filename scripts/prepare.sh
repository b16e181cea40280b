#!/usr/bin/env bash
# Everything a guest boot needs for a kernel variant: packages, the patched
# tree, .config, bzImage, selftests and initramfs. Incremental at every step.
# Usage: prepare.sh VARIANT
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

variant=$1
fragments=("$TOP/config/test.config")
[ "$variant" = test ] || fragments+=("$TOP/config/$variant.config")

"$TOP/scripts/deps.sh"
"$TOP/scripts/tree.sh"
"$TOP/scripts/kconfig.sh" "$variant" "${fragments[@]}"
"$TOP/scripts/build-kernel.sh" "$variant"
"$TOP/scripts/build-selftests.sh" "$variant"
"$TOP/scripts/initramfs.sh" "$variant"
