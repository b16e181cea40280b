#!/usr/bin/env bash
# Run scripts/checkpatch.pl --strict on every patch of the series; any error,
# warning or check fails.
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

log=$LOGS/checkpatch.log
: >"$log"
bad=0
for p in $(series_patches); do
	# spdxcheck.py needs the python3 with Debian's python3-ply and python3-git.
	if (cd "$TREE" && PATH=/usr/bin:$PATH ./scripts/checkpatch.pl --strict --no-summary --terse \
		"$QUEUE/$p") >>"$log" 2>&1; then
		echo "checkpatch: $p: clean"
	else
		echo "checkpatch: $p: problems" >&2
		bad=1
	fi
done
if [ $bad -ne 0 ]; then
	cat "$log" >&2
	die "checkpatch --strict found problems, see $log"
fi
