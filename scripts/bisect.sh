#!/usr/bin/env bash
# Apply the series one patch at a time in a separate worktree and build, at
# each step, the kernel objects, uapi headers and selftests the series touches.
# Fails naming the first patch after which the build breaks.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

wt=$BUILD/bisect
obj=$wt/obj-bisect
log=$LOGS/bisect.log
: >"$log"
[ -f "$(objdir test)/.config" ] ||
	"$TOP/scripts/kconfig.sh" test "$TOP/config/test.config"

base_worktree "$wt" "$log"
bmake() {
	local cc=gcc
	command -v ccache >/dev/null && cc="ccache gcc"
	make -C "$wt" O="$obj" ARCH=x86_64 CC="$cc" HOSTCC="$cc" -j"$(nproc)" "$@" >>"$log" 2>&1
}

mapfile -t commits < <(git -C "$TREE" rev-list --reverse base..HEAD)
[ ${#commits[@]} -gt 0 ] || { echo "bisect: the series is empty"; exit 0; }
touched=$(git -C "$TREE" diff --name-only base HEAD)
objects=$(series_kernel_sources | sed 's/\.c$/.o/')
selftest_dirs=$(grep -oE '^tools/testing/selftests/[^/]+/' <<<"$touched" | sort -u || true)

git -C "$wt" checkout -q -f --detach base
mkdir -p "$obj"
cp "$(objdir test)/.config" "$obj/.config"
bmake olddefconfig prepare || die "preparing $wt failed, see $log"

for c in "${commits[@]}"; do
	subject=$(git -C "$TREE" log -1 --format=%s "$c")
	git -C "$wt" checkout -q -f --detach "$c"
	echo "== $subject" >>"$log"
	present=()
	for o in $objects; do
		[ -f "$wt/${o%.o}.c" ] && present+=("$o")
	done
	step_ok=1
	bmake headers "${present[@]}" || step_ok=0
	for d in $selftest_dirs; do
		[ -d "$wt/$d" ] || continue
		mkdir -p "$obj/$d"
		make -C "$wt/$d" OUTPUT="$obj/$d" KHDR_INCLUDES="-isystem $obj/usr/include" \
			>>"$log" 2>&1 || step_ok=0
	done
	if [ $step_ok -eq 0 ]; then
		die "the build breaks after patch '$subject' ($c), see $log"
	fi
	echo "bisect: builds after '$subject'"
done
