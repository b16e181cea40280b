#!/usr/bin/env bash
# Print the KCSAN reports on a kernel console, one line each:
# "TITLE<TAB>FRAMES<TAB>LINE". TITLE is the report's title without "BUG: KCSAN: "
# and without offsets or compiler clone suffixes (.isra.0, .constprop.0, ...),
# so it compares across builds ("data-race in pidfs_exit / pidfd_info");
# FRAMES the function names of the first access's stack, " | ", those of the
# second's; LINE the console line of the title.
# Usage: kcsan-reports.sh CONSOLE_LOG
# shellcheck source=scripts/common.sh
. "$(dirname "$0")/common.sh"

console=$1
[ -f "$console" ] || die "no console log at $console"
tr -d '\r' <"$console" | awk '
function symbol(s) {
	sub(/\+0x[0-9a-f]+\/0x[0-9a-f]+.*/, "", s)
	sub(/ \[[^]]*\]$/, "", s)
	gsub(/\.(constprop|isra|part|cold|llvm)(\.[0-9]+)*/, "", s)
	return s
}
function finish() {
	if (title != "") printf "%s\t%s\t%d\n", title, frames, at
	title = ""
}
{ sub(/^\[ *[0-9]+\.[0-9]+\] /, "") }
/^BUG: KCSAN: / {
	finish()
	title = $0
	sub(/^BUG: KCSAN: /, "", title)
	n = split(title, words, " ")
	title = ""
	for (i = 1; i <= n; i++) title = title (i > 1 ? " " : "") symbol(words[i])
	frames = ""; accesses = 0; stack = 0; at = NR
	next
}
title == "" { next }
/========================================/ { finish(); next }
# "read to 0x... of 4 bytes by task 12 on cpu 0:", "race at unknown origin, with ...".
/ of [0-9]+ bytes by .* on cpu [0-9]+:$/ {
	if (accesses++) frames = frames " |"
	stack = 1
	next
}
stack && /^ [A-Za-z_][A-Za-z0-9_.]*\+0x[0-9a-f]+\/0x[0-9a-f]+/ {
	frames = frames (frames == "" ? "" : " ") symbol($1)
	next
}
stack && /^$/ { stack = 0 }
END { finish() }'
