#!/usr/bin/env bash
# make lint: make SPHINXDIRS=userspace-api htmldocs, the book the series adds
# its page to, in the series and in the base; fails on a warning the base
# build has not (new-warnings.sh). Sphinx only reports the pages it re-reads,
# so every build is a fresh one (-E); its warnings are kept per source tree
# and Sphinx version, and a tree already checked is not built again.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

book=userspace-api
out=$BUILD/lint
log=$LOGS/lint-htmldocs.log
mkdir -p "$out"
: >"$log"
command -v sphinx-build >/dev/null || die "sphinx-build missing: run scripts/deps.sh python3-sphinx"
base_worktree "$(srctree base)" "$log"
[ "$(git -C "$(srctree base)" rev-parse HEAD)" = "$(git -C "$TREE" rev-parse base)" ] ||
	git -C "$(srctree base)" checkout -q -f --detach base

htmldocs() { # NAME SOURCE_TREE
	local name=$1 tree=$2 build_log=$out/$1-htmldocs.log key
	key="$(git -C "$tree" rev-parse 'HEAD^{tree}') $(sphinx-build --version)"
	if [ "$(cat "$out/$name-htmldocs.key" 2>/dev/null)" = "$key" ]; then
		echo "== $name: unchanged since the last build, warnings from $out/$name-htmldocs.warnings" >>"$log"
		return 0
	fi
	rm -f "$out/$name-htmldocs.key"
	echo "== $name: make SPHINXDIRS=$book htmldocs" >>"$log"
	KTREE=$tree kmake O="$tree/obj-htmldocs" SPHINXDIRS="$book" SPHINXOPTS="-q -E" \
		-j"$(nproc)" htmldocs >"$build_log" 2>&1 || {
		cat "$build_log" >>"$log"
		die "make SPHINXDIRS=$book htmldocs failed in $tree, see $log"
	}
	cat "$build_log" >>"$log"
	grep -E 'WARNING|ERROR|CRITICAL|SEVERE|warning:|error:' "$build_log" \
		>"$out/$name-htmldocs.warnings" || true
	echo "$key" >"$out/$name-htmldocs.key"
}

htmldocs base "$(srctree base)"
htmldocs series "$TREE"
page=$(git -C "$TREE" diff --name-only --diff-filter=A base HEAD -- "Documentation/$book/" | paste -sd' ')
new=$("$TOP/scripts/new-warnings.sh" "$out/base-htmldocs.warnings" "$out/series-htmldocs.warnings")
echo "htmldocs $book (new: ${page:-no page}): base $(grep -c . "$out/base-htmldocs.warnings" || true) warnings," \
	"series $(grep -c . "$out/series-htmldocs.warnings" || true), new $(grep -c . <<<"$new" || true)"
if [ -n "$new" ]; then
	echo "$new" >&2
	die "htmldocs: the series adds the warnings above, see $log"
fi
