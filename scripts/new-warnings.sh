#!/usr/bin/env bash
# Print the warnings of SERIES_LIST that BASE_LIST does not also have, one
# per line as the series' build printed it. Both lists are compared with the
# tree path and line/column numbers left out, since the series moves lines;
# a warning the series repeats more often than the base counts as new.
# Usage: new-warnings.sh BASE_LIST SERIES_LIST
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

base_list=$1 series_list=$2
awk -v base_tree="$(srctree base)/" -v series_tree="$TREE/" '
function key(line) {
	sub("^" base_tree, "", line)
	sub("^" series_tree, "", line)
	sub(/^(\.\.\/|\.\/)+/, "", line)
	sub(/:[0-9]+(:[0-9]+)?:/, ":", line)
	return line
}
FILENAME == ARGV[1] { base[key($0)]++; next }
{ k = key($0); if (base[k] > 0) base[k]--; else print }
' "$base_list" "$series_list"
