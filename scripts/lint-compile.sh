#!/usr/bin/env bash
# make lint: build the kernel objects the series touches with sparse (C=1) or
# with W=1, in the series and in the unpatched base (a worktree at tag base)
# with the test kernel's .config, and fail on any warning the series has that
# the base has not (new-warnings.sh). Each mode and tree has its own object
# directory, so the flags never change under an object and nothing else
# rebuilds; the objects are deleted first so that every run sees every
# warning (ccache replays the compiler's, sparse runs again).
# Usage: lint-compile.sh sparse|w1
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

mode=$1
case $mode in
sparse) flags=(C=1) label="sparse (C=1)" ;;
w1) flags=(W=1) label="W=1" ;;
*) die "lint-compile.sh: mode must be sparse or w1, not '$mode'" ;;
esac
log=$LOGS/lint-$mode.log
out=$BUILD/lint
test_config=$(objdir test)/.config
mkdir -p "$out"
: >"$log"
[ -f "$test_config" ] || "$TOP/scripts/kconfig.sh" test "$TOP/config/test.config"
base_worktree "$(srctree base)" "$log"
[ "$(git -C "$(srctree base)" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse base)" ] ||
	git -C "$(srctree base)" checkout -q -f --detach base

mapfile -t sources < <(series_kernel_sources)
[ ${#sources[@]} -gt 0 ] || { echo "$label: the series touches no kernel C file"; exit 0; }

# The warning lines of a build log: compiler, sparse, objtool and kernel-doc
# all print "file[:line[:col]]: warning|error: ...". Sparse's log also has the
# compiler's lines (they end in [-Wflag]); those belong to W=1.
warnings() { # BUILD_LOG
	grep -E '^[^ ]+: (warning|error): |^[^ ]+:[0-9]+(:[0-9]+)?: (warning|error): ' "$1" |
		if [ "$mode" = sparse ]; then grep -vE '\[-W[^]]+\]$' || true; else cat; fi
}

build() { # NAME SOURCE_TREE
	local name=$1 tree=$2 obj=$2/obj-$mode build_log=$out/$1-$mode.log objects=() s
	for s in "${sources[@]}"; do
		[ -f "$tree/$s" ] && objects+=("${s%.c}.o")
	done
	mkdir -p "$obj"
	cmp -s "$test_config" "$obj/.config" || cp "$test_config" "$obj/.config"
	(cd "$obj" && rm -f "${objects[@]}")
	echo "== $name: ${flags[*]} ${objects[*]}" >>"$log"
	if ! { KTREE=$tree kmake O="$obj" olddefconfig &&
		KTREE=$tree kmake O="$obj" -j"$(nproc)" "${flags[@]}" "${objects[@]}"; } >"$build_log" 2>&1; then
		cat "$build_log" >>"$log"
		die "the $name build of ${objects[*]} with ${flags[*]} failed, see $log"
	fi
	cat "$build_log" >>"$log"
	warnings "$build_log" >"$out/$name-$mode.warnings" || true
}

build base "$(srctree base)"
build series "$TREE"
new=$("$TOP/scripts/new-warnings.sh" "$out/base-$mode.warnings" "$out/series-$mode.warnings")
echo "$label: ${#sources[@]} objects (${sources[*]}):" \
	"base $(wc -l <"$out/base-$mode.warnings") warnings, series $(wc -l <"$out/series-$mode.warnings"), new $(grep -c . <<<"$new" || true)"
if [ -n "$new" ]; then
	echo "$new" >&2
	die "$label: the series adds the warnings above, see $log"
fi
