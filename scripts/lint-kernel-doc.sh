#!/usr/bin/env bash
# make lint: scripts/kernel-doc -none -Wall on every C file to which the series
# adds a kernel-doc comment ("/**"); fails on a warning the file's base
# version does not also have.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

log=$LOGS/lint-kernel-doc.log
out=$BUILD/lint/kernel-doc
rm -rf "$out"
mkdir -p "$out/base"
: >"$log"

mapfile -t files < <(git -C "$TREE" diff --diff-filter=d base HEAD -- '*.c' '*.h' |
	awk '/^\+\+\+ b\// { file = substr($0, 7) }
	     /^\+[[:space:]]*\/\*\*([[:space:]]|$)/ { print file }' | sort -u)
[ ${#files[@]} -gt 0 ] || { echo "kernel-doc: the series adds no kernel-doc comment"; exit 0; }

# The series' kernel-doc script checks both versions of each file, from the
# same relative path so that the warnings compare.
kernel_doc() { # DIR FILE
	(cd "$1" && { "$TREE/scripts/kernel-doc" -none -Wall "$2" 2>&1 || true; }) | tee -a "$log"
}
: >"$out/base.warnings"
: >"$out/series.warnings"
for f in "${files[@]}"; do
	echo "== $f" >>"$log"
	kernel_doc "$TREE" "$f" >>"$out/series.warnings"
	if git -C "$TREE" cat-file -e "base:$f" 2>/dev/null; then
		mkdir -p "$out/base/$(dirname "$f")"
		git -C "$TREE" show "base:$f" >"$out/base/$f"
		kernel_doc "$out/base" "$f" >>"$out/base.warnings"
	fi
done
new=$("$TOP/scripts/new-warnings.sh" "$out/base.warnings" "$out/series.warnings")
echo "kernel-doc -Wall: ${#files[@]} files (${files[*]}): base $(grep -c . "$out/base.warnings" || true) warnings, series $(grep -c . "$out/series.warnings" || true), new $(grep -c . <<<"$new" || true)"
if [ -n "$new" ]; then
	echo "$new" >&2
	die "kernel-doc: the series adds the warnings above, see $log"
fi
