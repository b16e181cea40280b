#!/usr/bin/env bash
# Make build/<base>/linux hold base + the base's queue (patches/), one commit per patch.
# A no-op when the tree already matches the queue; refuses to drop unexported work
# unless FORCE=1.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

"$TOP/scripts/base.sh"

stamp=$BUILD/series.stamp
want=$(series_hash)
head=$(git -C "$TREE" rev-parse HEAD)
dirty=$(git -C "$TREE" status --porcelain --untracked-files=no)

if [ -f "$stamp" ]; then
	read -r had_hash had_head <"$stamp"
else
	had_hash=none had_head=$(git -C "$TREE" rev-parse base)
fi

if [ "$had_hash" = "$want" ] && [ "$had_head" = "$head" ] && [ -z "$dirty" ]; then
	exit 0
fi
if [ "${FORCE:-0}" != 1 ] && { [ "$had_head" != "$head" ] || [ -n "$dirty" ]; }; then
	die "$TREE has commits or edits that are not in $BASE_QUEUE/: run 'make export' to keep them, or 'make tree FORCE=1' to drop them"
fi

log=$LOGS/tree.log
: >"$log"
git -C "$TREE" checkout -q -f -B series base
for p in $(series_patches); do
	[ -f "$QUEUE/$p" ] || die "$BASE_QUEUE/series lists $p, which does not exist"
	if ! git -C "$TREE" am -q --keep-non-patch "$QUEUE/$p" >>"$log" 2>&1; then
		reason=$(grep -m1 -E 'error:|patch failed|does not apply' "$log" || true)
		git -C "$TREE" am --abort >/dev/null 2>&1 || true
		die "patch $p does not apply: ${reason:-see log}; log: $log"
	fi
done
echo "$want $(git -C "$TREE" rev-parse HEAD)" >"$stamp"
echo "tree: base + $(series_patches | wc -l) patches applied"
