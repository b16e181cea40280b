#!/usr/bin/env bash
# Print the kselftest-list.txt entries ("collection:program") to run: all of
# them, or those named in TESTS (program names, with or without
# "collection:"). A name that is no test program fails, listing the valid ones.
# Usage: select-tests.sh KSELFTEST_LIST [NAME...]
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

list=$1
shift
[ -f "$list" ] || die "$list missing: the selftests are not installed"
if [ $# -eq 0 ]; then
	cat "$list"
	exit 0
fi
for name in "$@"; do
	entry=$(awk -F: -v name="$name" '$0 == name || $2 == name { print; exit }' "$list")
	[ -n "$entry" ] ||
		die "TESTS: '$name' is no test program; valid: $(cut -d: -f2 "$list" | paste -sd' ')"
	echo "$entry"
done | awk '!seen[$0]++'
